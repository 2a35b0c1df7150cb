#!/usr/bin/env bash
# What the shipped wasm is made of, by twiggy (`make twiggy`, after a release
# build): the evidence behind README "Bundle size".
#
# The release files in dist/ carry no function names (wasm-opt -Oz drops
# them), so this rebuilds the same modules with names: each split output of
# target/split/release goes through wasm-bindgen and wasm-opt -Oz as
# scripts/split.sh does, with -g added so the name section stays. Code and
# data are then what dist/ ships, give or take a few hundred bytes of
# renumbering; twiggy reads them and this prints:
#
# 1. the main module's largest items, and its generic functions with the
#    most copies (twiggy monos);
# 2. its code and data by crate (the shallow bytes of every item, summed by
#    the crate its name starts with);
# 3. the same by crate for the chunks of each route given as an argument:
#    split points' names joined by commas (`limit,proof_uploader` is /limit
#    with the income proof's uploader), each chunk the route fetches after /login and
#    /home counted once.
#
# Wasm-opt inlines the framework's small generic functions into the page
# code that calls them, so a page's closures (`member_portal`) carry part of
# the framework's bytes.
#
# Usage: bash scripts/twiggy.sh [split-point[,split-point…] …]
set -euo pipefail
cd "$(dirname "$0")/.."

TWIGGY_VERSION=0.8.0
if [ "$(twiggy --version 2>/dev/null || true)" != "twiggy-opt $TWIGGY_VERSION" ]; then
  echo "[twiggy] installing twiggy $TWIGGY_VERSION (about 2 minutes on 2 cores)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

split=target/split/release
[ -f "$split/__wasm_split.js" ] || { echo "twiggy.sh: run \`make build\` first ($split is missing)" >&2; exit 1; }
main=$(cd "$split" && ls member-portal-*.wasm | head -n 1)
named=target/twiggy
rm -rf "$named" && mkdir -p "$named"

opt() {
  wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-mutable-globals --enable-sign-ext "$1" -o "$2" 2>/dev/null
}

wasm-bindgen "$split/$main" --target web --keep-lld-exports --no-demangle \
  --no-typescript --out-dir "$named/bindgen" --out-name main
opt "$named/bindgen/main_bg.wasm" "$named/main.wasm"

shipped=$(ls dist/member-portal-*_bg.wasm | head -n 1)
# gzip -9 as scripts/bench-size.mjs measures it (Node's zlib).
gz=$(node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$shipped")
echo "== Main module: dist/ ships $gz bytes gzip; twiggy reads a copy with function names"
echo
echo "== twiggy top -n 25 (main module)"
twiggy top -n 25 "$named/main.wasm"
echo
echo "== twiggy monos -m 12 (main module: generic functions and their copies)"
twiggy monos -m 12 -n 0 "$named/main.wasm"

by_crate() {
  # twiggy's CSV: Name,ShallowSize,ShallowSizePercent. Sums every item by
  # the crate its (demangled) name begins with; data segments, tables and
  # the like under their own names.
  for f in "$@"; do twiggy top -n 1000000 --format csv "$f"; done | node -e '
    const rows = require("fs").readFileSync(0, "utf8").split("\n").filter(l => l && !l.startsWith("Name,"));
    const by = new Map();
    let total = 0;
    for (const line of rows) {
      const m = line.match(/^(.*),(\d+),[\d.e-]+,[^,]*,[^,]*$/);
      if (!m) continue;
      let name = m[1].replace(/^"|"$/g, "").replace(/""/g, "\"");
      if (name.startsWith("Σ") || name.startsWith("...")) continue;
      const size = Number(m[2]);
      let key;
      // The name section is what -g keeps and dist/ does not ship.
      if (/subsection|custom section/.test(name)) continue;
      if (/^data segment|^data\[/.test(name)) key = "(data)";
      else if (/^elem|^table|^type\[|^import|^export|^global|^func\[/.test(name)) key = "(tables, types, imports, exports)";
      else {
        // `<T as tachys::…>::build` counts for the trait crate (its generic code);
        // `<portal_api::X as serde_core::…>::deserialize` for portal_api.
        const s = name.replace(/^[<&(\[]+/, "").replace(/^(mut |dyn )+/, "");
        const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)
          || s.match(/ as (?:&(?:mut )?|dyn )?([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
        key = m ? m[1] : "(other)";
      }
      by.set(key, (by.get(key) || 0) + size);
      total += size;
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TWIGGY_CRATES || 18));
    for (const [k, v] of top) console.log(`  ${String(v).padStart(9)}  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
    console.log(`  ${String(total).padStart(9)}  100.0%  (all but the name section, raw bytes before compression)`);
  '
}

echo
echo "== Main module by crate (twiggy shallow bytes)"
by_crate "$named/main.wasm"

[ $# -gt 0 ] || exit 0
# The chunks a route fetches after /login and /home: what each split point
# needs, from dist/split-manifest.json (scripts/finish-build.mjs writes it;
# scripts/bench-size.mjs measures by it), with the build's id taken off the
# file names to find the split output.
route_files() {
  node -e '
    const m = JSON.parse(require("fs").readFileSync("dist/split-manifest.json", "utf8"));
    const loaded = new Set([...m.needs.login, ...m.needs.home]);
    const want = new Set();
    for (const p of process.argv[1].split(",")) {
      if (!m.needs[p]) { console.error(`twiggy.sh: no split point ${p}`); process.exit(1); }
      for (const f of m.needs[p]) if (!loaded.has(f)) want.add(f.replace(`-${m.id}.wasm`, ""));
    }
    console.log([...want].sort().join(" "));
  ' "$1"
}
for group in "$@"; do
  files=$(route_files "$group")
  named_chunks=()
  for f in $files; do
    [ -f "$named/$f.wasm" ] || opt "$split/$f.wasm" "$named/$f.wasm"
    named_chunks+=("$named/$f.wasm")
  done
  echo
  echo "== Chunks of ${group//,/ + } after /login and /home ($files), by crate"
  by_crate "${named_chunks[@]}"
done
