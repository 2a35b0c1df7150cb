#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): splits the wasm into the shell and
# one chunk per split point (each lazily loaded page, the fake lender), the
# way ../shared/TOOLCHAIN.md describes, then lets scripts/finish-build.mjs
# name every file after the build, write the loader and rewrite index.html.
#
# Trunk has already run wasm-bindgen on the unsplit module; that module
# cannot load (it imports the split placeholders), so its JS and wasm are
# replaced here. Runs for `trunk build` (debug or --release) and for every
# rebuild of `trunk serve`.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run me as the post_build hook of Trunk}"
profile=${TRUNK_PROFILE:-debug}
staging=$TRUNK_STAGING_DIR
cd "$(dirname "$0")/.."

raw="target/wasm32-unknown-unknown/$profile/member-portal.wasm"
[ -f "$raw" ] || { echo "split.sh: $raw is missing" >&2; exit 1; }

# Trunk names the app after a hash of its output: member-portal-<hash>.js.
# That hash is this build's id; every file below carries it.
js=$(cd "$staging" && ls member-portal-*.js 2>/dev/null | head -n 1)
[ -n "$js" ] || { echo "split.sh: no member-portal-*.js in $staging" >&2; exit 1; }
name=${js%.js}

work="target/split/$profile"
rm -rf "$work"
mkdir -p "$work"
# Shared chunks with less than 4,000 bytes of function code join a larger
# chunk that every page needing them loads anyway, or the main module
# (tools/wasm-split-cli/README.portal.md; README "Bundle size" has the figures
# for 1,500, 2,500, 4,000 and 6,000).
wasm-split-cli "$raw" "$work" --out-name "$name" --min-chunk-size "${WASM_SPLIT_MIN_CHUNK:-4000}"

rm -f "$staging/$name.js" "$staging/${name}_bg.wasm"
wasm-bindgen "$work/$name.wasm" --target web --keep-lld-exports --no-demangle \
  --no-typescript --out-dir "$staging" --out-name "$name"
cp "$work"/*.js "$staging/"
find "$work" -maxdepth 1 \( -name 'split_*.wasm' -o -name 'chunk_*.wasm' \) -exec cp {} "$staging/" \;

if [ "$profile" = release ]; then
  # binaryen 132 from end2end/node_modules (the Makefile puts it on PATH);
  # never Debian's 108, whose output fails at start-up.
  # This wasm-opt is a Node program that starts slowly: two at a time.
  # The producers and target_features custom sections (about 200 bytes a
  # file, which gzip cannot shrink) are for tools, not browsers: dropped,
  # they take 1.3-1.6 KB off a route that fetches nine files.
  find "$staging" -maxdepth 1 -name '*.wasm' -print0 | xargs -0 -P 2 -I{} \
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-reference-types --enable-mutable-globals --enable-sign-ext \
      --strip-producers --strip-target-features \
      {} -o {} 2>/dev/null
fi

node scripts/finish-build.mjs "$staging" "$name" "$profile"
