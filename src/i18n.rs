//! The two locales, as one typed table of texts per locale.
//!
//! We chose a plain struct over leptos_i18n: the compiler refuses a locale
//! that misses a text (every field must be set), there is no build script or
//! macro step, and the texts add nothing to the wasm beyond the strings
//! themselves. Texts that embed a value are functions.

use leptos::prelude::*;
use portal_domain::clock::{
    format_date_en, format_date_ja, format_datetime_en, format_datetime_ja,
};
use portal_domain::input::FieldError;
use portal_domain::money::Yen;

/// A locale of the portal. Japanese is the default and the reference wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ja,
    En,
}

impl Locale {
    /// The value for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        match code {
            "ja" => Some(Locale::Ja),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Ja => &JA,
            Locale::En => &EN,
        }
    }

    pub fn yen(self, amount: Yen) -> String {
        match self {
            Locale::Ja => amount.format_ja(),
            Locale::En => amount.format_en(),
        }
    }

    pub fn date(self, d: chrono::NaiveDate) -> String {
        match self {
            Locale::Ja => format_date_ja(d),
            Locale::En => format_date_en(d),
        }
    }

    /// A span of time, "A～B" in Japanese and "A – B" in English.
    pub fn range(self, from: &str, to: &str) -> String {
        match self {
            Locale::Ja => format!("{from}～{to}"),
            Locale::En => format!("{from} – {to}"),
        }
    }

    pub fn datetime(self, dt: chrono::NaiveDateTime) -> String {
        match self {
            Locale::Ja => format_datetime_ja(dt),
            Locale::En => format_datetime_en(dt),
        }
    }
}

/// The current locale, shared through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    pub fn locale(&self) -> Locale {
        self.0.get()
    }

    /// The texts of the current locale; reading it subscribes the caller.
    pub fn t(&self) -> &'static Texts {
        self.0.get().texts()
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(RwSignal::new(Locale::Ja)))
}

/// Every text the portal shows, in one locale.
pub struct Texts {
    pub skip_to_content: &'static str,
    pub language_switch: &'static str,
    pub other_language_name: &'static str,
    pub sign_out: &'static str,
    pub loading: &'static str,
    pub support_phone_label: &'static str,

    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub tab_card: &'static str,
    pub tab_web_id: &'static str,
    pub login_methods: &'static str,
    pub card_number: &'static str,
    pub card_number_hint: &'static str,
    pub pin: &'static str,
    pub pin_hint: &'static str,
    pub web_id: &'static str,
    pub web_id_hint: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub show_secret: fn(&str) -> String,
    pub hide_secret: fn(&str) -> String,
    pub converted_note: &'static str,
    pub caps_lock_on: &'static str,
    pub sign_in_button: &'static str,
    pub signing_in: &'static str,
    pub errors_heading: &'static str,
    pub bad_credentials: &'static str,
    pub locked_title: &'static str,
    pub locked_body: &'static str,
    pub suspended_title: &'static str,
    pub suspended_body: &'static str,
    pub offline: &'static str,
    pub timeout: &'static str,
    pub server_error: &'static str,
    pub malformed: &'static str,
    pub forgot_pin: &'static str,
    pub forgot_password: &'static str,
    pub register_web_id: &'static str,
    pub demo_members_title: &'static str,
    pub demo_members_intro: &'static str,
    pub demo_use: &'static str,
    pub demo_reset: &'static str,
    pub demo_reset_done: &'static str,
    pub signed_out_idle: &'static str,
    pub signed_out: &'static str,
    pub session_ended: &'static str,

    pub home_title: &'static str,
    pub balance: &'static str,
    pub credit_line: &'static str,
    pub available: &'static str,
    pub next_due_date: &'static str,
    pub minimum_due: &'static str,
    pub nothing_due: &'static str,
    pub previous_sign_in: &'static str,
    pub first_sign_in: &'static str,
    pub points: &'static str,
    pub services: &'static str,
    pub service_links: [(&'static str, &'static str); 10],
    pub reload: &'static str,

    pub maintenance_title: &'static str,
    pub maintenance_now: &'static str,
    pub maintenance_none: &'static str,
    pub maintenance_schedule_title: &'static str,
    pub maintenance_schedule: [&'static str; 2],
    pub repayment_schedule_title: &'static str,
    pub repayment_schedule: [&'static str; 2],
    pub back_to_login: &'static str,

    pub idle_title: &'static str,
    pub idle_body: &'static str,
    pub idle_continue: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
    pub coming_soon_title: &'static str,
    pub coming_soon_body: &'static str,

    pub payoff_today: &'static str,
    pub accrued_interest: &'static str,
    pub late_charge: &'static str,
    pub interest_free_left: &'static str,
    pub apr: &'static str,
    pub days: fn(u32) -> String,

    pub notices: &'static str,
    pub no_notices: &'static str,
    pub notice_repayment_window: fn(&str, &str) -> String,
    pub notice_interest_free: fn(u32) -> String,
    pub history_title: &'static str,
    pub interest_to_next_due: &'static str,
    pub repaid_title: &'static str,
    /// Says the list holds at most the newest `n` repaid borrowings.
    pub repaid_intro: fn(u32) -> String,
    pub col_borrowed_on: &'static str,
    pub col_repaid_on: &'static str,
    pub col_days_to_repay: &'static str,
    pub no_repaid: &'static str,
    pub history_filters: &'static str,
    pub period: &'static str,
    pub period_this_month: &'static str,
    pub period_3: &'static str,
    pub period_6: &'static str,
    pub period_12: &'static str,
    pub period_custom: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub entry_type: &'static str,
    pub type_all: &'static str,
    pub kind_borrowing: &'static str,
    pub kind_repayment: &'static str,
    pub channel_atm: &'static str,
    pub channel_transfer: &'static str,
    pub channel_internet: &'static str,
    pub channel_debit: &'static str,
    pub col_datetime: &'static str,
    pub col_kind: &'static str,
    pub col_channel: &'static str,
    pub col_amount: &'static str,
    pub col_interest: &'static str,
    pub col_principal: &'static str,
    pub col_late: &'static str,
    pub col_balance: &'static str,
    pub col_days: &'static str,
    pub no_entries: &'static str,
    pub download_csv: &'static str,
    /// Said while the CSV's entries are fetched.
    pub preparing_csv: &'static str,
    /// The CSV could not be made; the table stays as it was.
    pub csv_failed: &'static str,
    pub print_statement: &'static str,
    /// Said while the statement's entries are fetched.
    pub preparing_statement: &'static str,
    /// The statement could not be made; nothing was printed.
    pub statement_failed: &'static str,
    pub statement_heading: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// What the table shows: (dates, kind, total, first row, last row).
    pub showing: fn(&str, &str, usize, usize, usize) -> String,
    /// An inclusive date range; either end may be empty (open).
    pub date_range: fn(&str, &str) -> String,
    pub all_dates: &'static str,
    /// The statement's period, given as `date_range` or `all_dates` writes it.
    pub statement_period: fn(&str) -> String,

    pub sim_title: &'static str,
    pub sim_intro: &'static str,
    pub sim_amount: &'static str,
    pub sim_amount_hint: &'static str,
    pub sim_apr: &'static str,
    pub sim_apr_hint: &'static str,
    pub sim_mode: &'static str,
    pub sim_by_payment: &'static str,
    pub sim_by_months: &'static str,
    pub sim_payment: &'static str,
    pub sim_payment_hint: &'static str,
    pub sim_months: &'static str,
    pub sim_months_hint: &'static str,
    pub sim_calculate: &'static str,
    pub sim_result: &'static str,
    pub sim_payments: &'static str,
    pub sim_monthly: &'static str,
    pub sim_total_interest: &'static str,
    pub sim_total_paid: &'static str,
    pub sim_schedule: &'static str,
    pub sim_col_number: &'static str,
    pub sim_col_date: &'static str,
    pub sim_col_payment: &'static str,
    pub sim_col_interest: &'static str,
    pub sim_col_principal: &'static str,
    pub sim_col_balance: &'static str,
    pub sim_chart: &'static str,
    pub sim_worked_example: &'static str,
    pub sim_note: &'static str,
    pub sim_apr_error: &'static str,
    pub sim_amount_range_error: &'static str,
    pub sim_months_range_error: &'static str,
    pub sim_too_long_error: &'static str,
    pub sim_count: fn(u32) -> String,
    pub sim_payment_below_minimum: fn(&str) -> String,
    pub sim_never_covers: fn(&str) -> String,
    pub sim_number_error: fn(&str) -> String,

    pub config_error_title: &'static str,
    pub config_error_body: &'static str,

    pub field_error: fn(&str, FieldError) -> String,
    pub overdue_warning: fn(u32) -> String,
    pub maintenance_until: fn(&str) -> String,
    pub maintenance_banner: fn(&str, &str) -> String,
    pub call_support: fn(&str, &str) -> String,
}

static JA: Texts = Texts {
    skip_to_content: "本文へスキップ",
    language_switch: "言語",
    other_language_name: "English",
    sign_out: "ログアウト",
    loading: "読み込み中…",
    support_phone_label: "お問い合わせ",

    login_title: "会員ログイン",
    login_intro: "カード番号またはWEB-IDでログインしてください。",
    tab_card: "カードをお持ちのお客さま",
    tab_web_id: "WEB-IDでログインのお客さま",
    login_methods: "ログイン方法",
    card_number: "カード番号",
    card_number_hint: "半角数字10桁または15～16桁（ハイフンは省略できます）",
    pin: "暗証番号",
    pin_hint: "半角数字4桁",
    web_id: "WEB-ID",
    web_id_hint: "半角英数字8～32桁（大文字・小文字を区別します）",
    password: "パスワード",
    password_hint: "半角英数字8～20桁（大文字・小文字を区別します）",
    show_secret: |label| format!("{label}を表示"),
    hide_secret: |label| format!("{label}を隠す"),
    converted_note: "全角の英数字を半角に変換しました。",
    caps_lock_on: "Caps Lockがオンになっています。",
    sign_in_button: "ログイン",
    signing_in: "ログインしています…",
    errors_heading: "入力内容をご確認ください。",
    bad_credentials: "入力された内容ではログインできませんでした。入力内容をご確認のうえ、もう一度お試しください。",
    locked_title: "セキュリティロックがかかっています",
    locked_body: "入力の誤りが続いたため、安全のためログインを停止しています。ロックの解除は、カードと本人確認書類（運転免許証など）をお持ちのうえ、自動契約機でお手続きください。ロック中もATMや銀行振込でのご返済はできます。",
    suspended_title: "ご利用を停止しています",
    suspended_body: "現在、会員サービスのご利用を停止しています。詳しくはお電話でお問い合わせください。",
    offline: "通信できませんでした。電波の良い場所で、もう一度お試しください。入力内容はそのまま残っています。",
    timeout: "応答に時間がかかっています。しばらくしてから、もう一度お試しください。",
    server_error: "ただいま処理できませんでした。しばらくしてから、もう一度お試しください。",
    malformed: "サーバーから予期しない応答がありました。しばらくしてから、もう一度お試しください。",
    forgot_pin: "暗証番号をお忘れの方：オンラインでは再設定できません。カードと本人確認書類をお持ちのうえ、自動契約機で再設定してください。",
    forgot_password: "パスワードをお忘れの方",
    register_web_id: "WEB-IDの登録",
    demo_members_title: "デモ会員（デモ環境のみ）",
    demo_members_intro: "架空の貸金業者のデモです。次の会員でログインできます。",
    demo_use: "この会員で入力",
    demo_reset: "デモデータを初期化",
    demo_reset_done: "デモデータを初期化しました。",
    signed_out_idle: "一定時間操作がなかったため、ログアウトしました。",
    signed_out: "ログアウトしました。",
    session_ended: "ログインの有効期限が切れました。もう一度ログインしてください。",

    home_title: "会員トップ",
    balance: "ご利用残高",
    credit_line: "ご利用限度額",
    available: "ご利用可能額",
    next_due_date: "次回ご返済日",
    minimum_due: "ご返済額（約定返済額）",
    nothing_due: "ご返済いただく残高はありません。",
    previous_sign_in: "前回ログイン日時",
    first_sign_in: "今回がはじめてのログインです",
    points: "ポイント残高",
    services: "各種サービス",
    service_links: [
        ("/history", "取引履歴の確認"),
        ("/transfer", "インターネット振込"),
        ("/repay", "インターネット返済"),
        ("/limit", "限度額の変更"),
        ("/documents", "書類提出"),
        ("/settings", "各種設定の変更"),
        ("/reminders", "ご返済日お知らせメール"),
        ("/points", "ポイントサービス"),
        ("/simulator", "返済シミュレーション"),
        ("/help", "ヘルプ・お問い合わせ"),
    ],
    reload: "再読み込み",

    maintenance_title: "メンテナンスのお知らせ",
    maintenance_now: "ただいまシステムメンテナンス中のため、会員サービスをご利用いただけません。",
    maintenance_none: "現在、メンテナンスは行っていません。",
    maintenance_schedule_title: "会員サービスの定期メンテナンス",
    maintenance_schedule: ["毎週月曜日 0:00～7:00", "元日（1月1日）終日"],
    repayment_schedule_title: "インターネット返済は、上記に加えて次の時間帯もご利用いただけません",
    repayment_schedule: [
        "毎週日曜日 23:00～翌月曜日 7:00",
        "毎月第3日曜日 0:00～6:00、およびその前日の土曜日 23:00～24:00",
    ],
    back_to_login: "ログインページへ",

    idle_title: "まもなくログアウトします",
    idle_body: "操作のない状態が続いています。あと1分でログアウトします。続ける場合はボタンを押してください。",
    idle_continue: "ログインを継続する",

    not_found_title: "ページが見つかりません",
    not_found_body: "お探しのページは移動または削除された可能性があります。",
    go_home: "会員トップへ",
    coming_soon_title: "準備中",
    coming_soon_body: "このサービスは現在準備中です。",

    payoff_today: "本日の一括返済額",
    accrued_interest: "未払利息",
    late_charge: "遅延損害金",
    interest_free_left: "無利息期間の残り",
    apr: "実質年率",
    days: |n| format!("{n}日"),

    notices: "お知らせ",
    no_notices: "新しいお知らせはありません。",
    notice_repayment_window: |start, end| {
        format!("インターネット返済は、システムメンテナンスのため {start}～{end} はご利用いただけません。")
    },
    notice_interest_free: |days| format!("30日間無利息期間の残りは{days}日です。"),
    history_title: "取引履歴",
    interest_to_next_due: "次回ご返済日までの利息",
    repaid_title: "過去のお借入れの返済日数",
    repaid_intro: |n| format!("返済が済んだお借入れ（新しい順に最大{n}件）と、完済までにかかった日数です（古いお借入れから順に充当）。"),
    col_borrowed_on: "借入日",
    col_repaid_on: "完済日",
    col_days_to_repay: "返済日数",
    no_repaid: "完済したお借入れはまだありません。",
    history_filters: "表示する取引",
    period: "期間",
    period_this_month: "今月",
    period_3: "3か月",
    period_6: "6か月",
    period_12: "12か月",
    period_custom: "期間を指定",
    date_from: "開始日",
    date_to: "終了日",
    entry_type: "取引の種類",
    type_all: "すべて",
    kind_borrowing: "借入",
    kind_repayment: "返済",
    channel_atm: "ATM",
    channel_transfer: "振込",
    channel_internet: "インターネット返済",
    channel_debit: "口座振替",
    col_datetime: "日時",
    col_kind: "取引",
    col_channel: "方法",
    col_amount: "金額",
    col_interest: "利息",
    col_principal: "元金",
    col_late: "遅延損害金",
    col_balance: "残高",
    col_days: "借入日数",
    no_entries: "該当する取引はありません。",
    download_csv: "CSVでダウンロード",
    preparing_csv: "CSVを準備しています…",
    csv_failed: "CSVを作成できませんでした。しばらくしてから、もう一度お試しください。",
    print_statement: "Web明細を印刷",
    preparing_statement: "Web明細を準備しています…",
    statement_failed: "Web明細を作成できませんでした。しばらくしてから、もう一度お試しください。",
    statement_heading: "Web明細",
    previous_page: "前へ",
    next_page: "次へ",
    showing: |dates, kind, total, from, to| match total {
        0 => format!("{dates}・{kind}：0件"),
        _ => format!("{dates}・{kind}：{total}件中 {from}～{to}件を表示"),
    },
    date_range: |from, to| format!("{from}～{to}"),
    all_dates: "全期間",
    statement_period: |dates| format!("期間: {dates}"),

    sim_title: "返済シミュレーション",
    sim_intro: "借入金額と実質年率を入力すると、返済回数・利息・返済総額と毎月の返済予定を計算します。ログインせずにご利用いただけます。",
    sim_amount: "借入金額",
    sim_amount_hint: "1,000円～500万円（半角・全角数字、カンマ可）",
    sim_apr: "実質年率",
    sim_apr_hint: "4.5%～17.8%",
    sim_mode: "計算方法",
    sim_by_payment: "返済額を決めて計算",
    sim_by_months: "回数を決めて計算",
    sim_payment: "毎月の返済額",
    sim_payment_hint: "初期値は借入金額に応じた約定返済額です",
    sim_months: "返済回数",
    sim_months_hint: "1～600回",
    sim_calculate: "計算する",
    sim_result: "計算結果",
    sim_payments: "返済回数",
    sim_monthly: "毎月の返済額",
    sim_total_interest: "利息合計",
    sim_total_paid: "返済総額",
    sim_schedule: "返済予定表",
    sim_col_number: "回",
    sim_col_date: "返済日",
    sim_col_payment: "返済額",
    sim_col_interest: "利息",
    sim_col_principal: "元金",
    sim_col_balance: "残高",
    sim_chart: "残高の推移",
    sim_worked_example: "計算例：10万円を実質年率17.8%で30日間借りた場合の利息は 100,000円 × 17.8% ÷ 365日 × 30日 = 1,463円（1円未満切り捨て）です。",
    sim_note: "利息は日割り（うるう年の日は366日で割ります）で計算し、1円未満を切り捨てています。毎月の返済日は借入日と同じ日付としています。実際のご返済額とは異なる場合があります。",
    sim_apr_error: "実質年率は4.5～17.8の半角数字で入力してください。",
    sim_amount_range_error: "借入金額は1,000円～5,000,000円で入力してください。",
    sim_months_range_error: "返済回数は1～600回で入力してください。",
    sim_too_long_error: "返済が終わるまでの回数が多すぎます。毎月の返済額を増やしてください。",
    sim_count: |n| format!("{n}回"),
    sim_payment_below_minimum: |min| format!("毎月の返済額は{min}以上で入力してください。"),
    sim_never_covers: |interest| {
        format!("この返済額では利息（初回 {interest}）を上回らず、残高が減りません。返済額を増やしてください。")
    },
    sim_number_error: |label| format!("{label}は半角数字で入力してください。"),

    config_error_title: "ページを表示できませんでした",
    config_error_body: "設定を読み込めませんでした。時間をおいて再読み込みしてください。",

    field_error: ja_field_error,
    overdue_warning: |days| {
        format!(
            "ご返済期日を{days}日過ぎています。遅延損害金（年20.0%）が発生しています。至急ご返済ください。"
        )
    },
    maintenance_until: |end| format!("終了予定: {end}"),
    maintenance_banner: |start, end| {
        format!("メンテナンスのお知らせ: {start}～{end} は会員サービスをご利用いただけません。")
    },
    call_support: |phone, hours| format!("お問い合わせ: {phone}（{hours}）"),
};

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
    }
}

static EN: Texts = Texts {
    skip_to_content: "Skip to main content",
    language_switch: "Language",
    other_language_name: "日本語",
    sign_out: "Sign out",
    loading: "Loading…",
    support_phone_label: "Contact",

    login_title: "Member sign-in",
    login_intro: "Sign in with your card number or your WEB-ID.",
    tab_card: "I have a card",
    tab_web_id: "I use a WEB-ID",
    login_methods: "How to sign in",
    card_number: "Card number",
    card_number_hint: "10, 15 or 16 half-width digits (hyphens may be left out)",
    pin: "PIN",
    pin_hint: "4 half-width digits",
    web_id: "WEB-ID",
    web_id_hint: "8–32 half-width letters and digits (case-sensitive)",
    password: "Password",
    password_hint: "8–20 half-width letters and digits (case-sensitive)",
    show_secret: |label| format!("Show {label}"),
    hide_secret: |label| format!("Hide {label}"),
    converted_note: "Full-width letters and digits were converted to half-width.",
    caps_lock_on: "Caps Lock is on.",
    sign_in_button: "Sign in",
    signing_in: "Signing in…",
    errors_heading: "Please check what you entered.",
    bad_credentials: "We could not sign you in with the details entered. Please check them and try again.",
    locked_title: "Your account is security-locked",
    locked_body: "Sign-in has been stopped for your safety after repeated errors. To unlock it, visit an automatic contract machine with your card and an identity document (such as a driving licence). While it is locked you can still repay at an ATM or by bank transfer.",
    suspended_title: "Your use of the service is suspended",
    suspended_body: "The member service is currently suspended for your account. Please call us for details.",
    offline: "We could not connect. Please try again where the signal is better. What you entered is still here.",
    timeout: "The server is taking too long to answer. Please try again in a little while.",
    server_error: "We could not process this just now. Please try again in a little while.",
    malformed: "The server sent an unexpected answer. Please try again in a little while.",
    forgot_pin: "Forgotten your PIN? It cannot be reset online: reset it at an automatic contract machine with your card and an identity document.",
    forgot_password: "Forgotten your password?",
    register_web_id: "Register a WEB-ID",
    demo_members_title: "Demo members (demo only)",
    demo_members_intro: "This is a demo of a fictional lender. You can sign in as these members.",
    demo_use: "Fill in this member",
    demo_reset: "Reset demo data",
    demo_reset_done: "Demo data has been reset.",
    signed_out_idle: "You were signed out because there was no activity for a while.",
    signed_out: "You have signed out.",
    session_ended: "Your session has expired. Please sign in again.",

    home_title: "Member home",
    balance: "Balance",
    credit_line: "Credit line",
    available: "Available to borrow",
    next_due_date: "Next repayment date",
    minimum_due: "Minimum repayment",
    nothing_due: "You have no balance to repay.",
    previous_sign_in: "Previous sign-in",
    first_sign_in: "This is your first sign-in",
    points: "Points",
    services: "Services",
    service_links: [
        ("/history", "Transaction history"),
        ("/transfer", "Internet transfer"),
        ("/repay", "Internet repayment"),
        ("/limit", "Change credit line"),
        ("/documents", "Submit documents"),
        ("/settings", "Settings"),
        ("/reminders", "Repayment reminder e-mail"),
        ("/points", "Points"),
        ("/simulator", "Repayment simulator"),
        ("/help", "Help and contact"),
    ],
    reload: "Reload",

    maintenance_title: "Maintenance",
    maintenance_now: "The member service is unavailable during system maintenance.",
    maintenance_none: "No maintenance is in progress now.",
    maintenance_schedule_title: "Regular maintenance of the member service",
    maintenance_schedule: ["Every Monday 0:00–7:00", "All day on New Year's Day (1 January)"],
    repayment_schedule_title: "Internet repayment is also unavailable at these times",
    repayment_schedule: [
        "Every Sunday 23:00 to Monday 7:00",
        "The third Sunday of each month 0:00–6:00, and the Saturday before it 23:00–24:00",
    ],
    back_to_login: "Go to sign-in",

    idle_title: "You will be signed out soon",
    idle_body: "There has been no activity for a while. You will be signed out in one minute. Press the button to continue.",
    idle_continue: "Stay signed in",

    not_found_title: "Page not found",
    not_found_body: "The page you are looking for may have moved or been removed.",
    go_home: "Go to member home",
    coming_soon_title: "Coming soon",
    coming_soon_body: "This service is being prepared.",

    payoff_today: "Payoff amount today",
    accrued_interest: "Unpaid interest",
    late_charge: "Late charge",
    interest_free_left: "Interest-free days left",
    apr: "APR",
    days: |n| if n == 1 { "1 day".to_owned() } else { format!("{n} days") },

    notices: "Notices",
    no_notices: "No new notices.",
    notice_repayment_window: |start, end| {
        format!("Internet repayment is unavailable for maintenance from {start} to {end}.")
    },
    notice_interest_free: |days| format!("{days} interest-free days remain."),
    history_title: "Transaction history",
    interest_to_next_due: "Interest up to the next repayment date",
    repaid_title: "How long past borrowings took to repay",
    repaid_intro: |n| format!("Borrowings you have repaid in full (up to the {n} most recent) and the days each took (repayments clear the oldest borrowing first)."),
    col_borrowed_on: "Borrowed on",
    col_repaid_on: "Repaid on",
    col_days_to_repay: "Days to repay",
    no_repaid: "No borrowing has been repaid in full yet.",
    history_filters: "Which transactions",
    period: "Period",
    period_this_month: "This month",
    period_3: "3 months",
    period_6: "6 months",
    period_12: "12 months",
    period_custom: "Choose dates",
    date_from: "From",
    date_to: "To",
    entry_type: "Type",
    type_all: "All",
    kind_borrowing: "Borrowing",
    kind_repayment: "Repayment",
    channel_atm: "ATM",
    channel_transfer: "Bank transfer",
    channel_internet: "Internet repayment",
    channel_debit: "Direct debit",
    col_datetime: "Date and time",
    col_kind: "Type",
    col_channel: "Channel",
    col_amount: "Amount",
    col_interest: "Interest",
    col_principal: "Principal",
    col_late: "Late charge",
    col_balance: "Balance",
    col_days: "Days of use",
    no_entries: "No transactions match.",
    download_csv: "Download CSV",
    preparing_csv: "Preparing the CSV…",
    csv_failed: "We could not make the CSV just now. Please try again in a little while.",
    print_statement: "Print statement",
    preparing_statement: "Preparing the statement…",
    statement_failed: "We could not prepare the statement just now. Please try again in a little while.",
    statement_heading: "Web statement (Web明細)",
    previous_page: "Previous",
    next_page: "Next",
    showing: |dates, kind, total, from, to| match total {
        0 => format!("{dates}, {kind}: none"),
        _ => format!("{dates}, {kind}: showing {from}–{to} of {total}"),
    },
    date_range: |from, to| format!("{from} – {to}"),
    all_dates: "All dates",
    statement_period: |dates| format!("Period: {dates}"),

    sim_title: "Repayment simulator",
    sim_intro: "Enter an amount and an APR to see the number of payments, the interest, the total and a month-by-month schedule. No sign-in needed.",
    sim_amount: "Amount borrowed",
    sim_amount_hint: "¥1,000 to ¥5,000,000 (commas allowed)",
    sim_apr: "APR",
    sim_apr_hint: "4.5% to 17.8%",
    sim_mode: "Calculate from",
    sim_by_payment: "the monthly payment",
    sim_by_months: "the number of payments",
    sim_payment: "Monthly payment",
    sim_payment_hint: "Starts at the minimum repayment for the amount",
    sim_months: "Number of payments",
    sim_months_hint: "1 to 600",
    sim_calculate: "Calculate",
    sim_result: "Result",
    sim_payments: "Number of payments",
    sim_monthly: "Monthly payment",
    sim_total_interest: "Total interest",
    sim_total_paid: "Total repaid",
    sim_schedule: "Repayment schedule",
    sim_col_number: "No.",
    sim_col_date: "Date",
    sim_col_payment: "Payment",
    sim_col_interest: "Interest",
    sim_col_principal: "Principal",
    sim_col_balance: "Balance",
    sim_chart: "Balance over time",
    sim_worked_example: "Worked example: borrowing ¥100,000 at 17.8% APR for 30 days costs ¥100,000 × 17.8% ÷ 365 days × 30 days = ¥1,463 of interest (fractions of a yen dropped).",
    sim_note: "Interest is charged by the day (days in a leap year divide by 366) and fractions of a yen are dropped. Payments fall on the same day of the month as the borrowing. Actual repayments may differ.",
    sim_apr_error: "Enter an APR from 4.5 to 17.8 in half-width (半角) digits.",
    sim_amount_range_error: "Enter an amount from ¥1,000 to ¥5,000,000.",
    sim_months_range_error: "Enter 1 to 600 payments.",
    sim_too_long_error: "Repayment would take too many payments. Please raise the monthly payment.",
    sim_count: |n| if n == 1 { "1 payment".to_owned() } else { format!("{n} payments") },
    sim_payment_below_minimum: |min| format!("Enter a monthly payment of at least {min}."),
    sim_never_covers: |interest| {
        format!("This payment does not cover the interest (first month {interest}), so the balance never falls. Please pay more.")
    },
    sim_number_error: |label| format!("Enter the {label} in half-width (半角) digits."),

    config_error_title: "The page could not be shown",
    config_error_body: "The settings could not be loaded. Please reload in a little while.",

    field_error: en_field_error,
    overdue_warning: |days| {
        format!(
            "Your repayment is {days} days overdue. Late charges (20.0% a year) are accruing. Please repay as soon as possible."
        )
    },
    maintenance_until: |end| format!("Expected to end: {end}"),
    maintenance_banner: |start, end| {
        format!("Maintenance notice: the member service is unavailable from {start} to {end}.")
    },
    call_support: |phone, hours| format!("Contact: {phone} ({hours})"),
};

fn en_field_error(label: &str, e: FieldError) -> String {
    // "Card number" reads "card number" mid-sentence; "PIN" and "WEB-ID" stay.
    let mut chars = label.chars();
    let label = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            format!("{}{}", first.to_lowercase(), &label[first.len_utf8()..])
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
    }
}

/// A text of the current locale as a type-erased signal. Every text node
/// then shares one instantiation of the framework's render code instead of
/// one per closure, which keeps the wasm small.
pub fn tr(pick: fn(&'static Texts) -> &'static str) -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || pick(i18n.t()))
}

/// Like `tr`, for texts built from values.
pub fn tr_with(
    build: impl Fn(&'static Texts, Locale) -> String + Send + Sync + 'static,
) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || build(i18n.t(), i18n.locale()))
}
