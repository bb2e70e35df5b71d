#!/usr/bin/env bash
# One command for a new machine: install, build the command line only (not the
# test suite), and analyse the bundled example workbook (อบต.ทุ่งทอง, ITA 2567
# against 2566).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --build
bash scripts/build.sh --target itawb
mkdir -p out
./build/itawb analyze workbooks/examples/thungthong-2567.xlsx -o out/thungthong-2567-analysis.xlsx
echo "written: out/thungthong-2567-analysis.xlsx"
