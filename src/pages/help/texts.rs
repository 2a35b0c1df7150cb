//! Texts of this page, Japanese and English side by side. The questions use
//! the seed article's words for the sign-in troubles members meet
//! (`reference/member-service-article.ja.txt`, 「ログインできないケースと対処法」).
//! The maintenance schedule itself is the maintenance page's table, so the
//! S3 times are written once.

use crate::texts;

texts! {
    /// The help page (`/help`).
    pub struct Texts {
        intro: &'static str {
            ja: "会員ページにログインできないときの対処法、商品の概要、お問い合わせ先をご案内します。",
            en: "What to do when you cannot sign in, the facts of the loan, and how to reach us.",
        }
        faq_title: &'static str {
            ja: "ログインできないときは",
            en: "If you cannot sign in",
        }

        forgot_pin_question: &'static str {
            ja: "暗証番号を忘れた",
            en: "I forgot my card PIN",
        }
        forgot_pin_answer: &'static [&'static str] {
            ja: &[
                "カードの暗証番号は、ホームページやこの会員ページでは再設定できません。自動契約機（自動契約コーナー）で再設定のお手続きをしてください。",
                "お手続きには、カードと運転免許証などの本人確認書類が必要です。再設定はその場ですぐに行われます。",
            ],
            en: &[
                "A card PIN cannot be reset online, here or on our website. Reset it at an automatic contract machine (自動契約機).",
                "Bring your card and an identity document such as a driving licence. The new PIN is set on the spot.",
            ],
        }

        forgot_password_question: &'static str {
            ja: "パスワードを忘れた",
            en: "I forgot my password",
        }
        forgot_password_answer: &'static [&'static str] {
            ja: &[
                "WEB-IDとご登録のメールアドレスがあれば、パスワードを再設定できます。メールでお送りする確認コードを入力し、新しいパスワードを設定してください。",
            ],
            en: &[
                "With your WEB-ID and your registered e-mail address you can reset your password online: enter the confirmation code we e-mail you, then choose a new password.",
            ],
        }
        forgot_password_link: &'static str {
            ja: "パスワードの再設定へ",
            en: "Reset your password",
        }

        register_question: &'static str {
            ja: "WEB-IDを持っていない",
            en: "I do not have a WEB-ID yet",
        }
        register_answer: &'static [&'static str] {
            ja: &[
                "WEB-IDでログインするには、先にWEB-IDとパスワードの登録が必要です。会員番号（半角数字9桁）とご登録のメールアドレスで登録できます。",
                "カードをお持ちの方は、カード番号と暗証番号でログインした後に、WEB-IDを登録することもできます。",
            ],
            en: &[
                "To sign in with a WEB-ID you first register one, with a password. You need your member number (9 half-width digits) and your registered e-mail address.",
                "Card members can also sign in with their card number and PIN and add a WEB-ID afterwards.",
            ],
        }
        register_link: &'static str {
            ja: "WEB-IDの登録へ",
            en: "Register a WEB-ID",
        }

        lock_question: &'static str {
            ja: "セキュリティロックされている",
            en: "My sign-in is security-locked",
        }
        lock_answer: &'static [&'static str] {
            ja: &[
                "暗証番号やパスワードを続けて何度か間違えると、第三者の不正利用を防ぐためにセキュリティロックがかかり、ログインできなくなります。ロックがかかるまでの回数は、防犯上の理由から公開していません。",
                "ロックの解除は、カードと運転免許証などの本人確認書類をお持ちのうえ、自動契約機でお手続きください。",
                "ロック中でも、ATMや銀行振込でのご返済はできます。",
            ],
            en: &[
                "After several wrong PINs or passwords in a row, sign-in is security-locked (ロック) to keep others out of your account. For security we do not say how many attempts are allowed.",
                "To unlock it, visit an automatic contract machine (自動契約機) with your card and an identity document such as a driving licence.",
                "While it is locked you can still repay at an ATM or by bank transfer.",
            ],
        }

        maintenance_question: &'static str {
            ja: "メンテナンス中である",
            en: "The service is under maintenance",
        }
        maintenance_answer: &'static [&'static str] {
            ja: &[
                "定期メンテナンス（システムメンテナンス）の間は、ログインやログイン後のサービスをご利用いただけません。",
            ],
            en: &[
                "During regular system maintenance (メンテナンス) you cannot sign in or use the member service.",
            ],
        }
        maintenance_unscheduled: &'static str {
            ja: "このほか、臨時のメンテナンスを行うことがあります。メンテナンス中は、終了予定をメンテナンスのお知らせでご確認いただけます。",
            en: "There may also be unscheduled maintenance. While it lasts, the maintenance page says when it is expected to end.",
        }

        suspended_question: &'static str {
            ja: "利用停止となっている",
            en: "My use of the service is suspended",
        }
        suspended_answer: &'static [&'static str] {
            ja: &[
                "ご返済が大きく遅れている場合などには、会員サービスのご利用を停止することがあります。停止中はログインできません。",
                "詳しくはお電話でお問い合わせください。",
            ],
            en: &[
                "We may suspend (停止) the member service for an account, for example when repayments are seriously late. While it is suspended you cannot sign in.",
                "Please call us for details.",
            ],
        }

        half_width_question: &'static str {
            ja: "半角で入力していない",
            en: "I did not type in half-width characters",
        }
        half_width_answer: &'static [&'static str] {
            ja: &[
                "ログインフォームには半角英数字で入力してください。",
                "カード番号と会員番号は、全角の数字で入力しても半角に変換されます。ハイフンやスペースは入力しても無視されます。WEB-IDの全角英数字も半角に変換されます。",
                "暗証番号とパスワードは変換されません。必ず半角で、正確に入力してください。",
                "入力を続けて間違えるとセキュリティロックがかかりますので、慎重に入力してください。",
            ],
            en: &[
                "Type your sign-in details in half-width (半角) letters and digits.",
                "Card and member numbers typed in full-width digits are converted to half-width, and hyphens and spaces are ignored. Full-width letters and digits in a WEB-ID are converted too.",
                "PINs and passwords are never converted: type them exactly, in half-width characters.",
                "Repeated mistakes lead to a security lock, so type carefully.",
            ],
        }

        case_question: &'static str {
            ja: "大文字・小文字を間違えている",
            en: "Upper or lower case is wrong",
        }
        case_answer: &'static [&'static str] {
            ja: &[
                "WEB-IDとパスワードは、大文字と小文字を区別します。Caps Lockがオンになっていないかご確認ください。",
                "パスワードや暗証番号の入力中にCaps Lockがオンのときは、入力欄の下にお知らせが表示されます。",
            ],
            en: &[
                "WEB-IDs and passwords are case-sensitive. Check that Caps Lock is off.",
                "While you type a password or PIN with Caps Lock on, a warning shows under the field.",
            ],
        }

        facts_title: &'static str {
            ja: "商品概要",
            en: "About the loan",
        }
        credit_line: &'static str {
            ja: "融資限度額",
            en: "Credit line",
        }
        credit_line_value: &'static str {
            ja: "1万円～500万円",
            en: "¥10,000 – ¥5,000,000",
        }
        apr: &'static str {
            ja: "実質年率",
            en: "Annual percentage rate (実質年率)",
        }
        apr_value: &'static str {
            ja: "4.5%～17.8%",
            en: "4.5% – 17.8%",
        }
        apr_cap: &'static str {
            ja: "ご利用限度額が100万円以上の場合は15.0%以下（利息制限法の上限）",
            en: "At most 15.0% for a credit line of ¥1,000,000 or more (the cap of the Interest Rate Restriction Act)",
        }
        late_rate: &'static str {
            ja: "遅延損害金",
            en: "Late-payment rate (遅延損害金)",
        }
        late_rate_value: &'static str {
            ja: "実質年率20.0%",
            en: "20.0% a year",
        }
        repayment_method: &'static str {
            ja: "返済方式",
            en: "Repayment method",
        }
        repayment_method_value: &'static str {
            ja: "残高スライド元利定額返済方式",
            en: "Fixed instalments set by the balance (残高スライド元利定額返済方式)",
        }
        security: &'static str {
            ja: "担保・保証人",
            en: "Collateral and guarantor",
        }
        security_value: &'static str {
            ja: "不要",
            en: "Not required",
        }
        interest_free: &'static str {
            ja: "30日間無利息",
            en: "30 days interest-free",
        }
        interest_free_value: &'static str {
            ja: "初めてご契約のお客さまで、メールアドレスのご登録とWeb明細のご利用がある場合、初回お借入れの翌日から30日間は利息がかかりません。期間中のお借入れはすべて無利息の対象で、期間の終了後は通常の利息がかかります。",
            en: "For a first-time member who has registered an e-mail address and chosen web statements (Web明細): no interest for 30 days from the day after the first borrowing. Every borrowing within those days is interest-free; normal interest applies afterwards.",
        }

        simulator_title: &'static str {
            ja: "ご返済額の試算",
            en: "Estimate your repayments",
        }
        simulator_body: &'static str {
            ja: "借入金額と実質年率を入力すると、毎月のご返済額、返済回数、お支払い利息の合計を試算できます。",
            en: "Enter an amount and an APR to see the monthly repayment, the number of repayments and the total interest.",
        }
        simulator_link: &'static str {
            ja: "返済シミュレーションで試算する",
            en: "Try the repayment simulator",
        }

        contact_title: &'static str {
            ja: "お問い合わせ",
            en: "Contact us",
        }
        contact_body: &'static str {
            ja: "ログインやサービスについてのご質問・ご相談は、お電話でお問い合わせください。",
            en: "For questions about signing in or our services, please call us.",
        }
        phone: &'static str {
            ja: "電話番号",
            en: "Phone",
        }
        hours: &'static str {
            ja: "受付時間",
            en: "Hours",
        }
    }
}
