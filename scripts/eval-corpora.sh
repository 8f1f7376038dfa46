#!/usr/bin/env bash
# Score factx on the shared corpora (not part of this repository).
#
#   scripts/eval-corpora.sh                 # every corpus with gold
#   scripts/eval-corpora.sh seeds polnear-dev
#
# FACTX_CORPORA points at the corpus folder (default: ../shared/corpus beside the project);
# FACTX_EVAL_OUT is where outputs go (default: a temporary folder). Each corpus is extracted with
# its docs.csv as --manifest when it has one, then scored with `factx eval`.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${FACTX_CORPORA:-../shared/corpus}
out=${FACTX_EVAL_OUT:-$(mktemp -d)}
if [ ! -d "$corpora" ]; then
  echo "no corpora at $corpora (set FACTX_CORPORA)" >&2
  exit 1
fi
cargo build --release --quiet
bin=target/release/factx
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for d in "$corpora"/*/; do
    n=$(basename "$d")
    [ -s "$d/gold.jsonl" ] && names+=("$n")
  done
fi
for n in "${names[@]}"; do
  d="$corpora/$n"
  args=()
  # A manifest gives known publication dates; the seeds are scored on the text alone.
  if [ -f "$d/docs.csv" ] && [ "$n" != seeds ]; then args+=(--manifest "$d/docs.csv"); fi
  echo "## $n"
  "$bin" extract "$d/docs" -o "$out/$n" --quiet "${args[@]}"
  "$bin" eval --gold "$d/gold.jsonl" "$out/$n"
  echo
done
echo "(outputs in $out)"
