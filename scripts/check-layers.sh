#!/usr/bin/env bash
# Layer check of the library under src/: one folder per layer, in data-flow
# order. A folder may include headers of folders lower in the order, never of
# its own layer's superiors ("back edge"), nor of a folder beside it on the
# same floor ("a|b": two folders that build on the same ones and not on each
# other), nor of a folder outside the order.
#
#   scripts/check-layers.sh [--root DIR] [--order "a b c ..."]
#
# Checks, for every src/<folder>/**/*.hpp and *.cpp:
#   - each `#include "<other>/..."` names a folder lower in the order than the
#     file's own folder (includes of the own folder are not counted);
#   - a file in a folder that is not in the order includes no other folder;
# and, for every file under src/ outside src/cli/:
#   - it does not contain `getenv` or `data_dir` (the environment and the
#     install layout are read by the command line only).
#
# Prints one line per violation, "file:line: what", then a summary line.
# Exit status: 0 when clean, 1 on violations, 2 on a usage error.
set -euo pipefail

DEFAULT_ORDER="base text calendar xlsx schema model ita plan exchange|output app cli"

usage() {
  cat <<'EOF'
usage: check-layers.sh [--root DIR] [--order "a b c ..."]
  --root DIR     repository root holding src/ (default: the script's ../)
  --order LIST   layer folders, lowest first, separated by spaces
                 (default: "base text calendar xlsx schema model ita plan exchange|output app cli");
                 "a|b" puts two folders on one floor: neither may include the other
EOF
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
order="$DEFAULT_ORDER"
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || { usage >&2; exit 2; }; root="$2"; shift 2 ;;
    --root=*) root="${1#--root=}"; shift ;;
    --order) [ $# -ge 2 ] || { usage >&2; exit 2; }; order="$2"; shift 2 ;;
    --order=*) order="${1#--order=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "check-layers: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ ! -d "$root/src" ]; then
  echo "check-layers: no src/ folder under $root" >&2
  exit 2
fi
read -r -a layers <<<"$order"
if [ "${#layers[@]}" -eq 0 ]; then
  echo "check-layers: the layer order is empty" >&2
  exit 2
fi
declare -A seen=()
for floor in "${layers[@]}"; do
  IFS='|' read -r -a beside <<<"$floor"
  for l in "${beside[@]}"; do
  if [[ ! "$l" =~ ^[A-Za-z0-9_.-]+$ ]]; then
    echo "check-layers: not a folder name in the order: $l" >&2
    exit 2
  fi
  if [ -n "${seen[$l]:-}" ]; then
    echo "check-layers: folder listed twice in the order: $l" >&2
    exit 2
  fi
  seen[$l]=1
  done
done

cd "$root"
export LC_ALL=C

# Sources of the layer folders: src/<folder>/... (files directly in src/ have
# no layer and are only checked for getenv/data_dir).
sources=()
while IFS= read -r -d '' f; do sources+=("$f"); done < <(
  find src -mindepth 2 -type f \( -name '*.hpp' -o -name '*.cpp' \) -print0 | sort -z)

report="$(mktemp)"
trap 'rm -f "$report"' EXIT

checked=0
if [ "${#sources[@]}" -gt 0 ]; then
  # Output of awk: "V<TAB>message" per violation, last line "N<TAB>count".
  awk -v order="${layers[*]}" '
    BEGIN {
      n = split(order, list, " ")
      for (i = 1; i <= n; ++i) {
        m = split(list[i], floor, "|")
        for (j = 1; j <= m; ++j) rank[floor[j]] = i
      }
      checked = 0
    }
    FNR == 1 {
      split(FILENAME, parts, "/")
      from = parts[2]
    }
    /^[ \t]*#[ \t]*include[ \t]*"[^"\/]+\// {
      line = $0
      sub(/^[^"]*"/, "", line)
      to = line
      sub(/\/.*/, "", to)
      header = line
      sub(/".*/, "", header)
      if (to == from) next
      ++checked
      where = FILENAME ":" FNR ": " from " -> " to " (\"" header "\"): "
      if (!(from in rank))
        print "V\t" where from " is not in the layer order"
      else if (!(to in rank))
        print "V\t" where to " is not in the layer order"
      else if (rank[to] > rank[from])
        print "V\t" where to " is above " from " in the layer order"
      else if (rank[to] == rank[from])
        print "V\t" where to " is beside " from " in the layer order"
    }
    END { print "N\t" checked }
  ' "${sources[@]}" >"$report"
  checked="$(awk -F'\t' '$1 == "N" { print $2 }' "$report")"
fi

include_violations=0
if grep -q $'^V\t' "$report"; then
  include_violations="$(grep -c $'^V\t' "$report")"
  grep $'^V\t' "$report" | cut -f2-
  # One line per distinct edge, to see the shape of the problem at a glance.
  grep $'^V\t' "$report" | cut -f2- |
    sed -E 's/^[^:]+:[0-9]+: ([^ ]+ -> [^ ]+) \("[^"]*"\): (.*)$/\1: \2/' |
    sort | uniq -c | awk '{ n = $1; $1 = ""; sub(/^ /, ""); print "check-layers: edge " $0 " (" n (n == 1 ? " include)" : " includes)") }'
fi

env_violations=0
env_hits="$(grep -rnI --exclude-dir=.git -e getenv -e data_dir src 2>/dev/null | grep -v '^src/cli/' |
  sort -t: -k1,1 -k2,2n || true)"
if [ -n "$env_hits" ]; then
  while IFS= read -r hit; do
    file="${hit%%:*}"
    rest="${hit#*:}"
    lineno="${rest%%:*}"
    text="${rest#*:}"
    what=""
    case "$text" in *getenv*) what="getenv" ;; esac
    case "$text" in *data_dir*) what="${what:+$what and }data_dir" ;; esac
    echo "$file:$lineno: $what outside src/cli/"
    env_violations=$((env_violations + 1))
  done <<<"$env_hits"
fi

folders="$(find src -mindepth 1 -maxdepth 1 -type d | wc -l | tr -d ' ')"
if [ "$include_violations" -eq 0 ] && [ "$env_violations" -eq 0 ]; then
  echo "check-layers: OK: $checked cross-folder includes checked in $folders folders; no getenv or data_dir outside src/cli/"
  exit 0
fi
echo "check-layers: FAILED: $include_violations layer violations in $checked cross-folder includes;" \
  "$env_violations getenv/data_dir uses outside src/cli/"
exit 1
