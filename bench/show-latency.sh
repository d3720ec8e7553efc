#!/bin/bash
# show-latency.sh NEWSKG [N] — how fast the inspection commands answer on
# a corpus as large as one built from N articles (default 10000).
#
# The corpus is synthesised by gen-corpus.py in the contract's shape (no
# extraction), then `show` is timed on its most connected entity: cold
# (Turtle parsed, snapshot cache off), first run (parses and writes the
# snapshot under $XDG_CACHE_HOME/newskg), and warm (from the snapshot),
# followed by the other commands warm. The budget is one second for a warm
# `show`; figures are printed, and only a failing command fails the run.
set -euo pipefail
newskg=${1:?usage: show-latency.sh NEWSKG [N]}
n=${2:-10000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" NO_COLOR=1
# meson sets MALLOC_PERTURB_ for tests and benchmarks; it makes every
# allocation fill memory and would time glibc, not newskg.
unset MALLOC_PERTURB_

mapfile -t hub < <(python3 "$here/gen-corpus.py" "$n" "$work/corpus.ttl" 2>"$work/gen.log")
iri=${hub[0]} person=${hub[1]} far=${hub[2]}
cat "$work/gen.log"
printf 'corpus: %d articles, %d MiB of Turtle; most connected: %s\n' "$n" \
  "$(($(stat -c %s "$work/corpus.ttl") / 1048576))" "$iri"

# timed LABEL ENV... -- ARGS: runs newskg, prints wall time and peak RSS.
timed() {
  local label=$1; shift
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  /usr/bin/time -f '%e %M' -o "$work/t" env "${envs[@]}" "$newskg" "$@" -g "$work/corpus.ttl" >/dev/null
  read -r secs rss < "$work/t"
  printf '  %-44s %6.2f s  %5d MiB\n' "$label" "$secs" "$((rss / 1024))"
  echo "$secs"  > "$work/last"
}

echo "show (most connected entity):"
timed "cold: Turtle, no cache" NEWSKG_CACHE=0 -- show "$iri"
timed "first: Turtle, writes the snapshot" NEWSKG_CACHE=1 -- show "$iri"
for i in 1 2 3; do
  timed "warm #$i: from the snapshot" NEWSKG_CACHE=1 -- show "$iri"
done
warm=$(cat "$work/last")
echo "other commands, warm:"
timed "show by name: $person" NEWSKG_CACHE=1 -- show "$person"
timed "show --evidence --json" NEWSKG_CACHE=1 -- show "$iri" --evidence --json
timed "facts --about" NEWSKG_CACHE=1 -- facts --about "$iri" --limit 20
timed "search (fuzzy over every name)" NEWSKG_CACHE=1 -- search sethdelp
timed "list --sort degree --limit 10" NEWSKG_CACHE=1 -- list --sort degree --limit 10
timed "stats" NEWSKG_CACHE=1 -- stats
timed "path to a least connected entity" NEWSKG_CACHE=1 -- path "$iri" "$far"
if awk -v w="$warm" 'BEGIN { exit !(w < 1.0) }'; then
  echo "warm show: ${warm} s — within the 1 s budget"
else
  echo "warm show: ${warm} s — OVER the 1 s budget"
fi
