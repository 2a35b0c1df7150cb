//! Texts of `/points`, Japanese and English side by side.

use crate::texts;

texts! {
    /// ポイントサービス (SPEC S14).
    pub struct Texts {
        intro: &'static str {
            ja: "ポイントは1ポイント＝1円として、ご返済に充当したり、商品と交換したりできます。",
            en: "Each point is worth 1 yen: use points toward a repayment or exchange them for goods.",
        }
        join_heading: &'static str {
            ja: "ポイントサービスのご案内",
            en: "About the point service",
        }
        join_rules: [&'static str; 3] {
            ja: [
                "入会すると100ポイントを差し上げます（初回のみ）。",
                "入会後は、毎月（日本時間の各月）最初のログインで10ポイントを差し上げます。",
                "ご返済への充当は100ポイントから、商品との交換は500ポイントからご利用いただけます。",
            ],
            en: [
                "Join and get 100 points (the first time only).",
                "Once you have joined, your first sign-in of each month (Japan time) earns 10 points.",
                "Use 100 points or more toward a repayment, or 500 points or more for goods.",
            ],
        }
        join: &'static str {
            ja: "ポイントサービスに入会する",
            en: "Join the point service",
        }
        joining: &'static str {
            ja: "入会しています…",
            en: "Joining…",
        }
        joined: &'static str {
            ja: "ポイントサービスに入会しました。100ポイントを差し上げました。",
            en: "You have joined the point service and received 100 points.",
        }
        balance: &'static str {
            ja: "保有ポイント",
            en: "Your points",
        }
        points_value: fn(u32) -> String {
            ja: |p| format!("{}ポイント", group(p)),
            en: |p| format!("{} points", group(p)),
        }
        catalogue_heading: &'static str {
            ja: "ポイント交換",
            en: "Exchange points",
        }
        price: &'static str {
            ja: "必要ポイント",
            en: "Points needed",
        }
        repayment_points: &'static str {
            ja: "充当するポイント数",
            en: "Points to use",
        }
        repayment_hint: &'static str {
            ja: "100ポイント以上、1ポイント単位（本日の一括返済額まで）",
            en: "100 points or more, in whole points (up to today's payoff)",
        }
        payoff_today: &'static str {
            ja: "本日の一括返済額",
            en: "Today's payoff",
        }
        use_for_repayment: &'static str {
            ja: "返済に充当する",
            en: "Use toward a repayment",
        }
        exchange: &'static str {
            ja: "交換する",
            en: "Exchange",
        }
        confirm_heading: &'static str {
            ja: "交換内容の確認",
            en: "Review the exchange",
        }
        item: &'static str {
            ja: "交換内容",
            en: "Item",
        }
        points_used: &'static str {
            ja: "使用ポイント",
            en: "Points used",
        }
        balance_after: &'static str {
            ja: "交換後の保有ポイント",
            en: "Points left",
        }
        confirm: &'static str {
            ja: "交換を確定する",
            en: "Confirm the exchange",
        }
        confirming: &'static str {
            ja: "手続きしています…",
            en: "Processing…",
        }
        back: &'static str {
            ja: "戻る",
            en: "Back",
        }
        done_heading: &'static str {
            ja: "ポイント交換を受け付けました",
            en: "Your exchange is accepted",
        }
        reception_number: &'static str {
            ja: "受付番号",
            en: "Reception number",
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
        balance_after_repayment: &'static str {
            ja: "返済後残高",
            en: "Balance after",
        }
        to_catalogue: &'static str {
            ja: "ポイント交換に戻る",
            en: "Back to the exchange",
        }
        history_heading: &'static str {
            ja: "ポイント履歴",
            en: "Point history",
        }
        history_empty: &'static str {
            ja: "ポイントの履歴はまだありません。",
            en: "No point history yet.",
        }
        col_date: &'static str {
            ja: "日時",
            en: "Date",
        }
        col_what: &'static str {
            ja: "内容",
            en: "Details",
        }
        col_points: &'static str {
            ja: "ポイント",
            en: "Points",
        }
        kind_join: &'static str {
            ja: "入会特典",
            en: "Joining bonus",
        }
        kind_monthly: &'static str {
            ja: "毎月の初回ログイン特典",
            en: "First sign-in of the month",
        }
        kind_exchange: &'static str {
            ja: "ポイント交換",
            en: "Exchange",
        }
        refused_insufficient: fn(&str) -> String {
            ja: |b| format!("ポイントが足りません（保有ポイント: {b}）。"),
            en: |b| format!("You do not have enough points (you have {b})."),
        }
        refused_minimum: fn(&str) -> String {
            ja: |m| format!("ご返済への充当は{m}以上でご利用ください。"),
            en: |m| format!("Use at least {m} toward a repayment."),
        }
        refused_over_owed: fn(&str) -> String {
            ja: |o| format!("本日の一括返済額（{o}）を超えて充当することはできません。"),
            en: |o| format!("You cannot use more than today's payoff ({o})."),
        }
        refused_nothing_owed: &'static str {
            ja: "現在お借入れがないため、ご返済に充当できません。",
            en: "You have no balance, so points cannot go toward a repayment.",
        }
        refused_not_joined: &'static str {
            ja: "ポイントサービスに入会していないため、ポイントを交換できません。",
            en: "You have not joined the point service, so you cannot exchange points.",
        }
        refused_required: &'static str {
            ja: "充当するポイント数を半角数字で入力してください。",
            en: "Enter the number of points in half-width (半角) digits.",
        }
        refused_not_number: &'static str {
            ja: "充当するポイント数は半角数字で入力してください（例: 1000）。",
            en: "Enter the points as a whole number in half-width (半角) digits, e.g. 1000.",
        }
        unknown_outcome: &'static str {
            ja: "交換の結果を確認できませんでした。もう一度「交換を確定する」を押すと、同じお手続きとして確認します（二重に交換されることはありません）。",
            en: "We could not confirm the result. Press Confirm the exchange again: it is checked as the same request and never exchanged twice.",
        }
    }
}

/// 1,234 with commas.
fn group(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
