#!/bin/bash
# synthetic.sh NEWSKG [MB...] — how build time and memory grow with the
# corpus: for each size (default 1 10 30 100; 1000 is the gigabyte run),
# synthetic news from ../shared/bench/gen-articles.py (deterministic), built
# with `newskg build -j JOBS` (default 1, so CPU time is not blurred by
# contention) under /usr/bin/time -v. Prints one Markdown row per size:
# CPU seconds (user + system), CPU seconds per MB, wall time, peak RSS, and
# the Turtle's size. Corpora are kept in $NKG_BENCH_DIR (default
# /tmp/nkg-bench) so later runs skip generating them.
set -euo pipefail
newskg=$(realpath "${1:?usage: synthetic.sh NEWSKG [MB...]}")
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 30 100)
jobs=${JOBS:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${NKG_SHARED_DIR:-$root/../shared}
gen=$shared/bench/gen-articles.py
[ -f "$gen" ] || { echo "synthetic.sh: no $gen" >&2; exit 77; }
dir=${NKG_BENCH_DIR:-/tmp/nkg-bench}
mkdir -p "$dir"
unset MALLOC_PERTURB_ # meson sets it; it would time glibc filling memory

# Other work on the machine blurs wall times: say how much there was.
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%H:%M) UTC"
echo "| input | articles | CPU s | CPU s per MB | wall s | peak RSS | Turtle |"
echo "|---|---|---|---|---|---|---|"
for mb in "${sizes[@]}"; do
  corpus=$dir/syn$mb
  if [ ! -f "$corpus/.done" ]; then
    rm -rf "$corpus"
    (cd "$root" && python3 "$gen" "$corpus" "$mb" >/dev/null)
    touch "$corpus/.done"
  fi
  n=$(find "$corpus" -name '*.txt' | wc -l)
  out=$dir/syn$mb.ttl
  /usr/bin/time -v -o "$dir/time.$mb" "$newskg" build -q -j "$jobs" "$corpus" -o "$out"
  user=$(awk -F': ' '/User time/ {print $2}' "$dir/time.$mb")
  sys=$(awk -F': ' '/System time/ {print $2}' "$dir/time.$mb")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.$mb" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$dir/time.$mb")
  cpu=$(echo "$user + $sys" | bc -l)
  printf '| %s MB | %d | %.1f | %.3f | %.1f | %d MiB | %d MB |\n' "$mb" "$n" "$cpu" \
    "$(echo "$cpu / $mb" | bc -l)" "$wall" "$((rss / 1024))" "$(($(stat -c %s "$out") / 1000000))"
done
