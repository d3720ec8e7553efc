#!/bin/bash
# real-corpus.sh OUTDIR [COPIES] — the 18 real articles of ../shared/eval
# (seeds/docs and dev/docs) copied COPIES times (default 128), each copy
# made distinct by one last line of its own, so that duplicate detection
# (the same text read twice) does not skip it. The line names no one, so
# it adds nothing to the graph. Needs ../shared beside the repository.
set -euo pipefail
out=${1:?usage: real-corpus.sh OUTDIR [COPIES]}
copies=${2:-128}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${NKG_SHARED_DIR:-$root/../shared}
[ -d "$shared/eval/seeds/docs" ] || { echo "real-corpus.sh: no $shared/eval" >&2; exit 77; }
mkdir -p "$out"
mapfile -t src < <(ls "$shared"/eval/seeds/docs/*.txt "$shared"/eval/dev/docs/*.txt)
for ((c = 0; c < copies; c++)); do
  d=$out/c$(printf %03d "$c")
  mkdir -p "$d"
  for f in "${src[@]}"; do
    { cat "$f"; printf '\n(benchmark copy %d)\n' "$c"; } > "$d/$(basename "$f")"
  done
done
echo "real-corpus.sh: ${#src[@]} articles x $copies copies in $out ($(du -sb "$out" | cut -f1) bytes)"
