//! Texts of the transfer page and the payee account form.

use crate::texts;

texts! {
    /// `/transfer` (インターネット振込).
    pub struct Texts {
        intro: &'static str {
            ja: "ご登録の口座へお振込みします（振込融資）。手数料は無料です。",
            en: "We transfer the money to your registered bank account. There is no fee.",
        }
        payee_heading: &'static str {
            ja: "振込先口座",
            en: "Payee account",
        }
        change_payee: &'static str {
            ja: "振込先口座を変更",
            en: "Change payee account",
        }
        no_payee: &'static str {
            ja: "お振込みには、ご本人名義の振込先口座の登録が必要です。",
            en: "To receive a transfer, first register a bank account in your own name.",
        }
        available: &'static str {
            ja: "ご利用可能額",
            en: "Available to borrow",
        }
        amount: &'static str {
            ja: "振込金額",
            en: "Transfer amount",
        }
        amount_hint: &'static str {
            ja: "1,000円以上、1,000円単位（円）",
            en: "At least ¥1,000, in units of ¥1,000 (yen)",
        }
        to_confirm: &'static str {
            ja: "確認画面へ",
            en: "Review",
        }
        confirm_heading: &'static str {
            ja: "お振込内容の確認",
            en: "Check the transfer",
        }
        confirm_intro: &'static str {
            ja: "内容をご確認のうえ「振込を確定する」を押してください。",
            en: "Check the details, then press Confirm transfer.",
        }
        arrival: &'static str {
            ja: "着金予定",
            en: "Expected arrival",
        }
        arrival_now: &'static str {
            ja: "即時（数秒程度で着金します）",
            en: "Within seconds",
        }
        arrival_morning: fn(&str) -> String {
            ja: |date| format!("{date} 9:00頃（翌営業日の朝）"),
            en: |date| format!("Around 9:00 on {date} (next bank business day)"),
        }
        arrival_morning_why: &'static str {
            ja: "お振込先の金融機関が即時振込に対応していないか、メンテナンス時間帯のため、翌営業日の着金となります。",
            en: "The bank does not settle around the clock, or maintenance is under way, so the money arrives on the next bank business day.",
        }
        balance_after: &'static str {
            ja: "お振込後のご利用残高",
            en: "Balance after the transfer",
        }
        available_after: &'static str {
            ja: "お振込後のご利用可能額",
            en: "Available after the transfer",
        }
        confirm: &'static str {
            ja: "振込を確定する",
            en: "Confirm transfer",
        }
        edit: &'static str {
            ja: "金額を修正する",
            en: "Change the amount",
        }
        sending: &'static str {
            ja: "お振込みを受け付けています…",
            en: "Sending your transfer…",
        }
        receipt_heading: &'static str {
            ja: "お振込みを受け付けました",
            en: "Transfer accepted",
        }
        reception_number: &'static str {
            ja: "受付番号",
            en: "Reception number",
        }
        accepted_at: &'static str {
            ja: "受付日時",
            en: "Accepted at",
        }
        mail_sent: &'static str {
            ja: "ご登録のメールアドレスにお知らせメールを送信しました。",
            en: "We have sent a notice to your registered e-mail address.",
        }
        to_home: &'static str {
            ja: "会員トップへ",
            en: "Back to member home",
        }
        to_history: &'static str {
            ja: "取引履歴を見る",
            en: "See the transaction history",
        }
        new_transfer: &'static str {
            ja: "続けてお振込みする",
            en: "Make another transfer",
        }
        not_booked: &'static str {
            ja: "お振込みは完了していません（二重に振り込まれることはありません）。もう一度「振込を確定する」を押してください。",
            en: "The transfer was not made (nothing was sent twice). Press Confirm transfer again.",
        }
        unknown: &'static str {
            ja: "通信が途切れたため、お振込みが受け付けられたか確認できませんでした。もう一度「振込を確定する」を押すと、受付済みであればその結果を表示します。二重に振り込まれることはありません。",
            en: "The connection dropped, so we could not check whether the transfer was accepted. Press Confirm transfer again: if it was accepted you will see its receipt. Nothing is ever sent twice.",
        }
        changed: &'static str {
            ja: "お手続きの内容が変わりました。金額を確認して、もう一度お進みください。",
            en: "The request changed. Please check the amount and continue again.",
        }
        amount_required: &'static str {
            ja: "振込金額を入力してください。",
            en: "Enter the transfer amount.",
        }
        amount_not_number: &'static str {
            ja: "振込金額は数字で入力してください（例: 50000）。",
            en: "Enter the transfer amount as a number (for example 50000).",
        }
        amount_below_minimum: &'static str {
            ja: "振込金額は1,000円以上で入力してください。",
            en: "The transfer amount must be at least ¥1,000.",
        }
        amount_units: &'static str {
            ja: "振込金額は1,000円単位で入力してください。",
            en: "Enter the transfer amount in units of ¥1,000.",
        }
        amount_over: fn(&str) -> String {
            ja: |available| format!("振込金額がご利用可能額（{available}）を超えています。"),
            en: |available| format!("The amount is more than you can borrow now ({available})."),
        }
        nothing_available: &'static str {
            ja: "ご利用可能額がないため、お振込みできません。",
            en: "You have nothing available to borrow, so no transfer is possible.",
        }
        // The payee account form.
        payee_review_heading: &'static str {
            ja: "この口座を登録しますか",
            en: "Register this account?",
        }
        fix: &'static str {
            ja: "修正する",
            en: "Back to edit",
        }
        payee_form_heading: &'static str {
            ja: "振込先口座の登録",
            en: "Register a payee account",
        }
        payee_form_intro: fn(&str) -> String {
            ja: |kana| format!("ご本人名義（{kana}）の口座をご登録ください。登録後、口座番号は下4桁のみ表示します。"),
            en: |kana| format!("Register an account in your own name ({kana}). Afterwards only the last 4 digits of the number are shown."),
        }
        bank: &'static str {
            ja: "金融機関",
            en: "Financial institution",
        }
        account_kind: &'static str {
            ja: "口座種別",
            en: "Account type",
        }
        ordinary: &'static str {
            ja: "普通",
            en: "Ordinary",
        }
        current: &'static str {
            ja: "当座",
            en: "Current",
        }
        number: &'static str {
            ja: "口座番号",
            en: "Account number",
        }
        number_hint: &'static str {
            ja: "7桁の数字",
            en: "7 digits",
        }
        holder: &'static str {
            ja: "口座名義（カナ）",
            en: "Account holder (kana)",
        }
        holder_hint: &'static str {
            ja: "全角・半角カナ（例: ミホン タロウ）",
            en: "Full-width or half-width kana (e.g. ミホン タロウ)",
        }
        register: &'static str {
            ja: "この口座を登録する",
            en: "Register this account",
        }
        cancel: &'static str {
            ja: "キャンセル",
            en: "Cancel",
        }
        choose_bank: &'static str {
            ja: "金融機関を選択してください。",
            en: "Choose the financial institution.",
        }
        choose_branch: &'static str {
            ja: "支店を選択してください。",
            en: "Choose the branch.",
        }
        number_required: &'static str {
            ja: "口座番号を入力してください。",
            en: "Enter the account number.",
        }
        number_digits: &'static str {
            ja: "口座番号は数字7桁で入力してください。",
            en: "The account number is 7 digits.",
        }
        holder_required: &'static str {
            ja: "口座名義（カナ）を入力してください。",
            en: "Enter the account holder's name in kana.",
        }
        holder_not_kana: &'static str {
            ja: "口座名義はカナで入力してください（漢字・英字は使えません）。",
            en: "Enter the holder's name in kana (no kanji or Latin letters).",
        }
        holder_too_long: &'static str {
            ja: "口座名義は30文字以内で入力してください。",
            en: "The holder's name can be at most 30 characters.",
        }
        holder_not_member: fn(&str) -> String {
            ja: |kana| format!("ご本人名義（{kana}）の口座のみ登録できます。"),
            en: |kana| format!("Only an account in your own name ({kana}) can be registered."),
        }
    }
}
