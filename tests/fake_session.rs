//! The in-browser fake adapter's session, in headless Chromium: a reload
//! (a new `FakeBackend::load` in the same tab) finds the session again
//! through `sessionStorage`, the page never sees the token, sign-out
//! forgets it at once, and two copies over one localStorage (two tabs)
//! share locks.
#![cfg(target_arch = "wasm32")]

use member_portal::backend::{Backend, FakeBackend};
use portal_api::ops::{GetCurrentSession, KeepAlive, SignIn, SignOut};
use portal_api::{BackendError, SignInRequest};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_storage() {
    let window = web_sys::window().expect("window");
    if let Ok(Some(s)) = window.local_storage() {
        let _ = s.clear();
    }
    if let Ok(Some(s)) = window.session_storage() {
        let _ = s.clear();
    }
}

fn card(pin: &str) -> SignInRequest {
    SignInRequest::Card {
        card_number: "1234567890".to_owned(),
        pin: pin.to_owned(),
    }
}

fn load() -> Rc<dyn Backend> {
    Rc::new(FakeBackend::load())
}

#[wasm_bindgen_test]
async fn a_reload_keeps_the_session_and_sign_out_ends_it() {
    clear_storage();
    let tab = load();
    assert_eq!(
        tab.call::<GetCurrentSession>(())
            .await
            .map(|c| c.member_name),
        Err(BackendError::NotSignedIn)
    );
    let signed_in = tab.call::<SignIn>(card("1234")).await.expect("sign-in");
    assert_eq!(signed_in.token, None, "the page never sees the token");
    assert_eq!(tab.call::<KeepAlive>(()).await, Ok(()));

    let reloaded = load();
    let current = reloaded.call::<GetCurrentSession>(()).await;
    assert_eq!(current.map(|c| c.member_name), Ok("見本 花子".to_owned()));

    let signing_out = reloaded.call::<SignOut>(());
    // Forgotten before the lender even answers: a reload now is signed out.
    let _ = futures_poll_once(signing_out).await;
    let after = load();
    assert_eq!(
        after
            .call::<GetCurrentSession>(())
            .await
            .map(|c| c.member_name),
        Err(BackendError::NotSignedIn)
    );
}

#[wasm_bindgen_test]
async fn two_tabs_share_one_lender() {
    clear_storage();
    let tab_a = load();
    let tab_b = load();
    let mut locked = false;
    for _ in 0..5 {
        if tab_a.call::<SignIn>(card("0000")).await == Err(BackendError::Locked) {
            locked = true;
            break;
        }
    }
    assert!(locked, "the card member locks within five failures");
    // Tab B, loaded before the lock, sees it.
    assert_eq!(
        tab_b
            .call::<SignIn>(card("1234"))
            .await
            .map(|s| s.member_name),
        Err(BackendError::Locked)
    );
    clear_storage();
}

/// Polls a future once and drops it: what remains of a request the page no
/// longer waits for.
async fn futures_poll_once<F: std::future::Future + Unpin>(mut future: F) -> Option<F::Output> {
    use std::task::Poll;
    std::future::poll_fn(|cx| {
        Poll::Ready(match std::pin::Pin::new(&mut future).poll(cx) {
            Poll::Ready(v) => Some(v),
            Poll::Pending => None,
        })
    })
    .await
}
