#!/usr/bin/env bash
# Times `itawb batch` (with --summary-only: "summary"; with every agency's
# workbook: "itawb") against the Python peer (../shared/peers/batch.py:
# openpyxl + XlsxWriter, one process per core) on the same generated agency
# workbooks, and prints both times, the ratio, files per second and peak
# memory.
#
#   bench/batch.sh                 # 1,000 and 8,317 agencies (the nation, 2568)
#   COUNTS="200" bench/batch.sh
#
# Environment: BUILD (build folder with the itawb binary, default build),
# COUNTS (agency counts), JOBS (threads / processes, default: cores),
# PEERS (folder of the peers, default ../shared/peers), PYTHON (must have
# openpyxl and xlsxwriter; default /usr/bin/python3), DATA (where the
# generated workbooks are kept between runs, default /tmp/itawb-batch-N),
# SKIP_PEER=1 runs itawb only. Not run by the tests or CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
COUNTS=${COUNTS:-"1000 8317"}
JOBS=${JOBS:-$(nproc)}
PEERS=${PEERS:-$ROOT/../shared/peers}
PYTHON=${PYTHON:-/usr/bin/python3}
ITAWB=$BUILD/itawb
[[ -x "$ITAWB" ]] || { echo "no $ITAWB: build first (cmake --build $BUILD --target itawb)"; exit 2; }
[[ -f "$PEERS/gen_agencies.py" ]] || { echo "no $PEERS/gen_agencies.py (../shared/peers)"; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/itawb-batch-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Runs a command under /usr/bin/time; prints "seconds peak_kib".
timed() {
  local log=$1; shift
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%e %M" -o "$log.time" "$@" > "$log" 2>&1 || true
    cat "$log.time"
  else
    local t0=$(date +%s.%N); "$@" > "$log" 2>&1 || true
    echo "$(echo "$(date +%s.%N) - $t0" | bc) 0"
  fi
}

printf "%-8s %-8s %10s %10s %12s %12s\n" agencies tool seconds files/s peak_MiB ratio
for n in $COUNTS; do
  data=${DATA:-/tmp/itawb-batch-$n}
  if [[ ! -f "$data/agency-$(printf %05d "$n").xlsx" ]]; then
    echo "generating $n agencies into $data ..." >&2
    "$PYTHON" "$PEERS/gen_agencies.py" "$n" "$data" --jobs "$JOBS" >&2
  fi
  # The summary alone (what a provincial office reads), then with every
  # agency's analysis workbook as well (what the peer writes).
  read -r sum_s sum_kib < <(timed "$TMP/summary-$n.log" "$ITAWB" batch "$data" -o "$TMP/summary-$n" --jobs "$JOBS" -q --summary-only)
  printf "%-8s %-8s %10.2f %10.1f %12.1f %12s\n" "$n" summary "$sum_s" "$(echo "$n / $sum_s" | bc -l)" \
    "$(echo "$sum_kib / 1024" | bc -l)" "-"
  rm -rf "$TMP/summary-$n"
  read -r it_s it_kib < <(timed "$TMP/itawb-$n.log" "$ITAWB" batch "$data" -o "$TMP/itawb-$n" --jobs "$JOBS" -q)
  printf "%-8s %-8s %10.2f %10.1f %12.1f %12s\n" "$n" itawb "$it_s" "$(echo "$n / $it_s" | bc -l)" \
    "$(echo "$it_kib / 1024" | bc -l)" "-"
  rm -rf "$TMP/itawb-$n"
  if [[ "${SKIP_PEER:-0}" != 1 ]]; then
    read -r py_s py_kib < <(timed "$TMP/peer-$n.log" "$PYTHON" "$PEERS/batch.py" "$data" "$TMP/peer-$n" --jobs "$JOBS")
    printf "%-8s %-8s %10.2f %10.1f %12.1f %11.1fx\n" "$n" peer "$py_s" "$(echo "$n / $py_s" | bc -l)" \
      "$(echo "$py_kib / 1024" | bc -l)" "$(echo "$py_s / $it_s" | bc -l)"
    printf "%-8s %-8s %10s %10s %12s %11.1fx\n" "$n" "peer/sum" - - - "$(echo "$py_s / $sum_s" | bc -l)"
    rm -rf "$TMP/peer-$n"
  fi
done
echo "(peak memory: /usr/bin/time's maximum resident set of the main process; the peer's workers are forked processes not counted there)" >&2
