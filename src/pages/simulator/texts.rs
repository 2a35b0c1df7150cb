//! Texts of this page, Japanese and English side by side.

use crate::texts;

texts! {
    /// The repayment simulator (`/simulator`).
    pub struct Texts {
        sim_intro: &'static str {
            ja: "借入金額と実質年率を入力すると、返済回数・利息・返済総額と毎月の返済予定を計算します。ログインせずにご利用いただけます。",
            en: "Enter an amount and an APR to see the number of payments, the interest, the total and a month-by-month schedule. No sign-in needed.",
        }
        sim_amount: &'static str {
            ja: "借入金額",
            en: "Amount borrowed",
        }
        sim_amount_hint: &'static str {
            ja: "1,000円～500万円（半角・全角数字、カンマ可）",
            en: "¥1,000 to ¥5,000,000 (commas allowed)",
        }
        sim_apr: &'static str {
            ja: "実質年率",
            en: "APR",
        }
        sim_apr_hint: &'static str {
            ja: "4.5%～17.8%",
            en: "4.5% to 17.8%",
        }
        sim_mode: &'static str {
            ja: "計算方法",
            en: "Calculate from",
        }
        sim_by_payment: &'static str {
            ja: "返済額を決めて計算",
            en: "the monthly payment",
        }
        sim_by_months: &'static str {
            ja: "回数を決めて計算",
            en: "the number of payments",
        }
        sim_payment: &'static str {
            ja: "毎月の返済額",
            en: "Monthly payment",
        }
        sim_payment_hint: &'static str {
            ja: "初期値は借入金額に応じた約定返済額です",
            en: "Starts at the minimum repayment for the amount",
        }
        sim_months: &'static str {
            ja: "返済回数",
            en: "Number of payments",
        }
        sim_months_hint: &'static str {
            ja: "1～600回",
            en: "1 to 600",
        }
        sim_calculate: &'static str {
            ja: "計算する",
            en: "Calculate",
        }
        sim_result: &'static str {
            ja: "計算結果",
            en: "Result",
        }
        sim_payments: &'static str {
            ja: "返済回数",
            en: "Number of payments",
        }
        sim_monthly: &'static str {
            ja: "毎月の返済額",
            en: "Monthly payment",
        }
        sim_total_interest: &'static str {
            ja: "利息合計",
            en: "Total interest",
        }
        sim_total_paid: &'static str {
            ja: "返済総額",
            en: "Total repaid",
        }
        sim_schedule: &'static str {
            ja: "返済予定表",
            en: "Repayment schedule",
        }
        sim_col_number: &'static str {
            ja: "回",
            en: "No.",
        }
        sim_col_date: &'static str {
            ja: "返済日",
            en: "Date",
        }
        sim_col_payment: &'static str {
            ja: "返済額",
            en: "Payment",
        }
        sim_col_interest: &'static str {
            ja: "利息",
            en: "Interest",
        }
        sim_col_principal: &'static str {
            ja: "元金",
            en: "Principal",
        }
        sim_col_balance: &'static str {
            ja: "残高",
            en: "Balance",
        }
        sim_chart: &'static str {
            ja: "残高の推移",
            en: "Balance over time",
        }
        sim_worked_example: &'static str {
            ja: "計算例：10万円を実質年率17.8%で30日間借りた場合の利息は 100,000円 × 17.8% ÷ 365日 × 30日 = 1,463円（1円未満切り捨て）です。",
            en: "Worked example: borrowing ¥100,000 at 17.8% APR for 30 days costs ¥100,000 × 17.8% ÷ 365 days × 30 days = ¥1,463 of interest (fractions of a yen dropped).",
        }
        sim_note: &'static str {
            ja: "利息は日割り（うるう年の日は366日で割ります）で計算し、1円未満を切り捨てています。毎月の返済日は借入日と同じ日付としています。実際のご返済額とは異なる場合があります。",
            en: "Interest is charged by the day (days in a leap year divide by 366) and fractions of a yen are dropped. Payments fall on the same day of the month as the borrowing. Actual repayments may differ.",
        }
        sim_apr_error: &'static str {
            ja: "実質年率は4.5～17.8の半角数字で入力してください。",
            en: "Enter an APR from 4.5 to 17.8 in half-width (半角) digits.",
        }
        sim_amount_range_error: &'static str {
            ja: "借入金額は1,000円～5,000,000円で入力してください。",
            en: "Enter an amount from ¥1,000 to ¥5,000,000.",
        }
        sim_months_range_error: &'static str {
            ja: "返済回数は1～600回で入力してください。",
            en: "Enter 1 to 600 payments.",
        }
        sim_too_long_error: &'static str {
            ja: "返済が終わるまでの回数が多すぎます。毎月の返済額を増やしてください。",
            en: "Repayment would take too many payments. Please raise the monthly payment.",
        }
        sim_count: fn(u32) -> String {
            ja: |n| format!("{n}回"),
            en: |n| if n == 1 { "1 payment".to_owned() } else { format!("{n} payments") },
        }
        sim_payment_below_minimum: fn(&str) -> String {
            ja: |min| format!("毎月の返済額は{min}以上で入力してください。"),
            en: |min| format!("Enter a monthly payment of at least {min}."),
        }
        sim_never_covers: fn(&str) -> String {
            ja: |interest| {
                format!("この返済額では利息（初回 {interest}）を上回らず、残高が減りません。返済額を増やしてください。")
            },
            en: |interest| {
                format!("This payment does not cover the interest (first month {interest}), so the balance never falls. Please pay more.")
            },
        }
        sim_number_error: fn(&str) -> String {
            ja: |label| format!("{label}は半角数字で入力してください。"),
            en: |label| format!("Enter the {label} in half-width (半角) digits."),
        }
    }
}
