//! Thin, failure-tolerant wrappers over the browser APIs the portal uses.
//! Storage can be missing or full (private browsing, quotas): every helper
//! degrades to doing nothing rather than failing the page.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

/// Where the demo panel keeps its clock shift (fake mode only).
const CLOCK_OFFSET_KEY: &str = "portal.demo-clock-offset";

thread_local! {
    /// The demo's clock shift in milliseconds: zero unless the demo panel
    /// (fake mode only) moved the clock. Read once from localStorage.
    static CLOCK_OFFSET_MS: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

fn clock_offset_ms() -> i64 {
    CLOCK_OFFSET_MS.with(|cell| match cell.get() {
        Some(ms) => ms,
        None => {
            let ms = local_get(CLOCK_OFFSET_KEY)
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0);
            cell.set(Some(ms));
            ms
        }
    })
}

/// Moves the page's clock by `ms` more (the demo panel's clock shift), or
/// back to the real time with `None`; remembered across reloads.
pub fn shift_clock(ms: Option<i64>) {
    let total = ms.map_or(0, |ms| clock_offset_ms().saturating_add(ms));
    CLOCK_OFFSET_MS.with(|cell| cell.set(Some(total)));
    if total == 0 {
        if let Some(s) = local_storage() {
            let _ = s.remove_item(CLOCK_OFFSET_KEY);
        }
    } else {
        local_set(CLOCK_OFFSET_KEY, &total.to_string());
    }
}

/// Now, from the page's `Date` (so Playwright's clock controls it), plus
/// the demo panel's clock shift, which is zero outside the fake demo.
pub fn now_utc() -> DateTime<Utc> {
    let millis = js_sys::Date::now();
    // Date.now() is a whole number of milliseconds well inside i64.
    let millis = (millis as i64).saturating_add(clock_offset_ms());
    portal_domain::clock::from_epoch_millis(millis).unwrap_or_default()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn local_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn local_set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `sessionStorage`: this tab only, gone when the tab closes. The backend
/// adapters use it to find their session again after a reload, and the
/// money and credit-line pages to keep what is being confirmed or typed.
pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(key);
    }
}

/// The browser's Back: the router follows the address it lands on.
pub fn history_back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Random bits for the fake lender's salt: `crypto.getRandomValues` when
/// the browser has it, else `Math.random` (the salt only hides lock
/// thresholds; tokens never fall back, see [`random_128`]).
pub fn entropy() -> u64 {
    if let Some(bytes) = random_128() {
        let mut half = [0u8; 8];
        half.copy_from_slice(&bytes[..8]);
        return u64::from_le_bytes(half);
    }
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) ^ lo
}

/// 128 bits from `crypto.getRandomValues`, the browser's cryptographic
/// source: session tokens and idempotency keys. `None` if the browser
/// offers none; callers then refuse rather than use weaker randomness.
pub fn random_128() -> Option<[u8; 16]> {
    use wasm_bindgen::JsCast;
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let fill = js_sys::Reflect::get(&crypto, &"getRandomValues".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let array = js_sys::Uint8Array::new_with_length(16);
    fill.call1(&crypto, &array).ok()?;
    let mut bytes = [0u8; 16];
    array.copy_to(&mut bytes);
    Some(bytes)
}

/// A delay between `min` and `max` milliseconds.
pub fn jitter_ms(min: u32, max: u32) -> u32 {
    let span = f64::from(max.saturating_sub(min));
    min + (js_sys::Math::random() * span) as u32
}

/// Resolves after `ms` milliseconds, on the page's (mockable) timers.
pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sets `<html lang>` so screen readers pronounce the page correctly.
pub fn set_document_lang(code: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Sets the tab's title.
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Moves focus to the element with this id, if it exists.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the element with this id as soon as it is in the
/// document: a page built before it is attached (one that arrived in its
/// own chunk) is focused a frame or two later. Gives up after about a
/// second.
pub fn focus_id_when_present(id: impl Into<String>) {
    when_present(
        id.into(),
        Box::new(|el| {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }),
    );
}

/// Shows the element with this id the way following a link to it should,
/// as soon as it is in the document (as `focus_id_when_present` waits): a
/// `<details>` is opened and its `<summary>` focused, anything else is
/// focused itself, and the element is scrolled to the top of the view
/// (focusing alone would only scroll it to the nearest edge, leaving an
/// opened answer below the fold).
pub fn reveal_id_when_present(id: impl Into<String>) {
    when_present(
        id.into(),
        Box::new(|el| {
            let is_details = el.tag_name().eq_ignore_ascii_case("details");
            if is_details {
                let _ = el.set_attribute("open", "");
            }
            let summary = is_details
                .then(|| el.query_selector(":scope > summary").ok().flatten())
                .flatten();
            let target = summary.unwrap_or_else(|| el.clone());
            if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                let _ = target.focus();
            }
            el.scroll_into_view();
        }),
    );
}

/// Runs `then` on the element with this id once it is in the document,
/// checking once a frame for about a second, then giving up.
fn when_present(id: String, then: Box<dyn FnOnce(web_sys::Element)>) {
    fn attempt(id: String, frames_left: u32, then: Box<dyn FnOnce(web_sys::Element)>) {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        match el {
            Some(el) => then(el),
            None if frames_left > 0 => {
                leptos::prelude::request_animation_frame(move || {
                    attempt(id, frames_left - 1, then)
                });
            }
            None => {}
        }
    }
    attempt(id, 60, then);
}

/// Offers `text` as a download named `filename`. Nothing leaves the page:
/// the file is built in memory and handed to the browser's save dialog.
pub fn download_text(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
    }
    // Revoking at once can cancel the download; a minute later it is done.
    wasm_bindgen_futures::spawn_local(async move {
        sleep_ms(60_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// Opens the browser's print dialog (the statement has a print stylesheet).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Runs `f` once the page has settled: a moment after it is called, when
/// the browser next has idle time (`requestIdleCallback`, or a plain timer
/// where the browser lacks it). For work no member is waiting for, such as
/// prefetching the chunks of pages not yet opened.
pub fn when_idle(f: impl FnOnce() + 'static) {
    // Long enough for the first page's own work to be over (Lighthouse's
    // quiet window), short enough to be done before a member's next click.
    const SETTLE_MS: i32 = 5000;
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = wasm_bindgen::closure::Closure::once_into_js(f);
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let later = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let callback = idle.unchecked_ref::<js_sys::Function>();
            if has_idle {
                let _ = window.request_idle_callback(callback);
            } else {
                let _ = window.set_timeout_with_callback(callback);
            }
        }
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), SETTLE_MS);
}
