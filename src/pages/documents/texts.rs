//! Texts of `/documents`, Japanese and English side by side.

use crate::texts;

texts! {
    /// 書類提出 (SPEC S11).
    pub struct Texts {
        intro: &'static str {
            ja: "本人確認書類や収入証明書を、ファイルまたはカメラの撮影で提出できます。1つの書類を複数ページに分けて送れます。",
            en: "Submit your identity document or proof of income from a file or with your camera. A document may have several pages.",
        }
        kind_legend: &'static str {
            ja: "書類の種類",
            en: "Document",
        }
        identity_hint: &'static str {
            ja: "運転免許証、マイナンバーカード（表面のみ。裏面は送らないでください）、パスポートなど。住所が変わっている場合は裏面や住民票もあわせてお送りください。",
            en: "A driving licence, the front of your My Number card (never its back), a passport or similar. If your address has changed, also send the back of the licence or a residence certificate.",
        }
        income_hint: &'static str {
            ja: "源泉徴収票、確定申告書、または直近2か月分の給与明細書（賞与がある場合は直近1年分の賞与明細書も）。",
            en: "A withholding slip (源泉徴収票), a tax return (確定申告書), or your pay slips for the last two months (plus the last year's bonus slips, if any).",
        }
        upload_heading: &'static str {
            ja: "ページを選んで送信",
            en: "Choose the pages and send",
        }
        list_heading: &'static str {
            ja: "提出した書類",
            en: "Documents you have submitted",
        }
        list_empty: &'static str {
            ja: "提出した書類はまだありません。",
            en: "You have not submitted any documents yet.",
        }
        status_note: &'static str {
            ja: "確認は平日9:00～18:00に行います。「不備」となった書類は、お手数ですがあらためてご提出ください。",
            en: "Documents are checked on business days, 9:00–18:00 Japan time. Please send a document marked \u{201c}Needs resubmission\u{201d} again.",
        }
        reception_number: &'static str {
            ja: "受付番号",
            en: "Reception number",
        }
        kind: &'static str {
            ja: "書類",
            en: "Document",
        }
        pages: &'static str {
            ja: "ページ数",
            en: "Pages",
        }
        submitted_at: &'static str {
            ja: "提出日時",
            en: "Submitted",
        }
        status: &'static str {
            ja: "状況",
            en: "Status",
        }
        pages_value: fn(usize) -> String {
            ja: |n| format!("{n}ページ"),
            en: |n| if n == 1 { "1 page".to_owned() } else { format!("{n} pages") },
        }
        list_label: fn(&str) -> String {
            ja: |number| format!("受付番号 {number}"),
            en: |number| format!("Reception number {number}"),
        }
    }
}
