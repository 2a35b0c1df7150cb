//! Texts of `/register` and `/password-reset`, Japanese and English side by
//! side.

use crate::texts;

texts! {
    /// WEB-ID registration and password reset (SPEC S5).
    pub struct Texts {
        register_intro: &'static str {
            ja: "会員番号とご登録のメールアドレスを入力してください。メールでお送りする確認コードを入力したあと、WEB-IDとパスワードを決めていただきます。",
            en: "Enter your member number and the e-mail address you registered with us. After you enter the confirmation code we e-mail you, you choose your WEB-ID and password.",
        }
        reset_intro: &'static str {
            ja: "WEB-IDとご登録のメールアドレスを入力してください。メールでお送りする確認コードを入力したあと、新しいパスワードを設定していただきます。",
            en: "Enter your WEB-ID and the e-mail address you registered with us. After you enter the confirmation code we e-mail you, you set a new password.",
        }
        steps_label: &'static str {
            ja: "手続きの流れ",
            en: "Steps",
        }
        step_details: &'static str {
            ja: "お客さま情報の入力",
            en: "Your details",
        }
        step_code: &'static str {
            ja: "確認コードの入力",
            en: "Confirmation code",
        }
        step_choose_register: &'static str {
            ja: "WEB-ID・パスワードの設定",
            en: "WEB-ID and password",
        }
        step_choose_reset: &'static str {
            ja: "新しいパスワードの設定",
            en: "New password",
        }
        step_done: &'static str {
            ja: "完了",
            en: "Done",
        }
        step_of: fn(usize, usize) -> String {
            ja: |n, total| format!("ステップ{n}／{total}"),
            en: |n, total| format!("Step {n} of {total}:"),
        }
        login_kind: &'static str {
            ja: "ご利用のログイン方法",
            en: "How you sign in",
        }
        kind_web_id: &'static str {
            ja: "WEB-IDでログインしている",
            en: "With a WEB-ID",
        }
        kind_card: &'static str {
            ja: "カードでログインしている（暗証番号をお忘れの方）",
            en: "With a card (forgotten PIN)",
        }
        pin_title: &'static str {
            ja: "暗証番号はオンラインでは再設定できません",
            en: "A PIN cannot be reset online",
        }
        pin_body: &'static str {
            ja: "暗証番号をお忘れの場合は、カードと本人確認書類（運転免許証など）をお持ちのうえ、自動契約機で再設定してください。暗証番号がわからない間も、ATMや銀行振込でのご返済はできます。",
            en: "If you have forgotten your PIN, reset it at an automatic contract machine: bring your card and an identity document (such as a driving licence). Meanwhile you can still repay at an ATM or by bank transfer.",
        }
        pin_register_hint: &'static str {
            ja: "WEB-IDを登録すると、カードがなくてもWEB-IDとパスワードでログインできます。",
            en: "With a WEB-ID you can also sign in without your card, using your WEB-ID and password.",
        }
        member_number: &'static str {
            ja: "会員番号",
            en: "Member number",
        }
        member_number_hint: &'static str {
            ja: "半角数字9桁（ご契約時の書面に記載されています）",
            en: "9 half-width digits (on your contract documents)",
        }
        email: &'static str {
            ja: "メールアドレス",
            en: "Email address",
        }
        email_hint: &'static str {
            ja: "当社にご登録のメールアドレス（半角）",
            en: "The address you registered with us (half-width)",
        }
        web_id: &'static str {
            ja: "WEB-ID",
            en: "WEB-ID",
        }
        web_id_hint: &'static str {
            ja: "半角英数字8～32桁（大文字・小文字を区別します）",
            en: "8–32 half-width letters and digits (case-sensitive)",
        }
        new_web_id_hint: &'static str {
            ja: "半角英数字8～32桁。ほかの方が使っているWEB-IDは登録できません。",
            en: "8–32 half-width letters and digits, not already used by someone else.",
        }
        password: &'static str {
            ja: "パスワード",
            en: "Password",
        }
        new_password_hint: &'static str {
            ja: "半角英数字8～20桁。英字と数字をそれぞれ1文字以上含め、WEB-IDと異なるものにしてください（大文字・小文字を区別します）。",
            en: "8–20 half-width letters and digits, with at least one letter and one digit, different from your WEB-ID (case-sensitive).",
        }
        password_again: &'static str {
            ja: "パスワード（確認）",
            en: "Password (again)",
        }
        password_again_hint: &'static str {
            ja: "確認のため、同じパスワードをもう一度入力してください。",
            en: "Type the same password again to be sure.",
        }
        send_code: &'static str {
            ja: "確認コードを送信",
            en: "Send the confirmation code",
        }
        sending: &'static str {
            ja: "送信しています…",
            en: "Sending…",
        }
        code_sent: fn(&str) -> String {
            ja: |until| format!("ご入力の内容がご登録の内容と一致する場合、ご登録のメールアドレスあてに6桁の確認コードをお送りしました。{until}まで有効です。"),
            en: |until| format!("If the details match our records, we have e-mailed a 6-digit confirmation code to your registered address. It works until {until}."),
        }
        code_not_arrived: &'static str {
            ja: "メールが届かない場合は、迷惑メールフォルダをご確認のうえ、入力内容に誤りがないか確かめて確認コードを再送してください。",
            en: "If no e-mail arrives, check your spam folder and that the details were right, then send a new code.",
        }
        code_hint: &'static str {
            ja: "メールに記載の半角数字6桁",
            en: "The 6 half-width digits in the e-mail",
        }
        next: &'static str {
            ja: "次へ",
            en: "Next",
        }
        checking: &'static str {
            ja: "確認しています…",
            en: "Checking…",
        }
        change_details: &'static str {
            ja: "入力内容を修正する",
            en: "Change the details",
        }
        code_unknown: &'static str {
            ja: "このお手続きは有効期限が切れたか、新しい確認コードが発行されたため、続けられません。もう一度最初からお手続きください。",
            en: "This request has expired or a newer code was sent, so it cannot go on. Please start again.",
        }
        register_button: &'static str {
            ja: "登録する",
            en: "Register",
        }
        reset_button: &'static str {
            ja: "パスワードを再設定する",
            en: "Reset the password",
        }
        saving: &'static str {
            ja: "登録しています…",
            en: "Saving…",
        }
        web_id_taken: &'static str {
            ja: "このWEB-IDはすでに使われています。別のWEB-IDを入力してください。",
            en: "This WEB-ID is already in use. Please choose another.",
        }
        registered_title: &'static str {
            ja: "WEB-IDを登録しました",
            en: "Your WEB-ID is registered",
        }
        registered_body: fn(&str) -> String {
            ja: |id| format!("WEB-ID「{id}」と設定したパスワードで、会員ログインからログインできます。確認のメールをお送りしました。"),
            en: |id| format!("You can now sign in with the WEB-ID “{id}” and the password you chose. We have sent you an e-mail about it."),
        }
        reset_title: &'static str {
            ja: "パスワードを再設定しました",
            en: "Your password has been reset",
        }
        reset_body: &'static str {
            ja: "新しいパスワードで会員ログインからログインしてください。以前のパスワードは使えません。確認のメールをお送りしました。",
            en: "Sign in with your new password. The old one no longer works. We have sent you an e-mail about it.",
        }
        to_login: &'static str {
            ja: "ログイン画面へ",
            en: "Go to sign-in",
        }
        back_to_login: &'static str {
            ja: "ログイン画面に戻る",
            en: "Back to sign-in",
        }
        privacy_note: &'static str {
            ja: "確認コードとパスワードは、この画面を閉じると消去され、お使いの端末には保存されません。",
            en: "The code and password are cleared when you leave this page and are never stored on your device.",
        }
    }
}
