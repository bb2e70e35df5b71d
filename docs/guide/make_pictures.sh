#!/usr/bin/env bash
# The guide's pictures, made from real runs so that they stay true:
#   - the printed pages: itawb analyze --pdf on the bundled example (LibreOffice), page by page (pdftoppm);
#   - the blank form as LibreOffice prints it (itawb template, soffice --convert-to pdf, pdftoppm);
#   - the page's analysis in Chromium (tests/e2e/web/results_test.js --screenshot: results.js on the
#     native analyze --json, each part as the officer sees it);
#   - the real page (the WebAssembly build) after an analysis, when it is built here
#     (docs/guide/page_picture.js), else the committed one, saying so;
#   - the Calc extension in a real LibreOffice window on a virtual display (docs/guide/calc_pictures.py
#     on its own Xvfb display, Thai interface): the ITA menu open, the dialogs of ตรวจ and วิเคราะห์.
#
#   bash docs/guide/make_pictures.sh [ITAWB [DIR]]   (default build/itawb; writes DIR/*.png,
#                                                    docs/guide/img by default; the test: a temporary DIR)
#
# Needs soffice, pdftoppm, node with hosts/web/node_modules (cd hosts/web && npm ci),
# /usr/bin/chromium, and for Calc: the .oxt built beside ITAWB (itawb.oxt), Xvfb, xdotool,
# ImageMagick's import, LibreOffice with its window (libreoffice-calc) and its Thai interface
# (libreoffice-l10n-th): scripts/install-deps.sh installs them all. Each outside program is
# given 2-5 minutes (timeout): one that hangs fails this script, naming it, within ctest's limit.
# Fails (exit 1) when a picture cannot be made: no picture is kept from an
# earlier run without saying so. Small on purpose: -r 50-60 PNGs, first pages only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ITAWB=${1:-$ROOT/build/itawb}
IMG=${2:-docs/guide/img}
T=$(mktemp -d "${TMPDIR:-/tmp}/itawb-pictures-XXXXXX"); trap 'rm -rf "$T"' EXIT
fail() { echo "make_pictures.sh: $*" >&2; exit 1; }
for tool in soffice pdftoppm pdftotext pdfinfo node Xvfb xdotool import; do command -v $tool >/dev/null || fail "$tool is not installed: a picture cannot be made"; done
[ -x "$ITAWB" ] || fail "no $ITAWB (bash scripts/build.sh --target itawb)"
[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium (apt-get install chromium)"
[ -d hosts/web/node_modules/playwright-core ] || fail "no hosts/web/node_modules (cd hosts/web && npm ci)"
OXT=$(dirname "$ITAWB")/itawb.oxt
[ -s "$OXT" ] || fail "no $OXT (cmake --build build --target itawb_oxt)"
mkdir -p "$IMG"
png() {  # png PDF PAGE RES OUT: one page of a PDF as a PNG
  pdftoppm -png -r "$3" -f "$2" -l "$2" -singlefile "$1" "$T/page" || fail "pdftoppm $1 page $2"
  mv "$T/page.png" "$4"
}

# 1. The printed pages of the example's analysis: the memo and the summary.
echo "-- the printed analysis"
cp workbooks/examples/thungthong-2567.xlsx "$T/thungthong-2567.xlsx"
"$ITAWB" analyze "$T/thungthong-2567.xlsx" -o "$T/result.xlsx" --as-of 2025-10-21 --pdf "$T/result.pdf" -q ||
  [ $? -eq 1 ] || fail "itawb analyze --pdf failed"
[ -s "$T/result.pdf" ] || fail "itawb analyze --pdf wrote no PDF"
pages=$(pdfinfo "$T/result.pdf" | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 3 ] || fail "the printed analysis has ${pages:-0} pages"
png "$T/result.pdf" 1 50 "$IMG/printed-memo.png"
# The summary's first page: the first page whose running head names it.
summary=""
for ((i = 2; i <= pages; i++)); do
  if pdftotext -f "$i" -l "$i" "$T/result.pdf" - | head -5 | grep -q "สรุปผลการประเมิน"; then summary=$i; break; fi
done
[ -n "$summary" ] || fail "no page of the printed analysis is headed สรุปผลการประเมิน"
png "$T/result.pdf" "$summary" 50 "$IMG/printed-results.png"

# 2. The blank form, as LibreOffice prints its first page.
echo "-- the blank form"
"$ITAWB" template -o "$T/แบบฟอร์มเปล่า.xlsx" -q || fail "itawb template failed"
timeout -k 10 120 soffice "-env:UserInstallation=file://$T/lo-profile" --headless --convert-to pdf --outdir "$T" "$T/แบบฟอร์มเปล่า.xlsx" \
  > "$T/soffice.log" 2>&1 || fail "soffice could not print the blank form: $(cat "$T/soffice.log")"
[ -s "$T/แบบฟอร์มเปล่า.pdf" ] || fail "soffice wrote no PDF of the blank form"
png "$T/แบบฟอร์มเปล่า.pdf" 1 50 "$IMG/template.png"

# 3. The page's analysis in Chromium (the same render the test checks).
echo "-- the results in Chromium"
NODE_PATH="$ROOT/hosts/web/node_modules" ITAWB_NATIVE="$ITAWB" timeout -k 10 120 node tests/e2e/web/results_test.js --screenshot "$IMG" \
  > "$T/results.log" 2>&1 || fail "the results page could not be rendered: $(tail -5 "$T/results.log")"
# 4. The Calc extension in a real window (its own Xvfb display, the Thai interface).
echo "-- the Calc pictures"
timeout -k 10 300 /usr/bin/python3 docs/guide/calc_pictures.py --oxt "$OXT" --out "$IMG" > "$T/calc.log" 2>&1 ||
  fail "the Calc pictures could not be made: $(tail -8 "$T/calc.log")"
# 5. The real page after an analysis: the offline page (the WebAssembly build, ITAWB_PAGE or
# build-wasm/itawb.html) in Chromium. Without that build on this machine (its dependencies take
# an hour: docs/testing.md) the committed picture is kept, and this says so.
PAGE_HTML=${ITAWB_PAGE:-$ROOT/build-wasm/itawb.html}
if [ -s "$PAGE_HTML" ]; then
  echo "-- the real page"
  NODE_PATH="$ROOT/hosts/web/node_modules" timeout -k 10 120 node docs/guide/page_picture.js "$PAGE_HTML" "$IMG/page-after-analysis.png" \
    > "$T/page.log" 2>&1 || fail "the page could not be photographed: $(tail -5 "$T/page.log")"
else
  echo "make_pictures.sh: no $PAGE_HTML (hosts/wasm/build.sh): page-after-analysis.png kept from an earlier run"
  [ -s docs/guide/img/page-after-analysis.png ] || fail "no page-after-analysis.png and no page to make it from"
  [ "$IMG" -ef docs/guide/img ] || cp docs/guide/img/page-after-analysis.png "$IMG/"
fi
for f in printed-memo printed-results template calc-menu calc-validate calc-analyze results-tools results-indicators results-deficiencies results-measures results-departments; do
  [ -s "$IMG/$f.png" ] || fail "$IMG/$f.png was not made"
  find "$IMG/$f.png" -newer "$T/result.pdf" | grep -q . || [ "$f" = printed-memo ] || [ "$f" = printed-results ] ||
    fail "$IMG/$f.png is older than this run"
done
ls -l "$IMG"
