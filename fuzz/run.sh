#!/bin/bash
# fuzz/run.sh SECONDS [BUILD_DIR] — runs each libFuzzer harness for SECONDS,
# one after the other.
#
# BUILD_DIR (default build-fuzz) is set up with clang and -Dfuzz=true when
# it does not exist yet. Seeds are made fresh from examples/ with the
# build's own newskg: the articles (and pairs of them joined by a NUL, the
# harness's split), the Turtle of each and of all, and snapshots of those
# graphs. What the fuzzer learns is kept in BUILD_DIR/fuzz-work/corpus/ for
# the next run; fuzz/regress/NAME/ holds the inputs of past findings, run
# first every time. A finding is written to BUILD_DIR/fuzz-work/artifacts/.
#
# Prints one line per harness, "PASS fuzz-NAME: …" or "FAIL fuzz-NAME: …",
# and exits 1 when any failed. FUZZERS="extract turtle" runs only those.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-}
build=${2:-build-fuzz}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: fuzz/run.sh SECONDS [BUILD_DIR]" >&2
  exit 2
fi
if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" -Dfuzz=true >/dev/null || exit 2
fi
# Only what the fuzzers need, not the test suite.
ninja -C "$build" fuzz/fuzz-extract fuzz/fuzz-turtle fuzz/fuzz-snapshot cli/newskg >/dev/null || { echo "fuzz/run.sh: the fuzz build failed" >&2; exit 2; }

work=$root/$build/fuzz-work
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{extract,turtle,snapshot} "$work/artifacts" "$work/tmp"

# Seeds: our own example articles, never evaluation text.
newskg=$root/$build/cli/newskg
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1
articles=("$root"/examples/*.txt)
for a in "${articles[@]}"; do
  cp "$a" "$seeds/extract/"
done
for ((i = 0; i + 1 < ${#articles[@]}; i++)); do
  { cat "${articles[i]}"; printf '\0'; cat "${articles[i + 1]}"; } > "$seeds/extract/pair-$i.txt"
done
# Built inside examples/, so sources are bare file names.
for a in "${articles[@]##*/}" .; do
  name=$(basename "$a" .txt)
  [ "$a" = . ] && name=examples
  (cd "$root/examples" && "$newskg" build -q "$a" -o "$seeds/turtle/$name.ttl") || exit 2
done
cp "$root/tests/data/mini.ttl" "$seeds/turtle/"
# Queries the turtle harness reads from "#?" comment lines.
{ cat "$seeds/turtle/examples.ttl"; printf '#?singh\n#?def\n#?US\n'; } > "$seeds/turtle/queries.ttl"
for t in "$seeds"/turtle/*.ttl; do
  cache=$work/tmp/cache
  rm -rf "$cache"
  XDG_CACHE_HOME=$cache NEWSKG_CACHE_MIN_BYTES=0 "$newskg" stats -g "$t" >/dev/null || exit 2
  # the payload after the 128-byte header: the harness seals it again
  tail -c +129 "$cache"/newskg/*.snapshot > "$seeds/snapshot/$(basename "$t" .ttl).payload"
done
rm -rf "$work/tmp"
unset ASAN_OPTIONS UBSAN_OPTIONS

# Leaks, UB and timeouts are findings; third-party caches are not ours.
# (Fast unwinding on malloc: full unwinding is ten times slower.)
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/fuzz/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

declare -A max_len=([extract]=8192 [turtle]=32768 [snapshot]=32768)
failed=0
for name in ${FUZZERS:-extract turtle snapshot}; do
  bin=$root/$build/fuzz/fuzz-$name
  corpus=$work/corpus/$name
  regress=$root/fuzz/regress/$name
  mkdir -p "$corpus" "$regress"
  log=$work/fuzz-$name.log
  "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len="${max_len[$name]}" \
    -close_fd_mask=2 -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-" \
    "$corpus" "$seeds/$name" "$regress" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  if [ "$rc" -eq 0 ]; then
    echo "PASS fuzz-$name: ${runs:-0} executions in ${seconds} s, corpus of $units inputs"
  else
    failed=$((failed + 1))
    artifact=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
    echo "FAIL fuzz-$name: exit $rc after ${runs:-?} executions; input ${artifact:-(none)}, log $log"
    grep -E -m 12 'ERROR:|SUMMARY:|runtime error|^    #[0-9] |fuzz-[a-z]*: ' "$log" | sed 's/^/  /'
  fi
done
exit $((failed > 0))
