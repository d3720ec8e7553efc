#!/bin/sh
# setup.sh — install what newskg needs on Debian 12 and build it into build/.
# Safe to run again: apt-get skips what is installed, meson reconfigures.
set -eu
cd "$(dirname "$0")"

PACKAGES="build-essential meson ninja-build pkg-config \
  libglib2.0-dev libjson-glib-dev libraptor2-dev raptor2-utils \
  libgraphviz-dev graphviz iso-codes libreadline-dev scdoc \
  python3 python3-rdflib rasqal-utils tmux bc time wordnet-base"

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

if [ -d build ]; then
  meson setup --reconfigure build >/dev/null
else
  meson setup build >/dev/null
fi
ninja -C build >/dev/null
echo "setup.sh: built build/newskg"
