#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping each one that is
# already present at the right version (see ../shared/TOOLCHAIN.md). Safe to
# run again and again; fast when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the library in Cargo.lock exactly.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION"
  # No --locked: its lockfile names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# wasm-split (route-level code splitting, ../shared/TOOLCHAIN.md): our fork of
# wasm_split_cli_support 0.2.4 in tools/wasm-split-cli (it merges small shared
# chunks; README.portal.md there), installed again whenever its sources change.
WASM_SPLIT_VERSION="0.2.4-portal-$(cd tools/wasm-split-cli && find . -type f -not -path './target/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
if [ ! -x "$HOME/.cargo/bin/wasm-split-cli" ] || [ "$(cat "$HOME/.cargo/.wasm-split-version" 2>/dev/null)" != "$WASM_SPLIT_VERSION" ]; then
  say "installing wasm-split-cli ($WASM_SPLIT_VERSION, from tools/wasm-split-cli)"
  cargo install --path tools/wasm-split-cli --features build-binary --locked --force
  echo "$WASM_SPLIT_VERSION" > "$HOME/.cargo/.wasm-split-version"
fi

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_debs+=(chromium-driver)
# Not `fc-list | grep -q`: under pipefail grep's early exit makes fc-list
# die of SIGPIPE, and the fonts would be installed again on every run.
dpkg -s fonts-noto-cjk > /dev/null 2>&1 || missing_debs+=(fonts-noto-cjk)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_debs[@]}"
fi

# Playwright, axe and the build's wasm-opt (binaryen 132; Debian's is broken
# for this build) come from end2end's committed lockfile. Never download a
# browser: the tests use Debian's Chromium.
stamp=end2end/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ end2end/package-lock.json -nt "$stamp" ]; then
  say "installing end2end npm packages"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
say "all tools present"
