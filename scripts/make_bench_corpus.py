#!/usr/bin/env python3
"""Generate benchmark corpora from the BBC News articles (never committed).

Usage: make_bench_corpus.py SOURCE_DOCS OUT_DIR KIND SIZE
  KIND = large: files of 1-6 articles (about 2-15 KB each) until SIZE bytes in total;
  KIND = small: SIZE files of one or two paragraphs each (about 0.3-1.5 KB).
Files are spread over folders of 1,000 and the mix is seeded, so a corpus is the same every time.
"""
import os, random, sys

def main():
    src, out, kind, size = sys.argv[1], sys.argv[2], sys.argv[3], int(float(sys.argv[4]))
    names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    arts = [open(os.path.join(src, n), "rb").read() for n in names]
    rng = random.Random(42)
    os.makedirs(out, exist_ok=True)
    total, count = 0, 0
    while (kind == "large" and total < size) or (kind == "small" and count < size):
        if kind == "large":
            body = b"\n\n".join(rng.choice(arts) for _ in range(rng.randint(1, 6)))
        else:
            paras = rng.choice(arts).split(b"\n\n")
            k = rng.randint(1, 2)
            body = b"\n\n".join(paras[: k + 1])
        d = os.path.join(out, f"{count // 1000:04d}")
        if count % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{count:07d}.txt"), "wb") as fh:
            fh.write(body)
        total += len(body)
        count += 1
    print(f"{out}: {count} files, {total / 1e6:.1f} MB")

main()
