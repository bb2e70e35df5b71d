#!/usr/bin/env bash
# The WebAssembly build of itawb: the dependencies (hosts/wasm/deps.sh, cached by
# the recipe's hash) and the command line as itawb.js + itawb.wasm, which
# runs under node on the machine's files:
#   bash hosts/wasm/build.sh            -> build-wasm/itawb.js, build-wasm/itawb.wasm,
#                                    build-wasm/itawb_web.js (the page's module)
#   node build-wasm/itawb.js analyze IN.xlsx -o OUT.xlsx
# Needs Debian's emscripten, dpkg-dev and cmake (hosts/wasm/install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
P=$(bash hosts/wasm/deps.sh | tail -1)
export NODE_PATH=/usr/share/nodejs EM_PKG_CONFIG_PATH=$P/lib/pkgconfig
B=${ITAWB_WASM_BUILD:-build-wasm}; mkdir -p "$B"
emcmake cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DITAWB_BUILD_TESTS=OFF \
  -DCMAKE_FIND_ROOT_PATH="$P" -DCMAKE_PREFIX_PATH="$P" \
  -DCMAKE_CXX_STANDARD_LIBRARIES="$P/lib/libz.a" -DCMAKE_EXE_LINKER_FLAGS="-L$P/lib" > "$B/configure.log" 2>&1 || { tail -30 "$B/configure.log"; exit 1; }
cmake --build "$B" --target itawb itawb_web -j"${JOBS:-2}"
ls -l "$B/itawb.js" "$B/itawb.wasm" "$B/itawb_web.js"
