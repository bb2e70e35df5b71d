#!/usr/bin/env bash
# The officer's guide's pictures are made from real runs (docs/guide/
# make_pictures.sh) into a temporary folder: every picture the guide shows is
# made, a PNG of a real size, and the guide shows every picture made.
# Exit 77 (skipped) only when a tool the script needs is missing.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ITAWB=${1:?usage: guide_pictures_test.sh ITAWB}
for tool in soffice pdftoppm node Xvfb xdotool import; do command -v $tool >/dev/null || { echo "skipped: no $tool"; exit 77; }; done
[ -x /usr/bin/chromium ] && [ -d "$ROOT/hosts/web/node_modules/playwright-core" ] ||
  { echo "skipped: no chromium or hosts/web/node_modules"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# Its output as it comes, so that a run ctest stops at its limit still shows how far it got.
bash "$ROOT/docs/guide/make_pictures.sh" "$ITAWB" "$T/img" 2>&1 || { echo "FAIL: make_pictures.sh"; exit 1; }
fail=0
shown=$(grep -o 'img/[^)]*\.png' "$ROOT/docs/guide/guide.md" | sed 's#img/##' | sort -u)
for f in $shown; do
  if [ ! -s "$T/img/$f" ]; then echo "FAIL: the guide shows $f, which the script did not make"; fail=1; continue; fi
  # A PNG of a real size: its IHDR width and height (bytes 16-23), at least 300 x 150.
  read -r w h < <(od -An -tu1 -j16 -N8 "$T/img/$f" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  if [ "$w" -lt 300 ] || [ "$h" -lt 150 ]; then echo "FAIL: $f is $w x $h"; fail=1; else echo "ok    $f $w x $h"; fi
done
for f in "$T"/img/*.png; do
  grep -q "img/$(basename "$f")" "$ROOT/docs/guide/guide.md" || { echo "FAIL: $(basename "$f") is made but not in the guide"; fail=1; }
done
[ "$(echo "$shown" | wc -w)" -ge 8 ] || { echo "FAIL: the guide shows fewer than 8 pictures"; fail=1; }
exit $fail
