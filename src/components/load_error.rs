//! A read that failed: what happened, in the member's words, and a button
//! that tries again without leaving the page. Every page that loads from the
//! lender shows its failures through this one block.

use crate::i18n::common::{tr, Texts};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use portal_api::BackendError;

/// The sentence for a failure class.
pub fn failure_text(t: &'static Texts, error: &BackendError) -> &'static str {
    match error {
        BackendError::Offline => t.offline,
        BackendError::Timeout => t.timeout,
        BackendError::Malformed => t.malformed,
        _ => t.server_error,
    }
}

#[component]
pub fn LoadError(error: BackendError, on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || failure_text(i18n.t(), &error);
    view! {
        <div class="notice notice-error" role="alert">
            <p>{text}</p>
            <button type="button" class="secondary" on:click=move |_| on_retry.run(())>{tr(|t| t.reload)}</button>
        </div>
    }
}

/// A failed action's message, announced when it appears; nothing while
/// there is none. The money pages show their failures through it.
#[component]
pub fn FailureNotice(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    move || {
        text.get()
            .map(|text| view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> })
    }
}
