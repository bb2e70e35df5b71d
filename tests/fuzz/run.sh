#!/usr/bin/env bash
# A fuzzing campaign by hand (README "Fuzzing"):
#
#   tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER_ARGS...]
#
# TARGET is reader, check, return or text. Builds build-fuzz/ with clang,
# libFuzzer, ASan and UBSan if needed, runs the target over its committed
# corpus (tests/fuzz/corpus/TARGET, read only) with its dictionary, writes new
# inputs and crashes to a scratch directory ($ITAWB_FUZZ_SCRATCH, default
# /tmp/itawb-fuzz-TARGET), and prints executions, exec/s and coverage at the
# end. Runs niced; use -jobs=/-workers= for more processes.
set -euo pipefail
# The whole script is one block, read before it runs: editing this file
# during a half-hour campaign cannot change what the running one does.
{
[ $# -ge 2 ] || { echo "usage: tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER_ARGS...]" >&2; exit 2; }
target="$1"; seconds="$2"; shift 2
root="$(cd "$(dirname "$0")/../.." && pwd)"
# max_len: a workbook up to 64 KB (every committed input and an agency's
# real workbook, 15-40 KB, fit; a zip bomb needs far less); what a person
# types in a cell up to 1 KB. Longer inputs only make each run slower, not
# the parsers' paths new.
case "$target" in
  reader|check|return) dict="$root/tests/fuzz/dict/ooxml.dict"; max_len=65536 ;;
  text) dict="$root/tests/fuzz/dict/thai-periods.dict"; max_len=1024 ;;
  *) echo "run.sh: unknown target '$target' (reader, check, return, text)" >&2; exit 2 ;;
esac
build="${ITAWB_FUZZ_BUILD:-$root/build-fuzz}"
if [ ! -x "$build/tests/fuzz/fuzz_$target" ] || [ -n "${ITAWB_FUZZ_REBUILD:-}" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DITAWB_FUZZ=ON -DITAWB_SANITIZE=ON \
    -DITAWB_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  nice -n 19 cmake --build "$build" --target "fuzz_$target" -j2 >/dev/null
fi
scratch="${ITAWB_FUZZ_SCRATCH:-/tmp/itawb-fuzz-$target}"
mkdir -p "$scratch/corpus" "$scratch/crashes"
log="$scratch/fuzz.log"
# New inputs go to the first corpus directory (scratch); the committed one is read.
set +e
# A 16 MB quarantine and 8 frames per allocation: a use after free within
# one input is still caught, at about a third more executions per second
# than ASan's defaults (256 MB, 30 frames). Run a crash again with the
# defaults for full stacks: build-fuzz/tests/fuzz/fuzz_TARGET CRASH_FILE.
ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=16:malloc_context_size=8:${ASAN_OPTIONS:-}" \
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}" \
nice -n 19 "$build/tests/fuzz/fuzz_$target" "$scratch/corpus" "$root/tests/fuzz/corpus/$target" \
  -dict="$dict" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=25 \
  -artifact_prefix="$scratch/crashes/" -print_final_stats=1 "$@" >"$log" 2>&1
status=$?
set -e
last=$(grep -E '^#[0-9]+' "$log" | tail -1)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
echo "target=$target seconds=$seconds status=$status execs=${execs:-?} exec/s=${rate:-?}"
echo "last: $last"
echo "log: $log; new inputs: $scratch/corpus; crashes: $scratch/crashes ($(ls "$scratch/crashes" | wc -l))"
exit "$status"
}
