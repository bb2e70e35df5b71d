#!/usr/bin/env bash
# Unpacks a Debian 12 source package into build-deps/NAME and applies the
# project's patches to it (scripts/patches/NAME-*.patch), for a library the
# native build compiles itself because Debian's binary package lacks what
# itawb needs (FreeXL, which does not read formula values; libzip and
# libxlsxwriter, shared only and linked to libcrypto, and the writer's
# temporary files and fixed deflate level):
#
#   scripts/debian-source.sh freexl=1.0.6-2
#   scripts/debian-source.sh libzip=1.7.3-1
#   scripts/debian-source.sh libxlsxwriter=1.1.4-2
#
# Adds Debian's deb-src entry (scripts/debian-src.sources) when apt has none
# (as root, or through sudo). Needs dpkg-dev (install-deps.sh installs it).
# Safe to run again: a stamp records the version and the patches' hash, and
# an unchanged source is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] && [[ "$1" == *=* ]] || { echo "usage: debian-source.sh NAME=VERSION" >&2; exit 2; }
name=${1%%=*} version=${1#*=}
dest=build-deps/$name
patches=(scripts/patches/"$name"-*.patch)
[ -e "${patches[0]}" ] || patches=()
stamp="$version $(cat ${patches[@]+"${patches[@]}"} /dev/null | sha256sum | cut -c1-16)"
if [ -f "$dest/.itawb-patched" ] && [ "$(cat "$dest/.itawb-patched")" = "$stamp" ]; then
  echo "debian-source.sh: $dest is $name $version with its patches"; exit 0
fi
if ! grep -rqs "^Types:.*deb-src\|^deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO cp scripts/debian-src.sources /etc/apt/sources.list.d/itawb-src.sources
  $SUDO apt-get update -qq
fi
work=$(mktemp -d build-deps.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source -qq --only-source "$name=$version" >/dev/null 2>&1) ||
  (cd "$work" && apt-get source --only-source "$name=$version")
src=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)
[ -n "$src" ] || { echo "debian-source.sh: apt-get source $name=$version unpacked nothing" >&2; exit 1; }
for p in ${patches[@]+"${patches[@]}"}; do
  patch -d "$src" -p1 --quiet --forward < "$p"
done
echo "$stamp" > "$src/.itawb-patched"
mkdir -p build-deps && rm -rf "$dest" && mv "$src" "$dest"
echo "debian-source.sh: $dest is $name $version with ${#patches[@]} patch(es)"
