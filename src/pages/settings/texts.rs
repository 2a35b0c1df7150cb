//! Texts of `/settings` and its sections that the settings page and more
//! than one section share, Japanese and English side by side. A section's
//! own words live in its module.

use crate::texts;

texts! {
    /// 各種設定の変更 (SPEC S12).
    pub struct Texts {
        intro: &'static str {
            ja: "ご登録内容の確認と変更ができます。変更すると、ご登録のメールアドレスにお知らせをお送りします。",
            en: "Check and change what you have registered with us. We e-mail you whenever something changes.",
        }
        not_registered: &'static str {
            ja: "未登録",
            en: "Not registered",
        }
        payee_summary: &'static str {
            ja: "インターネット振込のお振込先です。",
            en: "Where internet transfers are paid.",
        }
        reminders_summary: &'static str {
            ja: "ご返済日が近づいたらメールでお知らせします。",
            en: "An e-mail before each repayment date.",
        }
        day_5: &'static str {
            ja: "毎月5日",
            en: "The 5th of each month",
        }
        day_15: &'static str {
            ja: "毎月15日",
            en: "The 15th of each month",
        }
        day_25: &'static str {
            ja: "毎月25日",
            en: "The 25th of each month",
        }
        day_last: &'static str {
            ja: "毎月末日",
            en: "The last day of each month",
        }
        day_with_next: fn(&str, &str) -> String {
            ja: |day, next| format!("{day}（次回のご返済日 {next}）"),
            en: |day, next| format!("{day} (next repayment date {next})"),
        }
        to_confirm: &'static str {
            ja: "確認画面へ",
            en: "Review",
        }
        confirm_heading: &'static str {
            ja: "変更内容の確認",
            en: "Check the change",
        }
        confirm: &'static str {
            ja: "変更する",
            en: "Make the change",
        }
        saving: &'static str {
            ja: "変更しています…",
            en: "Saving…",
        }
        back: &'static str {
            ja: "修正する",
            en: "Back to edit",
        }
        item: &'static str {
            ja: "項目",
            en: "Item",
        }
        before: &'static str {
            ja: "変更前",
            en: "Before",
        }
        after: &'static str {
            ja: "変更後",
            en: "After",
        }
        done_heading: &'static str {
            ja: "変更しました",
            en: "Changed",
        }
        done_mail: &'static str {
            ja: "ご登録のメールアドレスにお知らせメールをお送りしました。",
            en: "We have sent a notice to your registered e-mail address.",
        }
        unchanged: &'static str {
            ja: "現在のご登録内容と同じです。",
            en: "This is what you have registered already.",
        }
        back_to_settings: &'static str {
            ja: "各種設定の変更に戻る",
            en: "Back to settings",
        }
    }
}
