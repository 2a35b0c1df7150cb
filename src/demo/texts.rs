//! Texts of the demo panel (fake mode only).

use crate::texts;

texts! {
    /// The demo panel (デモ操作).
    pub struct Texts {
        reviews: &'static str {
            ja: "限度額の審査",
            en: "Credit-line review",
        }
        approve: &'static str {
            ja: "審査を承認する",
            en: "Approve now",
        }
        refuse: &'static str {
            ja: "審査を否決する",
            en: "Refuse now",
        }
        ask_documents: &'static str {
            ja: "書類不備にする",
            en: "Ask for documents",
        }
        decided: fn(usize) -> String {
            ja: |n| format!("{n}件の審査を処理しました。"),
            en: |n| format!("{n} review(s) decided."),
        }
        title: &'static str {
            ja: "デモ操作",
            en: "Demo controls",
        }
        intro: &'static str {
            ja: "デモ用の操作です（実際のサービスにはありません）。",
            en: "Controls for the demo only (not part of the real service).",
        }
        clock: &'static str {
            ja: "時計",
            en: "Clock",
        }
        now: fn(&str) -> String {
            ja: |t| format!("現在の日時（日本時間）: {t}"),
            en: |t| format!("Now (Japan time): {t}"),
        }
        plus_hour: &'static str {
            ja: "1時間進める",
            en: "+1 hour",
        }
        plus_day: &'static str {
            ja: "1日進める",
            en: "+1 day",
        }
        to_due: &'static str {
            ja: "次の返済日へ",
            en: "To the next due date",
        }
        to_time: &'static str {
            ja: "指定日時（日本時間）",
            en: "Chosen time (Japan time)",
        }
        go: &'static str {
            ja: "この日時にする",
            en: "Set this time",
        }
        real_time: &'static str {
            ja: "現在時刻に戻す",
            en: "Back to the real time",
        }
        faults: &'static str {
            ja: "通信障害の再現",
            en: "Simulate failures",
        }
        fault_kind: &'static str {
            ja: "障害の種類",
            en: "Kind of failure",
        }
        offline: &'static str {
            ja: "通信エラー",
            en: "Network error",
        }
        server: &'static str {
            ja: "サーバーエラー",
            en: "Server error",
        }
        timeout: &'static str {
            ja: "タイムアウト",
            en: "Timeout",
        }
        slow: &'static str {
            ja: "遅延",
            en: "Slow answer",
        }
        fault_count: &'static str {
            ja: "対象のリクエスト数",
            en: "Number of requests",
        }
        inject: &'static str {
            ja: "障害を発生させる",
            en: "Inject",
        }
        pending: fn(u32) -> String {
            ja: |n| format!("次の{n}件のリクエストが失敗します。"),
            en: |n| format!("The next {n} request(s) will fail."),
        }
        reset: &'static str {
            ja: "デモデータを初期化",
            en: "Reset demo data",
        }
        reset_done: &'static str {
            ja: "デモデータを初期化しました。",
            en: "The demo data has been reset.",
        }
        mailbox: &'static str {
            ja: "受信メール",
            en: "Mailbox",
        }
        refresh: &'static str {
            ja: "更新",
            en: "Refresh",
        }
        no_mail: &'static str {
            ja: "メールはありません。",
            en: "No e-mail.",
        }
    }
}
