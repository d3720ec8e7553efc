#!/bin/bash
# incremental.sh NEWSKG MB [PERCENT] [WORK] — what `build --state` costs when
# PERCENT (default 1) of new articles join MB of synthetic news, against a
# full build of the same articles (issue #13: "a small fraction"), then of
# runs that find nothing new: with the files as written (nothing to do) and
# with another output file (merged and written again). Run from
# the project root (gen-articles.py reads extract/data). Prints CPU seconds
# (user + sys: less sensitive to the machine's other load than wall time),
# peak RSS and the ratio, and checks that both Turtle files are the same
# bytes. A benchmark, not a test: it fails only when a build fails or the
# bytes differ. WORK (default: a temporary folder, removed) keeps the
# corpus and state for another run.
set -euo pipefail
newskg=$(realpath "${1:?usage: incremental.sh NEWSKG MB [PERCENT] [WORK]}")
mb=${2:?usage: incremental.sh NEWSKG MB [PERCENT] [WORK]}
pct=${3:-1}
gen=${GEN_ARTICLES:-../shared/bench/gen-articles.py}
if [ -n "${4:-}" ]; then
  work=$4
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
[ -d "$work/corpus" ] || /usr/bin/python3 "$gen" "$work/corpus" "$mb" >/dev/null 2>&1
[ -d "$work/new" ] || /usr/bin/python3 "$gen" "$work/new" "$(echo "$mb * $pct / 100" | bc -l)" 777 >/dev/null 2>&1
rm -rf "$work/corpus/new" "$work/state"

# run LABEL ARGS…: "LABEL CPU_S RSS_MIB"
run () {
  local label=$1
  shift
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$newskg" build -q --no-cache "$@"
  read -r u s m <"$work/time"
  printf '%s %.2f %d\n' "$label" "$(echo "$u + $s" | bc -l)" "$((m / 1024))"
}

state=$(run state "$work/corpus" -o "$work/before.ttl" --state "$work/state")
cp -r "$work/new" "$work/corpus/new"
# the new files' stamps must be settled for the files table (RACY_NS)
sleep 2.1
full=$(run full "$work/corpus" -o "$work/full.ttl")
inc=$(run incremental "$work/corpus" -o "$work/inc.ttl" --state "$work/state")
# nothing new, the files as written (outputs.nkgo; their stamps must be
# settled too): nothing merged or written
sleep 2.1
none=$(run unchanged "$work/corpus" -o "$work/inc.ttl" --state "$work/state")
# nothing new, another file to write: the merge and the writing again
again=$(run "unchanged,-o" "$work/corpus" -o "$work/none.ttl" --state "$work/state")
cmp "$work/full.ttl" "$work/inc.ttl"
cmp "$work/full.ttl" "$work/none.ttl"
read -r _ fcpu frss <<<"$full"
printf '%s MB + %s%% new articles (load %s)\n' "$mb" "$pct" "$(cut -d' ' -f1-3 /proc/loadavg)"
for line in "$state" "$full" "$inc" "$none" "$again"; do
  read -r label cpu rss <<<"$line"
  printf '  %-12s %7.2f CPU-s  %5d MiB peak  %5.1f%% of the full build\n' "$label" "$cpu" "$rss" \
    "$(echo "100 * $cpu / $fcpu" | bc -l)"
done
echo "  Turtle of the incremental runs: the full build's bytes ($(stat -c %s "$work/full.ttl") bytes)"
