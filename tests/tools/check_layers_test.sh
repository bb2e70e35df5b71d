#!/usr/bin/env bash
# Test of scripts/check-layers.sh on small fake trees built in a temp dir:
# a clean tree passes with an OK summary; a tree with back edges, a folder
# outside the order and getenv/data_dir outside src/cli/ fails with one line
# per problem; --order changes what is a back edge, "a|b" puts two folders
# on one floor; bad arguments exit 2.
#
#   tests/tools/check_layers_test.sh [path/to/check-layers.sh]
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
script="${1:-$here/../../scripts/check-layers.sh}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { echo "ok - $1"; }
fail() { echo "not ok - $1"; failures=$((failures + 1)); }

# put FILE TEXT...: write a file of the fake tree, one argument per line.
put() {
  local file="$1"
  shift
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$@" >"$file"
}

# run NAME ARGS...: run the script, keep its output in $out and status in $rc.
run() {
  out="$(bash "$script" "$@" 2>&1)"
  rc=$?
}

expect_rc() {  # expect_rc WANT NAME
  if [ "$rc" -eq "$1" ]; then pass "$2: exit $1"; else fail "$2: exit $rc, expected $1"$'\n'"$out"; fi
}

expect_line() {  # expect_line LINE NAME: LINE is an exact output line
  if grep -qxF -- "$1" <<<"$out"; then pass "$2: prints '$1'"; else fail "$2: no line '$1' in:"$'\n'"$out"; fi
}

expect_no_match() {  # expect_no_match REGEX NAME
  if grep -qE -- "$1" <<<"$out"; then fail "$2: unexpected /$1/ in:"$'\n'"$out"; else pass "$2: nothing matches /$1/"; fi
}

# ---------------------------------------------------------------- clean tree
clean="$tmp/clean"
put "$clean/src/base/error.hpp" '#pragma once' '#include <string>'
put "$clean/src/text/thai.hpp" '#pragma once' '#include "base/error.hpp"' '#include "text/width.hpp"'
put "$clean/src/text/width.hpp" '#pragma once'
put "$clean/src/ita/model.hpp" '#pragma once' '#include "text/thai.hpp"'
put "$clean/src/plan/plan.cpp" '#include "plan/plan.hpp"' '#  include "ita/model.hpp"' '#include "base/error.hpp"'
put "$clean/src/plan/plan.hpp" '#pragma once' '// plan may include ita: "ita/model.hpp"'
put "$clean/src/cli/main.cpp" '#include "plan/plan.hpp"' '#include <cstdlib>' \
  'const char* home() { return std::getenv("ITAWB_HOME"); }' 'auto d = data_dir();'
put "$clean/src/cli/sub/cmd.cpp" '#include "text/thai.hpp"'

run --root "$clean"
expect_rc 0 "clean tree"
expect_line "check-layers: OK: 6 cross-folder includes checked in 5 folders; no getenv or data_dir outside src/cli/" "clean tree"

# ------------------------------------------------------------ bad tree
bad="$tmp/bad"
cp -R "$clean" "$bad"
put "$bad/src/base/error.hpp" '#pragma once' '#include "text/thai.hpp"'           # back edge base -> text
put "$bad/src/ita/model.hpp" '#pragma once' '#include "text/thai.hpp"' '#include "plan/plan.hpp"'  # ita -> plan
put "$bad/src/model/m.cpp" '#include "core/files.hpp"'                              # core not in the order
put "$bad/src/core/files.hpp" '#pragma once' '#include "base/error.hpp"'            # core not in the order
put "$bad/src/text/width.hpp" '#pragma once' 'inline const char* h() { return getenv("HOME"); }'
put "$bad/src/plan/plan.hpp" '#pragma once' 'std::string data_dir();'

run --root "$bad"
expect_rc 1 "bad tree"
expect_line 'src/base/error.hpp:2: base -> text ("text/thai.hpp"): text is above base in the layer order' "bad tree"
expect_line 'src/ita/model.hpp:3: ita -> plan ("plan/plan.hpp"): plan is above ita in the layer order' "bad tree"
expect_line 'src/model/m.cpp:1: model -> core ("core/files.hpp"): core is not in the layer order' "bad tree"
expect_line 'src/core/files.hpp:2: core -> base ("base/error.hpp"): core is not in the layer order' "bad tree"
expect_line 'src/text/width.hpp:2: getenv outside src/cli/' "bad tree"
expect_line 'src/plan/plan.hpp:2: data_dir outside src/cli/' "bad tree"
expect_line 'check-layers: edge ita -> plan: plan is above ita in the layer order (1 include)' "bad tree"
expect_line 'check-layers: FAILED: 4 layer violations in 10 cross-folder includes; 2 getenv/data_dir uses outside src/cli/' "bad tree"
expect_no_match '^src/cli/' "bad tree (getenv in src/cli/ is allowed)"
expect_no_match 'plan -> ita' "bad tree (plan may include ita)"

# ------------------------------------------------------------- --order
run --root "$clean" --order "base text ita plan"
expect_rc 1 "clean tree, order without cli"
expect_line 'src/cli/main.cpp:1: cli -> plan ("plan/plan.hpp"): cli is not in the layer order' "clean tree, order without cli"

run --root "$clean" --order "base text plan ita cli"
expect_rc 1 "clean tree, ita above plan"
expect_line 'src/plan/plan.cpp:2: plan -> ita ("ita/model.hpp"): ita is above plan in the layer order' "clean tree, ita above plan"
expect_line 'check-layers: FAILED: 1 layer violations in 6 cross-folder includes; 0 getenv/data_dir uses outside src/cli/' "clean tree, ita above plan"

run --root "$clean" --order="base text ita plan cli"
expect_rc 0 "clean tree, --order= form"

# Two folders on one floor ("a|b"): neither may include the other.
run --root "$clean" --order "base text ita|plan cli"
expect_rc 1 "clean tree, ita beside plan"
expect_line 'src/plan/plan.cpp:2: plan -> ita ("ita/model.hpp"): ita is beside plan in the layer order' "clean tree, ita beside plan"
run --root "$clean" --order "base text|ita plan cli"
expect_rc 1 "clean tree, text beside ita"
expect_no_match 'plan -> ita' "clean tree, text beside ita (plan still above both)"

# ---------------------------------------------------------- usage errors
run --root "$clean" --bogus
expect_rc 2 "unknown option"
run --root "$clean" --order "base text base"
expect_rc 2 "folder twice in the order"
run --root "$clean" --order "base text|base ita"
expect_rc 2 "folder twice in the order, once on a shared floor"
run --root "$clean" --order ""
expect_rc 2 "empty order"
run --root "$tmp/nowhere"
expect_rc 2 "root without src/"

if [ "$failures" -ne 0 ]; then
  echo "check_layers_test: $failures failed"
  exit 1
fi
echo "check_layers_test: all passed"
