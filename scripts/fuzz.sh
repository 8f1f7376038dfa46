#!/usr/bin/env bash
# Fuzz the per-document pipeline for a bounded time, at low priority.
#
#   scripts/fuzz.sh [SECONDS]          # default 600 (10 minutes)
#
# With a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`), runs the libFuzzer
# target fuzz/fuzz_targets/pipeline.rs; otherwise (or with FACTX_FUZZ=stable) the stable-toolchain
# random driver in tests/fuzz_stable.rs. Both check factx::fuzzing::check on every input and
# print the number of executions.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
if [ "${FACTX_FUZZ:-}" != stable ] && cargo +nightly fuzz --version >/dev/null 2>&1; then
  mkdir -p fuzz/corpus/pipeline
  # Seed the corpus with the samples, as text (first byte 0) and as HTML (first byte 1).
  for f in samples/*.txt; do
    n=$(basename "$f" .txt)
    { printf '\000'; cat "$f"; } >"fuzz/corpus/pipeline/$n.txt.bin"
    { printf '\001<html><body><p>'; cat "$f"; printf '</p></body></html>'; } >"fuzz/corpus/pipeline/$n.html.bin"
  done
  exec nice -n 19 cargo +nightly fuzz run pipeline -- -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536
else
  FACTX_FUZZ_SECS=$secs exec nice -n 19 cargo test --release --test fuzz_stable -- --ignored --nocapture fuzz_for_a_while
fi
