#!/bin/bash
# compare-inspect.sh OLD_NEWSKG NEW_NEWSKG GRAPH.ttl — the inspection
# commands of two newskg binaries on one graph, each through its own
# snapshot cache (NEWSKG_CACHE_MIN_BYTES=0, so small graphs are cached too):
# stdout and exit status of stats, list, facts, search, dot and path, and
# for every entity show (by IRI, by name, --json, --evidence) and
# facts --about. Prints each command that differs, then a count; exits 1
# when any differs. For "output byte-identical" checks of issue #12.
set -uo pipefail
old=${1:?usage: compare-inspect.sh OLD_NEWSKG NEW_NEWSKG GRAPH.ttl}
new=${2:?usage: compare-inspect.sh OLD_NEWSKG NEW_NEWSKG GRAPH.ttl}
graph=${3:?usage: compare-inspect.sh OLD_NEWSKG NEW_NEWSKG GRAPH.ttl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NEWSKG_CACHE_MIN_BYTES=0 NO_COLOR=1 LC_ALL=C.UTF-8
n=0 bad=0
run () { local bin=$1 cache=$2; shift 2; XDG_CACHE_HOME=$cache "$bin" "$@" -g "$graph" 2>/dev/null; echo "exit $?"; }
check () {
  local a b
  a=$(run "$old" "$work/old" "$@")
  b=$(run "$new" "$work/new" "$@")
  n=$((n + 1))
  if [ "$a" != "$b" ]; then bad=$((bad + 1)); echo "differs: $*"; fi
}
for c in "stats" "stats --json" "list" "list --json --limit 0" "list --sort degree" "list --names" \
         "facts" "facts --json" "facts --evidence" "facts --conflicts" "search india" \
         "search sing --json" "dot" "path India Malaysia"; do
  # shellcheck disable=SC2086
  check $c
done
"$new" list --json --limit 0 -g "$graph" | python3 -c '
import json, sys
for e in json.load(sys.stdin)["entities"]:
    print(e["iri"] + "\t" + (e["name"] or ""))' > "$work/entities"
while IFS=$'\t' read -r iri name; do
  check show "$iri"
  check show "$iri" --json
  check show "$name" --evidence --limit 0
  check show "$name" --json
  check facts --about "$iri" --json
done < "$work/entities"
echo "compared $n commands, $bad differ"
[ "$bad" -eq 0 ]
