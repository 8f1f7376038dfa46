#!/usr/bin/env python3
"""Build a blind evaluation set from documents and annotations written by hand.

A blind set is written by someone who has not seen the extractor (see prompt.md); each
document is `raw/NNN.txt` with its facts in `raw/NNN.json`, facts given as text rather than
offsets:

    {"published": "2025-03-14" | null,
     "people":  [{"name": "Full Name", "mention": "text as written, first occurrence"}],
     "roles":   [{"person": "Full Name", "role": "...", "organization": "..." | ""}],
     "dates":   [{"text": "as written", "value": "2025-03", "mod": "START", "occurrence": 1}],
     "quotes":  [{"speaker": "Full Name or body", "text": "content between the marks"}]}

    build.py SETDIR           # writes SETDIR/docs/ and SETDIR/gold.jsonl
    build.py SETDIR --check   # only reports annotations whose text is not in the document

Offsets are byte offsets into the UTF-8 file, found by searching for the text (the n-th
occurrence for dates, the first for people and quotes).
"""
import hashlib
import json
import os
import shutil
import sys


def find(data: bytes, text: str, occurrence: int = 1):
    needle = text.encode("utf-8")
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = data.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    if len(args) != 1:
        sys.exit(__doc__)
    setdir = args[0]
    raw = os.path.join(setdir, "raw")
    problems = []
    rows = []
    names = sorted(f for f in os.listdir(raw) if f.endswith(".txt"))
    docs_out = os.path.join(setdir, "docs")
    if not check:
        shutil.rmtree(docs_out, ignore_errors=True)
        os.makedirs(docs_out)
    for f in names:
        stem = f[:-4]
        data = open(os.path.join(raw, f), "rb").read()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{f}: not UTF-8 ({e})")
        ann_path = os.path.join(raw, stem + ".json")
        if not os.path.exists(ann_path):
            problems.append(f"{f}: no {stem}.json")
            continue
        try:
            ann = json.load(open(ann_path, encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{stem}.json: not JSON ({e})")
            continue
        doc = f"{stem}_{hashlib.sha1(data).hexdigest()[:16]}.txt"
        if ann.get("published"):
            rows.append({"type": "publication", "doc": doc, "value": ann["published"]})
        for p in ann.get("people", []):
            span = find(data, p.get("mention") or p["name"])
            if span is None:
                problems.append(f"{stem}: person mention {p.get('mention')!r} not found")
                continue
            rows.append({"type": "person", "doc": doc, "name": p["name"], "start": span[0],
                         "end": span[1], "text": p.get("mention") or p["name"]})
        for r in ann.get("roles", []):
            row = {"type": "role", "doc": doc, "person": r["person"], "role": r["role"]}
            if r.get("organization"):
                row["organization"] = r["organization"]
            rows.append(row)
        for d in ann.get("dates", []):
            span = find(data, d["text"], int(d.get("occurrence", 1)))
            if span is None:
                problems.append(f"{stem}: date {d['text']!r} (occurrence {d.get('occurrence', 1)}) not found")
                continue
            row = {"type": "date", "doc": doc, "start": span[0], "end": span[1],
                   "text": d["text"], "value": d["value"]}
            if d.get("mod"):
                row["mod"] = d["mod"]
            rows.append(row)
        for q in ann.get("quotes", []):
            span = find(data, q["text"])
            if span is None:
                problems.append(f"{stem}: quote not found: {q['text'][:60]!r}")
                continue
            rows.append({"type": "quote", "doc": doc, "speaker": q["speaker"], "start": span[0],
                         "end": span[1], "text": q["text"]})
        if not check:
            with open(os.path.join(docs_out, doc), "wb") as out:
                out.write(data)
    for p in problems:
        print("problem:", p)
    if not check:
        with open(os.path.join(setdir, "gold.jsonl"), "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(names)} documents, {len(rows)} gold rows, {len(problems)} problems")


if __name__ == "__main__":
    main()
