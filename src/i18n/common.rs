//! Texts the shell and more than one page use: the frame, the failure
//! messages every page can meet, form fields, and the chunk-load error.

use crate::texts;
use portal_domain::input::FieldError;

texts! {
    /// Texts the shell and more than one page use: the frame, failures, form fields.
    pub struct Texts {
        skip_to_content: &'static str {
            ja: "本文へスキップ",
            en: "Skip to main content",
        }
        language_switch: &'static str {
            ja: "言語",
            en: "Language",
        }
        other_language_name: &'static str {
            ja: "English",
            en: "日本語",
        }
        sign_out: &'static str {
            ja: "ログアウト",
            en: "Sign out",
        }
        loading: &'static str {
            ja: "読み込み中…",
            en: "Loading…",
        }
        show_secret: fn(&str) -> String {
            ja: |label| format!("{label}を表示"),
            en: |label| format!("Show {label}"),
        }
        hide_secret: fn(&str) -> String {
            ja: |label| format!("{label}を隠す"),
            en: |label| format!("Hide {label}"),
        }
        converted_note: &'static str {
            ja: "全角の英数字を半角に変換しました。",
            en: "Full-width letters and digits were converted to half-width.",
        }
        caps_lock_on: &'static str {
            ja: "Caps Lockがオンになっています。",
            en: "Caps Lock is on.",
        }
        errors_heading: &'static str {
            ja: "入力内容をご確認ください。",
            en: "Please check what you entered.",
        }
        offline: &'static str {
            ja: "通信できませんでした。電波の良い場所で、もう一度お試しください。入力内容はそのまま残っています。",
            en: "We could not connect. Please try again where the signal is better. What you entered is still here.",
        }
        timeout: &'static str {
            ja: "応答に時間がかかっています。しばらくしてから、もう一度お試しください。",
            en: "The server is taking too long to answer. Please try again in a little while.",
        }
        server_error: &'static str {
            ja: "ただいま処理できませんでした。しばらくしてから、もう一度お試しください。",
            en: "We could not process this just now. Please try again in a little while.",
        }
        malformed: &'static str {
            ja: "サーバーから予期しない応答がありました。しばらくしてから、もう一度お試しください。",
            en: "The server sent an unexpected answer. Please try again in a little while.",
        }
        next_due_date: &'static str {
            ja: "次回ご返済日",
            en: "Next repayment date",
        }
        reload: &'static str {
            ja: "再読み込み",
            en: "Reload",
        }
        maintenance_now: &'static str {
            ja: "ただいまシステムメンテナンス中のため、会員サービスをご利用いただけません。",
            en: "The member service is unavailable during system maintenance.",
        }
        idle_title: &'static str {
            ja: "まもなくログアウトします",
            en: "You will be signed out soon",
        }
        idle_body: &'static str {
            ja: "操作のない状態が続いています。あと1分でログアウトします。続ける場合はボタンを押してください。",
            en: "There has been no activity for a while. You will be signed out in one minute. Press the button to continue.",
        }
        idle_continue: &'static str {
            ja: "ログインを継続する",
            en: "Stay signed in",
        }
        /// A page's code could not be fetched; the retry button follows.
        chunk_failed: &'static str {
            ja: "このページを読み込めませんでした。通信状態をご確認のうえ、もう一度お試しください。",
            en: "This page could not be loaded. Please check your connection and try again.",
        }
        /// A form inside a page (its own chunk) could not be fetched.
        part_failed: &'static str {
            ja: "入力画面を読み込めませんでした。通信状態をご確認のうえ、もう一度お試しください。",
            en: "This form could not be loaded. Please check your connection and try again.",
        }
        retry: &'static str {
            ja: "再試行",
            en: "Try again",
        }
        not_found_title: &'static str {
            ja: "ページが見つかりません",
            en: "Page not found",
        }
        not_found_body: &'static str {
            ja: "お探しのページは移動または削除された可能性があります。",
            en: "The page you are looking for may have moved or been removed.",
        }
        go_home: &'static str {
            ja: "会員トップへ",
            en: "Go to member home",
        }
        coming_soon_body: &'static str {
            ja: "このサービスは現在準備中です。",
            en: "This service is being prepared.",
        }
        review_received: &'static str {
            ja: "受付",
            en: "Received",
        }
        review_reviewing: &'static str {
            ja: "審査中",
            en: "Under review",
        }
        review_approved: &'static str {
            ja: "承認",
            en: "Approved",
        }
        review_refused: &'static str {
            ja: "否決",
            en: "Declined",
        }
        review_documents: &'static str {
            ja: "書類不備",
            en: "Documents needed",
        }
        late_charge: &'static str {
            ja: "遅延損害金",
            en: "Late charge",
        }
        days: fn(u32) -> String {
            ja: |n| format!("{n}日"),
            en: |n| if n == 1 { "1 day".to_owned() } else { format!("{n} days") },
        }
        config_error_title: &'static str {
            ja: "ページを表示できませんでした",
            en: "The page could not be shown",
        }
        config_error_body: &'static str {
            ja: "設定を読み込めませんでした。時間をおいて再読み込みしてください。",
            en: "The settings could not be loaded. Please reload in a little while.",
        }
        field_error: fn(&str, FieldError) -> String {
            ja: ja_field_error,
            en: en_field_error,
        }
        maintenance_until: fn(&str) -> String {
            ja: |end| format!("終了予定: {end}"),
            en: |end| format!("Expected to end: {end}"),
        }
        /// The link from the maintenance page and banner to the help page's answer.
        more_about_maintenance: &'static str {
            ja: "メンテナンスについて詳しくはヘルプへ",
            en: "More about maintenance in Help",
        }
        maintenance_banner: fn(&str, &str) -> String {
            ja: |start, end| {
                format!("メンテナンスのお知らせ: {start}～{end} は会員サービスをご利用いただけません。")
            },
            en: |start, end| {
                format!("Maintenance notice: the member service is unavailable from {start} to {end}.")
            },
        }
        call_support: fn(&str, &str) -> String {
            ja: |phone, hours| format!("お問い合わせ: {phone}（{hours}）"),
            en: |phone, hours| format!("Contact: {phone} ({hours})"),
        }
    }
}

fn ja_field_error(label: &str, e: FieldError) -> String {
    match e {
        FieldError::Required => format!("{label}を入力してください。"),
        FieldError::NotHalfWidth => {
            format!("{label}に全角文字が含まれています。半角で入力してください。")
        }
        FieldError::NotDigits => format!("{label}は半角数字で入力してください。"),
        FieldError::NotAlphanumeric => format!("{label}は半角英数字で入力してください。"),
        FieldError::CardLength => {
            format!("{label}は半角数字10桁、または15～16桁で入力してください。")
        }
        FieldError::PinLength => format!("{label}は半角数字4桁で入力してください。"),
        FieldError::WebIdLength => format!("{label}は半角英数字8～32桁で入力してください。"),
        FieldError::PasswordLength => format!("{label}は半角英数字8～20桁で入力してください。"),
        FieldError::MemberNumberLength => format!("{label}は半角数字9桁で入力してください。"),
        FieldError::NeedsLetterAndDigit => {
            format!("{label}には半角英字と半角数字を、それぞれ1文字以上含めてください。")
        }
        FieldError::SameAsWebId => format!("{label}にはWEB-IDと異なるものを設定してください。"),
        FieldError::EmailShape => {
            format!("{label}の形式が正しくありません。半角で「name@example.jp」の形で入力してください。")
        }
        FieldError::CodeLength => format!("{label}は半角数字6桁で入力してください。"),
        FieldError::Mismatch => format!("{label}が一致しません。同じものを入力してください。"),
        FieldError::Overdue => format!(
            "お支払いが遅れているため、{label}は変更できません。遅れている分をご返済ください。"
        ),
        FieldError::DueToday => {
            format!("ご返済日当日は{label}を変更できません。明日以降にお手続きください。")
        }
        FieldError::SameAsCurrent => {
            format!("{label}が現在のものと同じです。別のものを入力してください。")
        }
        FieldError::Incorrect => format!("{label}が正しくありません。"),
    }
}

fn en_field_error(label: &str, e: FieldError) -> String {
    // "Card number" reads "card number" mid-sentence; "PIN" and "WEB-ID" stay.
    // English labels are ASCII: the ASCII case rules need none of the
    // Unicode case tables (about 4 KB gzip in the main module).
    let label = match label.as_bytes() {
        [first, second, ..] if first.is_ascii_uppercase() && second.is_ascii_lowercase() => {
            format!("{}{}", char::from(first.to_ascii_lowercase()), &label[1..])
        }
        _ => label.to_owned(),
    };
    match e {
        FieldError::Required => format!("Enter your {label}."),
        FieldError::NotHalfWidth => format!(
            "Your {label} contains full-width characters. Enter it in half-width (半角) characters."
        ),
        FieldError::NotDigits => format!("Enter your {label} in half-width (半角) digits only."),
        FieldError::NotAlphanumeric => {
            format!("Enter your {label} in half-width (半角) letters and digits only.")
        }
        FieldError::CardLength => {
            format!("Your {label} must be 10, 15 or 16 half-width (半角) digits.")
        }
        FieldError::PinLength => format!("Your {label} must be 4 half-width (半角) digits."),
        FieldError::WebIdLength => {
            format!("Your {label} must be 8–32 half-width (半角) letters and digits.")
        }
        FieldError::PasswordLength => {
            format!("Your {label} must be 8–20 half-width (半角) letters and digits.")
        }
        FieldError::MemberNumberLength => {
            format!("Your {label} must be 9 half-width (半角) digits.")
        }
        FieldError::NeedsLetterAndDigit => {
            format!("Your {label} needs at least one half-width (半角) letter and one digit.")
        }
        FieldError::SameAsWebId => format!("Your {label} must differ from your WEB-ID."),
        FieldError::EmailShape => {
            format!("Check your {label}: write it in half-width (半角) characters, like name@example.jp.")
        }
        FieldError::CodeLength => format!("The {label} is 6 half-width (半角) digits."),
        FieldError::Mismatch => format!("The two entries of your {label} do not match."),
        FieldError::Overdue => format!(
            "Your {label} cannot change while a repayment is overdue. Please repay the overdue amount first."
        ),
        FieldError::DueToday => {
            format!("Your {label} cannot change on a repayment date. Please try again tomorrow.")
        }
        FieldError::SameAsCurrent => {
            format!("Your {label} is the same as the current one. Enter a different one.")
        }
        FieldError::Incorrect => format!("Your {label} is not correct."),
    }
}

/// The name of a credit-line review's status (SPEC S19: 受付, 審査中, 承認,
/// 否決, 書類不備), shared by the home page's notice and `/limit`.
pub fn review_status(t: &Texts, status: portal_api::ReviewStatus) -> &'static str {
    match status {
        portal_api::ReviewStatus::Received => t.review_received,
        portal_api::ReviewStatus::Reviewing => t.review_reviewing,
        portal_api::ReviewStatus::Approved => t.review_approved,
        portal_api::ReviewStatus::Refused => t.review_refused,
        portal_api::ReviewStatus::DocumentsNeeded => t.review_documents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_field_errors_lowercase_a_label_mid_sentence_but_not_an_acronym() {
        let required = FieldError::Required;
        assert_eq!(
            en_field_error("Card number", required),
            "Enter your card number."
        );
        assert_eq!(en_field_error("PIN", required), "Enter your PIN.");
        assert_eq!(en_field_error("WEB-ID", required), "Enter your WEB-ID.");
        assert_eq!(en_field_error("E", required), "Enter your E.");
    }
}
