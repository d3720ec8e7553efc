#!/bin/bash
# inspect-latency.sh NEWSKG TURTLE [ENTITY] — how fast the inspection
# commands answer on a graph built by `newskg build` (for issue #12, the
# one of 100 MB of synthetic news: synthetic.sh leaves it in
# $NKG_BENCH_DIR/syn100.ttl). Times, with /usr/bin/time and hyperfine:
# the first command on a fresh Turtle (parses it and writes the snapshot),
# then `show ENTITY` (default: the entity of most relations), the default
# `dot` view, `stats`, `list`, `search` (the first word of ENTITY's IRI
# name) and `facts --about ENTITY`, all from the snapshot. Since `build` writes the
# snapshot of the Turtle it writes (byte for byte the one the first
# command would write; tests/test-cli.c /cli/cache-build), the first
# command after a build is a cached one: the `show` line is its figure.
#
# CACHE_DIR=DIR keeps the snapshot in DIR/newskg/ between runs (the first
# command then only parses when DIR has no good snapshot for TURTLE);
# RUNS=N hyperfine runs (default 5).
set -euo pipefail
newskg=$(realpath "${1:?usage: inspect-latency.sh NEWSKG TURTLE [ENTITY]}")
ttl=$(realpath "${2:?usage: inspect-latency.sh NEWSKG TURTLE [ENTITY]}")
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=${CACHE_DIR:-$work/cache} NO_COLOR=1
unset MALLOC_PERTURB_
# Other work on the machine blurs wall times: say how much there was.
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores, $(date -u +%H:%M) UTC"
printf 'graph: %s, %d MB\n' "$ttl" "$(($(stat -c %s "$ttl") / 1000000))"

/usr/bin/time -f '%e %M %U %S' -o "$work/t" "$newskg" stats -g "$ttl" >/dev/null
read -r secs rss user sys < "$work/t"
printf '  first command (stats: parse, write the snapshot)  %6.2f s wall  %6.2f CPU s  %5d MiB\n' \
  "$secs" "$(echo "$user + $sys" | bc -l)" "$((rss / 1024))"
entity=${3:-$("$newskg" list --sort degree --limit 1 --json -g "$ttl" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["entities"][0]["iri"])')}
# Small graphs are not cached (inspect-cache.c), so there may be none.
snap=$(du -sb "$XDG_CACHE_HOME/newskg" 2>/dev/null | cut -f1 || true)
printf '  snapshot: %d MB\n' "$((${snap:-0} / 1000000))"

# stats, list, search and facts --about read the snapshot in place too
word=$(basename "$entity" | cut -d- -f1)
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/h.json" \
  -n "show '$entity'" "$newskg show '$entity' -g '$ttl' >/dev/null" \
  -n "dot (default view)" "$newskg dot -g '$ttl' -o $work/g.dot" \
  -n "stats" "$newskg stats -g '$ttl' >/dev/null" \
  -n "list --sort degree --limit 20" "$newskg list --sort degree --limit 20 -g '$ttl' >/dev/null" \
  -n "search '$word'" "$newskg search '$word' -g '$ttl' >/dev/null" \
  -n "facts --about '$entity' --limit 20" \
     "$newskg facts --about '$entity' --limit 20 -g '$ttl' >/dev/null" >/dev/null
python3 - "$work/h.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  {r['command']:<44} median {r['median']:.3f} s wall (min {r['min']:.3f}, max {r['max']:.3f}),"
          f" {r['user'] + r['system']:.3f} CPU s")
PY
/usr/bin/time -f '%e %M' -o "$work/t" "$newskg" show "$entity" -g "$ttl" >/dev/null
read -r secs rss < "$work/t"
printf '  show from the snapshot, peak RSS: %d MiB\n' "$((rss / 1024))"
