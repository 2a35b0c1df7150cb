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

mod support;

use fake_lender::Lender;
use support::{choose, lender_with, mount_history, signed_in, text_of, until};
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Mounts `/history` for a member whose ledger has `n` entries; returns (first
/// render ms, period filter ms): from mounting to the first page of rows and
/// its count on screen, and from choosing 12 months to the new count.
async fn measure_once(lender: &Lender) -> (f64, f64, usize) {
    let (backend, member) = signed_in(lender).await;
    let t0 = now_ms();
    let (root, handle) = mount_history(backend, member);
    let rendered = || {
        root.query_selector("table.history tbody tr")
            .ok()
            .flatten()
            .is_some()
            && text_of(&root, ".showing").contains("件中")
    };
    until("the first page", rendered).await;
    let render = now_ms() - t0;
    let rows = root
        .query_selector_all("table.history tbody tr")
        .map(|l| l.length() as usize)
        .unwrap_or(0);
    let before = text_of(&root, ".showing");

    let t1 = now_ms();
    choose(&root, "#period", "12");
    until("the filtered page", || {
        text_of(&root, ".showing") != before && rendered()
    })
    .await;
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
