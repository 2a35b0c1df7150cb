//! Benchmark (not a test): how the history page scales from 100 to 10,000
//! entries, in release wasm in headless Chromium. `make bench` runs it with
//! `--include-ignored` and prints the figures side by side; it asserts only
//! that the page really showed the rows it timed.
//!
//! The member is real to the page: the fake lender holds a ledger of `n`
//! entries booked by the money rules (`fake_lender::busy_ledger`), the
//! member signs in through the backend, and the whole `/history` page
//! mounts and asks the lender for what it shows, exactly as in the app.
//! Only the simulated network delay is left out, so the figures are the
//! portal's own work plus the lender's.
#![cfg(target_arch = "wasm32")]

use fake_lender::{busy_ledger, Lender};
use leptos::prelude::*;
use leptos::task::tick;
use member_portal::backend::{Backend, BackendHandle, FakeBackend};
use member_portal::i18n::{I18n, Locale};
use member_portal::maintenance::Clock;
use member_portal::pages::history::HistoryPage;
use member_portal::session::SessionCtx;
use portal_api::{SignInRequest, SignedIn};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs per size and per measure; the median is printed.
const RUNS: usize = 15;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The demo lender with the 10-digit card member's ledger replaced by `n`
/// entries over the last year.
fn lender_with(n: usize) -> Lender {
    let now = member_portal::browser::now_utc();
    let mut state = Lender::seeded(now, 7).state().clone();
    assert!(state.set_ledger("m-card10", busy_ledger(n, now)));
    Lender::from_state(state, 7)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Yields to the page until `done` holds (at most a few thousand times).
async fn until(done: impl Fn() -> bool) {
    for _ in 0..20_000 {
        if done() {
            return;
        }
        tick().await;
    }
    panic!("the history page never showed what the benchmark waits for");
}

/// Mounts `/history` for a member whose ledger has `n` entries; returns (first
/// render ms, period filter ms): from mounting to the first page of rows and
/// its count on screen, and from choosing 12 months to the new count.
async fn measure_once(lender: &Lender) -> (f64, f64, usize) {
    let backend = Rc::new(FakeBackend::with_lender(lender.clone()));
    let request = SignInRequest::Card {
        card_number: "1234567890".to_owned(),
        pin: "1234".to_owned(),
    };
    let signed_in: SignedIn = backend.sign_in(request).await.expect("demo sign-in");
    let backend = BackendHandle::new(backend);
    let root = document()
        .create_element("div")
        .expect("div")
        .unchecked_into::<web_sys::HtmlElement>();
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");

    let t0 = now_ms();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n(RwSignal::new(Locale::Ja)));
        provide_context(Clock::start());
        let session = SessionCtx::new(backend.clone());
        session.begin(signed_in, 0);
        provide_context(session);
        provide_context(backend);
        view! { <HistoryPage /> }
    });
    let rendered = || {
        root.query_selector("table.history tbody tr")
            .ok()
            .flatten()
            .is_some()
            && text_of(&root, ".showing").contains("件中")
    };
    until(rendered).await;
    let render = now_ms() - t0;
    let rows = root
        .query_selector_all("table.history tbody tr")
        .map(|l| l.length() as usize)
        .unwrap_or(0);
    let before = text_of(&root, ".showing");

    let select = root
        .query_selector("#period")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .expect("period select");
    let t1 = now_ms();
    select.set_value("12");
    let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
    until(|| text_of(&root, ".showing") != before && rendered()).await;
    let filter = now_ms() - t1;

    drop(handle);
    root.remove();
    (render, filter, rows)
}

/// Medians over `RUNS` mounts for each lender, the two sizes taking turns
/// so that drift in the browser (GC, JIT tiers) falls on both alike.
async fn measure(small: &Lender, large: &Lender) -> [(f64, f64); 2] {
    let mut times: [(Vec<f64>, Vec<f64>); 2] = Default::default();
    for _ in 0..RUNS {
        for (i, lender) in [small, large].into_iter().enumerate() {
            let (render, filter, rows) = measure_once(lender).await;
            assert!(rows > 0 && rows <= 50, "one page of rows, not {rows}");
            times[i].0.push(render);
            times[i].1.push(filter);
        }
    }
    times.map(|(r, f)| (median(r), median(f)))
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run by make bench"]
async fn bench_history_scaling() {
    let small = lender_with(100);
    let large = lender_with(10_000);
    // A first, discarded round lets the browser compile and warm the code.
    for lender in [&small, &large] {
        let _ = measure_once(lender).await;
    }
    let [(small_render, small_filter), (large_render, large_filter)] =
        measure(&small, &large).await;
    console_log!(
        "BENCH history first render (sign-in done, /history mounted, first page on screen): 100 entries {:.2} ms, 10,000 entries {:.2} ms, ratio {:.2} (target within 2x)",
        small_render,
        large_render,
        large_render / small_render.max(0.001)
    );
    console_log!(
        "BENCH history period filter (3 -> 12 months, new page on screen): 100 entries {:.2} ms, 10,000 entries {:.2} ms, ratio {:.2} (target within 2x)",
        small_filter,
        large_filter,
        large_filter / small_filter.max(0.001)
    );
}
