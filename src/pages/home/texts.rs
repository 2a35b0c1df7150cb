//! Texts of this page, Japanese and English side by side.

use crate::texts;

texts! {
    /// The home page (`/home`).
    pub struct Texts {
        balance: &'static str {
            ja: "ご利用残高",
            en: "Balance",
        }
        credit_line: &'static str {
            ja: "ご利用限度額",
            en: "Credit line",
        }
        available: &'static str {
            ja: "ご利用可能額",
            en: "Available to borrow",
        }
        minimum_due: &'static str {
            ja: "ご返済額（約定返済額）",
            en: "Minimum repayment",
        }
        nothing_due: &'static str {
            ja: "ご返済いただく残高はありません。",
            en: "You have no balance to repay.",
        }
        previous_sign_in: &'static str {
            ja: "前回ログイン日時",
            en: "Previous sign-in",
        }
        first_sign_in: &'static str {
            ja: "今回がはじめてのログインです",
            en: "This is your first sign-in",
        }
        points: &'static str {
            ja: "ポイント残高",
            en: "Points",
        }
        services: &'static str {
            ja: "各種サービス",
            en: "Services",
        }
        payoff_today: &'static str {
            ja: "本日の一括返済額",
            en: "Payoff amount today",
        }
        accrued_interest: &'static str {
            ja: "未払利息",
            en: "Unpaid interest",
        }
        interest_free_left: &'static str {
            ja: "無利息期間の残り",
            en: "Interest-free days left",
        }
        apr: &'static str {
            ja: "実質年率",
            en: "APR",
        }
        notices: &'static str {
            ja: "お知らせ",
            en: "Notices",
        }
        no_notices: &'static str {
            ja: "新しいお知らせはありません。",
            en: "No new notices.",
        }
        notice_repayment_window: fn(&str, &str) -> String {
            ja: |start, end| {
                format!("インターネット返済は、システムメンテナンスのため {start}～{end} はご利用いただけません。")
            },
            en: |start, end| {
                format!("Internet repayment is unavailable for maintenance from {start} to {end}.")
            },
        }
        notice_line_review: fn(&str) -> String {
            ja: |status| format!("限度額変更のお申込み: {status}"),
            en: |status| format!("Credit-line request: {status}"),
        }
        notice_interest_free: fn(u32) -> String {
            ja: |days| format!("30日間無利息期間の残りは{days}日です。"),
            en: |days| format!("{days} interest-free days remain."),
        }
        overdue_warning: fn(u32) -> String {
            ja: |days| {
                format!(
                    "ご返済期日を{days}日過ぎています。遅延損害金（年20.0%）が発生しています。至急ご返済ください。"
                )
            },
            en: |days| {
                format!(
                    "Your repayment is {days} days overdue. Late charges (20.0% a year) are accruing. Please repay as soon as possible."
                )
            },
        }
    }
}
