//! Texts of `/limit`, Japanese and English side by side.

use crate::texts;

texts! {
    /// 限度額の変更 (SPEC S10).
    pub struct Texts {
        intro: &'static str {
            ja: "ご利用限度額の増額のお申込みと、減額のお手続きができます。増額には審査があります。",
            en: "Ask for a higher credit line, or lower it. A higher line is reviewed first.",
        }
        line: &'static str {
            ja: "ご利用限度額",
            en: "Credit line",
        }
        balance: &'static str {
            ja: "ご利用残高",
            en: "Balance",
        }
        apr: &'static str {
            ja: "実質年率",
            en: "APR",
        }
        request_heading: &'static str {
            ja: "お申込み状況",
            en: "Your request",
        }
        status: &'static str {
            ja: "審査状況",
            en: "Status",
        }
        reception: &'static str {
            ja: "受付番号",
            en: "Reception number",
        }
        desired: &'static str {
            ja: "希望限度額",
            en: "Desired credit line",
        }
        expected: &'static str {
            ja: "審査結果のご連絡予定",
            en: "Result expected by",
        }
        weekdays_only: &'static str {
            ja: "審査結果は、土日祝日・年末年始を除く営業日（9:00〜18:00）にお知らせします。",
            en: "Results are released on business days (9:00–18:00), never on weekends, holidays or over the New Year.",
        }
        approved_note: fn(&str) -> String {
            ja: |line| format!("ご利用限度額が{line}になりました。"),
            en: |line| format!("Your credit line is now {line}."),
        }
        approved_rate: fn(&str) -> String {
            ja: |apr| format!("新しい限度額に応じた上限金利により、実質年率は年{apr}%になりました。"),
            en: |apr| format!("With the new line's legal cap, your APR is now {apr}%."),
        }
        refused_note: &'static str {
            ja: "審査の結果、今回はご希望に添えませんでした。ご利用限度額は変わりません。",
            en: "After review we could not raise your line this time. Your credit line is unchanged.",
        }
        documents_note: &'static str {
            ja: "収入証明書を確認できませんでした。書類提出から、収入証明書をあらためてご提出ください。",
            en: "We could not read your income proof. Please send it again from Submit documents.",
        }
        increase_heading: &'static str {
            ja: "増額のお申込み",
            en: "Ask for a higher line",
        }
        pending_note: &'static str {
            ja: "審査中のお申込みがあるため、新しいお申込みは結果が出てからお手続きください。",
            en: "A request is under review; you can make a new one once it is decided.",
        }
        desired_hint: &'static str {
            ja: "1万円単位、5,000,000円まで（例: 700000）",
            en: "In 10,000 yen units, up to ¥5,000,000 (e.g. 700000)",
        }
        income: &'static str {
            ja: "年収",
            en: "Annual income",
        }
        income_hint: &'static str {
            ja: "税込の年間収入（例: 4000000）",
            en: "Yearly income before tax (e.g. 4000000)",
        }
        other: &'static str {
            ja: "他社借入額",
            en: "Borrowing from other lenders",
        }
        other_hint: &'static str {
            ja: "他の貸金業者からのお借入れ残高の合計。ない場合は0",
            en: "What you owe other consumer lenders in all; 0 if none",
        }
        employment: &'static str {
            ja: "雇用形態",
            en: "Employment",
        }
        choose: &'static str {
            ja: "選択してください",
            en: "Choose one",
        }
        employer: &'static str {
            ja: "勤務先名",
            en: "Employer",
        }
        employer_hint: &'static str {
            ja: "自営業の方は屋号",
            en: "If self-employed, your trade name",
        }
        years: &'static str {
            ja: "勤続年数",
            en: "Years employed",
        }
        years_hint: &'static str {
            ja: "年数（1年未満は0）",
            en: "Whole years (0 if under a year)",
        }
        proof_line: &'static str {
            ja: "希望限度額が50万円を超えるため、収入証明書（源泉徴収票・給与明細書など）のご提出が必要です（貸金業法）。",
            en: "Because the desired line is over 500,000 yen, the law asks us for proof of income (a tax withholding slip, pay slips and the like).",
        }
        proof_total: &'static str {
            ja: "希望限度額と他社借入額の合計が100万円を超えるため、収入証明書（源泉徴収票・給与明細書など）のご提出が必要です（貸金業法）。",
            en: "Because the desired line and your other borrowing come to over 1,000,000 yen, the law asks us for proof of income (a tax withholding slip, pay slips and the like).",
        }
        total_volume: fn(&str) -> String {
            ja: |limit| format!("ご注意: 総量規制により、他社を含むお借入れの合計は年収の3分の1（{limit}）までです。"),
            en: |limit| format!("Note: by law, borrowing from all lenders together may not exceed a third of your income ({limit})."),
        }
        rate_cap: fn(&str) -> String {
            ja: |apr| format!("限度額が100万円以上になると上限金利が年15.0%となるため、承認されると実質年率は年{apr}%に下がります。"),
            en: |apr| format!("A line of 1,000,000 yen or more caps the rate at 15.0%, so if approved your APR falls to {apr}%."),
        }
        to_confirm: &'static str {
            ja: "確認画面へ",
            en: "Review",
        }
        to_proof: &'static str {
            ja: "収入証明書の提出へ",
            en: "On to the income proof",
        }
        proof_heading: &'static str {
            ja: "収入証明書の提出",
            en: "Proof of income",
        }
        proof_sent: fn(&str) -> String {
            ja: |n| format!("収入証明書を受け付けました（受付番号 {n}）。"),
            en: |n| format!("Your proof of income is received (reception number {n})."),
        }
        confirm_heading: &'static str {
            ja: "お申込み内容の確認",
            en: "Check your request",
        }
        apply: &'static str {
            ja: "申し込む",
            en: "Apply",
        }
        applying: &'static str {
            ja: "お申込み中…",
            en: "Sending…",
        }
        back: &'static str {
            ja: "修正する",
            en: "Back to edit",
        }
        received_heading: &'static str {
            ja: "お申込みを受け付けました",
            en: "Request received",
        }
        received_mail: &'static str {
            ja: "ご登録のメールアドレスに受付のお知らせをお送りしました。審査の状況はこのページとメールでお知らせします。",
            en: "We have e-mailed you a receipt. We will tell you how the review goes on this page and by e-mail.",
        }
        decrease_heading: &'static str {
            ja: "減額のお手続き",
            en: "Lower your line",
        }
        decrease_intro: fn(&str) -> String {
            ja: |smallest| format!("ご利用残高以上（{smallest}以上）、1万円単位で、すぐに変更されます。"),
            en: |smallest| format!("Down to {smallest} or more (your balance), in 10,000 yen units; it applies at once."),
        }
        new_line: &'static str {
            ja: "変更後の限度額",
            en: "New credit line",
        }
        new_line_hint: &'static str {
            ja: "1万円単位（例: 300000）",
            en: "In 10,000 yen units (e.g. 300000)",
        }
        decrease_warning: &'static str {
            ja: "減額した限度額を再び増やすには、あらためて審査が必要です。",
            en: "Raising the line again afterwards needs a new review.",
        }
        to_decrease_confirm: &'static str {
            ja: "減額内容の確認へ",
            en: "Review the decrease",
        }
        decrease_confirm: &'static str {
            ja: "減額する",
            en: "Lower the line",
        }
        decrease_done: fn(&str, &str) -> String {
            ja: |before, after| format!("ご利用限度額を{before}から{after}に変更しました。ご登録のメールアドレスにお知らせをお送りしました。"),
            en: |before, after| format!("Your credit line changed from {before} to {after}. We have e-mailed you a notice."),
        }
        employment_label: fn(portal_api::EmploymentKind) -> &'static str {
            ja: |k| k.name_ja(),
            en: |k| k.name_en(),
        }
        err_required: fn(&str) -> String {
            ja: |label| format!("{label}を入力してください。"),
            en: |label| format!("Enter your {label}."),
        }
        err_choose: fn(&str) -> String {
            ja: |label| format!("{label}を選択してください。"),
            en: |label| format!("Choose your {label}."),
        }
        err_number: fn(&str) -> String {
            ja: |label| format!("{label}は数字で入力してください（例: 500000）。"),
            en: |label| format!("Enter your {label} in digits (e.g. 500000)."),
        }
        err_units: fn(&str) -> String {
            ja: |label| format!("{label}は1万円単位で入力してください。"),
            en: |label| format!("Your {label} must be in 10,000 yen units."),
        }
        err_over: fn(&str, &str) -> String {
            ja: |label, max| format!("{label}は{max}以下で入力してください。"),
            en: |label, max| format!("Your {label} can be at most {max}."),
        }
        err_not_above: fn(&str) -> String {
            ja: |current| format!("現在のご利用限度額（{current}）より大きい金額を入力してください。減額は下の「減額のお手続き」からどうぞ。"),
            en: |current| format!("Enter more than your current line ({current}). To lower it, use “Lower your line” below."),
        }
        err_not_below: fn(&str) -> String {
            ja: |current| format!("現在のご利用限度額（{current}）より小さい金額を入力してください。"),
            en: |current| format!("Enter less than your current line ({current})."),
        }
        err_below_balance: fn(&str) -> String {
            ja: |smallest| format!("ご利用残高があるため、{smallest}以上で入力してください。"),
            en: |smallest| format!("You owe a balance, so the line can go down to {smallest} at the lowest."),
        }
        err_too_long: fn(&str) -> String {
            ja: |label| format!("{label}は60文字以内で入力してください。"),
            en: |label| format!("Your {label} can be at most 60 characters."),
        }
        err_plain: fn(&str) -> String {
            ja: |label| format!("{label}に使えない文字が含まれています。"),
            en: |label| format!("Your {label} contains characters we cannot accept."),
        }
        err_years: &'static str {
            ja: "勤続年数は0〜60の数字で入力してください。",
            en: "Enter your years employed as a number from 0 to 60.",
        }
        err_pending: &'static str {
            ja: "審査中のお申込みがあります。結果が出てから新しくお申し込みください。",
            en: "A request is already under review. Please wait for its result.",
        }
        err_proof: &'static str {
            ja: "収入証明書のご提出が必要です。",
            en: "Your proof of income is needed.",
        }
    }
}
