//! Texts of this page, Japanese and English side by side.

use crate::texts;

texts! {
    /// The sign-in page (`/login`) and its form.
    pub struct Texts {
        login_intro: &'static str {
            ja: "カード番号またはWEB-IDでログインしてください。",
            en: "Sign in with your card number or your WEB-ID.",
        }
        tab_card: &'static str {
            ja: "カードをお持ちのお客さま",
            en: "I have a card",
        }
        tab_web_id: &'static str {
            ja: "WEB-IDでログインのお客さま",
            en: "I use a WEB-ID",
        }
        login_methods: &'static str {
            ja: "ログイン方法",
            en: "How to sign in",
        }
        card_number: &'static str {
            ja: "カード番号",
            en: "Card number",
        }
        card_number_hint: &'static str {
            ja: "半角数字10桁または15～16桁（ハイフンは省略できます）",
            en: "10, 15 or 16 half-width digits (hyphens may be left out)",
        }
        pin: &'static str {
            ja: "暗証番号",
            en: "PIN",
        }
        pin_hint: &'static str {
            ja: "半角数字4桁",
            en: "4 half-width digits",
        }
        web_id: &'static str {
            ja: "WEB-ID",
            en: "WEB-ID",
        }
        web_id_hint: &'static str {
            ja: "半角英数字8～32桁（大文字・小文字を区別します）",
            en: "8–32 half-width letters and digits (case-sensitive)",
        }
        password: &'static str {
            ja: "パスワード",
            en: "Password",
        }
        password_hint: &'static str {
            ja: "半角英数字8～20桁（大文字・小文字を区別します）",
            en: "8–20 half-width letters and digits (case-sensitive)",
        }
        sign_in_button: &'static str {
            ja: "ログイン",
            en: "Sign in",
        }
        signing_in: &'static str {
            ja: "ログインしています…",
            en: "Signing in…",
        }
        bad_credentials: &'static str {
            ja: "入力された内容ではログインできませんでした。入力内容をご確認のうえ、もう一度お試しください。",
            en: "We could not sign you in with the details entered. Please check them and try again.",
        }
        locked_title: &'static str {
            ja: "セキュリティロックがかかっています",
            en: "Your account is security-locked",
        }
        locked_body: &'static str {
            ja: "入力の誤りが続いたため、安全のためログインを停止しています。ロックの解除は、カードと本人確認書類（運転免許証など）をお持ちのうえ、自動契約機でお手続きください。ロック中もATMや銀行振込でのご返済はできます。",
            en: "Sign-in has been stopped for your safety after repeated errors. To unlock it, visit an automatic contract machine with your card and an identity document (such as a driving licence). While it is locked you can still repay at an ATM or by bank transfer.",
        }
        more_about_lock: &'static str {
            ja: "ロックの解除について詳しくはヘルプへ",
            en: "More about unlocking in Help",
        }
        suspended_title: &'static str {
            ja: "ご利用を停止しています",
            en: "Your use of the service is suspended",
        }
        suspended_body: &'static str {
            ja: "現在、会員サービスのご利用を停止しています。詳しくはお電話でお問い合わせください。",
            en: "The member service is currently suspended for your account. Please call us for details.",
        }
        more_about_suspension: &'static str {
            ja: "利用停止について詳しくはヘルプへ",
            en: "More about suspension in Help",
        }
        more_about_half_width: &'static str {
            ja: "半角での入力について詳しくはヘルプへ",
            en: "More about half-width input in Help",
        }
        /// The link to the help page's forgotten-PIN answer; `forgot_pin_note` follows it.
        forgot_pin: &'static str {
            ja: "暗証番号をお忘れの方",
            en: "Forgotten your PIN?",
        }
        forgot_pin_note: &'static str {
            ja: "：オンラインでは再設定できません。カードと本人確認書類をお持ちのうえ、自動契約機で再設定してください。",
            en: " It cannot be reset online: reset it at an automatic contract machine with your card and an identity document.",
        }
        forgot_password: &'static str {
            ja: "パスワードをお忘れの方",
            en: "Forgotten your password?",
        }
        register_web_id: &'static str {
            ja: "WEB-IDの登録",
            en: "Register a WEB-ID",
        }
        demo_members_title: &'static str {
            ja: "デモ会員（デモ環境のみ）",
            en: "Demo members (demo only)",
        }
        demo_members_intro: &'static str {
            ja: "架空の貸金業者のデモです。次の会員でログインできます。",
            en: "This is a demo of a fictional lender. You can sign in as these members.",
        }
        demo_use: &'static str {
            ja: "この会員で入力",
            en: "Fill in this member",
        }
        signed_out_idle: &'static str {
            ja: "一定時間操作がなかったため、ログアウトしました。",
            en: "You were signed out because there was no activity for a while.",
        }
        signed_out: &'static str {
            ja: "ログアウトしました。",
            en: "You have signed out.",
        }
        session_ended: &'static str {
            ja: "ログインの有効期限が切れました。もう一度ログインしてください。",
            en: "Your session has expired. Please sign in again.",
        }
    }
}
