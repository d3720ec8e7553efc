#!/bin/bash
# long-documents.sh EXTRACT_TIME [NEWSKG] — extraction time on one long
# article of 2, 10 and 50 MB (synthetic news from the shared generator,
# concatenated) and on a 1 MB "sentence" (the 1 MB article without full
# stops or line breaks). Linear cost means seconds per MB stay flat. With
# NEWSKG, also times `newskg build` (graph and Turtle included) on each.
# A benchmark, not a test: it prints figures and fails only on errors.
# Sizes can be chosen with NKG_BENCH_SIZES="2 10 50".
set -euo pipefail
extract_time=${1:?usage: long-documents.sh EXTRACT_TIME [NEWSKG]}
newskg=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
gen=${NKG_GEN_ARTICLES:-$root/../shared/bench/gen-articles.py}
if [ ! -f "$gen" ]; then
  echo "long-documents.sh: $gen not found (needs ../shared); skipped" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${NKG_BENCH_SIZES:-2 10 50}
max=0
for s in $sizes; do [ "$s" -gt "$max" ] && max=$s; done
(cd "$root" && python3 "$gen" "$work/gen" "$max" >/dev/null 2>&1)
find "$work/gen" -name '*.txt' | sort | xargs cat > "$work/all.txt"
rm -rf "$work/gen"
for s in $sizes; do
  head -c "$((s * 1000000))" "$work/all.txt" > "$work/article-${s}mb.txt"
done
head -c 1000000 "$work/all.txt" | tr -d '.!?\n' > "$work/sentence-1mb.txt"
rm -f "$work/all.txt"
for f in $(for s in $sizes; do echo "$work/article-${s}mb.txt"; done) "$work/sentence-1mb.txt"; do
  "$extract_time" "$f" | sed "s|$work/||" | awk '{ print } / bytes in / { printf "  %.3f s per MB\n", $5 / ($2 / 1e6) }'
  if [ -n "$newskg" ]; then
    /usr/bin/time -f '  newskg build: %e s, peak RSS %M KB' "$newskg" build -q "$f" -o "$work/out.ttl" 2>&1 \
      | grep -v 'warning:' || true
  fi
done
