#!/usr/bin/env bash
# The WebAssembly build of itawb: the dependencies (hosts/cross/deps.sh --target
# wasm, cached by the recipe's hash), then CMakePresets.json's wasm preset, which
# makes the command line as itawb.js + itawb.wasm (runs under node on the
# machine's files) and the page's module:
#   bash hosts/wasm/build.sh            -> build-wasm/itawb.js, build-wasm/itawb.wasm,
#                                    build-wasm/itawb_web.js (the page's module)
#   node build-wasm/itawb.js analyze IN.xlsx -o OUT.xlsx
# Needs Debian's emscripten, dpkg-dev and cmake (hosts/wasm/install-tools.sh).
# ITAWB_WASM_BUILD names another build folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=$(bash hosts/cross/deps.sh --target wasm | tail -1)
# libzip and libxlsxwriter: Debian's sources with the project's patches, which
# the build compiles itself as natively (cmake/zip-writer-deps.cmake).
for src in libzip=1.7.3-1 libxlsxwriter=1.1.4-2; do bash scripts/debian-source.sh "$src" >/dev/null; done
export ITAWB_WASM_PREFIX=$P NODE_PATH=/usr/share/nodejs
B=${ITAWB_WASM_BUILD:-build-wasm}; mkdir -p "$B"
# A build folder configured over another prefix (the recipe changed) keeps
# that prefix's paths in its cache: it is configured again from scratch.
if [ -e "$B/CMakeCache.txt" ] && [ "$(cat "$B/.itawb-prefix" 2>/dev/null)" != "$P" ]; then
  rm -rf "$B/CMakeCache.txt" "$B/CMakeFiles"
fi
echo "$P" > "$B/.itawb-prefix"
t0=$(date +%s)
cmake --preset wasm -B "$B" > "$B/configure.log" 2>&1 || { tail -30 "$B/configure.log"; exit 1; }
cmake --build "$B" --target itawb itawb_web -j"${JOBS:-2}"
echo "wasm build: $(( $(date +%s) - t0 )) s"
ls -l "$B/itawb.js" "$B/itawb.wasm" "$B/itawb_web.js"
