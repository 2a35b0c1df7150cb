#!/usr/bin/env bash
# The benchmarks (run through `make bench`, which builds the release dist/
# first). Prints figures; fails when a budget of README "Bundle size" is
# exceeded, after printing everything:
#
# 1. Sizes: each route's first load and each chunk set, raw, gzip -9 and
#    Brotli (scripts/bench-size.mjs).
# 2. Lighthouse 12 mobile performance on /login and /simulator, the release
#    build served compressed by portal-server --dist (budget: 95).
# 3. The schedule, history, institution-search and photo re-encoding
#    (a 12-megapixel JPEG prepared for upload, budget 1 s) timings in release wasm
#    (tests/bench_*.rs).
# 4. The institution search's worst keystroke, native release
#    (crates/domain/tests/bench_institution_search.rs).
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

echo "== Sizes (dist/, $(date -u +%F))"
node scripts/bench-size.mjs dist || status=1

echo
echo "== Lighthouse 12, mobile, performance"
port=${BENCH_PORT:-4190}
serve_dir=target/bench-dist
rm -rf "$serve_dir" && cp -r dist "$serve_dir" && rm -f "$serve_dir"/config.json.*
printf '{"backend": "http", "base_url": "/api/v1"}\n' > "$serve_dir/config.json"
cargo build -q -p portal-server
./target/debug/portal-server --port "$port" --dist "$serve_dir" > /dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/config.json" > /dev/null && break
  sleep 0.2
done
for route in /login /simulator; do
  out=target/lighthouse${route//\//-}.json
  CHROME_PATH=/usr/bin/chromium lighthouse "http://127.0.0.1:$port$route" \
    --only-categories=performance --form-factor=mobile --quiet --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" > /dev/null 2>&1
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const a = (id) => r.audits[id].displayValue;
    const score = Math.round(r.categories.performance.score * 100);
    console.log(`  ${process.argv[2].padEnd(11)} performance ${score} (budget 95)  LCP ${a("largest-contentful-paint")}  TBT ${a("total-blocking-time")}  FCP ${a("first-contentful-paint")}`);
    process.exit(score >= 95 ? 0 : 1);
  ' "$out" "$route" || status=1
done
kill $server 2>/dev/null

# The longest realistic repayment schedule and the 10,000-entry history, in
# release wasm in headless Chromium (the tests print the figures).
echo
echo "== Timings (release wasm)"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --release --target wasm32-unknown-unknown -p member-portal --test bench_schedule --test bench_history --test bench_institution --test bench_reencode -- --include-ignored --nocapture 2>&1 \
  | grep -E "BENCH|test result" | sed 's/^.*BENCH /  /'

# Every prefix of a few queries over the shipped institutions.json; native
# release timing (the line says so), not wasm.
echo
echo "== Institution search (native release)"
cargo test --release -p portal-domain --test bench_institution_search -- --include-ignored --nocapture 2>&1 \
  | grep -E "BENCH|test result" | sed 's/^.*BENCH /  /'

if [ $status -ne 0 ]; then
  echo
  echo "bench: a budget is exceeded (see above and README \"Bundle size\")"
fi
exit $status
