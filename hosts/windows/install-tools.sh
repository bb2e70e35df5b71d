#!/usr/bin/env bash
# The tools of the Windows build, from Debian 12: mingw-w64 (posix threads,
# for std::thread), windres, wine64 to run the tests, dpkg-dev for
# `apt-get source`, cmake, and python3-openpyxl for hosts/cross/compare.py (the
# zip is written with Python's zipfile).
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq --no-install-recommends \
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 \
  wine wine64 dpkg-dev cmake pkg-config icu-devtools python3-openpyxl
