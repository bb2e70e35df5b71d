#!/usr/bin/env bash
# One command for a new machine: install, build everything (library, CLI and
# the test suite), run the whole test suite, then the hostile-input stages:
#
#   1. tests       the normal build (build/) and all of ctest
#   2. sanitizers  gcc, ASan + UBSan (-fno-sanitize-recover=undefined, leaks
#                  on; tests/lsan.supp) in build-asan/, ctest again (not the
#                  LibreOffice, release, page and guide tests)
#   3. fuzz        clang + libFuzzer (build-fuzz/): each fuzz target over its
#                  committed corpus (tests/fuzz/corpus/TARGET, every input once),
#                  then ITAWB_FUZZ_SECONDS (default 30) of mutation from it
#                  (fuzz_xls, FreeXL's: ITAWB_FUZZ_XLS_SECONDS, default 0)
#   4. threads     gcc, ThreadSanitizer (build-tsan/): the batch tests, whose
#                  worker threads share the resources, with 1 and 4 threads
#   5. web         the WebAssembly build, the page in Chromium, the Excel
#                  task pane against office-addin-mock (tests/e2e/web/run.sh)
#   6. windows     itawb.exe cross-built with mingw-w64 (hosts/windows/: tools,
#                  dependencies cached in ~/.cache/itawb/mingw-<hash> by
#                  hosts/cross/deps.sh, build,
#                  the user zip) and run under wine against the native build
#                  (hosts/cross/compare.sh --runner wine)
#
# ITAWB_STAGES picks stages; by default all six run, in that order, within
# CI's hour: the last two only where their cross-built dependencies are
# cached (see cross_ready below), and every stage after the first only when
# the time left in ITAWB_BUDGET (seconds, default 3300) is more than its
# usual time.
# A failed stage does not stop the ones after it. Each stage prints its time
# ("== stage NAME: passed in N s"), a skipped one says why on its own line,
# and the run ends with a table of every stage (passed, FAILED, skipped and
# why) and the line "stages: N passed, N failed, N skipped"; the exit code is
# 1 when any stage failed.
set -euo pipefail
cd "$(dirname "$0")/.."
stages="${ITAWB_STAGES:-tests sanitizers fuzz threads web windows}"
jobs="$(nproc)"
begun=$(date +%s)
budget="${ITAWB_BUDGET:-3300}"
# Usual time of the optional stages on a 2-core machine with warm caches
# (their own builds included), in seconds.
# Every stage after the first is skipped, with a line saying so, when less
# of the budget is left than it usually takes (a cold ccache, after a change
# of compiler flags, can double the checked builds): CI's run never passes
# its hour and a half.
declare -A usual=([sanitizers]=900 [fuzz]=420 [threads]=420 [web]=1200 [windows]=1500)
# The sanitizer, thread and fuzz builds are CMakePresets.json's asan, tsan and
# fuzz: -O1 and line tables only, which is what their reports need, at half
# the compile time of -O2 -g.

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# stage NAME FUNCTION: runs FUNCTION with `set -e` in a subshell, so a failure
# ends the stage, not the run. A stage skips itself by writing its reason to
# "$results/NAME.skip" and returning 0.
stage() {
  local name="$1" start left rc
  shift
  start=$(date +%s)
  left=$(( budget - (start - begun) ))
  if [ -n "${usual[$name]:-}" ] && [ "$left" -lt "${usual[$name]}" ]; then
    echo "${left} s left of ITAWB_BUDGET=${budget}, it usually takes ${usual[$name]} s" > "$results/$name.skip"
  else
    echo "== stage $name"
    set +e
    ( set -e; export ITAWB_STAGE_SKIP="$results/$name.skip" ITAWB_STAGE_DETAIL="$results/$name.detail"; "$@" )
    rc=$?
    set -e
    [ "$rc" -eq 0 ] || echo "failed (exit $rc)" > "$results/$name.fail"
  fi
  local secs=$(( $(date +%s) - start ))
  if [ -e "$results/$name.fail" ]; then
    echo "== stage $name: FAILED in $secs s"
  elif [ -e "$results/$name.skip" ]; then
    echo "== stage $name: SKIPPED: $(cat "$results/$name.skip")"
  else
    echo "$secs" > "$results/$name.pass"
    echo "== stage $name: passed in $secs s"
  fi
}

# ctest_in DIR ARGS...: ctest over the build in DIR. When tests fail, their
# names and the last lines of each one's output also go to the stage's
# detail, which the closing table repeats: CI keeps only the end of a run.
ctest_in() {
  local dir="$1"
  shift
  ctest --test-dir "$dir" --output-on-failure "$@" && return 0
  failed_tests "$dir/Testing/Temporary" >> "$ITAWB_STAGE_DETAIL"
  return 1
}

# failed_tests DIR: each test ctest last named failed (DIR/LastTestsFailed.log,
# "N:name" lines), the last 25 lines of its output and how long it ran
# (DIR/LastTest.log).
failed_tests() {
  local name
  [ -s "$1/LastTestsFailed.log" ] || { echo "    (ctest names no failed test: see its output above)"; return 0; }
  while IFS= read -r name; do
    name="${name#*:}"
    echo "    test failed: $name"
    awk -v name="$name" '
      /^[0-9]+\/[0-9]+ Test: / { current = substr($0, index($0, " Test: ") + 7); next }
      $0 == "Output:" && current == name { taking = 1; getline; next }
      taking && $0 == "<end of output>" { taking = 0; getline; took = $0; next }
      taking { kept[++n] = $0 }
      END {
        for (i = (n > 25 ? n - 24 : 1); i <= n; i++) print "      | " kept[i]
        sub(/^Test time = +/, "", took); if (took != "") print "      (it ran " took ")"
      }' "$1/LastTest.log"
  done < "$1/LastTestsFailed.log"
}

# The closing table: every stage asked for, what became of it.
summary() {
  local passed=0 failed=0 skipped=0 s
  echo "== summary"
  for s in $stages; do
    if [ -e "$results/$s.fail" ]; then
      printf '  %-11s FAILED\n' "$s"; failed=$((failed + 1))
      cat "$results/$s.detail" 2>/dev/null || true
    elif [ -e "$results/$s.skip" ]; then
      printf '  %-11s skipped: %s\n' "$s" "$(cat "$results/$s.skip")"; skipped=$((skipped + 1))
    elif [ -e "$results/$s.pass" ]; then
      printf '  %-11s passed in %s s%s\n' "$s" "$(cat "$results/$s.pass")" "$(cat "$results/$s.note" 2>/dev/null)"
      passed=$((passed + 1))
    fi
  done
  echo "stages: $passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}

tests_stage() {
  bash scripts/build.sh -DITAWB_BUILD_TESTS=ON
  # The page's results and the task pane in Chromium need hosts/web's npm
  # packages (Playwright's core, office-addin-mock); without them those two
  # tests say they skip.
  if command -v npm >/dev/null && [ ! -d hosts/web/node_modules/playwright-core ]; then
    (cd hosts/web && npm ci --no-audit --no-fund --loglevel=error) ||
      echo "run-tests.sh: npm ci in hosts/web failed: the page's tests will be skipped"
  fi
  ctest_in build -j"$jobs" | tee "$results/tests.log"
  # ctest counts a skipped test among the passed ones: say so in the summary.
  local skipped
  skipped=$(grep -c '(Skipped)' "$results/tests.log" || true)
  if [ "$skipped" -gt 0 ]; then
    echo " ($skipped tests skipped: they read ../shared, which is absent)" > "$results/tests.note"
  fi
}

sanitizers_stage() {
  cmake --preset asan >/dev/null
  cmake --build build-asan -j"$jobs"
  # Not the Calc extension's, the release's, the page's or the guide's tests:
  # they run the native build's binary and LibreOffice, Chromium or node, which
  # the other tests already cover; the library's code runs under the
  # sanitizers in every other test.
  ctest_in build-asan -j"$jobs" -LE "libreoffice|release|web|guide"
}

threads_stage() {
  cmake --preset tsan >/dev/null
  cmake --build build-tsan -j"$jobs" --target itawb test_e2e
  # halt_on_error: a data race fails the test instead of a line in its log;
  # tests/tsan.supp: what is not a race of ours (each entry says why).
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp" \
    ctest_in build-tsan -j"$jobs" -R "^e2e: ?batch" --no-tests=error
}

# The cross builds' dependencies take 20-55 minutes to build on 2 cores the
# first time (ICU is most of it), more than CI's hour allows beside the other
# stages; hosts/cross/deps.sh keeps them in a prefix named by the hash of its
# recipe (it prints that prefix with --print-prefix, building nothing), so a
# machine that built them once runs these stages in minutes.
# Without the prefix a stage says so and is skipped, unless ITAWB_CROSS_DEPS=build.
cross_ready() {  # cross_ready wasm|mingw: the cached prefix is complete
  local prefix
  prefix="$(bash hosts/cross/deps.sh --target "$1" --print-prefix)"
  if [ -e "$prefix/.complete" ] || [ "${ITAWB_CROSS_DEPS:-cached}" = build ]; then return 0; fi
  echo "its dependencies are not built on this machine ($prefix): bash hosts/cross/deps.sh --target $1 builds them once, or ITAWB_CROSS_DEPS=build here" \
    > "$ITAWB_STAGE_SKIP"
  return 1
}

web_stage() {
  cross_ready wasm || return 0
  bash tests/e2e/web/run.sh
}

windows_stage() {
  cross_ready mingw || return 0
  local t
  t=$(date +%s); bash hosts/windows/install-tools.sh; echo "-- windows tools: $(( $(date +%s) - t )) s"
  t=$(date +%s); bash hosts/cross/deps.sh --target mingw; echo "-- windows deps: $(( $(date +%s) - t )) s"
  t=$(date +%s); bash hosts/windows/build.sh; echo "-- windows build: $(( $(date +%s) - t )) s"
  # The native command line to compare with (already built by the tests stage).
  t=$(date +%s); bash scripts/build.sh --target itawb; echo "-- native itawb: $(( $(date +%s) - t )) s"
  t=$(date +%s); bash hosts/cross/compare.sh --runner wine; echo "-- windows test: $(( $(date +%s) - t )) s"
}

fuzz_stage() {
  cmake --preset fuzz >/dev/null
  local targets=(reader check return text xls)
  cmake --build build-fuzz -j"$jobs" --target "${targets[@]/#/fuzz_}"
  local scratch
  scratch="$(mktemp -d)"
  for t in "${targets[@]}"; do
    local dict=tests/fuzz/dict/ooxml.dict max_len=65536 seconds=${ITAWB_FUZZ_SECONDS:-30}
    [ "$t" = text ] && dict=tests/fuzz/dict/thai-periods.dict max_len=1024
    # FreeXL 1.0.6 (Debian 12's) still faults on crafted .xls files under
    # mutation (four found and patched so far: docs/testing.md): its corpus
    # runs every time, its mutation only when asked for.
    [ "$t" = xls ] && seconds=${ITAWB_FUZZ_XLS_SECONDS:-0}
    echo "-- fuzz_$t: the corpus, then $seconds s$([ "$t" = xls ] && [ "$seconds" = 0 ] && echo " (ITAWB_FUZZ_XLS_SECONDS=N to mutate: FreeXL is not hardened yet)")"
    mkdir -p "$scratch/$t"
    # -runs=0: every corpus input once (the regressions, crashes kept there).
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz/fuzz_$t -runs=0 -artifact_prefix="$scratch/" "tests/fuzz/corpus/$t" \
      2>"$scratch/$t.corpus.log" || { cat "$scratch/$t.corpus.log"; return 1; }
    [ "$seconds" -gt 0 ] || continue
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz/fuzz_$t "$scratch/$t" "tests/fuzz/corpus/$t" \
      -dict="$dict" -max_total_time="$seconds" -max_len="$max_len" \
      -rss_limit_mb=2048 -timeout=25 -artifact_prefix="$scratch/" -print_final_stats=1 \
      2>"$scratch/$t.log" || { tail -60 "$scratch/$t.log"; echo "fuzz_$t: see $scratch"; return 1; }
    grep -E '^#[0-9]+.*DONE|stat::(number_of_executed_units|average_exec_per_sec)' "$scratch/$t.log"
  done
  rm -rf "$scratch"
}

bash scripts/install-deps.sh
# Every build goes through ccache (install-deps.sh installs it): CMake takes
# the launcher from the environment, for gcc, clang, emcc and mingw alike, so
# a second run on the same machine rebuilds little.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"
  # Paths relative to the checkout: a clone elsewhere on the machine (CI's)
  # reuses what another compiled.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
fi
for s in $stages; do
  case "$s" in
    tests) stage tests tests_stage ;;
    sanitizers) stage sanitizers sanitizers_stage ;;
    fuzz) stage fuzz fuzz_stage ;;
    threads) stage threads threads_stage ;;
    web) stage web web_stage ;;
    windows) stage windows windows_stage ;;
    *) echo "run-tests.sh: unknown stage '$s' (tests, sanitizers, fuzz, threads, web, windows)" >&2; exit 2 ;;
  esac
done
summary
