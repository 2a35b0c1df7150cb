//! Benchmark (not a test): how the history page scales from 100 to 10,000
//! entries, in release wasm in headless Chromium. `make bench` runs it with
//! `--include-ignored` and prints the figures side by side; it asserts nothing.
#![cfg(target_arch = "wasm32")]

use chrono::{Duration, TimeZone, Utc};
use leptos::prelude::*;
use leptos::task::tick;
use member_portal::backend::{BackendHandle, FakeBackend};
use member_portal::i18n::{I18n, Locale};
use member_portal::maintenance::Clock;
use member_portal::pages::history::HistoryView;
use member_portal::session::SessionCtx;
use portal_api::{Channel, EntryKind, HistoryEntry};
use portal_domain::money::Yen;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// `n` entries, newest first, spread evenly over the year before now.
fn generated(n: usize) -> Vec<HistoryEntry> {
    let now = Utc
        .timestamp_millis_opt(js_sys::Date::now() as i64)
        .single()
        .unwrap_or_default();
    let step = Duration::minutes(365 * 24 * 60 / n as i64);
    (0..n)
        .map(|i| {
            let repayment = i % 2 == 0;
            HistoryEntry {
                at: now - step * (i as i32 + 1),
                kind: if repayment {
                    EntryKind::Repayment
                } else {
                    EntryKind::Borrowing
                },
                channel: if repayment {
                    Channel::InternetRepayment
                } else {
                    Channel::Atm
                },
                amount: Yen(10_000),
                interest: Yen(if repayment { 1_200 } else { 0 }),
                principal: Yen(if repayment { 8_800 } else { 0 }),
                late_charge: Yen(0),
                balance_after: Yen(150_000),
                days: 1,
            }
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Mounts the history view with `n` entries; returns (first render ms,
/// filter ms), each the median of a few runs.
async fn measure(n: usize) -> (f64, f64) {
    let mut renders = Vec::new();
    let mut filters = Vec::new();
    for _ in 0..5 {
        let entries = generated(n);
        let root = document()
            .create_element("div")
            .expect("div")
            .unchecked_into::<web_sys::HtmlElement>();
        document()
            .body()
            .expect("body")
            .append_child(&root)
            .expect("append");
        // The contexts' set-up (the fake lender loads its demo state) is the
        // same for both sizes and stays outside the timing.
        let backend = BackendHandle::new(Rc::new(FakeBackend::load()));
        let t0 = now_ms();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            provide_context(I18n(RwSignal::new(Locale::Ja)));
            provide_context(Clock::start());
            provide_context(SessionCtx::new(backend.clone()));
            provide_context(backend);
            view! { <HistoryView entries /> }
        });
        tick().await;
        renders.push(now_ms() - t0);
        let select = root
            .query_selector("#period")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .expect("period select");
        let t1 = now_ms();
        select.set_value("12");
        let _ = select.dispatch_event(&web_sys::Event::new("change").expect("event"));
        tick().await;
        filters.push(now_ms() - t1);
        drop(handle);
        root.remove();
    }
    (median(renders), median(filters))
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run by make bench"]
async fn bench_history_scaling() {
    // A first, discarded run lets the browser compile and warm the code.
    let _ = measure(100).await;
    let (small_render, small_filter) = measure(100).await;
    let (large_render, large_filter) = measure(10_000).await;
    console_log!(
        "BENCH history first render: 100 entries {:.2} ms, 10,000 entries {:.2} ms, ratio {:.2} (target within 2x)",
        small_render,
        large_render,
        large_render / small_render.max(0.001)
    );
    console_log!(
        "BENCH history period filter: 100 entries {:.2} ms, 10,000 entries {:.2} ms, ratio {:.2} (target within 2x)",
        small_filter,
        large_filter,
        large_filter / small_filter.max(0.001)
    );
}
