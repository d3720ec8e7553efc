#!/bin/bash
# input-formats.sh NEWSKG READ-INPUTS [N] — what reading HTML costs next to
# reading the same article as text (issue #11: at most 2x). Makes N copies
# (default 1000) of the test article (tests/data/inputs), each made unique
# by one closing sentence so that none is skipped as a duplicate, once as
# .txt and once as a saved page (.html), then times
#   1. the input layer alone (READ-INPUTS: sniff, decode, main text,
#      language, duplicates; no extraction), and
#   2. the whole `newskg build`,
# on each, with hyperfine when installed, else /usr/bin/time (best of 3).
# A benchmark, not a test: it prints figures and fails only if a run fails.
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
seconds () { # best wall time of 3 runs of "$@"
  local best=
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -w 1 -r 5 -N \
    -n "read txt" "$reader $work/txt" -n "read html" "$reader $work/html" \
    -n "build txt" "$newskg build -q $work/txt -o $work/t.ttl" \
    -n "build html" "$newskg build -q $work/html -o $work/h.ttl"
fi
rt=$(seconds "$reader" "$work/txt"); rh=$(seconds "$reader" "$work/html")
bt=$(seconds "$newskg" build -q "$work/txt" -o "$work/t.ttl")
bh=$(seconds "$newskg" build -q "$work/html" -o "$work/h.ttl")
"$reader" "$work/txt"; "$reader" "$work/html"
printf 'read only: %d txt %.3f s, html %.3f s (%.2fx)\n' "$n" "$rt" "$rh" "$(echo "$rh / $rt" | bc -l)"
printf 'build:     %d txt %.3f s, html %.3f s (%.2fx)\n' "$n" "$bt" "$bh" "$(echo "$bh / $bt" | bc -l)"
# The two graphs differ only in what the page's metadata adds (dates).
cmp -s <(grep -c '' "$work/t.ttl") <(grep -c '' "$work/h.ttl") || true
