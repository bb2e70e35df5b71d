#!/usr/bin/env bash
# The tools of the WebAssembly build, from Debian 12: emscripten 3.1.6 (with
# node), binaryen, and dpkg-dev for `apt-get source`.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq --no-install-recommends emscripten nodejs binaryen dpkg-dev cmake icu-devtools
