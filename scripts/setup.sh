#!/usr/bin/env bash
# Installs what building and testing Folio needs, on a fresh Debian machine as root, and nothing
# that is already there. Every step checks first, so running it again is quick.
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen, wasm-opt, crates)
#   scripts/setup.sh --test   also Chromium, chromedriver, fonts and the browser-test packages
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_test=false
[ "${1:-}" = "--test" ] && want_test=true

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# make test runs cargo fmt --check and clippy.
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  # Not --locked: one of its locked dependencies is no longer in the registry (TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  # 0.22 needs a newer rustc than these machines have.
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

need_apt=()
command -v node >/dev/null || need_apt+=(nodejs npm)
if $want_test; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  # Without them CJK and Arabic text renders as boxes in screenshots (not needed by the product).
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
  dpkg -s fonts-noto-core >/dev/null 2>&1 || need_apt+=(fonts-noto-core)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# wasm-opt from npm's binaryen (Debian's is too old for current rustc output), and the browser
# test packages; package-lock.json pins them.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, ...)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk runs cargo offline (Trunk.toml), so every crate must be here first.
if ! cargo fetch --locked --offline >/dev/null 2>&1; then
  say "fetching crates"
  cargo fetch --locked
fi
