//! Benchmark (not a test): how long the longest realistic schedule takes to
//! compute in release wasm, in headless Chromium. `make bench` runs it with
//! `--include-ignored` and prints the figures; it asserts nothing.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use portal_domain::money::Yen;
use portal_domain::rate::Apr;
use portal_domain::schedule::{default_monthly_payment, simulate, Plan};
use rust_decimal::Decimal;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run by make bench"]
fn bench_longest_schedule() {
    let amount = Yen(5_000_000);
    let apr = Apr::from_percent(Decimal::new(45, 1)).expect("4.5% is a valid APR");
    let start = NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date");
    let payment = default_monthly_payment(amount);
    let runs = 200;
    let mut times = Vec::with_capacity(runs);
    let mut payments = 0;
    for _ in 0..runs {
        let t0 = now_ms();
        let schedule =
            simulate(amount, apr, Plan::MonthlyPayment(payment), start).expect("schedule");
        times.push(now_ms() - t0);
        payments = schedule.payments();
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let months_t0 = now_ms();
    let by_months = simulate(amount, apr, Plan::Months(600), start).map(|s| s.payments());
    let months_ms = now_ms() - months_t0;
    console_log!(
        "BENCH schedule 5,000,000 yen at 4.5% paying {} yen: {} payments; median {:.3} ms, p95 {:.3} ms, max {:.3} ms over {} runs (budget 16 ms)",
        payment.0,
        payments,
        times[runs / 2],
        times[runs * 95 / 100],
        times[runs - 1],
        runs
    );
    console_log!(
        "BENCH schedule 5,000,000 yen at 4.5% within 600 payments (binary search): {:?} payments in {:.3} ms",
        by_months,
        months_ms
    );
}
