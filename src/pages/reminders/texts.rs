//! Texts of `/reminders`, Japanese and English side by side.

use crate::texts;

texts! {
    /// ご返済日お知らせメール (SPEC S13).
    pub struct Texts {
        intro: &'static str {
            ja: "ご返済日が近づいたことを、ご登録のメールアドレスにお知らせします。",
            en: "We e-mail you when a repayment date is coming up.",
        }
        current_heading: &'static str {
            ja: "現在の設定",
            en: "Current setting",
        }
        address: &'static str {
            ja: "送信先メールアドレス",
            en: "Sent to",
        }
        no_address: &'static str {
            ja: "メールアドレスが登録されていないため、お知らせメールをお送りできません。各種設定の変更からメールアドレスをご登録ください。",
            en: "You have no e-mail address registered, so we cannot send reminders. Register one under Settings.",
        }
        status_on: &'static str {
            ja: "受け取る",
            en: "On",
        }
        status_off: &'static str {
            ja: "受け取らない",
            en: "Off",
        }
        receive: &'static str {
            ja: "お知らせメール",
            en: "Reminder e-mail",
        }
        timing: &'static str {
            ja: "送信するタイミング",
            en: "When to send",
        }
        on_due_date: &'static str {
            ja: "返済日当日",
            en: "On the repayment date",
        }
        days_before_1: &'static str {
            ja: "返済日の1日前",
            en: "1 day before",
        }
        days_before_3: &'static str {
            ja: "返済日の3日前",
            en: "3 days before",
        }
        days_before_5: &'static str {
            ja: "返済日の5日前",
            en: "5 days before",
        }
        hour: &'static str {
            ja: "送信時刻",
            en: "Time of day",
        }
        hour_hint: &'static str {
            ja: "日本時間（JST）",
            en: "Japan time (JST)",
        }
        hour_value: fn(u8) -> String {
            ja: |h| format!("{h}:00"),
            en: |h| format!("{h}:00"),
        }
        next_due: &'static str {
            ja: "次回のご返済日",
            en: "Next repayment date",
        }
        next_send: &'static str {
            ja: "次回の送信予定",
            en: "Next reminder",
        }
        none_planned: &'static str {
            ja: "送信予定はありません",
            en: "None planned",
        }
        no_balance: &'static str {
            ja: "現在お借入れがないため、ご返済日はありません。お借入れがあると、設定に沿ってお知らせします。",
            en: "You have no balance, so there is no repayment date. Once you borrow, reminders follow this setting.",
        }
        preview_passed: &'static str {
            ja: "次回のご返済日の分は送信時刻を過ぎているため、その次のご返済日の分からお送りします。",
            en: "The reminder for the next repayment date would already have gone, so reminders start with the following one.",
        }
        to_confirm: &'static str {
            ja: "確認画面へ",
            en: "Review the change",
        }
        confirm_heading: &'static str {
            ja: "設定内容の確認",
            en: "Review your new setting",
        }
        unchanged: &'static str {
            ja: "現在の設定から変更がありません。",
            en: "This is the setting you already have.",
        }
        confirm: &'static str {
            ja: "この内容で設定する",
            en: "Save this setting",
        }
        saving: &'static str {
            ja: "設定しています…",
            en: "Saving…",
        }
        back: &'static str {
            ja: "戻る",
            en: "Back",
        }
        done_heading: &'static str {
            ja: "設定を変更しました",
            en: "Your setting has been changed",
        }
        done_mail: &'static str {
            ja: "変更内容をメールでお知らせしました。",
            en: "We have e-mailed you what changed.",
        }
        change_again: &'static str {
            ja: "設定を続けて変更する",
            en: "Change it again",
        }
        before_after: fn(&str, &str) -> String {
            ja: |before, after| format!("変更前: {before} → 変更後: {after}"),
            en: |before, after| format!("Before: {before} → After: {after}"),
        }
    }
}
