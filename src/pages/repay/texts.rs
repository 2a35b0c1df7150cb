//! Texts of the internet repayment page and the simulated bank.

use crate::texts;

texts! {
    /// `/repay` (インターネット返済).
    pub struct Texts {
        intro: &'static str {
            ja: "お持ちの金融機関のインターネットバンキングからご返済いただけます。手数料は無料です。",
            en: "Repay from your own bank's internet banking. There is no fee.",
        }
        payoff: &'static str {
            ja: "本日の一括返済額",
            en: "Payoff amount today",
        }
        minimum: &'static str {
            ja: "今回の最低返済額",
            en: "Minimum repayment now",
        }
        nothing_owed: &'static str {
            ja: "ご返済いただく残高はありません。",
            en: "You have no balance to repay.",
        }
        amount: &'static str {
            ja: "返済金額",
            en: "Repayment amount",
        }
        amount_hint: &'static str {
            ja: "1,000円以上、一括返済額まで（円）",
            en: "At least ¥1,000, up to the payoff amount (yen)",
        }
        use_minimum: &'static str {
            ja: "最低返済額",
            en: "Minimum repayment",
        }
        use_payoff: &'static str {
            ja: "一括返済額",
            en: "Payoff amount",
        }
        quick_amounts: &'static str {
            ja: "金額をワンタップで入力",
            en: "Fill in an amount",
        }
        bank_heading: &'static str {
            ja: "ご返済に使う金融機関",
            en: "Bank to repay from",
        }
        proceed: &'static str {
            ja: "返済手続きへ",
            en: "Continue to your bank",
        }
        proceeding: &'static str {
            ja: "金融機関のページへ移動しています…",
            en: "Taking you to your bank…",
        }
        choose_bank: &'static str {
            ja: "金融機関を選択してください。",
            en: "Choose your bank.",
        }
        amount_required: &'static str {
            ja: "返済金額を入力してください。",
            en: "Enter the repayment amount.",
        }
        amount_not_number: &'static str {
            ja: "返済金額は数字で入力してください（例: 10000）。",
            en: "Enter the repayment amount as a number (for example 10000).",
        }
        amount_below_minimum: &'static str {
            ja: "返済金額は1,000円以上で入力してください。",
            en: "The repayment amount must be at least ¥1,000.",
        }
        amount_over: fn(&str) -> String {
            ja: |payoff| format!("返済金額が本日の一括返済額（{payoff}）を超えています。"),
            en: |payoff| format!("The amount is more than today's payoff amount ({payoff})."),
        }
        window_down: fn(&str) -> String {
            ja: |until| format!("ただいまインターネット返済はメンテナンス中のため、ご利用いただけません。{until}以降にお手続きください。"),
            en: |until| format!("Internet repayment is down for maintenance. Please try again after {until}."),
        }
        unknown: &'static str {
            ja: "通信が途切れたため、お手続きが受け付けられたか確認できませんでした。もう一度「返済手続きへ」を押してください。二重に返済されることはありません。",
            en: "The connection dropped, so we could not check whether your request was accepted. Press Continue to your bank again; nothing is ever paid twice.",
        }
        not_booked: &'static str {
            ja: "お手続きは受け付けられていません（二重に返済されることはありません）。もう一度「返済手続きへ」を押してください。",
            en: "Nothing was accepted (nothing is paid twice). Press Continue to your bank again.",
        }
        // The result after the bank.
        done_heading: &'static str {
            ja: "ご返済を受け付けました",
            en: "Repayment accepted",
        }
        reception_number: &'static str {
            ja: "受付番号",
            en: "Reception number",
        }
        paid: &'static str {
            ja: "ご返済額",
            en: "Amount repaid",
        }
        late_charge: &'static str {
            ja: "遅延損害金",
            en: "Late charge",
        }
        interest: &'static str {
            ja: "利息",
            en: "Interest",
        }
        principal: &'static str {
            ja: "元金",
            en: "Principal",
        }
        balance_after: &'static str {
            ja: "返済後残高",
            en: "Balance after repayment",
        }
        bank_used: &'static str {
            ja: "金融機関",
            en: "Bank",
        }
        mail_sent: &'static str {
            ja: "ご登録のメールアドレスにお知らせメールを送信しました。",
            en: "We have sent a notice to your registered e-mail address.",
        }
        cancelled: &'static str {
            ja: "金融機関でのお手続きがキャンセルされました。ご返済は行われていません。",
            en: "You cancelled at your bank. Nothing was repaid.",
        }
        failed: &'static str {
            ja: "金融機関でお手続きができませんでした。ご返済は行われていません。時間をおいて、もう一度お試しください。",
            en: "Your bank could not complete the payment. Nothing was repaid. Please try again later.",
        }
        at_bank: &'static str {
            ja: "金融機関でのお手続きがまだ完了していません。",
            en: "The payment at your bank is not finished yet.",
        }
        continue_at_bank: &'static str {
            ja: "金融機関のページに戻る",
            en: "Back to your bank's page",
        }
        again: &'static str {
            ja: "返済手続きをやり直す",
            en: "Start the repayment again",
        }
        to_home: &'static str {
            ja: "会員トップへ",
            en: "Back to member home",
        }
        to_history: &'static str {
            ja: "取引履歴を見る",
            en: "See the transaction history",
        }
        // The simulated bank.
        bank_title: fn(&str) -> String {
            ja: |bank| format!("模擬銀行（デモ）: {bank}"),
            en: |bank| format!("Simulated bank (demo): {bank}"),
        }
        bank_notice: &'static str {
            ja: "これはデモ用の模擬銀行ページです。実際の金融機関ではありません。実際のサービスでは、ここでお持ちの金融機関のインターネットバンキングにログインします。",
            en: "This is a simulated bank page for the demo, not a real bank. In the real service you would sign in to your own bank's internet banking here.",
        }
        bank_payee: &'static str {
            ja: "お支払先",
            en: "Payee",
        }
        approve: &'static str {
            ja: "承認",
            en: "Approve",
        }
        cancel: &'static str {
            ja: "キャンセル",
            en: "Cancel",
        }
        fail: &'static str {
            ja: "失敗させる",
            en: "Make it fail",
        }
    }
}
