//! Texts of the institution and branch pickers, Japanese and English side by side.

use crate::texts;

texts! {
    /// The financial-institution picker and the branch picker.
    pub struct Texts {
        institution_legend: &'static str {
            ja: "金融機関",
            en: "Financial institution",
        }
        institution_search: &'static str {
            ja: "金融機関を検索",
            en: "Search financial institutions",
        }
        institution_hint: &'static str {
            ja: "金融機関名、よみがな（ひらがな・カタカナ）、ローマ字、金融機関コード（4桁）で探せます。「銀行」「信用金庫」などは省略できます。",
            en: "Type the name, its reading in kana or romaji, or the 4-digit bank code. Words such as 銀行 (bank) can be left out.",
        }
        kana_rows: &'static str {
            ja: "頭文字で探す",
            en: "Browse by kana initial",
        }
        institution_prompt: &'static str {
            ja: "金融機関名を入力するか、頭文字を選んでください。",
            en: "Type a name or choose an initial.",
        }
        /// How many institutions match what was typed or chosen.
        institution_count: fn(usize) -> String {
            ja: |n| format!("{n}件の金融機関が見つかりました。"),
            en: |n| if n == 1 { "1 financial institution found.".to_owned() } else { format!("{n} financial institutions found.") },
        }
        institution_none: &'static str {
            ja: "該当する金融機関がありません。ひらがなやローマ字でもお試しください。",
            en: "No financial institution matches. Try its name in kana or romaji.",
        }
        institution_code: fn(&str) -> String {
            ja: |code| format!("金融機関コード {code}"),
            en: |code| format!("Bank code {code}"),
        }
        institution_failed: &'static str {
            ja: "金融機関の一覧を読み込めませんでした。通信状態をご確認のうえ、再試行してください。",
            en: "The list of financial institutions could not be loaded. Please check your connection and try again.",
        }
        institution_chosen: &'static str {
            ja: "選択中の金融機関",
            en: "Chosen financial institution",
        }
        change_institution: &'static str {
            ja: "金融機関を変更",
            en: "Change financial institution",
        }
        branch_search: &'static str {
            ja: "支店",
            en: "Branch",
        }
        branch_hint: &'static str {
            ja: "支店名、よみがな、店番（3桁の支店コード）で探せます。",
            en: "Type the branch name, its reading in kana, or the 3-digit branch code.",
        }
        /// How many branches the institution has, before anything is typed.
        branch_all: fn(usize) -> String {
            ja: |n| format!("{n}件の支店があります。"),
            en: |n| if n == 1 { "This institution has 1 branch.".to_owned() } else { format!("This institution has {n} branches.") },
        }
        /// How many branches match what was typed.
        branch_count: fn(usize) -> String {
            ja: |n| format!("{n}件の支店が見つかりました。"),
            en: |n| if n == 1 { "1 branch found.".to_owned() } else { format!("{n} branches found.") },
        }
        branch_none: &'static str {
            ja: "該当する支店がありません。支店名のよみがなや店番でもお試しください。",
            en: "No branch matches. Try its reading in kana or its branch code.",
        }
        branch_empty: &'static str {
            ja: "この金融機関の支店情報がありません。",
            en: "No branches are listed for this institution.",
        }
        branch_code: fn(&str) -> String {
            ja: |code| format!("店番 {code}"),
            en: |code| format!("Branch code {code}"),
        }
        branch_failed: &'static str {
            ja: "支店の一覧を読み込めませんでした。通信状態をご確認のうえ、再試行してください。",
            en: "The list of branches could not be loaded. Please check your connection and try again.",
        }
        branch_chosen: &'static str {
            ja: "選択中の支店",
            en: "Chosen branch",
        }
        change_branch: &'static str {
            ja: "支店を変更",
            en: "Change branch",
        }
        change: &'static str {
            ja: "変更",
            en: "Change",
        }
        /// Results beyond the ones listed.
        more: fn(usize) -> String {
            ja: |n| format!("ほか{n}件あります。入力して絞り込んでください。"),
            en: |n| format!("{n} more — type to narrow the list."),
        }
    }
}
