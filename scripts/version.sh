#!/usr/bin/env bash
# Prints itawb's version: the project version in CMakeLists.txt, the one
# place it is set (`project(itawb VERSION x.y.z ...)`). The release command,
# the page and the add-in's builders read it from there.
#
#   scripts/version.sh [REPO]
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
v=$(sed -n 's/^project(itawb VERSION \([0-9][0-9.]*\).*/\1/p' "$root/CMakeLists.txt" | head -n1)
[ -n "$v" ] || { echo "version.sh: no 'project(itawb VERSION ...)' in $root/CMakeLists.txt" >&2; exit 1; }
echo "$v"
