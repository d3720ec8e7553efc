#!/bin/bash
# bench/compare-load.sh OLD_NEWSKG NEW_NEWSKG GRAPH.ttl — the inspection
# commands of two binaries on one Turtle file, each parsing it (cache off):
# stdout + exit status must be identical. For changes to the Turtle loader
# (graph/load.c); prints "N compared, M differ" last and exits 1 if M > 0.
set -uo pipefail
old=$1 new=$2 g=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# the entity with the most facts, as the hub to show
hub=$(NEWSKG_CACHE=0 "$new" list --sort degree --json -g "$g" 2>/dev/null \
  | sed -n 's/^ *"iri" : "\(.*\)",$/\1/p' | head -1)
n=0 d=0
run () { # NAME ARGS...
  local name=$1; shift
  NEWSKG_CACHE=0 "$old" "$@" -g "$g" >"$out/$name.old" 2>&1; echo "rc $?" >>"$out/$name.old"
  NEWSKG_CACHE=0 "$new" "$@" -g "$g" >"$out/$name.new" 2>&1; echo "rc $?" >>"$out/$name.new"
  n=$((n + 1))
  if cmp -s "$out/$name.old" "$out/$name.new"; then
    echo "same $name ($(wc -l <"$out/$name.new") lines)"
  else
    echo "DIFF $name"; d=$((d + 1))
  fi
}
run stats stats
run stats-json stats --json
run facts facts
run facts-json facts --json
run list list
if [ -n "$hub" ]; then
  run show-hub show "$hub" --evidence --limit 0
  run show-hub-json show "$hub" --json
fi
echo "$n compared, $d differ"
[ "$d" -eq 0 ]
