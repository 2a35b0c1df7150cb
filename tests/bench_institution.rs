//! Benchmark (not a test): the institution picker's search per keystroke in
//! release wasm, in headless Chromium, over the shipped
//! `public/banks/institutions.json` (SPEC S9: within one frame, 16 ms).
//! `make bench` runs it with `--include-ignored` and prints the figures; it
//! asserts nothing.
#![cfg(target_arch = "wasm32")]

use portal_domain::institution::InstitutionIndex;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Queries as members type them: hiragana with the 銀行 the data leaves
/// out, half-width kana, romaji, kanji with 信用金庫, and a long reading.
const QUERIES: [&str; 5] = [
    "みずほぎんこう",
    "ｼﾞｮｳﾅﾝｼﾝｷﾝ",
    "mitsuisumitomo",
    "城南信用金庫",
    "とうきょうとしょくいんしんようくみあい",
];
const RUNS: usize = 15;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run by make bench"]
fn bench_institution_search_per_keystroke_in_wasm() {
    let json = include_str!("../public/banks/institutions.json");
    let t0 = now_ms();
    let index = InstitutionIndex::from_json(json).expect("institutions.json");
    let build_ms = now_ms() - t0;
    let mut worst = (0.0_f64, String::new());
    let mut keystrokes = 0;
    for query in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        for end in 1..=chars.len() {
            let typed: String = chars[..end].iter().collect();
            let mut times: Vec<f64> = (0..RUNS)
                .map(|_| {
                    let t = now_ms();
                    let _ = index.search(&typed, 30).len();
                    now_ms() - t
                })
                .collect();
            times.sort_by(|a, b| a.total_cmp(b));
            let median = times[RUNS / 2];
            keystrokes += 1;
            if median > worst.0 {
                worst = (median, typed);
            }
        }
    }
    console_log!(
        "BENCH institution index of {} built in {:.2} ms; search: worst of {} keystrokes {:.3} ms for {:?} (median of {} runs; release wasm; budget 16 ms)",
        index.len(),
        build_ms,
        keystrokes,
        worst.0,
        worst.1,
        RUNS
    );
}
