#!/usr/bin/env bash
# Whole-binary benchmark: MB/s, documents/s and peak RSS at 1 and 2 threads over corpora built
# from ../shared/corpus/bbc-news (generated under $FACTX_BENCH_DIR, default target/bench; never
# committed). Prints a Markdown table; `scripts/bench.sh --write` also writes BENCHMARKS.md.
#
#   scripts/bench.sh            # 1 GB corpus and 200,000 small files
#   scripts/bench.sh --2g       # also the 2 GB corpus (memory check)
#   scripts/bench.sh --quick    # 100 MB and 20,000 files, for a fast look
#   FACTX_BIN=target/pgo/release/factx scripts/bench.sh --quick
#                               # another binary (scripts/build-pgo.sh makes a profile-guided one)
set -euo pipefail
cd "$(dirname "$0")/.."
src=${FACTX_CORPORA:-../shared/corpus}/bbc-news/docs
dir=${FACTX_BENCH_DIR:-target/bench}
write=0; two=0; quick=0
for a in "$@"; do
  case $a in --write) write=1 ;; --2g) two=1 ;; --quick) quick=1 ;; esac
done
if [ -z "${FACTX_BIN:-}" ]; then
  cargo build --release --quiet
fi
bin=${FACTX_BIN:-target/release/factx}
mkdir -p "$dir"
if [ $quick = 1 ]; then
  corpora=("large-100m large 100e6" "small-20k small 20000")
else
  corpora=("large-1g large 1e9" "small-200k small 200000")
  [ $two = 1 ] && corpora+=("large-2g large 2e9")
fi
rows=()
for c in "${corpora[@]}"; do
  set -- $c
  name=$1; kind=$2; size=$3
  [ -d "$dir/$name" ] || python3 scripts/make_bench_corpus.py "$src" "$dir/$name" "$kind" "$size" >&2
  bytes=$(du -sb --apparent-size "$dir/$name" | cut -f1)
  files=$(find "$dir/$name" -type f | wc -l)
  for t in 1 2; do
    rm -rf "$dir/out-$name"
    # Warm the page cache so that each run reads from memory (with find: a glob of 125,000
    # files is too long for one command line).
    find "$dir/$name" -type f -exec cat {} + > /dev/null
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$bin" extract "$dir/$name" -o "$dir/out-$name" --threads $t --quiet
    read -r secs rss_kb < "$dir/time.txt"
    row=$(python3 -c "b,f,s,r=$bytes,$files,$secs,$rss_kb; print(f'| {\"$name\"} | {f:,} | {b/1e6:,.0f} | $t | {s:.1f} | {b/1e6/s:.1f} | {f/s:,.0f} | {r/1024:.0f} |')")
    echo "$row" >&2
    rows+=("$row")
  done
  rm -rf "$dir/out-$name"
done
table="| corpus | files | MB | threads | seconds | MB/s | documents/s | peak RSS (MB) |
|---|---|---|---|---|---|---|---|"
for r in "${rows[@]}"; do table+=$'\n'"$r"; done
echo "$table"
if [ $write = 1 ]; then
  machine="$(lscpu | grep -E '^Model name' | sed 's/Model name: *//'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr), $(rustc --version)"
  python3 - "$table" "$machine" <<'PY'
import re, sys
table, machine = sys.argv[1], sys.argv[2]
p = "BENCHMARKS.md"
s = open(p).read()
s = re.sub(r"<!-- bench:start -->.*<!-- bench:end -->",
           "<!-- bench:start -->\nMachine: " + machine + "\n\n" + table + "\n<!-- bench:end -->",
           s, flags=re.S)
open(p, "w").write(s)
PY
fi
