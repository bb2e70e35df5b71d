#!/usr/bin/env bash
# The dependencies of the Windows build, from Debian 12's source packages,
# cross-built static with Debian's mingw-w64 (hosts/windows/mingw-w64-x86_64.cmake)
# into a prefix:
#   bash hosts/windows/deps.sh [PREFIX]
# PREFIX defaults to ~/.cache/itawb/mingw-<hash of this recipe and its files>,
# so a rerun (and CI) reuses a prefix built by the same recipe. Sources come
# from `apt-get source` (this script adds scripts/debian-src.sources); logs and
# per-dependency times go to PREFIX.logs/. Needs hosts/windows/install-tools.sh.
# The last line printed is the prefix.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
TOOLCHAIN=$ROOT/hosts/windows/mingw-w64-x86_64.cmake
HASH=$(cat "$HERE/deps.sh" "$HERE/icu-members-win32.txt" "$HERE/patches/"* "$TOOLCHAIN" \
           "$ROOT/hosts/wasm/icu/"* "$ROOT/hosts/wasm/patches/expat-cmake-xml-dtd.patch" | sha256sum | cut -c1-12)
P=${1:-${ITAWB_MINGW_PREFIX:-$HOME/.cache/itawb/mingw-$HASH}}
if [ -e "$P/.complete" ]; then echo "$P"; exit 0; fi
W=$P.work; S=$W/src; B=$W/build; L=$P.logs
mkdir -p "$S" "$B" "$L" "$P/lib/pkgconfig" "$P/include"
JOBS=${JOBS:-2}
HOST=x86_64-w64-mingw32
export XPREFIX=$P
CM=(cmake -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$P"
    -DCMAKE_PREFIX_PATH="$P" -DBUILD_SHARED_LIBS=OFF)

# Debian 12's versions, as the native build links them.
VERSIONS=(zlib=1:1.2.13.dfsg-1 expat=2.5.0-1+deb12u2 libzip=1.7.3-1 libxlsxwriter=1.1.4-2
          icu=72.1-3+deb12u1 fmtlib=9.1.0+ds1-2 spdlog=1:1.10.0+ds-0.4 nettle=3.8.1-2)
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

dep_zlib() {
  # Debian's dfsg tarball has no win32/Makefile.gcc: zlib's configure with CHOST.
  rm -rf "$B/zlib" && cp -a "$S"/zlib-1.2.13.dfsg "$B/zlib" && cd "$B/zlib"
  CHOST=$HOST CC=$HOST-gcc-posix AR=$HOST-ar RANLIB=$HOST-ranlib ./configure --static --prefix="$P"
  make -j"$JOBS" libz.a && make install
}
dep_expat() {
  # Debian's CVE backports test "#if XML_DTD == 1"; expat's CMake config header defines XML_DTD empty.
  patch -d "$S"/expat-2.5.0/expat -p1 -N -r - < "$ROOT/hosts/wasm/patches/expat-cmake-xml-dtd.patch" || true
  "${CM[@]}" -S "$S"/expat-2.5.0/expat -B "$B/expat" -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF \
    -DEXPAT_BUILD_TESTS=OFF -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF
  cmake --build "$B/expat" -j"$JOBS" && cmake --install "$B/expat"
}
dep_libzip() {
  "${CM[@]}" -S "$S"/libzip-1.7.3 -B "$B/libzip" \
    -DZLIB_LIBRARY="$P/lib/libz.a" -DZLIB_INCLUDE_DIR="$P/include" \
    -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF \
    -DENABLE_WINDOWS_CRYPTO=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF \
    -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF
  cmake --build "$B/libzip" -j"$JOBS" && cmake --install "$B/libzip"
  # A static build's zipconf.h defines ZIP_STATIC itself: zip.h declares no dllimport.
  grep -q '^#define ZIP_STATIC' "$P/include/zipconf.h"
}
dep_libxlsxwriter() {
  # Upstream #undefs _WIN32 under MinGW, so the output goes through fopen in the ANSI
  # code page: the patch keeps the UTF-16 path for UTF-8 (Thai) file names.
  patch -d "$S"/libxlsxwriter-1.1.4 -p1 -N -r - < "$HERE/patches/libxlsxwriter-mingw-utf8-filename.patch" || true
  "${CM[@]}" -S "$S"/libxlsxwriter-1.1.4 -B "$B/libxlsxwriter" \
    -DZLIB_LIBRARY="$P/lib/libz.a" -DZLIB_INCLUDE_DIR="$P/include" \
    -DUSE_SYSTEM_MINIZIP=OFF -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF
  cmake --build "$B/libxlsxwriter" -j"$JOBS" && cmake --install "$B/libxlsxwriter"
  { echo "prefix=$P"; echo 'libdir=${prefix}/lib'; echo 'includedir=${prefix}/include'
    echo 'Name: xlsxwriter'; echo 'Description: libxlsxwriter (static)'; echo 'Version: 1.1.4'
    echo 'Libs: -L${libdir} -lxlsxwriter -lz'; echo 'Cflags: -I${includedir}'; } > "$P/lib/pkgconfig/xlsxwriter.pc"
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
  CC_FOR_BUILD=cc ./configure --host=$HOST CC=$HOST-gcc-posix --prefix="$P" --disable-assembler \
    --disable-shared --disable-documentation --disable-openssl --disable-public-key --disable-fat
  make -j"$JOBS" libnettle.a
  mkdir -p "$P/include/nettle" && cp ./*.h "$P/include/nettle/" && cp libnettle.a "$P/lib/"
  { echo "prefix=$P"; echo 'libdir=${prefix}/lib'; echo 'includedir=${prefix}/include'
    echo 'Name: nettle'; echo 'Description: nettle (static)'; echo 'Version: 3.8.1'
    echo 'Libs: -L${libdir} -lnettle'; echo 'Cflags: -I${includedir}'; } > "$P/lib/pkgconfig/nettle.pc"
}
dep_icu() {
  # ICU common + stubdata (hosts/wasm/icu/CMakeLists.txt, used as it is): no ICU data is needed.
  # On Windows that CMakeLists also reads members-win32.txt beside it (putil.cpp calls
  # wintz.cpp and uloc): a copy of hosts/wasm/icu with hosts/windows/icu-members-win32.txt added.
  rm -rf "$W/icu-cmake" && cp -a "$ROOT/hosts/wasm/icu" "$W/icu-cmake"
  cp "$HERE/icu-members-win32.txt" "$W/icu-cmake/members-win32.txt"
  "${CM[@]}" -S "$W/icu-cmake" -B "$B/icu" -DICU_SRC="$S"/icu-72.1/source
  cmake --build "$B/icu" -j"$JOBS" && cmake --install "$B/icu"
  for m in icu-uc icu-i18n; do
    { echo "prefix=$P"; echo 'libdir=${prefix}/lib'; echo 'includedir=${prefix}/include'
      echo "Name: $m"; echo "Description: ICU 72.1 common+stubdata (static)"; echo "Version: 72.1"
      if [ $m = icu-uc ]; then echo 'Libs: -L${libdir} -licuuc -licudata -ladvapi32'; echo 'Cflags: -I${includedir} -DU_STATIC_IMPLEMENTATION'
      else echo 'Requires: icu-uc'; echo 'Libs:'; echo 'Cflags:'; fi; } > "$P/lib/pkgconfig/$m.pc"
  done
}
dep_headers() {  # header-only libraries, from the installed Debian packages
  cp -r /usr/include/nlohmann /usr/include/CLI /usr/include/valijson "$P/include/"
  mkdir -p "$P/share/cmake" && cp -r /usr/share/cmake/nlohmann_json /usr/share/cmake/CLI11 "$P/share/cmake/"
}

t0=$(date +%s)
[ -e "$B/.fetch.done" ] || { fetch > "$L/fetch.log" 2>&1 && touch "$B/.fetch.done" && echo "fetch: $(( $(date +%s) - t0 )) s" | tee -a "$L/times.txt"; }
for d in headers zlib expat libzip libxlsxwriter fmt spdlog nettle icu; do step "$d"; done
touch "$P/.complete"
rm -rf "$W"
echo "$P"
