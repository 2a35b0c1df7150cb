//! Benchmark (not a test): how long the institution search takes per keystroke. It types a few
//! queries one character at a time over the shipped `public/banks/institutions.json` and prints
//! the worst search; `make bench` runs it with `--include-ignored` in release. It asserts
//! nothing. The figures are native release timings, not wasm ones (wasm in a phone's browser is
//! several times slower); the budget is a 16 ms frame.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use portal_domain::institution::InstitutionIndex;

/// Queries as members type them: hiragana with the 銀行 the data leaves out, half-width kana,
/// romaji, kanji with 信用金庫, and a long reading that matches nothing part of the way.
const QUERIES: [&str; 5] = [
    "みずほぎんこう",
    "ｼﾞｮｳﾅﾝｼﾝｷﾝ",
    "mitsuisumitomo",
    "城南信用金庫",
    "とうきょうとしょくいんしんようくみあい",
];
const RUNS: usize = 25;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

#[test]
#[ignore = "benchmark: run by make bench"]
fn bench_institution_search_per_keystroke() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/banks/institutions.json");
    let json = std::fs::read_to_string(&path).expect("public/banks/institutions.json");
    let built = Instant::now();
    let index = InstitutionIndex::from_json(&json).expect("institutions.json");
    let build_time = built.elapsed();

    let mut worst = (Duration::ZERO, String::new(), 0);
    let mut keystrokes = 0;
    for query in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        for end in 1..=chars.len() {
            let typed: String = chars[..end].iter().collect();
            let mut found = 0;
            let samples = (0..RUNS)
                .map(|_| {
                    let t0 = Instant::now();
                    found = index.search(&typed, usize::MAX).len();
                    t0.elapsed()
                })
                .collect();
            let time = median(samples);
            keystrokes += 1;
            if time > worst.0 {
                worst = (time, typed, found);
            }
        }
    }
    println!(
        "BENCH institution index of {} from JSON: {} µs (native release, not wasm)",
        index.len(),
        build_time.as_micros()
    );
    println!(
        "BENCH institution search, worst of {} keystrokes (median of {} runs each): {} µs for {:?} ({} found) (native release, not wasm; budget 16 ms)",
        keystrokes,
        RUNS,
        worst.0.as_micros(),
        worst.1,
        worst.2
    );
}
