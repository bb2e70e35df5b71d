#!/bin/sh
# bench/run.sh [ROWS] [COLS]: builds the benches in build-bench, writes a
# workbook and times our reader against openpyxl read_only.
set -e
ROWS=${1:-200000}
COLS=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DITAWB_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target gen_workbook read_bench >/dev/null
FILE=${TMPDIR:-/tmp}/itawb-bench-$ROWS-$COLS.xlsx
[ -f "$FILE" ] || "$BUILD/bench/gen_workbook" "$FILE" "$ROWS" "$COLS"
ls -l "$FILE"
echo "itawb:"
"$BUILD/bench/read_bench" "$FILE"
echo "openpyxl read_only:"
/usr/bin/python3 - "$FILE" <<'PY'
import resource, sys, time, openpyxl
t = time.time()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += sum(v is not None for v in row)
s = time.time() - t
print(f"{n} cells in {s:.3f} s = {n / s / 1e6:.2f} M cells/s, peak RSS "
      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")
PY
