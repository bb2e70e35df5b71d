#!/usr/bin/env bash
# A cross-built command line against the native one, on the bundled examples,
# the .xls and .ods fixtures (tests/fixtures/xls, tests/fixtures/ods) and a copy
# named "แบบฟอร์ม ITA ๒๕๖๘.xlsx":
#   bash hosts/cross/compare.sh --runner node   build-wasm/itawb.js under node (hosts/wasm/build.sh)
#   bash hosts/cross/compare.sh --runner wine   itawb.exe under wine, from build-win/itawb-windows.zip
#                                               (hosts/windows/build.sh) unpacked into a folder with
#                                               a Thai name and a space, without ITAWB_HOME: it finds
#                                               its resources beside itself
# analyze (workbook cell by cell, --json byte for byte), validate --json,
# template, split, merge and (but under node) batch must give the same results, and the same
# file names on disk (Thai names read and written through the wide Windows API
# under wine, listed here from Linux). With wine, also วิเคราะห์.bat as an
# officer uses it. Needs build/itawb (native: bash scripts/build.sh --target itawb).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNNER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runner) RUNNER=${2:-}; shift 2 ;;
    --runner=*) RUNNER=${1#*=}; shift ;;
    *) echo "usage: compare.sh --runner node|wine" >&2; exit 2 ;;
  esac
done
NATIVE=$ROOT/${NATIVE:-build/itawb}
[ -x "$NATIVE" ] || { echo "compare.sh: no $NATIVE (bash scripts/build.sh --target itawb)" >&2; exit 2; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
unset ITAWB_HOME
case "$RUNNER" in
  wine)
    ZIP=$ROOT/${ZIP:-build-win/itawb-windows.zip}
    [ -f "$ZIP" ] || { echo "compare.sh: no $ZIP (bash hosts/windows/build.sh)" >&2; exit 2; }
    # wine: its own prefix (made once, kept), quiet, no Mono/Gecko prompts, and
    # Unix file names as UTF-8.
    export WINEPREFIX=${WINEPREFIX:-$HOME/.cache/itawb/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
    APP="$T/โปรแกรม ITA"
    /usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$APP"
    cross() { wine "$APP/itawb/itawb.exe" "$@"; }
    BATCH=1
    SHOWN=("$APP/itawb/itawb.exe" "$ZIP") ;;
  node)
    WASM=$ROOT/${WASM:-build-wasm/itawb.js}
    [ -f "$WASM" ] || { echo "compare.sh: no $WASM (bash hosts/wasm/build.sh)" >&2; exit 2; }
    export NODE_PATH=/usr/share/nodejs
    cross() { node --no-experimental-fetch "$WASM" "$@"; }
    # No batch: its workers are threads, and the WebAssembly build has none
    # (the page does not offer batch).
    BATCH=0
    SHOWN=("$WASM" "${WASM%.js}.wasm") ;;
  *) echo "usage: compare.sh --runner node|wine" >&2; exit 2 ;;
esac
t0=$(date +%s%N); cross --version > /dev/null 2>&1 || true
echo "$RUNNER start: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
run() {  # run native|cross ARGS...: in $T/native or $T/cross, on the same relative paths;
  # each exit code is logged (out/exit-codes.txt, compared like the outputs)
  local who=$1 rc=0; shift
  if [ "$who" = native ]; then (cd "$T/native" && ITAWB_HOME=$ROOT "$NATIVE" "$@") || rc=$?
  else (cd "$T/cross" && cross "$@") || rc=$?; fi
  echo "$1 ${*: -1}: $rc" >> "$T/$who/out/exit-codes.txt"
  return $rc
}
fail=0
same_file() {  # same_file PATH: $T/native/PATH against $T/cross/PATH
  local a="$T/native/$1" b="$T/cross/$1"
  [ -f "$a" ] || { echo "MISSING (native): $1"; fail=1; return; }
  [ -f "$b" ] || { echo "MISSING ($RUNNER): $1"; fail=1; return; }
  case "$1" in
    # batch orders its rows by ICU's Thai collation, which the Windows build
    # (ICU's common part only, as wasm) does not have, and writes Windows
    # paths into its cells: its JSON is compared as sets below.
    "out/ผล batch/"*|out/batch.json) return ;;
    # split's record of what it wrote: the same files (their SHA-256 is of
    # each build's own bytes, which differ in the zip's deflate and times).
    out/split/*.itawb-split.json) printf '%s: ' "$1"
      /usr/bin/python3 -c 'import json, sys
a, b = (sorted(json.load(open(p, encoding="utf-8"))["files"]) for p in sys.argv[1:])
print(f"the same {len(a)} files") if a == b else sys.exit(f"DIFFERENT files: {a} {b}")' "$a" "$b" || fail=1 ;;
    out/split/*) printf '%s: ' "$1"; /usr/bin/python3 hosts/cross/compare.py "$a" "$b" --split || fail=1 ;;
    *.xlsx) printf '%s: ' "$1"; /usr/bin/python3 hosts/cross/compare.py "$a" "$b" || fail=1 ;;
    *) if cmp -s "$a" "$b"; then echo "$1: same bytes"; else echo "DIFFERENT: $1"; diff "$a" "$b" | head -10 || true; fail=1; fi ;;
  esac
}
THAI="แบบฟอร์ม ITA ๒๕๖๘.xlsx"
for who in native cross; do
  mkdir -p "$T/$who/in" "$T/$who/out"
  cp workbooks/examples/*.xlsx "$T/$who/in/"
  # The same examples as saved by LibreOffice and Gnumeric (.xls, .ods).
  cp tests/fixtures/xls/thungthong-*.xls tests/fixtures/ods/thungthong-*.ods "$T/$who/in/"
  cp workbooks/examples/patueng-2568-progress.xlsx "$T/$who/in/$THAI"
  chmod a-w "$T/$who/in/"*
done
examples=$(cd workbooks/examples && ls *.xlsx | sed 's/\.xlsx$//')
copies=$(cd tests/fixtures && ls xls/thungthong-*.xls ods/thungthong-*.ods | sed 's#^[a-z]*/##')
declare -A ms
for who in native cross; do
  for ex in $examples $copies; do
    in=in/$ex; [ -f "$T/$who/$in" ] || in=$in.xlsx
    t0=$(date +%s%N)
    run $who analyze "$in" -o "out/$ex.xlsx" --as-of 2025-10-21 --json -q > "$T/$who/out/$ex.json" || true
    ms[$who.$ex]=$(( ($(date +%s%N) - t0) / 1000000 ))
    run $who validate "$in" --json > "$T/$who/out/$ex.validate.json" 2>/dev/null || true
  done
  # The Thai name in, the default Thai output name out (beside the input), and -o with a Thai name.
  run $who analyze "in/$THAI" --as-of 2025-10-21 --json -q > "$T/$who/out/thai.json" || true
  run $who analyze "in/$THAI" -o "out/ผลการวิเคราะห์ ๒๕๖๘.xlsx" --as-of 2025-10-21 -q || true
  run $who validate "in/$THAI" --json > "$T/$who/out/thai.validate.json" 2>/dev/null || true
  run $who template -o "out/แบบฟอร์มเปล่า.xlsx" -q > /dev/null || fail=1
  run $who template --year 2568 -o out/template-2568.xlsx -q > /dev/null || fail=1
  run $who split in/patueng-2569-plan.xlsx --by owner -o out/split --as-of 2025-10-21 -q > "$T/$who/out/split.txt" 2>&1 || true
  run $who split "in/$THAI" --by owner -o "out/split/ส่งกอง ๒๕๖๘" --as-of 2025-10-21 -q > "$T/$who/out/split-thai.txt" 2>&1 || true
  mapfile -t returns < <(cd "$T/$who" && ls out/split/*.xlsx)
  mapfile -t thai_returns < <(cd "$T/$who" && ls "out/split/ส่งกอง ๒๕๖๘/"*.xlsx)
  if [ $who = native ]; then  # a department fills in its copy: the same return for both sides
    /usr/bin/python3 - "$T/native/out/split/มาตรการ-กองคลัง.xlsx" "$T/คืน กองคลัง.xlsx" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["ความก้าวหน้า"]
ws["D5"], ws["E5"], ws["I5"], ws["J5"] = "ดำเนินการแล้ว", "ลดขั้นตอนเหลือ ๓ ขั้น", "นางสาวทดสอบ", datetime.date(2025, 1, 10)
ws["D6"], ws["E6"] = "อยู่ระหว่างดำเนินการ", "กำลังปรับปรุงระบบ"
wb.save(sys.argv[2])
PY
  fi
  cp "$T/คืน กองคลัง.xlsx" "$T/$who/in/"
  mapfile -t others < <(printf '%s\n' "${returns[@]}" | grep -v 'กองคลัง')
  run $who merge in/patueng-2569-plan.xlsx "in/คืน กองคลัง.xlsx" "${others[@]}" -o "out/รวม ๒๕๖๙.xlsx" > "$T/$who/out/merge.txt" 2>&1 || true
  # The returns of the other plan are refused, by file name, in the merge report.
  run $who merge "in/$THAI" "${thai_returns[@]}" "${returns[@]}" -o out/merge-thai.xlsx > "$T/$who/out/merge-thai.txt" 2>&1 || true
  # batch over the whole in/ folder, two threads; its progress lines (rates) are not compared.
  if [ "$BATCH" = 1 ]; then
    run $who batch in -o "out/ผล batch" --as-of 2025-10-21 --json -j2 > "$T/$who/out/batch.json" 2> "$T/$who.batch.log" || true
    sed -i 's/"seconds": [0-9.e+-]*/"seconds": 0/' "$T/$who/out/batch.json"
  fi
  # Printed text: Windows writes CRLF to stdout and its own separator in
  # paths (an escaped \\ in JSON); compared with LF and '/'.
  sed -i 's/\r$//; s#\\\\#/#g' "$T/$who/out/"*.json
  sed -i 's/\r$//; s#\\#/#g' "$T/$who/out/"*.txt
done
# With wine, วิเคราะห์.bat as an officer uses it: a Thai-named workbook dropped
# on it (no --as-of: today, for both sides).
if [ "$RUNNER" = wine ]; then
mkdir -p "$T/bat/native" "$T/bat/win"
cp workbooks/examples/thungthong-2567.xlsx "$T/bat/win/ตัวอย่าง ๑.xlsx"
cp workbooks/examples/thungthong-2567.xlsx "$T/bat/native/ตัวอย่าง ๑.xlsx"
# (`call`: cmd /c would strip the first and the last quote of the line.)
(cd "$T/bat/win" && wine cmd /c call "$(winepath -w "$APP/itawb/วิเคราะห์.bat")" "ตัวอย่าง ๑.xlsx" < /dev/null > "$T/bat/bat.log" 2>&1) || true
(cd "$T/bat/native" && ITAWB_HOME=$ROOT "$NATIVE" analyze "ตัวอย่าง ๑.xlsx" -q) || true
if [ -f "$T/bat/win/ตัวอย่าง ๑-itawb.xlsx" ]; then
  printf 'วิเคราะห์.bat -> ตัวอย่าง ๑-itawb.xlsx: '
  /usr/bin/python3 hosts/cross/compare.py "$T/bat/native/ตัวอย่าง ๑-itawb.xlsx" "$T/bat/win/ตัวอย่าง ๑-itawb.xlsx" || fail=1
else echo "วิเคราะห์.bat wrote no ตัวอย่าง ๑-itawb.xlsx:"; cat "$T/bat/bat.log" || true; ls "$T/bat/win"; fail=1; fi
fi
for ex in $examples $copies; do echo "analyze $ex: native ${ms[native.$ex]} ms, $RUNNER ${ms[cross.$ex]} ms"; done
# The same files, by name, on both sides: Thai names written as UTF-16 by
# itawb.exe are the same UTF-8 names on Linux (no mojibake, nothing missing).
(cd "$T/native" && find . -type f | LC_ALL=C sort) > "$T/native.files"
(cd "$T/cross" && find . -type f | LC_ALL=C sort) > "$T/cross.files"
if cmp -s "$T/native.files" "$T/cross.files"; then echo "same $(wc -l < "$T/cross.files") file names on disk"
else echo "DIFFERENT file names on disk:"; diff "$T/native.files" "$T/cross.files" || true; fail=1; fi
written=("in/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx" "out/ผลการวิเคราะห์ ๒๕๖๘.xlsx" "out/แบบฟอร์มเปล่า.xlsx" "out/รวม ๒๕๖๙.xlsx")
[ "$BATCH" = 0 ] || written+=("out/ผล batch/สรุปผลการประเมิน-รวม.xlsx" "out/ผล batch/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx")
for f in "${written[@]}"; do
  if [ -f "$T/cross/$f" ]; then echo "written by the $RUNNER build: $f"; else echo "NOT WRITTEN by the $RUNNER build: $f"; fail=1; fi
done
n_split=$(grep -c '^\./out/split/.*\.xlsx$' "$T/cross.files" || true)
[ "$n_split" -ge 6 ] && echo "split: $n_split department files" || { echo "split wrote $n_split department files"; fail=1; }
while IFS= read -r f; do
  f=${f#./}
  case "$f" in in/*.xlsx) [ "$f" = "in/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx" ] || continue ;; *.files|out/returns.txt) continue ;; esac
  same_file "$f"
done < "$T/cross.files"
# The inputs are untouched.
for ex in $examples; do cmp -s "workbooks/examples/$ex.xlsx" "$T/cross/in/$ex.xlsx" || { echo "CHANGED input: $ex"; fail=1; }; done
for ex in $copies; do cmp -s tests/fixtures/*/"$ex" "$T/cross/in/$ex" || { echo "CHANGED input: $ex"; fail=1; }; done
# batch: the same files analysed to the same results, in any order.
[ "$BATCH" = 0 ] || /usr/bin/python3 - "$T" <<'PY' || fail=1
import json, sys
t = sys.argv[1]
def rows(who):
    doc = json.load(open(f"{t}/{who}/out/batch.json", encoding="utf-8"))
    items = {k: sorted(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in v) if isinstance(v, list) else v
             for k, v in doc.items()}
    return items
a, b = rows("native"), rows("cross")
assert a == b, [k for k in a if a[k] != b.get(k)]
print(f"out/batch.json: the same {len(a)} fields (rows in any order)")
PY
# Real outcomes, not just "the same": the cross build's merge took the filled
# rows, the Thai copy analyses as its original, and the .xls and .ods copies
# of thungthong-2567 give its figures.
/usr/bin/python3 - "$T/cross/out/รวม ๒๕๖๙.xlsx" <<'PY' || fail=1
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["ความก้าวหน้า"]
rows = [r for r in ws.iter_rows(values_only=True) if "ลดขั้นตอนเหลือ ๓ ขั้น" in r or "กำลังปรับปรุงระบบ" in r]
assert len(rows) == 2, rows
assert all("กองคลัง" in r for r in rows), rows
print("merge: the 2 rows filled in by กองคลัง are in its ความก้าวหน้า")
PY
/usr/bin/python3 - "$T" <<'PY' || fail=1
import json, sys
t = sys.argv[1]
thai = open(f"{t}/cross/out/thai.json", encoding="utf-8").read()
orig = open(f"{t}/cross/out/patueng-2568-progress.json", encoding="utf-8").read()
assert json.loads(thai)["output"] == "in/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx", json.loads(thai)["output"]
thai = thai.replace("in/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx", "out/patueng-2568-progress.xlsx")
thai = thai.replace("แบบฟอร์ม ITA ๒๕๖๘.xlsx", "patueng-2568-progress.xlsx")
assert json.loads(thai) == json.loads(orig), "the Thai-named copy analyses differently from its original"
print("the Thai-named copy: the same analysis as patueng-2568-progress, written to in/แบบฟอร์ม ITA ๒๕๖๘-itawb.xlsx")
PY
/usr/bin/python3 - "$T" $copies <<'PY' || fail=1
import json, sys
t, copies = sys.argv[1], sys.argv[2:]
def figures(name):
    doc = json.load(open(f"{t}/cross/out/{name}.json", encoding="utf-8"))
    return doc["overall"], {k: v["score"] for k, v in doc["tools"].items()}
want = figures("thungthong-2567")
for name in (o for o in copies if o.startswith("thungthong-2567.")):
    assert figures(name) == want, f"{name}: {figures(name)} != {want}"
    print(f"{name}: the figures of thungthong-2567.xlsx (score {want[0]['score']:.2f})")
PY
grep -H . "$T/cross/out/merge.txt" | head -5
ls -l "${SHOWN[@]}"
[ $fail = 0 ] && echo "hosts/cross/compare.sh --runner $RUNNER: all the same" || echo "hosts/cross/compare.sh --runner $RUNNER: FAILED"
exit $fail
