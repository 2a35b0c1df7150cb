//! What the confirmation-code steps share: WEB-ID registration and password
//! reset (SPEC S5, `pages/recovery`) and the e-mail change (S12,
//! `pages/settings/email.rs`). A member meets the same field and the same
//! words about a code wherever one is mailed; what the code is for, where it
//! was sent and what happens when a request is gone stay with each flow.

use crate::components::field::{Field, FieldKind};
use crate::texts;
use leptos::prelude::*;
use portal_api::CodeEnd;
use portal_domain::input::normalize_digits_width;

texts! {
    /// The words about a confirmation code.
    pub struct Texts {
        code: &'static str {
            ja: "確認コード",
            en: "Confirmation code",
        }
        resend: &'static str {
            ja: "確認コードを再送する",
            en: "Send a new code",
        }
        code_resent: &'static str {
            ja: "新しい確認コードをお送りしました。前にお送りしたコードは使えません。",
            en: "We have sent a new code. The earlier code no longer works.",
        }
        code_wrong: fn(u8) -> String {
            ja: |left| format!("確認コードが正しくありません。あと{left}回入力できます。"),
            en: |left| format!("That confirmation code is not right. You can try {left} more time(s)."),
        }
        code_expired: &'static str {
            ja: "確認コードの有効期限（10分）が過ぎました。確認コードを再送してください。",
            en: "The confirmation code has expired (it works for 10 minutes). Please send a new code.",
        }
        code_too_many: &'static str {
            ja: "確認コードを5回まちがえたため、このコードは使えなくなりました。確認コードを再送してください。",
            en: "The code was entered wrongly 5 times, so it no longer works. Please send a new code.",
        }
    }
}

/// What to say about a code the lender ended and a new one replaces;
/// `None` for a request the lender no longer knows, which each flow
/// explains in its own words (it starts over somewhere different).
pub fn ended_text(t: &'static Texts, why: CodeEnd) -> Option<&'static str> {
    match why {
        CodeEnd::Expired => Some(t.code_expired),
        CodeEnd::TooManyTries => Some(t.code_too_many),
        CodeEnd::Unknown => None,
    }
}

/// The 確認コード field: six digits (full-width ones converted as typed),
/// offered by the phone from the e-mail (`one-time-code`).
#[component]
pub fn CodeField(
    id: &'static str,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Field
            id=id
            label=tr(|t| t.code)
            hint=hint
            value=value
            error=error
            kind=FieldKind::Text { convert: Some(normalize_digits_width) }
            inputmode="numeric"
            autocomplete="one-time-code"
            maxlength=12
        />
    }
}
