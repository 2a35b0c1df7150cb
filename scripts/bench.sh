#!/usr/bin/env bash
# Prints the release bundle's initial transfer: each file the first page load
# fetches (wasm, JS, CSS, HTML, config), raw and gzip, and the total.
# Run through `make bench`, which builds dist/ first.
set -euo pipefail
cd "$(dirname "$0")/../dist"

total_raw=0
total_gz=0
printf '%-6s %-48s %10s %10s\n' kind file raw gzip
for f in *.wasm *.js *.css index.html config.json; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-6s %-48s %10d %10d\n' "${f##*.}" "$f" "$raw" "$gz"
done
printf '%-6s %-48s %10d %10d\n' total "(initial transfer)" "$total_raw" "$total_gz"
budget=$((250 * 1024))
printf 'budget for the finished app: %d bytes gzip; used %d%%\n' "$budget" $((total_gz * 100 / budget))

# The longest realistic repayment schedule, computed in release wasm in
# headless Chromium (tests/bench_schedule.rs prints the figures).
echo
cd ..
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --release --target wasm32-unknown-unknown -p member-portal --test bench_schedule --test bench_history -- --include-ignored --nocapture 2>&1 \
  | grep -E "BENCH|test result" | sed 's/^.*BENCH /  /'
