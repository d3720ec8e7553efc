#!/bin/bash
# build-throughput.sh NEWSKG [N] — time `newskg build` on N articles (default
# 2000) made by copying examples/ under new names, and report articles per
# second and peak memory. A benchmark, not a test: it prints figures and
# fails only if the build itself fails.
set -euo pipefail
newskg=${1:?usage: build-throughput.sh NEWSKG [N]}
n=${2:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
mapfile -t src < <(ls "$root"/examples/*.txt)
for ((i = 0; i < n; i++)); do
  cp "${src[i % ${#src[@]}]}" "$work/in/a$(printf %05d "$i").txt"
done
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/rss" "$newskg" build -q "$work/in" -o "$work/corpus.ttl"
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc -l)
printf 'build: %d articles in %.2f s (%.0f articles/s), peak RSS %d MiB, %d bytes of Turtle\n' \
  "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(($(cat "$work/rss") / 1024))" \
  "$(stat -c %s "$work/corpus.ttl")"
