#!/usr/bin/env bash
# Instruction counts of one run, by stage: valgrind's callgrind over the first N files (sorted
# by path; default 2,000, about 16 MB) of the 1 GB benchmark corpus, one thread. Unlike wall
# time on a shared machine, the count repeats to a few parts in a thousand, so a change of 0.5%
# shows; BENCHMARKS.md quotes these counts ("instructions").
#
#   scripts/instructions.sh          # 2,000 files
#   scripts/instructions.sh 60       # 60 files, for a quick look
#
# The binary is built without LTO (in target/quick) so that functions keep their names; its
# counts run some 3% above those of the release binary. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 1; }
dir=${FACTX_BENCH_DIR:-target/bench}
src=${FACTX_CORPORA:-../shared/corpus}/bbc-news/docs
[ -d "$dir/first-$n" ] || [ -d "$dir/large-1g" ] || python3 scripts/make_bench_corpus.py "$src" "$dir/large-1g" large 1e9 >&2
sample="$dir/first-$n"
if [ ! -d "$sample" ]; then
  mkdir -p "$sample.tmp"
  # (awk reads to the end: `head` would stop the pipe early and fail it under pipefail)
  find "$dir/large-1g" -type f | sort | awk -v n="$n" 'NR <= n' | xargs -I{} cp {} "$sample.tmp/"
  mv "$sample.tmp" "$sample"
fi
CARGO_TARGET_DIR=target/quick CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  cargo build --release --quiet
bin=target/quick/release/factx
prof=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$prof" "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$prof" "$bin" extract "$sample" -o "$out/o" \
  --threads 1 --quiet 2> "$out/valgrind.txt"
bytes=$(du -sb --apparent-size "$sample" | cut -f1)
callgrind_annotate --inclusive=yes --threshold=100 "$prof" 2> /dev/null > "$out/incl.txt"
python3 - "$out/incl.txt" "$n" "$bytes" <<'PY'
import re, sys
path, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
incl = {}
total = None
for line in open(path):
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)$", line)
    if not m:
        continue
    count, what = int(m.group(1).replace(",", "")), m.group(2)
    if what.startswith("PROGRAM TOTALS"):
        total = count
        continue
    # "file:function [binary]": keep the largest count of each function (inlined copies are
    # listed under the file they came from).
    fn = re.sub(r" \[.*\]$", "", what).split(":", 1)[-1]
    incl[fn] = max(incl.get(fn, 0), count)
stages = [
    ("document model (decode excluded)", "factx::text::Document::new"),
    ("  classifying tokens (lexicon)", "factx::text::classify"),
    ("  tokenizer", "factx::text::tokenize"),
    ("extractors", "factx::extract::extract"),
    ("  people", "factx::extract::people::extract"),
    ("  roles", "factx::extract::roles::extract"),
    ("  dates", "factx::extract::dates::extract"),
    ("  quotations", "factx::extract::claims::extract"),
    ("  other claims", "factx::extract::claims::extract_other"),
    ("resolve (clusters, speakers, provenance)", "factx::resolve::resolve"),
    ("  speaker name index", "factx::names::NameIndex::new"),
    ("rendering rows (workers)", "factx::output::render"),
    ("writing tables (writer thread)", "factx::output::Writers::write_rendered"),
    ("SHA-256 (portable code under valgrind)", "sha2::sha256::compress256"),
    ("decode", "factx::decode::decode"),
    ("walk", "<factx::walk::Walker as core::iter::traits::iterator::Iterator>::next"),
    ("compiling the built-in rules (once a run)", "factx::rules::Rules::builtin"),
]
print(f"{n} files, {size / 1e6:.1f} MB, one thread: {total:,} instructions "
      f"({total / size:.0f} per byte)\n")
print("| stage | instructions | share |")
print("|---|---|---|")
for name, fn in stages:
    c = incl.get(fn)
    cell = f"{c:,} | {100 * c / total:.1f}%" if c else "(inlined or not run) | -"
    print(f"| {name} | {cell} |")
PY
