//! Texts of this page, Japanese and English side by side.

use crate::texts;

texts! {
    /// The transaction history (`/history`), its CSV and its printed statement.
    pub struct Texts {
        interest_to_next_due: &'static str {
            ja: "次回ご返済日までの利息",
            en: "Interest up to the next repayment date",
        }
        repaid_title: &'static str {
            ja: "過去のお借入れの返済日数",
            en: "How long past borrowings took to repay",
        }
        /// Says the list holds at most the newest `n` repaid borrowings.
        repaid_intro: fn(u32) -> String {
            ja: |n| format!("返済が済んだお借入れ（新しい順に最大{n}件）と、完済までにかかった日数です（古いお借入れから順に充当）。"),
            en: |n| format!("Borrowings you have repaid in full (up to the {n} most recent) and the days each took (repayments clear the oldest borrowing first)."),
        }
        col_borrowed_on: &'static str {
            ja: "借入日",
            en: "Borrowed on",
        }
        col_repaid_on: &'static str {
            ja: "完済日",
            en: "Repaid on",
        }
        col_days_to_repay: &'static str {
            ja: "返済日数",
            en: "Days to repay",
        }
        no_repaid: &'static str {
            ja: "完済したお借入れはまだありません。",
            en: "No borrowing has been repaid in full yet.",
        }
        history_filters: &'static str {
            ja: "表示する取引",
            en: "Which transactions",
        }
        period: &'static str {
            ja: "期間",
            en: "Period",
        }
        period_this_month: &'static str {
            ja: "今月",
            en: "This month",
        }
        period_3: &'static str {
            ja: "3か月",
            en: "3 months",
        }
        period_6: &'static str {
            ja: "6か月",
            en: "6 months",
        }
        period_12: &'static str {
            ja: "12か月",
            en: "12 months",
        }
        period_custom: &'static str {
            ja: "期間を指定",
            en: "Choose dates",
        }
        date_from: &'static str {
            ja: "開始日",
            en: "From",
        }
        date_to: &'static str {
            ja: "終了日",
            en: "To",
        }
        entry_type: &'static str {
            ja: "取引の種類",
            en: "Type",
        }
        type_all: &'static str {
            ja: "すべて",
            en: "All",
        }
        kind_borrowing: &'static str {
            ja: "借入",
            en: "Borrowing",
        }
        kind_repayment: &'static str {
            ja: "返済",
            en: "Repayment",
        }
        channel_atm: &'static str {
            ja: "ATM",
            en: "ATM",
        }
        channel_transfer: &'static str {
            ja: "振込",
            en: "Bank transfer",
        }
        channel_internet: &'static str {
            ja: "インターネット返済",
            en: "Internet repayment",
        }
        channel_debit: &'static str {
            ja: "口座振替",
            en: "Direct debit",
        }
        channel_points: &'static str {
            ja: "ポイント充当",
            en: "Points",
        }
        col_datetime: &'static str {
            ja: "日時",
            en: "Date and time",
        }
        col_kind: &'static str {
            ja: "取引",
            en: "Type",
        }
        col_channel: &'static str {
            ja: "方法",
            en: "Channel",
        }
        col_amount: &'static str {
            ja: "金額",
            en: "Amount",
        }
        col_interest: &'static str {
            ja: "利息",
            en: "Interest",
        }
        col_principal: &'static str {
            ja: "元金",
            en: "Principal",
        }
        col_late: &'static str {
            ja: "遅延損害金",
            en: "Late charge",
        }
        col_balance: &'static str {
            ja: "残高",
            en: "Balance",
        }
        col_days: &'static str {
            ja: "借入日数",
            en: "Days of use",
        }
        no_entries: &'static str {
            ja: "該当する取引はありません。",
            en: "No transactions match.",
        }
        download_csv: &'static str {
            ja: "CSVでダウンロード",
            en: "Download CSV",
        }
        /// Said while the CSV's entries are fetched.
        preparing_csv: &'static str {
            ja: "CSVを準備しています…",
            en: "Preparing the CSV…",
        }
        /// The CSV could not be made; the table stays as it was.
        csv_failed: &'static str {
            ja: "CSVを作成できませんでした。しばらくしてから、もう一度お試しください。",
            en: "We could not make the CSV just now. Please try again in a little while.",
        }
        print_statement: &'static str {
            ja: "Web明細を印刷",
            en: "Print statement",
        }
        /// Said while the statement's entries are fetched.
        preparing_statement: &'static str {
            ja: "Web明細を準備しています…",
            en: "Preparing the statement…",
        }
        /// The statement could not be made; nothing was printed.
        statement_failed: &'static str {
            ja: "Web明細を作成できませんでした。しばらくしてから、もう一度お試しください。",
            en: "We could not prepare the statement just now. Please try again in a little while.",
        }
        statement_heading: &'static str {
            ja: "Web明細",
            en: "Web statement (Web明細)",
        }
        previous_page: &'static str {
            ja: "前へ",
            en: "Previous",
        }
        next_page: &'static str {
            ja: "次へ",
            en: "Next",
        }
        /// What the table shows: (dates, kind, total, first row, last row).
        showing: fn(&str, &str, usize, usize, usize) -> String {
            ja: |dates, kind, total, from, to| match total {
                0 => format!("{dates}・{kind}：0件"),
                _ => format!("{dates}・{kind}：{total}件中 {from}～{to}件を表示"),
            },
            en: |dates, kind, total, from, to| match total {
                0 => format!("{dates}, {kind}: none"),
                _ => format!("{dates}, {kind}: showing {from}–{to} of {total}"),
            },
        }
        /// An inclusive date range; either end may be empty (open).
        date_range: fn(&str, &str) -> String {
            ja: |from, to| format!("{from}～{to}"),
            en: |from, to| format!("{from} – {to}"),
        }
        all_dates: &'static str {
            ja: "全期間",
            en: "All dates",
        }
        /// The statement's period, given as `date_range` or `all_dates` writes it.
        statement_period: fn(&str) -> String {
            ja: |dates| format!("期間: {dates}"),
            en: |dates| format!("Period: {dates}"),
        }
    }
}
