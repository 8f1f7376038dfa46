#!/usr/bin/env bash
# A profile-guided build of factx: an instrumented binary extracts from a training corpus, and
# the compiler lays out and inlines the code for the paths that run (BENCHMARKS.md: some 7%
# less CPU time than `cargo build --release`, the same outputs).
#
#   scripts/build-pgo.sh                 # trains on samples/ (repeated), writes target/pgo/release/factx
#   scripts/build-pgo.sh DIR...          # trains on these folders instead (e.g. a news corpus)
#
# Needs `llvm-profdata` of the LLVM version that rustc uses (`rustc -vV`): rustup's
# `llvm-tools` component, or the distribution's package of that version (Debian:
# `apt-get install llvm-22` for LLVM 22).
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
profdata=""
for c in "$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-profdata \
  "llvm-profdata-$major" "/usr/lib/llvm-$major/bin/llvm-profdata" llvm-profdata; do
  if command -v "$c" > /dev/null 2>&1 &&
    "$c" --version 2>/dev/null | grep -q "LLVM version $major\."; then
    profdata=$c
    break
  fi
done
if [ -z "$profdata" ]; then
  echo "build-pgo: no llvm-profdata of LLVM $major (rustc's) found." >&2
  echo "  Install rustup's 'llvm-tools' component, or your distribution's LLVM $major" >&2
  echo "  (Debian: apt-get install llvm-$major), and run this again." >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "build-pgo: instrumented build (target/pgo-gen)" >&2
RUSTFLAGS="-Cprofile-generate=$work/raw" CARGO_TARGET_DIR=target/pgo-gen \
  cargo build --release --quiet
rm -rf "$work/raw"
if [ $# -gt 0 ]; then
  for d in "$@"; do
    echo "build-pgo: training on $d" >&2
    target/pgo-gen/release/factx extract "$d" -o "$work/out" --threads 1 --quiet
  done
else
  # The samples are small: forty runs give the profile its counts.
  echo "build-pgo: training on samples/" >&2
  for _ in $(seq 40); do
    target/pgo-gen/release/factx extract samples -o "$work/out" --threads 1 --quiet
  done
fi
"$profdata" merge -o "$work/factx.profdata" "$work"/raw/*.profraw
echo "build-pgo: optimised build (target/pgo)" >&2
RUSTFLAGS="-Cprofile-use=$work/factx.profdata" CARGO_TARGET_DIR=target/pgo \
  cargo build --release --quiet
echo "target/pgo/release/factx"
