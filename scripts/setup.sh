#!/usr/bin/env bash
# Installs what Pôles Explorer needs, skipping what is already there (idempotent).
#   scripts/setup.sh          build tools: wasm target, trunk, wasm-bindgen-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh --test   the same, plus Chromium + ChromeDriver (Debian) and Playwright (npm)
# Verified recipe: ../shared/guides/toolchain.md. Nothing is downloaded outside the package
# registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

with_test=0
[ "${1:-}" = "--test" ] && with_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -q; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# --- Debian packages -------------------------------------------------------------------
pkgs=()
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
command -v python3 >/dev/null || pkgs+=(python3)
command -v brotli >/dev/null || pkgs+=(brotli)
if [ "$with_test" = 1 ]; then
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  [ -x /usr/bin/chromedriver ] || pkgs+=(chromium-driver)
  # The deployment configurations we ship run in the tests (scripts/test-deploy.sh).
  [ -x /usr/sbin/nginx ] || pkgs+=(nginx)
  [ -x /usr/sbin/apache2 ] || pkgs+=(apache2)
fi
if [ "${#pkgs[@]}" -gt 0 ]; then
  say "apt-get install ${pkgs[*]}"
  # Installing a server must not start it (the tests start their own, on loopback ports).
  no_start=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null; as_root chmod +x /usr/sbin/policy-rc.d; no_start=1; fi
  apt_install "${pkgs[@]}"
  if [ "$no_start" = 1 ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
fi

# --- Rust toolchain pieces --------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$with_test" = 1 ]; then
  for c in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then say "rustup component add $c"; rustup component add "$c"; fi
  done
fi
if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
  say "cargo install trunk 0.21.14 (about 8 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  say "cargo install wasm-bindgen-cli $wbg"
  # Not --locked: its lock file pins a yanked crate (toolchain guide).
  cargo install wasm-bindgen-cli --version "$wbg"
fi

# --- npm tools (wasm-opt from binaryen, Playwright) --------------------------------------
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

say "ready: $(trunk --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
if [ "$with_test" = 1 ]; then say "browser: $(/usr/bin/chromium --version 2>/dev/null)"; fi
