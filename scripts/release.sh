#!/usr/bin/env bash
# One release: every form of itawb this machine can build, into
# dist/itawb-<version>/, then a check of each, then a table.
#
#   scripts/release.sh [--addin-base https://host/path] [--out DIR]
#
# Built (the version is CMakeLists.txt's, scripts/version.sh):
#   itawb-<version>-linux-x86_64.tar.gz  the command line for Debian 12, resources, examples
#   itawb.oxt            the Calc extension: the Linux binary, and itawb.exe when there is one
#   itawb-windows.zip    itawb.exe (hosts/windows/build.sh: mingw-w64 + its cached dependencies,
#                        or an itawb.exe already in build-win/)
#   itawb.html           the offline page (hosts/wasm/build.sh: emscripten + its cached
#                        dependencies, or build-wasm/itawb_web.js already there)
#   excel-addin/         the add-in for --addin-base (same module as the page)
#   itawb-guide-th.html  the officer's guide (docs/guide/build_guide.py), one file
#   อ่านก่อน-RELEASE.md   the release note, Thai first: what is here and what changed
#   SHA256SUMS
# The cross-built dependencies (hosts/cross/deps.sh --target wasm|mingw)
# take 20-55 minutes each: they are used when cached and never built here;
# what cannot be built is listed as "skipped: ... because ...".
# The checks: SHA256SUMS verified; the tarball unpacked and its itawb run on
# the bundled example; the .oxt unzipped and installed in a headless
# LibreOffice with a throwaway profile (tests/e2e/calc/test_oxt.py as root,
# where unopkg refuses; unopkg add otherwise); the zip unpacked (and itawb.exe
# run under wine where wine is); the page and the add-in's manifest checked.
# Exit 0 when everything built passed its check, 1 when a check failed,
# 2 on a usage error or when the Linux build itself fails.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }
ADDIN_BASE=""; OUT="$ROOT/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --addin-base) [ $# -ge 2 ] || { usage >&2; exit 2; }; ADDIN_BASE=$2; shift 2 ;;
    --addin-base=*) ADDIN_BASE=${1#*=}; shift ;;
    --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; OUT=$2; shift 2 ;;
    --out=*) OUT=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "release.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -n "$ADDIN_BASE" ] && [[ "$ADDIN_BASE" != https://* ]]; then
  echo "release.sh: --addin-base must be an https:// address (Office loads add-ins over HTTPS only)" >&2; exit 2
fi
VERSION=$(bash scripts/version.sh) || exit 2
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
D="$OUT/itawb-$VERSION"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/itawb-release-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/itawb-$VERSION"; mkdir -p "$STAGE"
LOG="$OUT/release-$VERSION.log"; : > "$LOG"
BUILD=${ITAWB_RELEASE_BUILD:-build}
WIN=${ITAWB_WIN_BUILD:-build-win}
WASM=${ITAWB_WASM_BUILD:-build-wasm}

ROWS=()      # "name<TAB>state<TAB>detail" for the final table
SKIPPED=()   # the release note's list
row() { ROWS+=("$1"$'\t'"$2"$'\t'"$3"); }
skip() { row "$1" skipped "$2"; SKIPPED+=("$1: $2"); echo "skipped: $1 because $2"; }
say() { echo "release: $*"; }

# A cross build's dependency prefix is cached when the recipe's prefix holds
# .complete; deps.sh --print-prefix names it (the recipe's hash), so the two
# never disagree, and nothing is built to find out.
cached_prefix() {  # cached_prefix wasm|mingw -> prints the prefix, status 0 when complete
  local p
  p=$(bash "$ROOT/hosts/cross/deps.sh" --target "$1" --print-prefix 2>/dev/null) || return 1
  echo "$p"
  [ -e "$p/.complete" ]
}

# 1. The Linux command line (build/, the native preset) -------------------
say "building the Linux itawb and the .oxt's inputs in $BUILD/ (scripts/build.sh)"
if ! bash scripts/build.sh --target itawb --target itawb_oxt >>"$LOG" 2>&1; then
  echo "release.sh: the native build failed (see $LOG)" >&2; tail -20 "$LOG" >&2; exit 2
fi
ITAWB="$ROOT/$BUILD/itawb"
got=$("$ITAWB" --version 2>&1)
[ "$got" = "itawb $VERSION" ] || { echo "release.sh: $ITAWB --version says '$got', not 'itawb $VERSION'" >&2; exit 2; }

LINUX="itawb-$VERSION-linux-x86_64"
L="$WORK/$LINUX"; mkdir -p "$L/bin" "$L/lib/itawb" "$L/share/itawb/workbooks" "$L/examples"
# bin/itawb is a wrapper: the program in lib/itawb/ with the libraries a
# Debian 12 may lack beside it (the .oxt's list: make_oxt.py's SYSTEM_LIBS),
# and its resources in share/itawb/.
if command -v objcopy >/dev/null; then objcopy --strip-debug "$ITAWB" "$L/lib/itawb/itawb"; else cp "$ITAWB" "$L/lib/itawb/itawb"; fi
/usr/bin/python3 - "$ITAWB" "$L/lib/itawb" <<'PY' >>"$LOG" 2>&1 || { echo "release.sh: bundling the libraries failed" >&2; exit 2; }
import shutil, sys
sys.path.insert(0, "hosts/calc")
from make_oxt import _bundled_libs
for soname, path in _bundled_libs(sys.argv[1]):
    shutil.copyfile(path, f"{sys.argv[2]}/{soname}")
    print("bundled", soname)
PY
cat > "$L/bin/itawb" <<'SH'
#!/bin/sh
# itawb with the libraries and resources of this folder (Debian 12, x86-64).
here=$(dirname "$(readlink -f "$0")")/..
export LD_LIBRARY_PATH="$here/lib/itawb${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export ITAWB_HOME="${ITAWB_HOME:-$here/share/itawb}"
exec "$here/lib/itawb/itawb" "$@"
SH
chmod 755 "$L/bin/itawb" "$L/lib/itawb/itawb"
cp -r schemas "$L/share/itawb/schemas"; cp -r workbooks/catalog "$L/share/itawb/workbooks/catalog"
cp workbooks/examples/*.xlsx "$L/examples/"
cat > "$L/อ่านก่อน.txt" <<EOF
itawb $VERSION — โปรแกรมประมวลผลแบบฟอร์ม ITA สำหรับ Linux (Debian 12, x86-64)

ไม่ต้องติดตั้ง: แตกไฟล์แล้วใช้ bin/itawb ได้เลย (ไลบรารีที่ Debian 12 อาจไม่มีอยู่ใน lib/itawb/)
ใช้งาน:  bin/itawb analyze examples/thungthong-2567.xlsx
         bin/itawb validate แบบฟอร์ม.xlsx      bin/itawb --help
ผลการวิเคราะห์อยู่ข้างไฟล์เดิม ชื่อลงท้าย -itawb.xlsx ไฟล์ต้นฉบับไม่ถูกแก้ไข
คู่มือ: itawb-guide-th.html (ในโฟลเดอร์ที่ดาวน์โหลด)

The itawb command line for Debian 12 (x86-64): bin/itawb (a wrapper that runs
lib/itawb/itawb with the libraries beside it), its resources in share/itawb/,
the examples in examples/.
EOF
tar -C "$WORK" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf "$STAGE/$LINUX.tar.gz" "$LINUX"
row "$LINUX.tar.gz" built "$(du -h "$STAGE/$LINUX.tar.gz" | cut -f1)"

# 2. itawb.exe and itawb-windows.zip ---------------------------------------
WIN_EXE=""; WIN_NOTE=""
MINGW_OK=""; command -v x86_64-w64-mingw32-g++-posix >/dev/null && MINGW_OK=1
WPREFIX=$(cached_prefix mingw) && WIN_CACHED=1 || WIN_CACHED=""
if [ -n "$MINGW_OK" ] && [ -n "$WIN_CACHED" ]; then
  say "building itawb.exe (hosts/windows/build.sh, dependencies cached in $WPREFIX)"
  if ITAWB_WIN_BUILD="$WIN" bash hosts/windows/build.sh >>"$LOG" 2>&1; then
    WIN_EXE="$ROOT/$WIN/itawb.exe"
  else
    row itawb-windows.zip FAILED "hosts/windows/build.sh failed (see $LOG)"
  fi
elif [ -f "$WIN/itawb.exe" ]; then
  WIN_EXE="$ROOT/$WIN/itawb.exe"
  WIN_NOTE="the existing $WIN/itawb.exe, not rebuilt ($([ -z "$MINGW_OK" ] && echo "no mingw-w64" || echo "mingw dependencies not cached"))"
  say "using $WIN_NOTE"
  bash hosts/windows/package.sh "$WIN" >>"$LOG" 2>&1 || { row itawb-windows.zip FAILED "package.sh failed"; WIN_EXE=""; }
else
  why=()
  [ -n "$MINGW_OK" ] || why+=("mingw-w64 is not installed (bash hosts/windows/install-tools.sh)")
  [ -n "$WIN_CACHED" ] || why+=("the mingw dependencies are not cached in $WPREFIX (bash hosts/cross/deps.sh --target mingw: 20-55 min)")
  skip itawb-windows.zip "$(IFS=';'; echo "${why[*]}" | sed 's/;/; /g')"
fi
if [ -n "$WIN_EXE" ]; then
  cp "$WIN/itawb-windows.zip" "$STAGE/itawb-windows.zip"
  row itawb-windows.zip built "$(du -h "$STAGE/itawb-windows.zip" | cut -f1)${WIN_NOTE:+, $WIN_NOTE}"
fi

# 3. itawb.oxt: the Linux binary, and the Windows one when there is one ---
say "packing itawb.oxt"
if /usr/bin/python3 hosts/calc/make_oxt.py --source "$ROOT" --itawb "$ITAWB" --itawb-exe="$WIN_EXE" \
     --version "$VERSION" -o "$STAGE/itawb.oxt" >>"$LOG" 2>&1; then
  row itawb.oxt built "$(du -h "$STAGE/itawb.oxt" | cut -f1), $([ -n "$WIN_EXE" ] && echo "Linux + Windows" || echo "Linux only: no itawb.exe (see itawb-windows.zip)")"
else
  row itawb.oxt FAILED "make_oxt.py failed (see $LOG)"
fi

# 4. The page and the Excel add-in (one WebAssembly module) ----------------
MODULE=""
EMCC_OK=""; command -v emcc >/dev/null && EMCC_OK=1
WAPREFIX=$(cached_prefix wasm) && WASM_CACHED=1 || WASM_CACHED=""
if [ -n "$EMCC_OK" ] && [ -n "$WASM_CACHED" ]; then
  say "building the WebAssembly module (hosts/wasm/build.sh, dependencies cached in $WAPREFIX)"
  if ITAWB_WASM_BUILD="$WASM" bash hosts/wasm/build.sh >>"$LOG" 2>&1; then MODULE="$ROOT/$WASM/itawb_web.js"; fi
elif [ -f "$WASM/itawb_web.js" ]; then
  MODULE="$ROOT/$WASM/itawb_web.js"
  say "using the existing $WASM/itawb_web.js (not rebuilt)"
fi
if [ -n "$MODULE" ]; then
  if /usr/bin/python3 hosts/web/build_page.py "$MODULE" "$STAGE/itawb.html" --version "$VERSION" >>"$LOG" 2>&1; then
    row itawb.html built "$(du -h "$STAGE/itawb.html" | cut -f1)"
  else
    row itawb.html FAILED "build_page.py failed (see $LOG)"
  fi
  if [ -n "$ADDIN_BASE" ]; then
    if /usr/bin/python3 hosts/excel/build.py "$MODULE" "$STAGE/excel-addin" --base "$ADDIN_BASE" --version "$VERSION" >>"$LOG" 2>&1; then
      row excel-addin/ built "for $ADDIN_BASE/"
    else
      row excel-addin/ FAILED "hosts/excel/build.py failed (see $LOG)"
    fi
  else
    skip excel-addin/ "no --addin-base https://… was given (the add-in must name the HTTPS folder it is served from)"
  fi
else
  why=()
  [ -n "$EMCC_OK" ] || why+=("emscripten is not installed (bash hosts/wasm/install-tools.sh)")
  [ -n "$WASM_CACHED" ] || why+=("the WebAssembly dependencies are not cached in $WAPREFIX (bash hosts/cross/deps.sh --target wasm: 20-55 min)")
  reason=$(IFS=';'; echo "${why[*]}" | sed 's/;/; /g')
  skip itawb.html "$reason"
  skip excel-addin/ "$reason"
fi

# 5. The guide --------------------------------------------------------------
# The guide links every form built beside it (and fails if it names one nowhere).
links=()
for f in "$LINUX.tar.gz" itawb.oxt itawb-windows.zip itawb.html excel-addin/manifest.xml; do
  [ -e "$STAGE/$f" ] && links+=(--link "$f")
done
if /usr/bin/python3 docs/guide/build_guide.py -o "$STAGE/itawb-guide-th.html" --version "$VERSION" "${links[@]}" >>"$LOG" 2>&1; then
  row itawb-guide-th.html built "$(du -h "$STAGE/itawb-guide-th.html" | cut -f1)"
else
  row itawb-guide-th.html FAILED "docs/guide/build_guide.py failed (see $LOG)"
fi

# 6. The release note: what is here, what was skipped, what changed --------
since=$(git describe --tags --abbrev=0 2>/dev/null || true)
if [ -n "$since" ]; then range="$since..HEAD"; range_th="ตั้งแต่ $since"; else range="-n 30"; range_th="30 รายการล่าสุด"; fi
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=""; [ -n "$(git status --porcelain 2>/dev/null)" ] && dirty=" (มีการแก้ไขที่ยังไม่ commit / with local changes)"
{
  echo "# itawb $VERSION — อ่านก่อน (release note)"
  echo
  echo "สร้างเมื่อ $(date -u +%Y-%m-%d) จาก commit $commit$dirty"
  echo
  echo "## ในโฟลเดอร์นี้ — What is here"
  echo
  for f in "$STAGE"/*; do
    n=$(basename "$f")
    case "$n" in
      *linux*.tar.gz) echo "- \`$n\` — โปรแกรมสำหรับ Linux (Debian 12) / the command line for Linux" ;;
      itawb.oxt) echo "- \`$n\` — ส่วนเสริมเมนู ITA สำหรับ LibreOffice Calc / the Calc extension" ;;
      itawb-windows.zip) echo "- \`$n\` — โปรแกรมสำหรับ Windows แตกไฟล์แล้วใช้ได้เลย / itawb.exe for Windows" ;;
      itawb.html) echo "- \`$n\` — หน้าเว็บที่ใช้ได้โดยไม่ต้องต่ออินเทอร์เน็ต / the offline page" ;;
      excel-addin) echo "- \`$n/\` — Add-in สำหรับ Excel (วางบนเว็บ HTTPS ที่ $ADDIN_BASE/) / the Excel add-in" ;;
      itawb-guide-th.html) echo "- \`$n\` — คู่มือเจ้าหน้าที่ (เปิดด้วยเบราว์เซอร์) / the officer's guide" ;;
    esac
  done
  echo "- \`SHA256SUMS\` — ค่าตรวจสอบไฟล์ / checksums"
  if [ ${#SKIPPED[@]} -gt 0 ]; then
    echo
    echo "## ไม่ได้สร้างในรุ่นนี้ — Not built in this release"
    echo
    echo "เครื่องที่ทำรุ่นนี้ไม่มีเครื่องมือหรือส่วนประกอบที่จำเป็นสำหรับไฟล์ต่อไปนี้ ขอรับจากรุ่นที่ทำบนเครื่องที่มีครบ"
    echo "*The machine that made this release lacked what these need:*"
    echo
    for s in "${SKIPPED[@]}"; do echo "- $s"; done
  fi
  echo
  echo "## การเปลี่ยนแปลง ($range_th) — Changes"
  echo
  # shellcheck disable=SC2086
  git log --no-merges --format='- %s (%h)' $range 2>/dev/null || echo "- (ไม่มีประวัติ git / no git history)"
} > "$STAGE/อ่านก่อน-RELEASE.md"
row อ่านก่อน-RELEASE.md built "changes: git log $range"

# 7. Into place, with SHA256SUMS ------------------------------------------
(cd "$STAGE" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | tr '\n' '\0' |
   xargs -0 sha256sum > SHA256SUMS)
row SHA256SUMS built "$(wc -l < "$STAGE/SHA256SUMS") files"
rm -rf "$D.old"; [ -e "$D" ] && mv "$D" "$D.old"
mv "$STAGE" "$D" && rm -rf "$D.old"
say "wrote $D"

# 8. The checks -----------------------------------------------------------
CHECK=()  # "name<TAB>ok|FAILED|not checked<TAB>detail"
check() { CHECK+=("$1"$'\t'"$2"$'\t'"$3"); }
C="$WORK/check"; mkdir -p "$C"
if (cd "$D" && sha256sum --quiet -c SHA256SUMS) >>"$LOG" 2>&1; then check SHA256SUMS ok "every file matches"; else check SHA256SUMS FAILED "sha256sum -c"; fi

if tar -C "$C" -xzf "$D/$LINUX.tar.gz" 2>>"$LOG" &&
   out=$("$C/$LINUX/bin/itawb" analyze "$C/$LINUX/examples/thungthong-2567.xlsx" -o "$C/linux-out.xlsx" --json -q 2>>"$LOG"); then
  total=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["overall"]["score"])' 2>/dev/null)
  if [ -s "$C/linux-out.xlsx" ] && [ -n "$total" ] && [ "$total" != None ]; then
    check "$LINUX.tar.gz" ok "unpacked; bin/itawb analyze on the bundled example: total $total"
  else
    check "$LINUX.tar.gz" FAILED "the bundled example gave no total"
  fi
else
  check "$LINUX.tar.gz" FAILED "unpacking or analyze failed (see $LOG)"
fi

if [ -f "$D/itawb.oxt" ]; then
  if ! unzip -tq "$D/itawb.oxt" >>"$LOG" 2>&1; then
    check itawb.oxt FAILED "unzip -t"
  elif ! unzip -p "$D/itawb.oxt" description.xml | grep -q "<version value=\"$VERSION\"/>"; then
    check itawb.oxt FAILED "description.xml does not carry $VERSION"
  elif [ -n "$WIN_EXE" ] && ! unzip -l "$D/itawb.oxt" | grep -q ' bin/itawb.exe$'; then
    check itawb.oxt FAILED "no bin/itawb.exe inside"
  elif ! command -v soffice >/dev/null; then
    check itawb.oxt "not checked" "no LibreOffice (soffice) to install it in"
  elif [ "$(id -u)" -eq 0 ]; then
    # unopkg refuses root without --shared: the office's own ExtensionManager, every command dispatched.
    # Without a pyenv Python's own bin/ on PATH (as a Python parent puts it there): with it
    # LibreOffice's addExtension fails with std::bad_alloc.
    lo_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/\.pyenv/versions/' | paste -sd:)
    PATH=$lo_path /usr/bin/python3 tests/e2e/calc/test_oxt.py --oxt "$D/itawb.oxt" --itawb "$ITAWB" > "$C/oxt.log" 2>&1
    rc=$?; cat "$C/oxt.log" >> "$LOG"
    case $rc in
      0) check itawb.oxt ok "installed in a headless LibreOffice (throwaway profile), every ITA command run: $(tail -1 "$C/oxt.log")" ;;
      77) check itawb.oxt "not checked" "$(tail -1 "$C/oxt.log")" ;;
      *) check itawb.oxt FAILED "tests/e2e/calc/test_oxt.py (see $LOG)" ;;
    esac
  elif timeout 300 unopkg add -f "-env:UserInstallation=file://$C/lo-profile" "$D/itawb.oxt" >>"$LOG" 2>&1 &&
       timeout 120 unopkg list "-env:UserInstallation=file://$C/lo-profile" 2>>"$LOG" | grep -q "org.itawb.calc"; then
    check itawb.oxt ok "unopkg add in a throwaway profile: listed as org.itawb.calc $VERSION"
  else
    check itawb.oxt FAILED "unopkg add (see $LOG)"
  fi
fi

if [ -f "$D/itawb-windows.zip" ]; then
  mkdir -p "$C/win"
  if unzip -q "$D/itawb-windows.zip" -d "$C/win" 2>>"$LOG" && [ -f "$C/win/itawb/itawb.exe" ]; then
    if command -v wine >/dev/null; then
      got=$(cd "$C/win/itawb" && WINEDEBUG=-all timeout 300 wine itawb.exe --version 2>/dev/null | tr -d '\r')
      if [ "$got" = "itawb $VERSION" ]; then check itawb-windows.zip ok "unzipped; itawb.exe --version under wine: $got"
      else check itawb-windows.zip FAILED "itawb.exe --version under wine says '$got'"; fi
    else
      check itawb-windows.zip ok "unzipped: itawb/itawb.exe and its resources (not run: no wine)"
    fi
  else
    check itawb-windows.zip FAILED "unzip or itawb/itawb.exe missing"
  fi
fi

if [ -f "$D/itawb.html" ]; then
  if ! grep -q "<span id=\"version\">$VERSION</span>" "$D/itawb.html"; then
    check itawb.html FAILED "the footer does not show $VERSION"
  elif [ -x /usr/bin/chromium ] && [ -d hosts/web/node_modules/playwright-core ]; then
    if ITAWB_PAGE="$D/itawb.html" ITAWB_NATIVE="$ITAWB" NODE_PATH="$ROOT/hosts/web/node_modules" \
         node tests/e2e/web/page_test.js >>"$LOG" 2>&1; then
      check itawb.html ok "opened from disk in Chromium and used end to end (tests/e2e/web/page_test.js)"
    else
      check itawb.html FAILED "tests/e2e/web/page_test.js (see $LOG)"
    fi
  else
    check itawb.html "not checked" "footer shows $VERSION; no Chromium or hosts/web/node_modules to open it"
  fi
fi
if [ -d "$D/excel-addin" ]; then
  if /usr/bin/python3 tests/e2e/web/manifest_check.py "$D/excel-addin/manifest.xml" >>"$LOG" 2>&1; then
    check excel-addin/ ok "manifest.xml checked (tests/e2e/web/manifest_check.py)"
  else
    check excel-addin/ FAILED "manifest_check.py (see $LOG)"
  fi
fi
if [ -f "$D/itawb-guide-th.html" ]; then
  if grep -qE '<img[^>]+src="(https?:|[^d"][^a"])' "$D/itawb-guide-th.html"; then
    check itawb-guide-th.html FAILED "a picture is not inside the file"
  else
    unlinked=()
    for f in "$LINUX.tar.gz" itawb.oxt itawb-windows.zip itawb.html excel-addin/manifest.xml; do
      [ -e "$D/$f" ] && ! grep -qF "href=\"$f\"" "$D/itawb-guide-th.html" && unlinked+=("$f")
    done
    if [ ${#unlinked[@]} -gt 0 ]; then
      check itawb-guide-th.html FAILED "does not link ${unlinked[*]}"
    else
      check itawb-guide-th.html ok "$(grep -o '<img ' "$D/itawb-guide-th.html" | wc -l) pictures inside, opens offline, links every form built"
    fi
  fi
fi

# 9. The table ------------------------------------------------------------
failed=0
echo
echo "itawb $VERSION -> $D"
printf '%-40s %-8s %-12s %s\n' "artefact" "built" "checked" "detail"
for r in "${ROWS[@]}"; do
  IFS=$'\t' read -r name state detail <<<"$r"
  c="-"; cdetail=""
  for k in "${CHECK[@]}"; do
    IFS=$'\t' read -r kn ks kd <<<"$k"
    [ "$kn" = "$name" ] && { c=$ks; cdetail=$kd; }
  done
  [ "$state" = FAILED ] && failed=1
  [ "$c" = FAILED ] && failed=1
  case "$state" in
    skipped) printf '%-40s %-8s %-12s %s\n' "$name" "no" "-" "skipped: $detail" ;;
    *) printf '%-40s %-8s %-12s %s\n' "$name" "$state" "$c" "$detail${cdetail:+; $cdetail}" ;;
  esac
done
for k in "${CHECK[@]}"; do  # a check of a file the table has no row for (SHA256SUMS has one)
  IFS=$'\t' read -r kn ks kd <<<"$k"; [ "$ks" = FAILED ] && failed=1
done
echo "log: $LOG"
exit $failed
