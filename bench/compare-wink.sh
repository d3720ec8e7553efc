#!/bin/bash
# compare-wink.sh NEWSKG — newskg against wink-nlp on the same real news:
# the 18 articles of ../shared/eval copied 128 times (real-corpus.sh).
# wink-nlp and its English model come from npm into a scratch folder
# ($NKG_BENCH_DIR/wink, never the repository); wink.js reads every file
# with readDoc. Each program runs under /usr/bin/time -v (whole-process
# CPU: user + system) and hyperfine times `build -j 1` against `-j 2`.
# Prints the figures and the two ratios issue #12 asks for.
set -euo pipefail
newskg=$(realpath "${1:?usage: compare-wink.sh NEWSKG}")
here=$(cd "$(dirname "$0")" && pwd)
dir=${NKG_BENCH_DIR:-/tmp/nkg-bench}
runs=${RUNS:-3}
mkdir -p "$dir"
unset MALLOC_PERTURB_
corpus=$dir/real
[ -f "$corpus/.done" ] || { rm -rf "$corpus"; "$here/real-corpus.sh" "$corpus" 128; touch "$corpus/.done"; }
if [ ! -d "$dir/wink/node_modules/wink-eng-lite-web-model" ]; then
  mkdir -p "$dir/wink"
  npm install --prefix "$dir/wink" --no-audit --no-fund --no-save \
    wink-nlp wink-eng-lite-web-model >/dev/null
fi

# Other work on the machine blurs wall times: say how much there was.
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%H:%M) UTC"
cpu_of() { # /usr/bin/time -v output → user + system seconds
  awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1"
}
rss_of() { awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$1"; }

best=() # the lowest CPU of $runs runs of each, so that load from elsewhere counts least
for what in newskg1 newskg2 wink; do
  b=
  for ((r = 0; r < runs; r++)); do
    case $what in
      newskg1) /usr/bin/time -v -o "$dir/t" "$newskg" build -q -j 1 "$corpus" -o "$dir/real.ttl" ;;
      newskg2) /usr/bin/time -v -o "$dir/t" "$newskg" build -q -j 2 "$corpus" -o "$dir/real2.ttl" ;;
      wink) NODE_PATH=$dir/wink/node_modules /usr/bin/time -v -o "$dir/t" node "$here/wink.js" "$corpus" >/dev/null ;;
    esac
    c=$(cpu_of "$dir/t")
    if [ -z "$b" ] || (($(echo "$c < $b" | bc -l))); then b=$c; cp "$dir/t" "$dir/t.$what"; fi
  done
  best+=("$b")
done
cmp -s "$dir/real.ttl" "$dir/real2.ttl" && same=yes || same=NO
files=$(find "$corpus" -name '*.txt' | wc -l)
printf '%d articles, %d bytes (best CPU of %d runs each)\n' "$files" "$(du -sb "$corpus" | cut -f1)" "$runs"
printf '  newskg build -j 1  %6.2f CPU s  %4d MiB\n' "${best[0]}" "$(rss_of "$dir/t.newskg1")"
printf '  newskg build -j 2  %6.2f CPU s  %4d MiB  (Turtle identical to -j 1: %s)\n' "${best[1]}" "$(rss_of "$dir/t.newskg2")" "$same"
printf '  wink-nlp readDoc   %6.2f CPU s  %4d MiB\n' "${best[2]}" "$(rss_of "$dir/t.wink")"
printf '  newskg -j 1 / wink-nlp CPU: %.2f (issue #12: <= 0.40)\n' "$(echo "${best[0]} / ${best[2]}" | bc -l)"
hyperfine --style basic --runs "$runs" --export-json "$dir/hyperfine.json" \
  "$newskg build -q -j 1 $corpus -o $dir/real.ttl" "$newskg build -q -j 2 $corpus -o $dir/real2.ttl" >/dev/null
python3 - "$dir/hyperfine.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
j1, j2 = r[0]["median"], r[1]["median"]
print(f"  wall (hyperfine median): -j 1 {j1:.2f} s, -j 2 {j2:.2f} s, ratio {j2 / j1:.2f} (issue #12: <= 0.60)")
PY
