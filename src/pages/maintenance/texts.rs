//! Texts of this page, Japanese and English side by side.

use crate::texts;

texts! {
    /// The maintenance page (`/maintenance`).
    pub struct Texts {
        maintenance_none: &'static str {
            ja: "現在、メンテナンスは行っていません。",
            en: "No maintenance is in progress now.",
        }
        maintenance_schedule_title: &'static str {
            ja: "会員サービスの定期メンテナンス",
            en: "Regular maintenance of the member service",
        }
        maintenance_schedule: [&'static str; 2] {
            ja: ["毎週月曜日 0:00～7:00", "元日（1月1日）終日"],
            en: ["Every Monday 0:00–7:00", "All day on New Year's Day (1 January)"],
        }
        repayment_schedule_title: &'static str {
            ja: "インターネット返済は、上記に加えて次の時間帯もご利用いただけません",
            en: "Internet repayment is also unavailable at these times",
        }
        repayment_schedule: [&'static str; 2] {
            ja: [
                "毎週日曜日 23:00～翌月曜日 7:00",
                "毎月第3日曜日 0:00～6:00、およびその前日の土曜日 23:00～24:00",
            ],
            en: [
                "Every Sunday 23:00 to Monday 7:00",
                "The third Sunday of each month 0:00–6:00, and the Saturday before it 23:00–24:00",
            ],
        }
        back_to_login: &'static str {
            ja: "ログインページへ",
            en: "Go to sign-in",
        }
    }
}
