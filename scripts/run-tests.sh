#!/usr/bin/env bash
# One command for a new machine: install, build everything (library, CLI and
# the test suite), and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DITAWB_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j"$(nproc)"
