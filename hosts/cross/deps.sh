#!/usr/bin/env bash
# The dependencies of the cross builds, from Debian 12's source packages, built
# static into a prefix, for one target:
#   bash hosts/cross/deps.sh --target wasm    WebAssembly, Debian's emscripten (hosts/wasm/install-tools.sh)
#   bash hosts/cross/deps.sh --target mingw   Windows, Debian's mingw-w64 (hosts/windows/install-tools.sh)
#   bash hosts/cross/deps.sh --target T --print-prefix   only the prefix's path, nothing built
# The prefix is ~/.cache/itawb/<target>-<hash of the recipe> (this script, icu/, patches/,
# scripts/patches/freexl-*.patch and the MinGW toolchain file), so a rerun (and CI) reuses a
# prefix built by the same recipe; ITAWB_WASM_PREFIX / ITAWB_MINGW_PREFIX or a last argument
# name another. Sources come from `apt-get source` (this script adds
# scripts/debian-src.sources); logs and per-dependency times go to PREFIX.logs/. The last line
# printed is the prefix.
# One recipe for both targets: the same versions, the same ICU members and data (icu/), the
# same patches (patches/: each applied where its comment says). libzip and libxlsxwriter are
# not here: every build, native and cross, compiles them from build-deps/ with the project's
# patches (cmake/zip-writer-deps.cmake, scripts/debian-source.sh), over this prefix's zlib.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
TOOLCHAIN=$ROOT/hosts/windows/mingw-w64-x86_64.cmake
TARGET="" PRINT=0 ARG_PREFIX=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGET=${2:-}; shift 2 ;;
    --target=*) TARGET=${1#*=}; shift ;;
    --print-prefix) PRINT=1; shift ;;
    -*) echo "deps.sh: unknown option $1" >&2; exit 2 ;;
    *) ARG_PREFIX=$1; shift ;;
  esac
done
case "$TARGET" in
  wasm) ENV_PREFIX=${ITAWB_WASM_PREFIX:-} ;;
  mingw) ENV_PREFIX=${ITAWB_MINGW_PREFIX:-} ;;
  *) echo "usage: deps.sh --target wasm|mingw [--print-prefix] [PREFIX]" >&2; exit 2 ;;
esac
HASH=$(cat "$HERE/deps.sh" "$HERE/icu/"* "$HERE/patches/"* "$ROOT"/scripts/patches/freexl-*.patch "$TOOLCHAIN" |
       sha256sum | cut -c1-12)
P=${ARG_PREFIX:-${ENV_PREFIX:-$HOME/.cache/itawb/$TARGET-$HASH}}
if [ "$PRINT" = 1 ] || [ -e "$P/.complete" ]; then echo "$P"; exit 0; fi
W=$P.work; S=$W/src; B=$W/build; L=$P.logs
mkdir -p "$S" "$B" "$L" "$P/lib/pkgconfig" "$P/include"
JOBS=${JOBS:-2}
HOST=x86_64-w64-mingw32
if [ "$TARGET" = wasm ]; then
  export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs node-acorn from here
  CM=(emcmake cmake -DCMAKE_FIND_ROOT_PATH="$P")
  CC=emcc AR=emar
else
  export XPREFIX=$P                    # the toolchain file's search root
  CM=(cmake -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN")
  CC=$HOST-gcc-posix AR=$HOST-ar
fi
CM+=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$P" -DCMAKE_PREFIX_PATH="$P" -DBUILD_SHARED_LIBS=OFF)

# Debian 12's versions, as the native build links them.
VERSIONS=(zlib=1:1.2.13.dfsg-1 expat=2.5.0-1+deb12u2
          icu=72.1-3+deb12u1 fmtlib=9.1.0+ds1-2 spdlog=1:1.10.0+ds-0.4 nettle=3.8.1-2 freexl=1.0.6-2)
fetch() {
  if [ ! -e /etc/apt/sources.list.d/itawb-src.sources ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO cp "$ROOT/scripts/debian-src.sources" /etc/apt/sources.list.d/itawb-src.sources
    $SUDO apt-get update -qq
  fi
  (cd "$S" && apt-get source -qq "${VERSIONS[@]}")
}

step() {  # step NAME: runs dep_NAME once (a stamp per dependency), its log in $L
  local n=$1 t0; t0=$(date +%s)
  if [ -e "$B/.$n.done" ]; then return 0; fi
  # In the background and waited for: `set -e` holds inside the step (it would not in an `if`).
  (set -e; "dep_$n") > "$L/$n.log" 2>&1 &
  if wait $!; then
    touch "$B/.$n.done"; echo "$n: $(( $(date +%s) - t0 )) s" | tee -a "$L/times.txt"
  else
    echo "$n FAILED after $(( $(date +%s) - t0 )) s: $L/$n.log" >&2; tail -20 "$L/$n.log" >&2; exit 1
  fi
}
pc() {  # pc NAME VERSION LIBS [REQUIRES]: a pkg-config file for a library built here
  { echo "prefix=$P"; echo 'libdir=${prefix}/lib'; echo 'includedir=${prefix}/include'
    echo "Name: $1"; echo "Description: $1 (static, hosts/cross/deps.sh)"; echo "Version: $2"
    [ -z "${4:-}" ] || echo "Requires: $4"
    echo "Libs: $3"; echo 'Cflags: -I${includedir}'; } > "$P/lib/pkgconfig/$1.pc"
}

dep_zlib() {
  rm -rf "$B/zlib" && cp -a "$S"/zlib-1.2.13.dfsg "$B/zlib" && cd "$B/zlib"
  if [ "$TARGET" = wasm ]; then
    emconfigure ./configure --static --prefix="$P" && emmake make -j"$JOBS" libz.a
  else  # Debian's dfsg tarball has no win32/Makefile.gcc: zlib's configure with CHOST.
    CHOST=$HOST CC=$CC AR=$AR RANLIB=$HOST-ranlib ./configure --static --prefix="$P"
    make -j"$JOBS" libz.a
  fi
  make install
}
dep_expat() {
  # Debian's CVE backports test "#if XML_DTD == 1"; expat's CMake config header defines XML_DTD empty.
  patch -d "$S"/expat-2.5.0/expat -p1 -N -r - < "$HERE/patches/expat-cmake-xml-dtd.patch" || true
  "${CM[@]}" -S "$S"/expat-2.5.0/expat -B "$B/expat" -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
    -DEXPAT_BUILD_TESTS=OFF -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF
  cmake --build "$B/expat" -j"$JOBS" && cmake --install "$B/expat"
}
dep_fmt() {
  "${CM[@]}" -S "$S"/fmtlib-9.1.0+ds1 -B "$B/fmt" -DFMT_DOC=OFF -DFMT_TEST=OFF -DFMT_INSTALL=ON
  cmake --build "$B/fmt" -j"$JOBS" && cmake --install "$B/fmt"
}
dep_spdlog() {
  "${CM[@]}" -S "$S"/spdlog-1.10.0+ds -B "$B/spdlog" -DSPDLOG_FMT_EXTERNAL=ON -DSPDLOG_BUILD_EXAMPLE=OFF \
    -DSPDLOG_BUILD_TESTS=OFF -DSPDLOG_BUILD_SHARED=OFF -DSPDLOG_BUILD_BENCH=OFF -DSPDLOG_INSTALL=ON
  cmake --build "$B/spdlog" -j"$JOBS" && cmake --install "$B/spdlog"
}
dep_nettle() {  # only libnettle (SHA-256 for the exchange identities), portable C
  rm -rf "$B/nettle" && cp -a "$S"/nettle-3.8.1 "$B/nettle" && cd "$B/nettle"
  # desdata, a generator run during the build, is compiled for this machine.
  local conf=(--prefix="$P" --disable-assembler --disable-shared --disable-documentation --disable-openssl
              --disable-public-key --disable-fat)
  if [ "$TARGET" = wasm ]; then
    CC_FOR_BUILD=cc emconfigure ./configure --host=wasm32-unknown-emscripten "${conf[@]}"
    emmake make -j"$JOBS" libnettle.a
  else
    CC_FOR_BUILD=cc ./configure --host=$HOST CC=$CC "${conf[@]}"
    make -j"$JOBS" libnettle.a
  fi
  mkdir -p "$P/include/nettle" && cp ./*.h "$P/include/nettle/" && cp libnettle.a "$P/lib/"
  pc nettle 3.8.1 '-L${libdir} -lnettle'
}
dep_icu() {
  # ICU's common library (icu/CMakeLists.txt: the members itawb and FreeXL use) and, as its
  # data, the code page converters and the Thai line breaking of icu/data.txt taken from the source's prebuilt
  # icudt72l.dat with Debian's icupkg and turned into C by genccode (icu-devtools, on the
  # build machine: the data is the same bytes for every little-endian ASCII target).
  local dat="$S"/icu-72.1/source/data/in/icudt72l.dat d="$W/icudata"
  rm -rf "$d" && mkdir -p "$d/items"
  icupkg -x "$HERE/icu/data.txt" -d "$d/items" "$dat"
  # --ignore-deps: brkitr/root.res names every break rule and dictionary; only Thai's are kept.
  icupkg --ignore-deps -tl -s "$d/items" -a "$HERE/icu/data.txt" new "$d/icudt72l.dat"
  genccode -d "$d" "$d/icudt72l.dat"
  # ICU looks for the data under icudt72_dat (genccode names it after the file, with the l).
  sed -i 's/\bicudt72l_dat\b/icudt72_dat/' "$d/icudt72l_dat.c"
  "${CM[@]}" -S "$HERE/icu" -B "$B/icu" -DICU_SRC="$S"/icu-72.1/source -DICU_DATA_C="$d/icudt72l_dat.c"
  cmake --build "$B/icu" -j"$JOBS" && cmake --install "$B/icu"
  local win=""; [ "$TARGET" = mingw ] && win=" -ladvapi32"   # the registry (wintz.cpp)
  pc icu-uc 72.1 "-L\${libdir} -licuuc -licudata$win"
  sed -i 's/^Cflags: .*/& -DU_STATIC_IMPLEMENTATION/' "$P/lib/pkgconfig/icu-uc.pc"
  pc icu-i18n 72.1 '' icu-uc
}
dep_freexl() {  # .xls: itawb's formula-values patch (as natively), then code pages through ICU
  rm -rf "$B/freexl" && cp -a "$S"/freexl-1.0.6 "$B/freexl" && cd "$B/freexl"
  for p in "$ROOT"/scripts/patches/freexl-*.patch "$HERE/patches/freexl-icu-converters.patch"; do
    patch -p1 --forward < "$p"
  done
  echo '#define VERSION "1.0.6"' > config.h
  $CC -O2 -w -DFREEXL_ICU_ICONV -DU_STATIC_IMPLEMENTATION -I. -Iheaders -I"$P/include" -c src/freexl.c -o freexl.o
  rm -f "$P/lib/libfreexl.a" && $AR rcs "$P/lib/libfreexl.a" freexl.o
  cp headers/freexl.h "$P/include/"
  # ICU after FreeXL on the link line: the static link resolves FreeXL's ucnv_* calls.
  pc freexl 1.0.6 '-L${libdir} -lfreexl -lm' icu-uc
}
dep_headers() {  # header-only libraries, from the installed Debian packages
  cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/valijson "$P/include/"
  mkdir -p "$P/share/cmake" && cp -r /usr/share/cmake/nlohmann_json /usr/share/cmake/CLI11 "$P/share/cmake/"
}

t0=$(date +%s)
[ -e "$B/.fetch.done" ] || { fetch > "$L/fetch.log" 2>&1 && touch "$B/.fetch.done" &&
  echo "fetch: $(( $(date +%s) - t0 )) s" | tee -a "$L/times.txt"; }
for d in headers zlib expat fmt spdlog nettle icu freexl; do step "$d"; done
echo "all ($TARGET): $(( $(date +%s) - t0 )) s" | tee -a "$L/times.txt"
touch "$P/.complete"
rm -rf "$W"
echo "$P"
