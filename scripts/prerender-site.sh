#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): prerenders the sample articles in static/samples/ into
# articles/ of the build, one static HTML page each plus an index page listing them, with the
# native folio-prerender built from this crate. `make serve` and `make dist` both run it.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by Trunk only}"
cargo build --locked --offline --release --quiet --bin folio-prerender
target/release/folio-prerender --assets ../ --out-dir "$TRUNK_STAGING_DIR/articles" --index static/samples/*.json
