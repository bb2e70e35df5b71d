#!/usr/bin/env bash
# Issue 23: itawb's speed beside the Python peer (openpyxl + XlsxWriter,
# ../shared/peers), every figure in one run, as one table:
#   start-up (`itawb --version`), `validate` and `analyze` of one agency,
#   `batch` of N generated agencies with every workbook and --summary-only,
#   peak memory, and a 300 MB deflate bomb given to `analyze`.
#
#   bash bench/speed.sh            # 21 runs of each short step, 3 of each batch, N=2000
#   bash bench/speed.sh --short    # 7 runs, 1 batch run of 200 agencies (a minute or two)
#
# Each figure is the MEDIAN wall time of the runs (bench/timer.py: the whole
# process, start-up included) and the largest peak resident set of the runs
# (wait4's ru_maxrss, the figure `/usr/bin/time -v` prints as "Maximum
# resident set size"; for the peer's batch that is its largest process, the
# workers being forked children). The machine's load is printed before and
# after: other builds on the same cores slow both sides alike, so read the
# ratio, taken in the same run.
#
# Environment: BUILD (build folder with itawb, default build), PEERS
# (default ../shared/peers), PYTHON (needs openpyxl and xlsxwriter; default
# /usr/bin/python3), N (agencies for batch), RUNS, BATCH_RUNS, JOBS (threads
# and peer processes, default: cores), DATA (generated agencies, kept
# between runs; default /tmp/itawb-batch-N), BOMB_MIB (default 300),
# PEER_BOMB_TIMEOUT (seconds the peer is given on the bomb, default 120;
# 30 with --short). The bomb is made here, in a temporary folder removed at
# exit, never committed. Not run by the tests or CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHORT=0
for a in "$@"; do
  case "$a" in
    --short) SHORT=1 ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "speed.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done
BUILD=${BUILD:-$ROOT/build}
PEERS=${PEERS:-$ROOT/../shared/peers}
PYTHON=${PYTHON:-/usr/bin/python3}
JOBS=${JOBS:-$(nproc)}
BOMB_MIB=${BOMB_MIB:-300}
if (( SHORT )); then
  N=${N:-200} RUNS=${RUNS:-7} BATCH_RUNS=${BATCH_RUNS:-1} PEER_BOMB_TIMEOUT=${PEER_BOMB_TIMEOUT:-30}
else
  N=${N:-2000} RUNS=${RUNS:-21} BATCH_RUNS=${BATCH_RUNS:-3} PEER_BOMB_TIMEOUT=${PEER_BOMB_TIMEOUT:-120}
fi
ITAWB=$BUILD/itawb
TIMER=("$PYTHON" "$ROOT/bench/timer.py")
[[ -x "$ITAWB" ]] || { echo "no $ITAWB: build first (bash scripts/build.sh --target itawb)"; exit 2; }
[[ -f "$PEERS/pipeline.py" ]] || { echo "no peers in $PEERS (../shared/peers)"; exit 2; }
"$PYTHON" -c 'import openpyxl, xlsxwriter' 2> /dev/null ||
  { echo "$PYTHON lacks openpyxl or xlsxwriter (apt-get install python3-openpyxl python3-xlsxwriter)"; exit 2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/itawb-speed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
DATA=${DATA:-/tmp/itawb-batch-$N}
if [[ ! -f "$DATA/agency-$(printf %05d "$N").xlsx" ]]; then
  echo "generating $N agencies into $DATA ..." >&2
  "$PYTHON" "$PEERS/gen_agencies.py" "$N" "$DATA" --jobs "$JOBS" >&2
fi
ONE=$DATA/agency-00001.xlsx
echo "making a $BOMB_MIB MiB deflate bomb ..." >&2
"$PYTHON" "$ROOT/bench/make_bomb.py" "$ONE" "$TMP/bomb.xlsx" "$BOMB_MIB"
"$PYTHON" "$ROOT/bench/make_bomb.py" "$ONE" "$TMP/bomb-lying.xlsx" "$BOMB_MIB" --lie

echo "itawb: $("$ITAWB" --version), $(ldd "$ITAWB" 2> /dev/null | grep -c '=>' || true) shared libraries; peer: $("$PYTHON" -c 'import openpyxl, xlsxwriter, sys; print(f"Python {sys.version.split()[0]}, openpyxl {openpyxl.__version__}, XlsxWriter {xlsxwriter.__version__}")')"
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $RUNS of each one-file step, $BATCH_RUNS of each batch ($N agencies, $JOBS jobs); bomb $(du -k "$TMP/bomb.xlsx" | cut -f1) KB -> $BOMB_MIB MiB"
echo

# measure KEY RUNS [timer options] -- command: keeps the timer's line as KEY.
declare -A R
measure() {
  local key=$1 runs=$2; shift 2
  R[$key]=$("${TIMER[@]}" "$runs" "$@")
  printf '  %-16s %s\n' "$key" "${R[$key]}" >&2
}
get() { grep -o "$2=[^ ]*" <<< "${R[$1]}" | cut -d= -f2; }

# The peer's start-up: the interpreter, openpyxl and XlsxWriter imported, argparse's help.
measure version "$RUNS" -- "$ITAWB" --version
measure peer_version "$RUNS" -- "$PYTHON" "$PEERS/pipeline.py" --help
# validate: the peer has no check; reading every cell (openpyxl read_only) is its floor.
measure validate "$RUNS" -- "$ITAWB" validate "$ONE"
measure peer_validate "$RUNS" -- "$PYTHON" "$PEERS/read_only.py" "$ONE"
measure analyze "$RUNS" -- "$ITAWB" analyze "$ONE" -o "$TMP/one.xlsx"
measure peer_analyze "$RUNS" -- "$PYTHON" "$PEERS/pipeline.py" "$ONE" "$TMP/one-peer.xlsx"
measure batch "$BATCH_RUNS" --warmup 0 --prep "rm -rf '$TMP/b'" -- \
  "$ITAWB" batch "$DATA" -o "$TMP/b" --jobs "$JOBS" -q
measure summary "$BATCH_RUNS" --warmup 0 --prep "rm -rf '$TMP/b'" -- \
  "$ITAWB" batch "$DATA" -o "$TMP/b" --jobs "$JOBS" -q --summary-only
measure peer_batch "$BATCH_RUNS" --warmup 0 --prep "rm -rf '$TMP/b'" -- \
  "$PYTHON" "$PEERS/batch.py" "$DATA" "$TMP/b" --jobs "$JOBS"
rm -rf "$TMP/b"
measure bomb 3 --warmup 0 -- "$ITAWB" analyze "$TMP/bomb.xlsx" -o "$TMP/bomb-out.xlsx"
measure bomb_lying 3 --warmup 0 -- "$ITAWB" analyze "$TMP/bomb-lying.xlsx" -o "$TMP/bomb-out.xlsx"
measure peer_bomb 1 --warmup 0 --timeout "$PEER_BOMB_TIMEOUT" -- \
  "$PYTHON" "$PEERS/pipeline.py" "$TMP/bomb.xlsx" "$TMP/bomb-peer.xlsx"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

ms() { awk -v s="$1" 'BEGIN { printf (s < 1 ? "%.1f ms" : "%.2f s"), (s < 1 ? s * 1000 : s) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else printf "-" }'; }
# row LABEL KEY PEER_KEY TARGET: medians, wall and (cpu: user + system).
row() {
  local w c pw pc
  w=$(get "$2" wall_median) c=$(get "$2" cpu_median)
  if [[ "$3" == - ]]; then
    printf '| %s | %s (%s) | %s | - | - | - | %s |\n' "$1" "$(ms "$w")" "$(ms "$c")" "$(mb "$(get "$2" peak_kib)")" "$4"
    return
  fi
  pw=$(get "$3" wall_median) pc=$(get "$3" cpu_median)
  local peer_time="$(ms "$pw") ($(ms "$pc"))" peer_ratio="$(ratio "$w" "$pw") ($(ratio "$c" "$pc"))"
  if [[ "$(get "$3" exit)" == timeout ]]; then peer_time="> $(ms "$pw") (stopped)" peer_ratio="> $(ratio "$w" "$pw")"; fi
  printf '| %s | %s (%s) | %s | %s | %s | %s | %s |\n' "$1" "$(ms "$w")" "$(ms "$c")" "$(mb "$(get "$2" peak_kib)")" \
    "$peer_time" "$(mb "$(get "$3" peak_kib)")" "$peer_ratio" "$4"
}

echo "| step | itawb wall (cpu) | itawb peak | peer wall (cpu) | peer peak | peer / itawb, wall (cpu) | target |"
echo "|---|---|---|---|---|---|---|"
row "start-up (\`--version\`; peer: imports + \`--help\`)" version peer_version "≤ 3 ms"
row "\`validate\` one agency (peer: read every cell)" validate peer_validate "≤ 8 ms"
row "\`analyze\` one agency" analyze peer_analyze "≤ 20 ms, ≥ 18x"
row "\`batch\` $N agencies, every workbook" batch peer_batch "≥ 5x"
row "\`batch\` $N agencies, \`--summary-only\` (peer: every workbook)" summary peer_batch "≥ 15x"
row "$BOMB_MIB MiB deflate bomb, \`analyze\`" bomb peer_bomb "≤ 2 s, ≤ 200 MB"
row "the same bomb, zip sizes lying (2 KiB declared)" bomb_lying - "≤ 2 s, ≤ 200 MB"
echo
echo "load after: $load_after; itawb exit codes: bomb $(get bomb exit), lying bomb $(get bomb_lying exit); peer on the bomb: $(get peer_bomb exit)"
