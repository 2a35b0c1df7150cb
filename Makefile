# The two commands that matter: `make serve` and `make test`.
# Each installs whatever is missing first (scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup serve serve-http build test test-native test-wasm test-contract test-e2e test-e2e-fake test-e2e-http dist-http bench twiggy fmt

setup:
	@bash scripts/setup.sh

## Serve the app with the in-browser fake lender on http://127.0.0.1:8080
serve: setup
	trunk serve

## The release app and the reference server on http://127.0.0.1:$${PORT:-8081},
## the app pointed at the server's API (state in memory).
serve-http: build
	cargo build --profile server-release -p portal-server
	rm -rf dist-serve && cp -r dist dist-serve && rm -f dist-serve/config.json.*
	printf '{"backend": "http", "base_url": "/api/v1"}\n' > dist-serve/config.json
	./target/server-release/portal-server --port $${PORT:-8081} --dist dist-serve

## Release bundle in dist/
build: setup
	trunk build --release

## Every test: native, wasm in Chromium, Playwright end to end.
test: setup test-native test-wasm test-contract test-e2e

test-native:
	cargo fmt --all --check
	cargo test --workspace

test-wasm:
	cargo test --target wasm32-unknown-unknown -p member-portal

## Schemathesis fuzzes the reference server against openapi/openapi.yaml:
## no server errors, no response outside the schema; the debug build, then
## the release build (profile server-release, which unwinds panics).
test-contract:
	cargo build -p portal-server
	bash crates/server/fuzz.sh
	cargo build --profile server-release -p portal-server
	PORTAL_SERVER_BIN=target/server-release/portal-server bash crates/server/fuzz.sh

## Playwright, once per backend: the fake lender in the page, then the
## reference server (which also serves the app) over HTTP.
test-e2e: build test-e2e-fake test-e2e-http

test-e2e-fake:
	cd end2end && PORTAL_BACKEND=fake npx playwright test

test-e2e-http: dist-http
	cargo build -p portal-server
	cd end2end && PORTAL_BACKEND=http npx playwright test

## dist/ with a config.json that points the app at the reference server's
## own API, with the test clock header on (tests only).
dist-http: build
	rm -rf dist-http && cp -r dist dist-http && rm -f dist-http/config.json.*
	printf '{"backend": "http", "base_url": "/api/v1", "test_clock": true}\n' > dist-http/config.json

## Bundle sizes (raw and gzip) and the schedule computation time in release wasm.
bench: build
	bash scripts/bench.sh

## What the release wasm is made of, by twiggy (README "Bundle size"): the
## main module, then the chunks of each route in ROUTES.
ROUTES ?= transfer limit,proof_uploader
twiggy: build
	bash scripts/twiggy.sh $(ROUTES)

fmt:
	cargo fmt --all
