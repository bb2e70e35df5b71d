#!/usr/bin/env bash
# Configures and builds itawb into ./build (Release with debug info).
#
#   scripts/build.sh [--target NAME]... [CMAKE_CONFIGURE_ARGS...]
#
# Without --target everything is built (library, CLI, tests); with it only the
# named targets and what they need, e.g. `--target itawb` for the command line.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target) [ $# -ge 2 ] || { echo "build.sh: --target needs a name" >&2; exit 2; }
              targets+=(--target "$2"); shift 2 ;;
    --target=*) targets+=(--target "${1#--target=}"); shift ;;
    *) break ;;
  esac
done
# Through ccache where it is installed (install-deps.sh installs it), with
# paths taken relative to the checkout, so another clone on the same machine
# (CI's) reuses what this one compiled.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER="${CMAKE_C_COMPILER_LAUNCHER:-ccache}"
  export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}"
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
fi
cmake --preset native "$@" >/dev/null   # CMakePresets.json
cmake --build build ${targets[@]+"${targets[@]}"} -j"$(nproc)"
