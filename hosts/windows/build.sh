#!/usr/bin/env bash
# The Windows build of itawb: the dependencies (hosts/windows/deps.sh, cached by the
# recipe's hash), then the command line cross-built with Debian's mingw-w64
# as one static itawb.exe, then the zip for users (hosts/windows/package.sh):
#   bash hosts/windows/build.sh     -> build-win/itawb.exe, build-win/itawb-windows.zip
# Needs hosts/windows/install-tools.sh. ITAWB_WIN_BUILD names another build folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=$(bash hosts/windows/deps.sh | tail -1)
# pkg-config and CMake see only the cross prefix, never the Linux libraries.
export PKG_CONFIG_LIBDIR=$P/lib/pkgconfig PKG_CONFIG_PATH= XPREFIX=$P
B=${ITAWB_WIN_BUILD:-build-win}; mkdir -p "$B"
t0=$(date +%s)
# -static: libstdc++, libgcc and winpthread inside the exe. The .pc files list
# shared-link flags only, so what the static libraries need in turn is named
# here: zlib (libzip, libxlsxwriter), bcrypt and advapi32 (libzip's random
# numbers, ICU's time zone from the registry), shell32 (CommandLineToArgvW).
cmake -S . -B "$B" -DCMAKE_TOOLCHAIN_FILE=hosts/windows/mingw-w64-x86_64.cmake \
  -DCMAKE_BUILD_TYPE=Release -DITAWB_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$P" \
  -DCMAKE_EXE_LINKER_FLAGS="-static -s" \
  -DCMAKE_CXX_STANDARD_LIBRARIES="$P/lib/libz.a -lbcrypt -ladvapi32 -lshell32" \
  > "$B/configure.log" 2>&1 || { tail -30 "$B/configure.log"; exit 1; }
cmake --build "$B" --target itawb -j"${JOBS:-2}"
echo "itawb.exe build: $(( $(date +%s) - t0 )) s"
# Static: only Windows' own DLLs may be imported.
dlls=$(x86_64-w64-mingw32-objdump -p "$B/itawb.exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)
echo "imports:" $dlls
for d in $dlls; do
  case "${d,,}" in
    kernel32.dll|advapi32.dll|msvcrt.dll|shell32.dll|user32.dll|bcrypt.dll|ws2_32.dll|ole32.dll|api-ms-win-*) ;;
    *) echo "itawb.exe imports $d, which is not part of Windows: not static" >&2; exit 1 ;;
  esac
done
ls -l "$B/itawb.exe"
bash hosts/windows/package.sh "$B"
