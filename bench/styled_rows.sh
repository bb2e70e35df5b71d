#!/usr/bin/env bash
# Issue 26, 7: a workbook whose extra sheet is formatted down to row
# 1,048,576 (1,048,550 empty rows, each with a row format and three empty
# cells of a style, made by tests/support/add_sheets.py from the bundled
# example). Prints the wall time and peak memory of `itawb validate` and
# `itawb analyze` on it (GNU time -v).
#
#   bench/styled_rows.sh
#
# Figures on the 2-core build machine (shared with other builds), input
# 11 MB, before -> after the reader kept formats only near content
# (xlsx::kStyledMargin, 200 rows):
#   validate   0.17 s, 12.7 MB ->  0.23 s, 12.6 MB  (it reads only the standard sheets)
#   analyze   55.0 s, 1,153 MB -> 12.8 s, 13.6 MB  (output 9.1 MB -> 42 KB)
#   batch -j1 refused by its 2,000,000-cell limit -> analysed, 16 MB peak
#             (29.6 s while another build ran)
#
# Environment: BUILD (build folder with the itawb binary, default build),
# PYTHON (default /usr/bin/python3). Not run by the tests or CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
PYTHON=${PYTHON:-/usr/bin/python3}
ITAWB=$BUILD/itawb
[[ -x "$ITAWB" ]] || { echo "no $ITAWB: build first (cmake --build $BUILD --target itawb)"; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/itawb-styled-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/spec.json" <<'JSON'
{"sheets": [{"name": "ข้อมูลเพิ่ม", "cells": [["A1", "รายการของหน่วยงาน"], ["A2", "แถวที่สอง"], ["B2", 42]],
             "styled_rows": [27, 1048576, 1, 3]}]}
JSON
"$PYTHON" "$ROOT/tests/support/add_sheets.py" "$ROOT/workbooks/examples/thungthong-2567.xlsx" "$TMP/styled.xlsx" "$TMP/spec.json"
echo "input: $(du -h "$TMP/styled.xlsx" | cut -f1)"

measure() {  # label, command...
  local label=$1
  shift
  /usr/bin/time -v "$@" >/dev/null 2>"$TMP/time" || true
  printf '%-9s %8s s  %8s MB peak\n' "$label" \
    "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$TMP/time")" \
    "$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$TMP/time")"
}
# Its 111 MiB sheet part is over the default 32 MiB per part (issue 23).
measure validate "$ITAWB" validate --large-files "$TMP/styled.xlsx"
measure analyze "$ITAWB" analyze --large-files "$TMP/styled.xlsx" -o "$TMP/out.xlsx"
