#!/usr/bin/env bash
# The Windows build of itawb: the dependencies (hosts/cross/deps.sh --target mingw,
# cached by the recipe's hash), then the command line cross-built with Debian's mingw-w64
# as one static itawb.exe, then the zip for users (hosts/windows/package.sh):
#   bash hosts/windows/build.sh     -> build-win/itawb.exe, build-win/itawb-windows.zip
# Needs hosts/windows/install-tools.sh. ITAWB_WIN_BUILD names another build folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=$(bash hosts/cross/deps.sh --target mingw | tail -1)
# libzip and libxlsxwriter: Debian's sources with the project's patches, which
# the build compiles itself as natively (cmake/zip-writer-deps.cmake).
for src in libzip=1.7.3-1 libxlsxwriter=1.1.4-2; do bash scripts/debian-source.sh "$src" >/dev/null; done
export ITAWB_MINGW_PREFIX=$P
B=${ITAWB_WIN_BUILD:-build-win}; mkdir -p "$B"
# A build folder configured over another prefix (the recipe changed) keeps
# that prefix's paths in its cache: it is configured again from scratch.
if [ -e "$B/CMakeCache.txt" ] && [ "$(cat "$B/.itawb-prefix" 2>/dev/null)" != "$P" ]; then
  rm -rf "$B/CMakeCache.txt" "$B/CMakeFiles"
fi
echo "$P" > "$B/.itawb-prefix"
t0=$(date +%s)
# CMakePresets.json's mingw preset: pkg-config and CMake see only the cross
# prefix, never the Linux libraries; -static: libstdc++, libgcc and winpthread
# inside the exe. The .pc files list shared-link flags only, so what the static
# libraries need in turn is named there: zlib (libzip, libxlsxwriter), bcrypt
# and advapi32 (libzip's random numbers, ICU's time zone from the registry),
# shell32 (CommandLineToArgvW).
cmake --preset mingw -B "$B" > "$B/configure.log" 2>&1 || { tail -30 "$B/configure.log"; exit 1; }
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
