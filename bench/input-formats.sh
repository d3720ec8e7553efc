#!/bin/bash
# input-formats.sh NEWSKG READ-INPUTS [N] — what reading HTML costs next to
# reading the same article as text (issue #11: at most 2x). Makes N copies
# (default 1000) of the test article (tests/data/inputs), each made unique
# by one closing sentence so that none is skipped as a duplicate, once as
# .txt and once as a saved page (.html), then times
#   1. the input layer alone (READ-INPUTS: sniff, decode, main text,
#      language, duplicates; no extraction), and
#   2. the whole `newskg build`,
# on each: with hyperfine when installed, then best of RUNS (default 5)
# runs taken turn about, wall and CPU time, with the load average before
# and after each pair of sides.
# CPU time on a shared machine moves with the load (caches, other
# processes); instruction counts do not: with CALLGRIND=M (and valgrind
# installed) the input layer alone is also counted under callgrind on the
# first M copies of each (M=200 takes about a minute).
# A benchmark, not a test: it prints figures and fails only if a run fails
# or a graph lacks some of the N articles.
set -euo pipefail
newskg=${1:?usage: input-formats.sh NEWSKG READ-INPUTS [N]}
reader=${2:?usage: input-formats.sh NEWSKG READ-INPUTS [N]}
n=${3:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/txt" "$work/html"
python3 - "$root/tests/data/inputs" "$work" "$n" <<'PY'
import sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src + "/article.txt", encoding="utf-8").read()
page = open(src + "/article.html", encoding="utf-8").read()
for i in range(n):
    extra = "The ministry filed the accord as document %05d." % i
    open("%s/txt/a%05d.txt" % (out, i), "w", encoding="utf-8").write(text.rstrip("\n") + "\n\n" + extra + "\n")
    open("%s/html/a%05d.html" % (out, i), "w", encoding="utf-8").write(
        page.replace("</div>\n  <div class=\"newsletter-signup\">", "<p>" + extra + "</p></div>\n  <div class=\"newsletter-signup\">"))
PY
# Best of RUNS of each command, the two run turn about (txt, html, txt, …)
# so that the load other processes put on the machine falls on both alike:
# wall seconds and CPU seconds (user + system, which load moves less).
runs=${RUNS:-5}
best_of () { # best_of VAR-PREFIX CMD-A… -- CMD-B…: sets A_WALL A_CPU B_WALL B_CPU
  local -a a=() b=(); local in_b=0
  for x in "${@:2}"; do
    if [ "$x" = -- ]; then in_b=1; elif [ $in_b = 0 ]; then a+=("$x"); else b+=("$x"); fi
  done
  local aw= ac= bw= bc_= t loads=
  for _ in $(seq "$runs"); do
    loads+=" $(cut -d' ' -f1 /proc/loadavg)"
    for side in a b; do
      local -n cmd=$side
      t=$( { TIMEFORMAT='%R %U %S'; time "${cmd[@]}" >/dev/null 2>&1; } 2>&1 )
      read -r w u s <<<"$t"
      local c; c=$(echo "$u + $s" | bc -l)
      if [ $side = a ]; then
        if [ -z "$aw" ] || [ "$(echo "$w < $aw" | bc -l)" = 1 ]; then aw=$w; fi
        if [ -z "$ac" ] || [ "$(echo "$c < $ac" | bc -l)" = 1 ]; then ac=$c; fi
      else
        if [ -z "$bw" ] || [ "$(echo "$w < $bw" | bc -l)" = 1 ]; then bw=$w; fi
        if [ -z "$bc_" ] || [ "$(echo "$c < $bc_" | bc -l)" = 1 ]; then bc_=$c; fi
      fi
    done
  done
  printf -v "${1}_A_WALL" %s "$aw"; printf -v "${1}_A_CPU" %s "$ac"
  printf -v "${1}_B_WALL" %s "$bw"; printf -v "${1}_B_CPU" %s "$bc_"
  printf -v "${1}_LOADS" %s "$loads"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -w 1 -r 5 -N \
    -n "read txt" "$reader $work/txt" -n "read html" "$reader $work/html" \
    -n "build txt" "$newskg build -q $work/txt -o $work/t.ttl" \
    -n "build html" "$newskg build -q $work/html -o $work/h.ttl"
fi
best_of R "$reader" "$work/txt" -- "$reader" "$work/html"
best_of B "$newskg" build -q "$work/txt" -o "$work/t.ttl" -- "$newskg" build -q "$work/html" -o "$work/h.ttl"
"$reader" "$work/txt"; "$reader" "$work/html"
ratio () { echo "$2 / $1" | bc -l; }
printf 'read only: %d txt %.3f s (cpu %.3f s), html %.3f s (cpu %.3f s): %.2fx wall, %.2fx cpu (best of %d; load%s)\n' "$n" \
  "$R_A_WALL" "$R_A_CPU" "$R_B_WALL" "$R_B_CPU" "$(ratio "$R_A_WALL" "$R_B_WALL")" "$(ratio "$R_A_CPU" "$R_B_CPU")" "$runs" "$R_LOADS"
printf 'build:     %d txt %.3f s (cpu %.3f s), html %.3f s (cpu %.3f s): %.2fx wall, %.2fx cpu (best of %d; load%s)\n' "$n" \
  "$B_A_WALL" "$B_A_CPU" "$B_B_WALL" "$B_B_CPU" "$(ratio "$B_A_WALL" "$B_B_WALL")" "$(ratio "$B_A_CPU" "$B_B_CPU")" "$runs" "$B_LOADS"
if [ -n "${CALLGRIND:-}" ] && command -v valgrind >/dev/null 2>&1; then
  m=$CALLGRIND
  mkdir -p "$work/txt-$m" "$work/html-$m"
  # (a glob, not ls | head: head's early exit would fail the pipeline)
  txts=("$work"/txt/*); htmls=("$work"/html/*)
  ln "${txts[@]:0:m}" "$work/txt-$m/"; ln "${htmls[@]:0:m}" "$work/html-$m/"
  instr () { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$reader" "$1" 2>&1 >/dev/null \
               | sed -n 's/.*I *refs: *//p' | tr -d ,; }
  it=$(instr "$work/txt-$m"); ih=$(instr "$work/html-$m")
  printf 'read only, instructions (callgrind): %d txt %d, html %d: %.2fx\n' "$m" "$it" "$ih" "$(ratio "$it" "$ih")"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Both must hold every article: a reader that dropped pages would look fast.
dt=$(grep -c 'nkg:sha256' "$work/t.ttl"); dh=$(grep -c 'nkg:sha256' "$work/h.ttl")
printf 'documents: txt %d, html %d\n' "$dt" "$dh"
[ "$dt" = "$n" ] && [ "$dh" = "$n" ]
