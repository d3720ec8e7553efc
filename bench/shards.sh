#!/bin/bash
# shards.sh NEWSKG CORPUS [WORK] — the figures issue #13 asks for, on a
# corpus of folders (such as ../shared/bench/gen-articles.py writes:
# CORPUS/s0000, CORPUS/s0001 …): `newskg extract --shard K/4` of the
# corpus (K = 1…4), `newskg merge` of them, a full `build`, a `build
# --state` of the corpus, and the incremental run that adds 1% new
# articles (WORK/new, generated with seed 777 when missing) to that state,
# against a full build of the same articles. Every step under
# /usr/bin/time -v; prints CPU seconds (user + sys), wall time and peak
# RSS, and checks that merge, the full build and the incremental run
# write the same bytes. Run from the project root. A benchmark, not a
# test. WORK (default: a temporary folder, removed) keeps shards, state
# and outputs.
set -euo pipefail
newskg=$(realpath "${1:?usage: shards.sh NEWSKG CORPUS [WORK]}")
corpus=$(realpath "${2:?usage: shards.sh NEWSKG CORPUS [WORK]}")
gen=${GEN_ARTICLES:-../shared/bench/gen-articles.py}
if [ -n "${3:-}" ]; then
  work=$3
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
unset MALLOC_PERTURB_ # meson sets it; it would time glibc filling memory
mb=$(du -sm --apparent-size "$corpus" | cut -f1)
if [ ! -d "$work/new" ]; then
  /usr/bin/python3 "$gen" "$work/new" "$(echo "$mb / 100" | bc -l)" 777 >/dev/null 2>&1
  sleep 2.1 # settled stamps (RACY_NS in cmd_build.c)
fi
rm -rf "$work/state" "$work"/*.nkgx

# run LABEL ARGS…: one line "LABEL CPU_S WALL PEAK_MIB"
run () {
  local label=$1
  shift
  /usr/bin/time -v -o "$work/time.$label" "$newskg" "$@"
  local u s w m
  u=$(awk -F': ' '/User time/ {print $2}' "$work/time.$label")
  s=$(awk -F': ' '/System time/ {print $2}' "$work/time.$label")
  w=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.$label")
  m=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.$label")
  printf '%-12s %8.2f %9s %6d\n' "$label" "$(echo "$u + $s" | bc -l)" "$w" "$((m / 1024))"
}

lines=()
# --shard, not the folders dealt out: a source is named from the input
# given ("s0001/a0001000.txt" under CORPUS, "a0001000.txt" under
# CORPUS/s0001), so only the same input argument gives build's bytes
for k in 1 2 3 4; do
  lines+=("$(run "extract-$k" extract -q --shard="$k/4" "$corpus" -o "$work/shard$k.nkgx")")
done
lines+=("$(run merge merge -q --no-cache "$work"/shard{1,2,3,4}.nkgx -o "$work/merge.ttl")")
lines+=("$(run full build -q --no-cache "$corpus" -o "$work/full.ttl")")
lines+=("$(run state build -q --no-cache "$corpus" -o "$work/before.ttl" --state "$work/state")")
lines+=("$(run full+1% build -q --no-cache "$corpus" "$work/new" -o "$work/full1.ttl")")
lines+=("$(run incremental build -q --no-cache "$corpus" "$work/new" -o "$work/inc.ttl" --state "$work/state")")
cmp "$work/merge.ttl" "$work/full.ttl"
cmp "$work/before.ttl" "$work/full.ttl"
cmp "$work/inc.ttl" "$work/full1.ttl"
echo "$mb MB in $corpus, $(basename "$newskg"), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC"
echo "step          CPU-s      wall  peak-MiB"
printf '%s\n' "${lines[@]}"
echo "merge == full build, incremental == full build of the same articles (cmp)"
