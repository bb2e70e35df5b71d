#!/usr/bin/env bash
# The WebAssembly command line under node against the native one, on the
# bundled examples: analyze (workbook cell by cell, and --json), validate,
# template and split must give the same results. Needs build/itawb (native)
# and build-wasm/itawb.js (hosts/wasm/build.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
NATIVE=${NATIVE:-build/itawb}; WASM=${WASM:-build-wasm/itawb.js}
export NODE_PATH=/usr/share/nodejs
node_itawb() { node --no-experimental-fetch "$WASM" "$@"; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
check() {  # check NAME: compares $T/native-NAME with $T/wasm-NAME
  if [ "${1##*.}" = xlsx ]; then /usr/bin/python3 hosts/wasm/compare.py "$T/native-$1" "$T/wasm-$1" || fail=1
  elif cmp -s "$T/native-$1" "$T/wasm-$1"; then echo "same: $1"; else echo "DIFFERENT: $1"; diff "$T/native-$1" "$T/wasm-$1" | head -10; fail=1; fi
}
for ex in thungthong-2567 patueng-2568-progress patueng-2569-plan; do
  in=workbooks/examples/$ex.xlsx
  for who in native wasm; do
    run=$([ $who = native ] && echo "$NATIVE" || echo node_itawb)
    t0=$(date +%s%N)
    $run analyze "$in" -o "$T/$who-$ex.xlsx" --as-of 2025-10-21 --json -q > "$T/$who-$ex.json" || true
    echo "$who analyze $ex: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
    sed -i 's#"output": *"[^"]*"#"output": ""#' "$T/$who-$ex.json"
    $run validate "$in" --json > "$T/$who-$ex.validate.json" 2>/dev/null || true
  done
  check "$ex.xlsx"; check "$ex.json"; check "$ex.validate.json"
done
for who in native wasm; do
  run=$([ $who = native ] && echo "$NATIVE" || echo node_itawb)
  $run template -o "$T/$who-template.xlsx" -q >/dev/null
done
check template.xlsx
ls -l build-wasm/itawb.wasm build-wasm/itawb.js
exit $fail
