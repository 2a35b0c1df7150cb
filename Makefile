# The two commands that matter: `make serve` and `make test`.
# Each installs whatever is missing first (scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup serve build test test-native test-wasm test-e2e bench fmt

setup:
	@bash scripts/setup.sh

## Serve the app with the in-browser fake lender on http://127.0.0.1:8080
serve: setup
	trunk serve

## Release bundle in dist/
build: setup
	trunk build --release

## Every test: native, wasm in Chromium, Playwright end to end.
test: setup test-native test-wasm test-e2e

test-native:
	cargo fmt --all --check
	cargo test --workspace

test-wasm:
	cargo test --target wasm32-unknown-unknown -p member-portal

test-e2e: build
	cd end2end && npx playwright test

## Bundle sizes (raw and gzip).
bench: build
	bash scripts/bench.sh

fmt:
	cargo fmt --all
