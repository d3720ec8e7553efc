#!/bin/bash
# issue12.sh NEWSKG [NEWSKG_BEFORE] — every figure of issue #12 in one run,
# so that they share the same load: the real-article corpus against
# wink-nlp and -j 1 against -j 2 (compare-wink.sh), synthetic news at 1,
# 10, 30 and 100 MB (synthetic.sh; with NEWSKG_BEFORE, the same sizes with
# that binary too, and whether the two Turtle files are byte-identical),
# and the inspection commands on the 100 MB graph (inspect-latency.sh).
# The gigabyte run is separate: `JOBS=2 synthetic.sh NEWSKG 1000`.
# Corpora and outputs stay in $NKG_BENCH_DIR (default /tmp/nkg-bench).
set -euo pipefail
newskg=$(realpath "${1:?usage: issue12.sh NEWSKG [NEWSKG_BEFORE]}")
before=${2:+$(realpath "$2")}
here=$(cd "$(dirname "$0")" && pwd)
dir=${NKG_BENCH_DIR:-/tmp/nkg-bench}
sizes=${NKG_BENCH_SIZES:-1 10 30 100}
export NKG_BENCH_DIR=$dir
echo "## real articles x 128"
"$here/compare-wink.sh" "$newskg"
if [ -n "$before" ]; then
  unset MALLOC_PERTURB_
  best=
  for ((r = 0; r < ${RUNS:-3}; r++)); do
    /usr/bin/time -f '%U %S %M' -o "$dir/t.before" "$before" build -q -j 1 "$dir/real" -o "$dir/real.before.ttl"
    c=$(awk '{printf "%.2f", $1 + $2}' "$dir/t.before")
    if [ -z "$best" ] || (($(echo "$c < $best" | bc -l))); then best=$c; fi
  done
  cmp -s "$dir/real.ttl" "$dir/real.before.ttl" && same=identical || same=DIFFERENT
  printf '  before: %s build -j 1  %6.2f CPU s  %4d MiB  (Turtle %s)\n' "$before" "$best" \
    "$(($(awk '{print $3}' "$dir/t.before") / 1024))" "$same"
fi
echo
echo "## synthetic news, build -j 1: $newskg"
# shellcheck disable=SC2086
"$here/synthetic.sh" "$newskg" $sizes
if [ -n "$before" ]; then
  mkdir -p "$dir/after"
  for mb in $sizes; do cp "$dir/syn$mb.ttl" "$dir/after/syn$mb.ttl"; done
  echo
  echo "## synthetic news, build -j 1: $before"
  # shellcheck disable=SC2086
  "$here/synthetic.sh" "$before" $sizes
  for mb in $sizes; do
    cmp -s "$dir/syn$mb.ttl" "$dir/after/syn$mb.ttl" && same=identical || same=DIFFERENT
    echo "  $mb MB: Turtle $same"
    mv "$dir/after/syn$mb.ttl" "$dir/syn$mb.ttl"
  done
fi
echo
echo "## inspection on the 100 MB graph"
"$here/inspect-latency.sh" "$newskg" "$dir/syn100.ttl"
