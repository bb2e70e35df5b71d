#!/usr/bin/env bash
# Benchmarks itawb's xlsx writer and reader against openpyxl and prints a table.
#
#   bench/run.sh                      # 100k, 500k and 1M rows × 10 (openpyxl: 100k only)
#   SIZES="100000 200000" bench/run.sh
#
# Environment: BUILD (build folder, default build-bench), SIZES (row counts,
# ascending), COLS (default 10), PY_MAX_ROWS (largest size openpyxl runs on;
# it is ~30x slower), PYTHON (must have openpyxl; default /usr/bin/python3),
# KEEP=1 keeps the generated workbooks.
#
# Every program prints one "name cells=… seconds=… cpu_seconds=… cells_per_s=…
# peak_rss_mib=…" line; this script collects those lines. Wall-clock rates
# depend on the machine's load: the CPU-second rate is the steadier figure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
SIZES=${SIZES:-"100000 500000 1000000"}
COLS=${COLS:-10}
PY_MAX_ROWS=${PY_MAX_ROWS:-100000}
PYTHON=${PYTHON:-/usr/bin/python3}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/itawb-bench.XXXXXX")
if [[ "${KEEP:-0}" == 1 ]]; then echo "workbooks kept in $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi
RESULTS=$TMP/results.txt
: > "$RESULTS"

echo "== build ($BUILD)"
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$TMP/configure.log"
fi
cmake --build "$BUILD" --target gen_workbook read_bench -j2 > "$TMP/build.log" ||
  { tail -30 "$TMP/build.log"; exit 1; }
GEN=$BUILD/bench/gen_workbook
READ=$BUILD/bench/read_bench

if ! "$PYTHON" -c 'import openpyxl' 2> /dev/null; then
  echo "note: $PYTHON has no openpyxl: openpyxl rows skipped"
  PY_MAX_ROWS=0
fi

echo "== load before: $(uptime)"

# run LABEL COMMAND...: runs a step, keeps its figures line (last line that
# has cells=) as "LABEL|key=value ...", echoes its output.
run() {
  local label=$1; shift
  local out
  out=$("$@") || { echo "FAILED: $*" >&2; exit 1; }
  echo "   $label: $(grep 'cells=' <<< "$out" | tail -1)"
  echo "$label|$(grep 'cells=' <<< "$out" | tail -1)" >> "$RESULTS"
  grep '^types ' <<< "$out" | tail -1 > "$TMP/last_types" || true
}

# figure LABEL KEY: a value from the results file.
figure() {
  grep -F "$1|" "$RESULTS" | tail -1 | grep -o "$2=[0-9.]*" | cut -d= -f2
}

for rows in $SIZES; do
  echo "== $rows rows × $COLS columns"
  sst=$TMP/sst_$rows.xlsx inline=$TMP/inline_$rows.xlsx
  run "write itawb shared-strings $rows" "$GEN" "$sst" "$rows" "$COLS"
  run "write itawb streaming $rows" "$GEN" "$inline" "$rows" "$COLS" --streaming
  echo "   files: $(du -h "$sst" | cut -f1) (shared strings), $(du -h "$inline" | cut -f1) (inline strings)"
  run "read itawb stream $rows" "$READ" "$sst"
  itawb_types=$(cat "$TMP/last_types")
  run "read itawb stream inline-strings $rows" "$READ" "$inline"
  run "read itawb materialise $rows" "$READ" "$sst" --materialise
  if (( rows <= PY_MAX_ROWS )); then
    run "write openpyxl write-only $rows" "$PYTHON" "$ROOT/bench/openpyxl_write.py" \
      "$TMP/openpyxl_$rows.xlsx" "$rows" "$COLS"
    run "read openpyxl read-only $rows" "$PYTHON" "$ROOT/bench/openpyxl_read.py" "$sst"
    py_types=$(cat "$TMP/last_types")
    if [[ "$itawb_types" == "$py_types" ]]; then
      echo "   cell counts by type agree: $itawb_types"
    else
      echo "   MISMATCH: itawb $itawb_types, openpyxl $py_types"
    fi
  fi
  rm -f "$TMP/openpyxl_$rows.xlsx"
  [[ "${KEEP:-0}" == 1 ]] || rm -f "$inline"
done

echo "== load after: $(uptime)"
echo
printf '%-44s %11s %8s %8s %12s %12s %9s\n' step cells wall_s cpu_s cells/s cells/cpu_s peak_MiB
while IFS='|' read -r label line; do
  cells=$(grep -o 'cells=[0-9]*' <<< "$line" | head -1 | cut -d= -f2)
  wall=$(grep -o ' seconds=[0-9.]*' <<< "$line" | cut -d= -f2)
  cpu=$(grep -o 'cpu_seconds=[0-9.]*' <<< "$line" | cut -d= -f2)
  peak=$(grep -o 'peak_rss_mib=[0-9.]*' <<< "$line" | cut -d= -f2)
  awk -v l="$label" -v c="$cells" -v w="$wall" -v u="$cpu" -v p="$peak" 'BEGIN {
    printf "%-44s %11d %8.2f %8.2f %12.0f %12.0f %9.1f\n", l, c, w, u, (w > 0 ? c / w : 0), (u > 0 ? c / u : 0), p }'
done < "$RESULTS"

# Memory check: the streaming reader's peak must not grow with the file the way
# the cell count does (the shared-string pool is the same size in every file).
set -- $SIZES
if (( $# >= 2 )); then
  small=${@: -2:1} large=${@: -1}
  echo
  cells_ratio=$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.2f", b / a }')
  status=0
  for mode in stream materialise; do
    p_small=$(figure "read itawb $mode $small" peak_rss_mib)
    p_large=$(figure "read itawb $mode $large" peak_rss_mib)
    ratio=$(awk -v a="$p_small" -v b="$p_large" 'BEGIN { printf "%.2f", b / a }')
    echo "memory: read $mode: $small rows ${p_small} MiB, $large rows ${p_large} MiB" \
         "(x$ratio for x$cells_ratio the cells)"
    if [[ $mode == stream ]] &&
       awk -v r="$ratio" -v c="$cells_ratio" 'BEGIN { exit !(c >= 2 && r >= 1.5) }'; then
      echo "memory check FAILED: the streaming reader's peak grows with the file"
      status=1
    fi
  done
  (( status == 0 )) && echo "memory check passed: streaming peak RSS stays flat"
  exit $status
fi
