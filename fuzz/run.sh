#!/bin/bash
# fuzz/run.sh SECONDS [BUILD_DIR] — explore: runs each libFuzzer harness for
# SECONDS, one after the other, growing a corpus kept between runs.
# fuzz/run.sh --build [BUILD_DIR] — only sets up and builds what the two
# modes below run, and stops (.ci/run builds it early, in the background).
# fuzz/run.sh --fixed [BUILD_DIR] — check (what .ci/run does): replays every
# input of fuzz/regress/NAME/, then runs each harness from the fresh seeds
# alone with a fixed -seed and a fixed -runs count (RUNS below, about two
# minutes each on a 2-core machine), so that one commit always gets one
# verdict.
# A time limit would make the verdict depend on the machine's load and the
# corpus left by earlier runs; exploring for longer is for developers.
#
# BUILD_DIR (default build-fuzz) is set up with clang and -Dfuzz=true when
# it does not exist yet. Seeds are made fresh from examples/ with the
# build's own newskg: the articles (and pairs of them joined by a NUL, the
# harness's split), the Turtle of each and of all, and snapshots of those
# graphs. In the time mode, what the fuzzer learns is kept in
# BUILD_DIR/fuzz-work/corpus/ for the next run and fuzz/regress/NAME/ is
# read first as part of the corpus; the fixed mode starts from an empty
# BUILD_DIR/fuzz-work/fixed/ each time. A finding is written to
# BUILD_DIR/fuzz-work/artifacts/.
#
# Prints one line per harness, "PASS fuzz-NAME: …" or "FAIL fuzz-NAME: …",
# and exits 1 when any failed. FUZZERS="extract turtle" runs only those;
# FUZZ_RUNS_NAME=N (e.g. FUZZ_RUNS_turtle=100000) changes a fixed count and
# FUZZ_SEED=N the seed. FUZZ_JOBS=N runs N harnesses at a time (default 1).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# The fixed mode's executions per harness (initial corpus included) and seed.
# The extract and turtle harnesses run about 26 and 32 inputs a second
# now (6,000 took 233 s and about 190 s), so 3,000 each keeps CI within
# its 20 minutes; longer exploration is the SECONDS mode's job.
declare -A RUNS=([extract]=3000 [turtle]=3000 [snapshot]=12000)
seed=${FUZZ_SEED:-1}

seconds=${1:-}
build=${2:-build-fuzz}
fixed=
build_only=
if [ "$seconds" = --fixed ]; then
  fixed=1
  seconds=
elif [ "$seconds" = --build ]; then
  build_only=1
  seconds=
elif ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: fuzz/run.sh SECONDS [BUILD_DIR]    (explore for SECONDS per harness)" >&2
  echo "       fuzz/run.sh --fixed [BUILD_DIR]    (regress inputs, then fixed seed and runs)" >&2
  echo "       fuzz/run.sh --build [BUILD_DIR]    (set up and build only)" >&2
  exit 2
fi
if [ ! -d "$build" ]; then
  CC=clang meson setup "$build" -Dfuzz=true >/dev/null || exit 2
fi
# Only what the fuzzers need, not the test suite.
ninja -C "$build" fuzz/fuzz-extract fuzz/fuzz-turtle fuzz/fuzz-snapshot cli/newskg >/dev/null || { echo "fuzz/run.sh: the fuzz build failed" >&2; exit 2; }
[ -n "$build_only" ] && exit 0

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
  # the payload after the 128-byte header and the table of block
  # checksums (8 bytes a block, their count at byte 112): the harness
  # seals it again
  snap=$(echo "$cache"/newskg/*.snapshot)
  blocks=$(od -An -t u8 -j 112 -N 8 "$snap" | tr -d ' ')
  tail -c +$((129 + 8 * blocks)) "$snap" > "$seeds/snapshot/$(basename "$t" .ttl).payload"
done
rm -rf "$work/tmp"
unset ASAN_OPTIONS UBSAN_OPTIONS

# The extract dictionary: our marks and shapes, and the lexicon's own words
# as written and capitalised ("minister", "Minister").
{
  cat "$root/fuzz/extract.dict"
  # (libFuzzer reads only printable ASCII there; "communiqué" would stop it.)
  grep -v '^#' "$root/extract/data/words.tsv" | cut -f1 | LC_ALL=C grep -v '[^ -~]' | grep -v '["\\]' \
    | awk 'length($0) > 1 { print "\"" $0 "\""; print "\"" toupper(substr($0, 1, 1)) substr($0, 2) "\"" }'
} > "$work/extract.dict"

# Leaks, UB and timeouts are findings; third-party caches are not ours.
# (Fast unwinding on malloc: full unwinding is ten times slower.)
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/fuzz/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

declare -A max_len=([extract]=8192 [turtle]=32768 [snapshot]=32768)
declare -A dict=([extract]="-dict=$work/extract.dict")
failed=0
# One harness: its verdict line(s) on stdout; status 1 when it failed.
fuzz_one () {
  local name=$1 rc_one=0 bin regress log timeout runs_var runs corpus rc what done_runs units cov artifact
  local -a opts regress_files
  bin=$root/$build/fuzz/fuzz-$name
  regress=$root/fuzz/regress/$name
  log=$work/fuzz-$name.log
  mkdir -p "$regress"
  # A unit slower than the timeout is a finding. The fixed mode allows more:
  # on a loaded machine a tiny unit has taken 23 s of wall time (a long
  # run's "slow unit" that runs in 0.2 s alone), and the verdict must not
  # depend on the load.
  timeout=30
  [ -n "$fixed" ] && timeout=120
  opts=(-timeout=$timeout -rss_limit_mb=2048 -max_len="${max_len[$name]}" -close_fd_mask=2
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-" ${dict[$name]:-})
  if [ -n "$fixed" ]; then
    runs_var=FUZZ_RUNS_$name
    runs=${!runs_var:-${RUNS[$name]}}
    corpus=$work/fixed/$name
    rm -rf "$corpus"
    mkdir -p "$corpus"
    # Past findings first, each once, on their own: a failure there names
    # the input that came back.
    regress_files=("$regress"/*)
    rc=0
    if [ -e "${regress_files[0]}" ]; then
      "$bin" "${opts[@]}" -runs=0 "${regress_files[@]}" >"$log" 2>&1
      rc=$?
    fi
    if [ "$rc" -eq 0 ]; then
      "$bin" "${opts[@]}" -seed="$seed" -runs="$runs" "$corpus" "$seeds/$name" >>"$log" 2>&1
      rc=$?
    fi
    what="$runs executions (seed $seed)"
  else
    corpus=$work/corpus/$name
    mkdir -p "$corpus"
    "$bin" "${opts[@]}" -max_total_time="$seconds" "$corpus" "$seeds/$name" "$regress" >"$log" 2>&1
    rc=$?
    what="in ${seconds} s"
  fi
  done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  units=$(find "$corpus" -type f | wc -l)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  if [ "$rc" -eq 0 ]; then
    if [ -n "$fixed" ]; then
      echo "PASS fuzz-$name: ${#regress_files[@]} regress inputs, then $what; cov ${cov:-?}, corpus of $units inputs"
    else
      echo "PASS fuzz-$name: ${done_runs:-0} executions $what; cov ${cov:-?}, corpus of $units inputs"
    fi
  else
    rc_one=1
    artifact=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //')
    [ -z "$artifact" ] && artifact=$(grep -o "Running: [^ ]*" "$log" | tail -1 | sed 's/Running: //')
    echo "FAIL fuzz-$name: exit $rc after ${done_runs:-?} executions; input ${artifact:-(none)}, log $log"
    grep -E -m 12 'ERROR:|SUMMARY:|runtime error|^    #[0-9] |fuzz-[a-z]*: ' "$log" | sed 's/^/  /'
  fi
  return $rc_one
}

# FUZZ_JOBS=N runs up to N harnesses at once (.ci/run: 2 on its 2 cores).
# Each harness is one process with its own corpus, seed and run count, so a
# harness runs the very same inputs in the same order whatever runs beside
# it: the verdict is the same as one at a time, in less wall time. The
# verdicts are printed in the harnesses' order once all have finished.
fuzz_jobs=${FUZZ_JOBS:-1}
names=(${FUZZERS:-extract turtle snapshot})
if [ "$fuzz_jobs" -le 1 ]; then
  for name in "${names[@]}"; do
    fuzz_one "$name" || failed=$((failed + 1))
  done
else
  running=0
  for name in "${names[@]}"; do
    if [ "$running" -ge "$fuzz_jobs" ]; then
      wait -n
      running=$((running - 1))
    fi
    { fuzz_one "$name"; echo "rc $?"; } > "$work/verdict-$name" 2>&1 &
    running=$((running + 1))
  done
  wait
  for name in "${names[@]}"; do
    grep -v '^rc [0-9]*$' "$work/verdict-$name"
    grep -qx 'rc 0' "$work/verdict-$name" || failed=$((failed + 1))
  done
fi
exit $((failed > 0))
