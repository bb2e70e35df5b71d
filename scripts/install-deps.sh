#!/usr/bin/env bash
# Installs what itawb needs, from Debian 12 packages only. Run as root (or
# through sudo). Safe to run again: only missing packages are installed.
#
#   scripts/install-deps.sh            everything the tests need (run-tests.sh)
#   scripts/install-deps.sh --build    only what building the command line needs
#                                      (run-example.sh): no LibreOffice, clang or UNO
set -euo pipefail
build=(
  build-essential cmake pkg-config ccache
  libxlsxwriter-dev libzip-dev zlib1g-dev libexpat1-dev libicu-dev
  libspdlog-dev nlohmann-json3-dev libcli11-dev libvalijson-dev catch2 nettle-dev
  libfreexl-dev  # .xls (Excel 97-2003); patched from its source below
  dpkg-dev patch  # apt-get source (scripts/debian-source.sh)
)
tests=(
  python3 python3-openpyxl
  # unzip: the tests that read a written part as Excel would see it, and the
  # release's check (a minimal Debian has none: two tests failed without it
  # in a fresh chroot).
  unzip
  # PDF (`--pdf`) and the tests that look at printed pages: LibreOffice's
  # Calc, Laksaman (metric-compatible with TH SarabunPSK),
  # Carlito (with Calibri's widths, the unit of column widths), pdftotext.
  libreoffice-calc fonts-thai-tlwg fonts-crosextra-carlito poppler-utils
  # The guide's pictures of the Calc extension (docs/guide/calc_pictures.py):
  # Calc in a window (libreoffice-calc, not -nogui) on a virtual display, in
  # Thai, driven by keys and photographed.
  libreoffice-l10n-th xvfb xdotool imagemagick
  # The LibreOffice extension (hosts/calc/) and its test: Python-UNO for
  # the ITA menu's component and for tests/e2e/calc/test_oxt.py.
  python3-uno
  # The fuzz regressions (tests/fuzz/, scripts/run-tests.sh): clang 14 and its
  # runtime libraries (libFuzzer, ASan, UBSan).
  clang libclang-rt-14-dev
  # The threads stage: ThreadSanitizer's suppressions (tests/tsan.supp) name
  # glibc's own functions (tzset_internal), which it can only match with
  # glibc's symbols: without them every batch test stops on glibc's race.
  libc6-dbg
  # The page's and the task pane's tests (tests/e2e/web) in Debian's
  # Chromium; node and npm are added below where the commands are missing.
  chromium
)
case "${1:-}" in
  --build) packages=("${build[@]}") ;;
  "") packages=("${build[@]}" "${tests[@]}") ;;
  *) echo "install-deps.sh: unknown option '$1' (--build, or nothing)" >&2; exit 2 ;;
esac
# node and npm for Playwright and office-addin-mock (npm ci in hosts/web):
# Debian's, unless the machine has them already (a nodejs from elsewhere
# bundles npm and conflicts with Debian's npm package).
if [ "${1:-}" = "" ]; then
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "install-deps.sh: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# FreeXL from Debian's source with the project's patch (formula values in
# .xls), which the build compiles in place of Debian's libfreexl.
# Where Debian's sources cannot be fetched, the build uses Debian's libfreexl
# as it is (it says so) and the tests that need the patch say they skip it.
bash "$(dirname "$0")/debian-source.sh" freexl=1.0.6-2 ||
  echo "install-deps.sh: FreeXL's source could not be fetched: .xls formula values will not be read" >&2
# libzip and libxlsxwriter from Debian's sources (issue 23), compiled static
# into itawb by cmake/zip-writer-deps.cmake: libzip without a crypto library
# (no libcrypto.so.3 to load at every start), libxlsxwriter with the
# project's patch (parts in memory, the deflate level chosen by itawb).
# Where they cannot be fetched the build links Debian's shared ones.
for src in libzip=1.7.3-1 libxlsxwriter=1.1.4-2; do
  bash "$(dirname "$0")/debian-source.sh" "$src" ||
    echo "install-deps.sh: ${src%%=*}'s source could not be fetched: Debian's shared library is used" >&2
done
