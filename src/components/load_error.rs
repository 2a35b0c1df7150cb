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

/// The line a read shows while it is on its way.
pub fn loading_line() -> AnyView {
    view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }.into_any()
}

/// A lender read on screen: the loading line while it is on its way,
/// `render` with the answer once it is in (a refetch keeps the old answer on
/// screen until the new one arrives), and [`LoadError`] with a retry if it
/// fails. Every page that shows one read before anything else uses it.
///
/// One closure over the resource, not a suspense boundary: the resource
/// keeps its last answer while it fetches again, which is what `Transition`
/// would show, and each page's chunk is spared the boundary's code for its
/// own types. Signals `render` reads are tracked as a `Suspend` tracks them:
/// a change renders the answer again.
pub fn loaded<T, V>(
    read: crate::read::Read<T>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    reactive_view(move || match read.get() {
        None => loading_line(),
        Some(Ok(answer)) => render(answer).into_any(),
        Some(Err(e)) => {
            view! { <LoadError error=e on_retry=Callback::new(move |()| read.refetch()) /> }
                .into_any()
        }
    })
}

/// A view drawn again whenever a signal `draw` reads changes, like a
/// `move ||` closure in `view!`, with the closure's type erased.
///
/// The framework's code that renders a closure and redraws it (a render
/// effect, the build and rebuild of its output) is generic over the
/// closure's type, so each `move || … .into_any()` in a page put a copy of
/// it in that page's chunk. Behind one `Arc<dyn Fn>` it is compiled once,
/// in the main module; a page's chunk keeps only its closure's body. The
/// pages' larger switching views (a flow's steps, a read's answer) use it.
pub fn reactive_view(draw: impl Fn() -> AnyView + Send + Sync + 'static) -> AnyView {
    erased_reactive_view(std::sync::Arc::new(draw))
}

fn erased_reactive_view(draw: std::sync::Arc<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    (move || draw()).into_any()
}
