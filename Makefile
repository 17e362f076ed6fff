# Pôles Explorer — the two commands of the README are `make serve` and `make test`.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_PATH ?= /usr/bin/chromium
PORT ?= 8080
E2E_PORT ?= 8099

.PHONY: import bench serve setup setup-test build build-subpath data data-check lint test test-deploy test-native test-wasm test-e2e sizes screenshots serve-dist clean

## Build and serve the app on http://127.0.0.1:8080/ with the bundled data.
serve: setup
	trunk serve --release --offline --address 127.0.0.1 --port $(PORT)

## Install every tool that is missing (a second run skips them).
setup:
	@scripts/setup.sh
setup-test:
	@scripts/setup.sh --test

## Release build at the site root (dist/) and under /explorateur/ (dist-subpath/).
build: setup
	trunk build --release --offline
build-subpath: setup
	trunk build --release --offline --public-url /explorateur/ --dist dist-subpath

## Rebuild public/data from data-src/reference/ and data-src/ (prints what it could not map).
## make data REF=DIR [DATE=YYYY-MM-DD] imports a new edition of the research from DIR, prints what
## changed and stamps data-src/edition.json (its date: the edition's, else the folder's name, else DATE).
data:
	cargo run -q -p poles-databuild -- $(if $(REF),--edition "$(REF)" $(if $(DATE),--date "$(DATE)"))
data-check:
	cargo run -q -p poles-databuild -- --check

## Import the projects spreadsheet (docs/csv-template.md): make import CSV=projets.csv
import:
	cargo run -q -p poles-databuild -- import "$(CSV)"

## Formatting and lints: rustfmt, clippy -D warnings (native crates and the wasm app, tests included).
lint: setup-test
	cargo fmt --check
	cargo clippy -p poles-core -p poles-databuild --all-targets --all-features -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p poles-explorer --all-targets -- -D warnings

## Every test: lints, native (core + converter), browser (wasm-bindgen-test in Chromium), end-to-end (Playwright).
test: setup-test lint test-native test-wasm build build-subpath test-e2e test-deploy sizes
	@node scripts/e2e-summary.mjs

test-native:
	cargo test -p poles-core -p poles-databuild

test-wasm: setup-test
	cargo test --target wasm32-unknown-unknown -p poles-explorer --test web

test-e2e: setup-test
	E2E_PORT=$(E2E_PORT) npx playwright test

## The shipped deploy/ configurations on Debian's nginx and Apache (after make build-subpath).
test-deploy: setup-test
	scripts/test-deploy.sh

## Engine latency natively and in Chromium (bundled + synthetic data); writes BENCHMARKS.md.
bench: setup-test build
	@scripts/bench.sh

## Built sizes of html/js/wasm/css/data: raw, gzip, brotli.
sizes:
	@scripts/sizes.sh dist

## Screenshots of the explorer, a project page, the map and the stats view at 1366 and 390 px,
## into docs/screenshots/ (committed: the README shows them).
screenshots: build
	@mkdir -p docs/screenshots
	@python3 scripts/serve.py --port $(E2E_PORT) --mount /=dist & pid=$$!; sleep 1; \
	  node scripts/screenshots.mjs http://127.0.0.1:$(E2E_PORT) docs/screenshots; kill $$pid

## Serve the release builds as a static host would (with /explorateur/ too).
serve-dist: build build-subpath
	python3 scripts/serve.py --port $(PORT) --mount /=dist --mount /explorateur/=dist-subpath

clean:
	cargo clean; rm -rf dist dist-subpath test-results playwright-report screenshots
