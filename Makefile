# Two commands do everything on a fresh Debian machine (as root):
#   make serve   install what is missing, build, and serve the demo at http://127.0.0.1:8080/
#   make test    install what is missing, then run every test layer
# Both are idempotent: installed tools are checked, not reinstalled.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
CONFORMANCE := ../shared/conformance/run

.PHONY: serve test setup setup-test dist size lint test-native test-wasm test-e2e conformance bench

serve: setup
	trunk serve --release

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

dist: setup
	trunk build --release

test: setup-test
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) dist
	$(MAKE) size
	$(MAKE) test-wasm
	$(MAKE) test-e2e
	$(MAKE) conformance

# What a reader downloads (wasm + JS + Folio's CSS, brotli), file by file; fails over the limit in
# scripts/size-budget.json (docs/size.md).
size:
	node scripts/sizes.mjs dist --check

# Formatting (rustfmt.toml) and clippy's warnings, natively and for the wasm build, fail the tests.
lint:
	cargo fmt --check
	cargo clippy --locked --all-targets --features schema -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --locked --features schema

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test browser

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Folio against a hand-written vanilla-JS renderer (bench/README.md); about 15 minutes on 2 cores.
# Timing lives here, never in the pass/fail tests.
bench: dist
	node bench/run.mjs --dist dist

# The shared conformance check runs where ../shared exists (CI has it; a clone elsewhere may not),
# with the prerendered pages of its section 4 written by the release folio-prerender that
# `make dist` built for the static site.
conformance:
	@if [ -x $(CONFORMANCE) ]; then $(CONFORMANCE) --dist dist --prerender target/release/folio-prerender; \
	else echo "conformance: $(CONFORMANCE) not found, skipped"; fi
