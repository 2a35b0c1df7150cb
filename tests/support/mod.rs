//! What the history browser tests and the history benchmark share: a
//! demo lender whose 10-digit card member has a long ledger, signed in,
//! with the whole `/history` page mounted on it.

use fake_lender::{busy_ledger, Lender};
use leptos::prelude::*;
use leptos::task::tick;
use member_portal::backend::{Backend, BackendHandle, FakeBackend};
use member_portal::i18n::{I18n, Locale};
use member_portal::maintenance::Clock;
use member_portal::pages::history::HistoryPage;
use member_portal::session::SessionCtx;
use portal_api::{SignInRequest, SignedIn};
use std::any::Any;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The demo lender with the 10-digit card member's ledger replaced by `n`
/// entries booked over the last year.
pub fn lender_with(n: usize) -> Lender {
    let now = member_portal::browser::now_utc();
    let mut state = Lender::seeded(now, 7).state().clone();
    assert!(state.set_ledger("m-card10", busy_ledger(n, now)));
    Lender::from_state(state, 7)
}

/// A backend around a copy of `lender` (no delay, no storage), with the
/// card member signed in.
pub async fn signed_in(lender: &Lender) -> (BackendHandle, SignedIn) {
    let backend: Rc<dyn Backend> = Rc::new(FakeBackend::with_lender(lender.clone()));
    let request = SignInRequest::Card {
        card_number: "1234567890".to_owned(),
        pin: "1234".to_owned(),
    };
    let signed_in = backend
        .call::<portal_api::ops::SignIn>(request)
        .await
        .expect("demo sign-in");
    (BackendHandle::new(backend), signed_in)
}

/// Mounts `/history` in Japanese in a fresh container for the signed-in
/// member; dropping the handle unmounts it.
pub fn mount_history(backend: BackendHandle, signed_in: SignedIn) -> (HtmlElement, Box<dyn Any>) {
    let root = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .expect("container");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n(RwSignal::new(Locale::Ja)));
        provide_context(Clock::start());
        let session = SessionCtx::new(backend.clone());
        session.begin(signed_in, 0);
        provide_context(session);
        provide_context(backend);
        view! { <HistoryPage /> }
    });
    (root, Box::new(handle))
}

/// The text of the first element matching `selector`, or "".
pub fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Chooses `value` in the select `selector`, as a member does.
pub fn choose(root: &HtmlElement, selector: &str, value: &str) {
    let select = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .unwrap_or_else(|| panic!("no select {selector}"));
    select.set_value(value);
    let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
}

/// Yields to the page until `done` holds; panics naming `what` if it never does.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..20_000 {
        if done() {
            return;
        }
        tick().await;
    }
    panic!("the page never showed {what}");
}
