#!/bin/bash
# issue12.sh NEWSKG [NEWSKG_BEFORE] — every figure of issue #12 in one run,
# so that they share the same load: the real-article corpus against
# wink-nlp and -j 1 against -j 2 (compare-wink.sh), synthetic news at 1,
# 10, 30 and 100 MB (synthetic.sh; with NEWSKG_BEFORE, the same sizes with
# that binary too, and whether the two Turtle files are byte-identical),
# and the inspection commands on the 100 MB graph (inspect-latency.sh).
# The gigabyte run is separate: `JOBS=2 synthetic.sh NEWSKG 1000`.
# Corpora and outputs stay in $NKG_BENCH_DIR (default /tmp/nkg-bench).
#
# The allocator (cli/meson.build, -Dallocator), chosen on 2026-12-06 with
# bde4a05's binary under LD_PRELOAD, same Turtle bytes from all; 2 cores
# shared with other work (load 20-35), so CPU seconds are rough:
#   syn100 (100 MB)        -j 1 CPU s  peak RSS   -j 2 CPU s  peak RSS
#   glibc                     104.3    578 MiB       82.5    619 MiB
#   tcmalloc_minimal           72.6    604 MiB       68.1    610 MiB
#   tcmalloc, decommit         74.4    584 MiB         -        -
#   jemalloc                   78.7    588 MiB         -        -
#   real corpus -j 1, 3 rounds in turn: glibc 2.73/2.77/2.58 s 49 MiB,
#   tcmalloc 2.41/2.37/2.36 s 58 MiB, tcmalloc with decommit 2.26/2.58/2.25 s
#   55 MiB (the lead, quieter, medians: glibc 1.60, tcmalloc 1.40, jemalloc 1.49,
#   mimalloc 1.49 s). tcmalloc costs least; its default keeps freed spans
#   and crossed the 600 MiB line at -j 1, so newskg sets
#   tcmalloc.aggressive_memory_decommit (cli/main.c). Callgrind, real
#   corpus -j 1: 6.64 G instructions on glibc, 6.16 G on tcmalloc.
#   A build of less than 32 MiB of text turns the decommit off once every
#   article is read (cmd_build.c, keep_freed_memory): the finish and the
#   Turtle, the serial tail of -j 2, no longer fault in again what they
#   freed (2026-12-07: their CPU 0.217 -> 0.128 s at -j 2 on the real
#   corpus); kept at 100 MB the peak was 608 MiB. bench/thread-budget.py
#   splits a -j 2 run into serial and parallel CPU from a perf sched trace.
#   The decommit is set for build, extract and merge, and while an inspection
#   command parses a large Turtle (inspect-cache.c); reading a snapshot, the
#   inspection commands keep what they free (show on the 100 MB graph's
#   busiest entity: page faults 9,270 -> 8,600; CPU 0.27 -> 0.25 s at load
#   6-7, 0.232 -> 0.229 s on a quiet machine: within noise).
#   -j 2's serial start and disk wait (2026-12-07, par28; 2 cores shared
#   with four other engineers, load 8-20, so walls are noise and the
#   per-thread CPU of thread-budget.py is the figure). Raptor is opened on
#   its first call (export/raptor-lazy.c): 68 -> 40 libraries at start,
#   `newskg --version` 50-60 -> 38-51 ms task-clock, thread-budget's serial
#   start CPU 0.069/0.062 s (44c4dec) -> 0.039/0.045 s, peak RSS on the
#   real corpus 59 -> 54 MiB. Replacing an existing output hands each
#   written MiB to the writeback (atomic.c, sync_file_range): fsync of the
#   15 MB real-corpus Turtle, 12 alternating runs, median 41 -> 39 ms,
#   lower quartile 25 -> 13 ms; the rename after it 17 -> 9 ms; the run's
#   end none-wanted stayed within noise (0.02-0.13 s both).
set -euo pipefail
newskg=$(realpath "${1:?usage: issue12.sh NEWSKG [NEWSKG_BEFORE]}")
before=${2:+$(realpath "$2")}
here=$(cd "$(dirname "$0")" && pwd)
dir=${NKG_BENCH_DIR:-/tmp/nkg-bench}
sizes=${NKG_BENCH_SIZES:-1 10 30 100}
export NKG_BENCH_DIR=$dir
echo "## real articles x 128"
"$here/compare-wink.sh" "$newskg"
if [ -n "$before" ]; then
  unset MALLOC_PERTURB_
  best=
  for ((r = 0; r < ${RUNS:-3}; r++)); do
    /usr/bin/time -f '%U %S %M' -o "$dir/t.before" "$before" build -q -j 1 "$dir/real" -o "$dir/real.before.ttl"
    c=$(awk '{printf "%.2f", $1 + $2}' "$dir/t.before")
    if [ -z "$best" ] || (($(echo "$c < $best" | bc -l))); then best=$c; fi
  done
  cmp -s "$dir/real.ttl" "$dir/real.before.ttl" && same=identical || same=DIFFERENT
  printf '  before: %s build -j 1  %6.2f CPU s  %4d MiB  (Turtle %s)\n' "$before" "$best" \
    "$(($(awk '{print $3}' "$dir/t.before") / 1024))" "$same"
fi
echo
echo "## synthetic news, build -j 1: $newskg"
# shellcheck disable=SC2086
"$here/synthetic.sh" "$newskg" $sizes
if [ -n "$before" ]; then
  mkdir -p "$dir/after"
  for mb in $sizes; do cp "$dir/syn$mb.ttl" "$dir/after/syn$mb.ttl"; done
  echo
  echo "## synthetic news, build -j 1: $before"
  # shellcheck disable=SC2086
  "$here/synthetic.sh" "$before" $sizes
  for mb in $sizes; do
    cmp -s "$dir/syn$mb.ttl" "$dir/after/syn$mb.ttl" && same=identical || same=DIFFERENT
    echo "  $mb MB: Turtle $same"
    mv "$dir/after/syn$mb.ttl" "$dir/syn$mb.ttl"
  done
fi
echo
echo "## inspection on the 100 MB graph"
"$here/inspect-latency.sh" "$newskg" "$dir/syn100.ttl"
