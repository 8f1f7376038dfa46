#!/usr/bin/env python3
"""Independent reference scorer for factx output folders (Python standard library only).

Usage:
    python3 scripts/eval_reference.py --gold GOLD.jsonl OUT_DIR [--docs DOCS_DIR] [--json]
    python3 scripts/eval_reference.py --self-test

It re-implements the "Matching rules for scoring" of shared/spec/annotation-guide.md so that the
numbers of `factx eval` can be cross-checked. Predictions are read from OUT_DIR/facts.jsonl only.

Resolved points (the Rust scorer should do the same)
====================================================

General
- A type is scored only when the gold file has at least one row of it (gold `person`, `role`,
  `date`, `publication`, `quote`); other predicted types are then not scored. `provenance` is
  reported whenever the documents can be read.
- P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2PR/(P+R); each is 0.0 when its denominator is 0.
- Documents are looked up in: --docs; else the `input_root` (or `root`) recorded in
  OUT_DIR/run.json (top level, or one level down inside an object; a relative path is tried
  against the current directory, then against OUT_DIR; a file root means its parent folder);
  else the `docs/` folder next to the gold file. A doc id is a `/`-separated path under it.
- Document bytes are decoded as UTF-8 (strict); when that fails, with the `encoding` of the
  predicted `document` row for that doc, else cp1252. Decoding errors are replaced.
- Values (date `value`, `published`) are compared as strings after trimming white space; no
  other normalisation. `null`/missing is the empty string.
- Offsets (`start`, `end`, `line`) are JSON integers; integral floats and digit strings are
  accepted too; anything else counts as missing.
- `lower()` is plain Unicode lower-casing (Rust `to_lowercase`), not casefold. "Alphanumeric" is
  Python `str.isalnum` (Rust `char::is_alphanumeric` agrees for all text met in the corpora).

Names (person names, role persons, quote speakers)
- norm(s): replace U+2019 and U+2018 by `'`; lower-case; collapse runs of white space to one
  space. Then repeat until nothing changes:
    1. strip leading and trailing characters that are not alphanumeric;
    2. drop leading tokens (space-separated) that are honorifics -- mr mrs ms miss mx dr sir dame
       lord lady cllr councillor professor prof rev reverend baroness baron, each optionally with
       one trailing `.` -- while more than one token remains (a lone "Lord" stays);
    3. if the string ends with `'s`, drop those two characters (possessive).
  Nothing else is removed (no "the", no diacritic folding). A name that normalises to "" is
  dropped (person rows) or is the empty speaker (quotes).
- Surname folding (needed for conll-style gold, which has every mention): within one document,
  a normalised name that is a single token equal to the last token of another (multi-token)
  normalised name of that document is dropped (it is "folded" into the full name; with set
  semantics this is the same as removing it). Applied to gold and, independently, to the
  predictions (using the predictions' own names). Applied for every corpus; it is a no-op on
  gold that already has one row per person. Only single-token names fold; roles and speakers do
  not fold (a role/quote for "Chalkley" does not match "Danny Chalkley").

person
- Sets of (doc, norm(name)) after folding; tp = |G & P|, fp = |P - G|, fn = |G - P|.

role
- Tokens: lower-case; remove apostrophes (' U+2019 U+2018); `&` becomes " and "; split into maximal
  runs of alphanumeric characters (so hyphens, dots, commas split); then `cllr` -> `councillor`
  and `mp` -> `member`,`of`,`parliament`.
- Dice = 2*|A & B| / (|A| + |B|) over token MULTISETS (bag intersection with min counts);
  0 when both are empty. Match needs same doc, norm(person) equal (non-empty), Dice >= 0.6.
- Duplicates are collapsed first, on both sides: rows with the same (doc, norm(person), role
  token sequence) count once (first occurrence kept, file order).
- One-to-one greedy: all candidate (gold, pred) pairs sorted by Dice descending, then gold
  index, then prediction index (indices = order after de-duplication, file order); accept a pair
  when both are still free. tp = accepted pairs, fp = preds - tp, fn = gold - tp.
- Organisation (reported as the extra line `role_org`, not part of the match): over the matched
  pairs only, an organisation "agrees" when both are non-empty and their token Dice (same
  tokeniser) is >= 0.6. tp = agreeing pairs; fp = pairs with a non-empty predicted organisation
  that does not agree; fn = pairs with a non-empty gold organisation that does not agree.

date
- Gold rows are scored when `timex_type` is absent/empty or equals `DATE` (upper-cased compare).
- Every predicted `date` fact is a candidate whatever its `kind` (publication mentions too).
- Spans are byte ranges [start, end); two spans overlap when s1 < e2 and s2 < e1.
  A gold row without integer start/end is represented by every occurrence (overlapping ones too)
  of its `text` bytes in the document; without documents, "overlap" falls back to one text being
  a case-insensitive substring of the other.
- A prediction that overlaps no scored gold row but overlaps at least one unscored (non-DATE)
  gold row of the same doc is ignored (neither tp nor fp). All other predictions are scored,
  including ones with an empty value.
- Edge: same doc, overlapping, equal values (the guide's "the same value": an empty value, a
  date the annotator could not normalise such as a decade, matches an empty one). tp = size of a MAXIMUM one-to-one matching
  (Kuhn's augmenting paths; the count does not depend on order). fp = scored preds - tp,
  fn = scored gold - tp. `mod` is not scored.

publication
- Gold: set of (doc, value) from `publication` rows. Predictions: (doc, published) from
  `document` facts with a non-empty `published`. tp = |G & P|, fp = |P - G|, fn = |G - P| (a
  wrong date is one fp and one fn). Docs without gold publication still count in fp.

quote (reported as `quote_detection` and `quote_attribution`)
- Gold rows: `quote`; predictions: `claim` facts with `kind` == "quote".
- Word count: the text of the span [start, end) decoded from the document (the row's own
  `text`/`content` when the document cannot be read), split on white space; rows with fewer
  than 4 words are dropped on both sides before anything else.
- Units are the alphanumeric characters of the DOCUMENT text, identified by (doc, byte offset
  of the character). A character is inside a span when all its bytes lie in [start, end).
  Without the document, the characters of the row's own text placed at start + their UTF-8
  offsets are used instead.
- G = union of characters of gold quotes; P = union of characters of predicted quotes.
  Detection: tp = |G & P|, fp = |P - G|, fn = |G - P|.
- Speaker match: norm(predicted speaker) equals norm(g) for some alternative g of the gold
  speaker (a string, or a list of acceptable strings). The EMPTY gold speaker (polnear
  `speaker_method` "none": the text names no source) matches an empty predicted speaker and
  nothing else; a non-empty gold speaker never matches an empty prediction.
- Attribution: A = characters lying in some gold quote AND some predicted quote whose speakers
  match. (The guide's two conditions -- gold char recalled / predicted char precise -- define
  the same set.) tp = |A|, fp = |P| - |A|, fn = |G| - |A|.

provenance
- Over every predicted fact whose type is not `document`: a fact is correct when its doc can be
  read, start/end are integers with 0 <= start <= end <= len(bytes), `text` equals
  bytes[start:end] decoded (strict UTF-8, or the doc's declared encoding), and
  `line` == 1 + bytes[:start].count(b"\\n"). Reported as precision = correct / all,
  tp = correct, fp = incorrect; recall, f1 and fn are not defined (null / "-").

Output: a table `type precision recall f1 tp fp fn` with rows person, role, role_org, date,
publication, quote_detection, quote_attribution, provenance (only those scored); --json prints
one object {type: {precision, recall, f1, tp, fp, fn}, ..., "meta": {...}}.
`--self-test` builds synthetic documents and prediction folders in a temp dir and asserts
hand-computed numbers for every rule above.
"""

import argparse
import bisect
import codecs
import json
import os
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from fractions import Fraction

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "cllr", "councillor",
    "professor", "prof", "rev", "reverend", "baroness", "baron",
}
APOSTROPHES = ("\u2019", "\u2018")
ROLE_MAP = {"cllr": ["councillor"], "mp": ["member", "of", "parliament"]}

WARNINGS = []


def warn(msg):
    if msg not in WARNINGS:
        WARNINGS.append(msg)


# ----------------------------------------------------------------------------- normalisation

def _s(v):
    if v is None:
        return ""
    return v if isinstance(v, str) else str(v)


def _strip_nonalnum(s):
    i, j = 0, len(s)
    while i < j and not s[i].isalnum():
        i += 1
    while j > i and not s[j - 1].isalnum():
        j -= 1
    return s[i:j]


def norm_name(s):
    s = _s(s)
    for a in APOSTROPHES:
        s = s.replace(a, "'")
    s = " ".join(s.lower().split())
    while True:
        before = s
        s = _strip_nonalnum(s)
        toks = s.split(" ")
        while len(toks) > 1:
            t = toks[0][:-1] if toks[0].endswith(".") else toks[0]
            if t in HONORIFICS:
                toks.pop(0)
            else:
                break
        s = " ".join(toks)
        if s.endswith("'s"):
            s = s[:-2]
        if s == before:
            return s


def role_tokens(s):
    s = _s(s).lower()
    for a in ("'",) + APOSTROPHES:
        s = s.replace(a, "")
    s = s.replace("&", " and ")
    toks, cur = [], []
    for ch in s:
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            toks.append("".join(cur))
            cur = []
    if cur:
        toks.append("".join(cur))
    out = []
    for t in toks:
        out.extend(ROLE_MAP.get(t, [t]))
    return out


def dice(a, b):
    if not a and not b:
        return Fraction(0)
    inter = sum((Counter(a) & Counter(b)).values())
    return Fraction(2 * inter, len(a) + len(b))


def fold_surnames(pairs):
    """pairs: set of (doc, normname). Drop single-token names equal to the last token of a
    multi-token name of the same doc."""
    lasts = defaultdict(set)
    for doc, n in pairs:
        toks = n.split(" ")
        if len(toks) > 1:
            lasts[doc].add(toks[-1])
    return {(doc, n) for doc, n in pairs if " " in n or n not in lasts[doc]}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _int(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str) and v.strip().lstrip("-").isdigit():
        return int(v.strip())
    return None


# ----------------------------------------------------------------------------- documents

class Docs:
    def __init__(self, root, encodings=None):
        self.root = root
        self.encodings = encodings or {}
        self._bytes = {}
        self._chars = {}

    def bytes(self, doc):
        if self.root is None:
            return None
        if doc not in self._bytes:
            p = os.path.join(self.root, *_s(doc).split("/"))
            try:
                with open(p, "rb") as f:
                    self._bytes[doc] = f.read()
            except OSError:
                warn("document not found: %s" % p)
                self._bytes[doc] = None
        return self._bytes[doc]

    def _encoding(self, doc, data):
        try:
            data.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            enc = self.encodings.get(doc) or "cp1252"
            try:
                codecs.lookup(enc)
            except LookupError:
                enc = "cp1252"
            return enc

    def decode_slice(self, doc, start, end, strict=True):
        data = self.bytes(doc)
        if data is None:
            return None
        enc = self._encoding(doc, data)
        try:
            return data[start:end].decode(enc, "strict" if strict else "replace")
        except UnicodeDecodeError:
            return None

    def chars(self, doc):
        """(sorted byte offsets, byte lengths, chars) of every character of the document."""
        if doc in self._chars:
            return self._chars[doc]
        data = self.bytes(doc)
        if data is None:
            self._chars[doc] = None
            return None
        enc = self._encoding(doc, data)
        offs, lens, chs = [], [], []
        if enc == "utf-8":
            pos = 0
            for ch in data.decode("utf-8"):
                n = len(ch.encode("utf-8"))
                offs.append(pos)
                lens.append(n)
                chs.append(ch)
                pos += n
        else:
            dec = codecs.getincrementaldecoder(enc)(errors="replace")
            start = 0
            for i in range(len(data)):
                out = dec.decode(data[i:i + 1])
                if out:
                    for ch in out:
                        offs.append(start)
                        lens.append(i + 1 - start)
                        chs.append(ch)
                    start = i + 1
        self._chars[doc] = (offs, lens, chs)
        return self._chars[doc]

    def alnum_in_span(self, doc, start, end):
        c = self.chars(doc)
        if c is None:
            return None
        offs, lens, chs = c
        out = set()
        i = bisect.bisect_left(offs, start)
        while i < len(offs) and offs[i] < end:
            if offs[i] + lens[i] <= end and chs[i].isalnum():
                out.add(offs[i])
            i += 1
        return out


def alnum_from_text(start, text):
    out, pos = set(), start
    for ch in _s(text):
        if ch.isalnum():
            out.add(pos)
        pos += len(ch.encode("utf-8"))
    return out


def find_docs_root(args_docs, out_dir, gold_path):
    if args_docs:
        return args_docs, "--docs"
    rj = os.path.join(out_dir, "run.json")
    if os.path.exists(rj):
        try:
            with open(rj, encoding="utf-8") as f:
                run = json.load(f)
        except (OSError, ValueError):
            run = {}
        cands = []
        if isinstance(run, dict):
            objs = [run] + [v for v in run.values() if isinstance(v, dict)]
            for o in objs:
                for k in ("input_root", "root"):
                    if isinstance(o.get(k), str) and o.get(k):
                        cands.append(o[k])
        for c in cands:
            for p in (c, os.path.join(out_dir, c)):
                if os.path.isdir(p):
                    return p, "run.json"
                if os.path.isfile(p):
                    return os.path.dirname(p) or ".", "run.json"
    g = os.path.join(os.path.dirname(os.path.abspath(gold_path)), "docs")
    if os.path.isdir(g):
        return g, "gold-sibling docs/"
    return None, None


# ----------------------------------------------------------------------------- loading

def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                o = json.loads(line)
            except ValueError:
                warn("%s:%d: not JSON, skipped" % (path, n))
                continue
            if isinstance(o, dict):
                rows.append(o)
    return rows


# ----------------------------------------------------------------------------- scorers

def score_person(gold, pred):
    g = {(_s(r.get("doc")), norm_name(r.get("name"))) for r in gold if r.get("type") == "person"}
    p = {(_s(r.get("doc")), norm_name(r.get("name"))) for r in pred if r.get("type") == "person"}
    g = fold_surnames({x for x in g if x[1]})
    p = fold_surnames({x for x in p if x[1]})
    tp = len(g & p)
    return prf(tp, len(p - g), len(g - p))


def _role_rows(rows, typ):
    out, seen = [], set()
    for r in rows:
        if r.get("type") != typ:
            continue
        key = (_s(r.get("doc")), norm_name(r.get("person")), tuple(role_tokens(r.get("role"))))
        if key in seen:
            continue
        seen.add(key)
        out.append((key, role_tokens(r.get("organization"))))
    return out


def score_role(gold, pred):
    g = _role_rows(gold, "role")
    p = _role_rows(pred, "role")
    cands = []
    for gi, ((gd, gp, gt), _) in enumerate(g):
        if not gp:
            continue
        for pi, ((pd, pp, pt), _) in enumerate(p):
            if gd == pd and gp == pp:
                d = dice(list(gt), list(pt))
                if d >= Fraction(3, 5):
                    cands.append((-d, gi, pi))
    cands.sort()
    gu, pu, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in gu and pi not in pu:
            gu.add(gi)
            pu.add(pi)
            pairs.append((gi, pi))
    tp = len(pairs)
    res = prf(tp, len(p) - tp, len(g) - tp)
    otp = ofp = ofn = 0
    for gi, pi in pairs:
        go, po = g[gi][1], p[pi][1]
        agree = bool(go) and bool(po) and dice(go, po) >= Fraction(3, 5)
        if agree:
            otp += 1
        else:
            if po:
                ofp += 1
            if go:
                ofn += 1
    return res, prf(otp, ofp, ofn)


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score_date(gold, pred, docs):
    grows = [r for r in gold if r.get("type") == "date"]
    gitems = []  # (doc, value, scored, spans or None, text)
    for r in grows:
        doc = _s(r.get("doc"))
        tt = _s(r.get("timex_type")).strip().upper()
        scored = tt in ("", "DATE")
        s, e = _int(r.get("start")), _int(r.get("end"))
        text = _s(r.get("text"))
        if s is not None and e is not None:
            spans = [(s, e)]
        else:
            data = docs.bytes(doc)
            if data is None:
                spans = None
                warn("date gold without offsets and no document: text fallback used")
            else:
                tb = text.encode("utf-8")
                spans = []
                i = data.find(tb) if tb else -1
                while i >= 0:
                    spans.append((i, i + len(tb)))
                    i = data.find(tb, i + 1)
        gitems.append((doc, _s(r.get("value")).strip(), scored, spans, text))

    bydoc = defaultdict(list)
    for gi, it in enumerate(gitems):
        bydoc[it[0]].append(gi)

    def overlaps(gi, pspan, ptext):
        spans = gitems[gi][3]
        if spans is None:
            a, b = ptext.lower(), gitems[gi][4].lower()
            return bool(a) and bool(b) and (a in b or b in a)
        if pspan is None:
            return False
        return any(_overlap(pspan, sp) for sp in spans)

    scored_preds = []  # list of candidate gold lists
    for r in pred:
        if r.get("type") != "date":
            continue
        doc = _s(r.get("doc"))
        s, e = _int(r.get("start")), _int(r.get("end"))
        pspan = (s, e) if s is not None and e is not None else None
        ptext = _s(r.get("text"))
        val = _s(r.get("value")).strip()
        ov_scored, ov_other, edges = False, False, []
        for gi in bydoc.get(doc, []):
            if overlaps(gi, pspan, ptext):
                if gitems[gi][2]:
                    ov_scored = True
                    if val == gitems[gi][1]:
                        edges.append(gi)
                else:
                    ov_other = True
        if not ov_scored and ov_other:
            continue  # ignored
        scored_preds.append(edges)

    # maximum bipartite matching (Kuhn)
    match_g = {}

    def try_aug(pi, seen):
        for gi in scored_preds[pi]:
            if gi in seen:
                continue
            seen.add(gi)
            if gi not in match_g or try_aug(match_g[gi], seen):
                match_g[gi] = pi
                return True
        return False

    sys.setrecursionlimit(max(10000, 4 * len(scored_preds) + 100))
    tp = sum(1 for pi in range(len(scored_preds)) if try_aug(pi, set()))
    n_gold = sum(1 for it in gitems if it[2])
    return prf(tp, len(scored_preds) - tp, n_gold - tp)


def score_publication(gold, pred):
    g = {(_s(r.get("doc")), _s(r.get("value")).strip()) for r in gold if r.get("type") == "publication"}
    g = {x for x in g if x[1]}
    p = {(_s(r.get("doc")), _s(r.get("published")).strip()) for r in pred if r.get("type") == "document"}
    p = {x for x in p if x[1]}
    tp = len(g & p)
    return prf(tp, len(p - g), len(g - p))


def _speaker_alts(v):
    if isinstance(v, list):
        return {norm_name(x) for x in v}
    return {norm_name(v)}


def _quote_units(r, docs, text_field):
    """Return set of (doc, byteoffset) alnum chars of the row, or None when < 4 words."""
    doc = _s(r.get("doc"))
    s, e = _int(r.get("start")), _int(r.get("end"))
    own = _s(r.get(text_field)) or _s(r.get("text"))
    if s is None or e is None:
        data = docs.bytes(doc)
        tb = own.encode("utf-8")
        i = data.find(tb) if data is not None and tb else -1
        if i < 0:
            warn("quote row without offsets could not be located: skipped")
            return None
        s, e = i, i + len(tb)
    span_text = docs.decode_slice(doc, s, e, strict=False) if docs.bytes(doc) is not None else None
    words = (span_text if span_text is not None else own).split()
    if len(words) < 4:
        return None
    units = docs.alnum_in_span(doc, s, e)
    if units is None:
        warn("quote scored from the rows' own text (document not readable)")
        units = alnum_from_text(s, own)
    return {(doc, u) for u in units}


def score_quotes(gold, pred, docs):
    gq = []
    for r in gold:
        if r.get("type") != "quote":
            continue
        u = _quote_units(r, docs, "text")
        if u is not None:
            gq.append((u, _speaker_alts(r.get("speaker"))))
    pq = []
    for r in pred:
        if r.get("type") != "claim" or _s(r.get("kind")) != "quote":
            continue
        u = _quote_units(r, docs, "content")
        if u is not None:
            pq.append((u, norm_name(r.get("speaker"))))
    G = set().union(*[u for u, _ in gq]) if gq else set()
    P = set().union(*[u for u, _ in pq]) if pq else set()
    det_tp = len(G & P)
    det = prf(det_tp, len(P - G), len(G - P))
    A = set()
    for gu, galts in gq:
        for pu, psp in pq:
            if psp in galts:
                A |= gu & pu
    att = prf(len(A), len(P) - len(A), len(G) - len(A))
    return det, att


def score_provenance(pred, docs):
    ok = bad = 0
    for r in pred:
        if r.get("type") == "document":
            continue
        doc = _s(r.get("doc"))
        data = docs.bytes(doc)
        s, e = _int(r.get("start")), _int(r.get("end"))
        good = False
        if data is not None and s is not None and e is not None and 0 <= s <= e <= len(data):
            t = docs.decode_slice(doc, s, e, strict=True)
            line = _int(r.get("line"))
            good = (t is not None and isinstance(r.get("text"), str) and t == r.get("text")
                    and line == 1 + data.count(b"\n", 0, s))
        if good:
            ok += 1
        else:
            bad += 1
    n = ok + bad
    return {"precision": ok / n if n else 0.0, "recall": None, "f1": None,
            "tp": ok, "fp": bad, "fn": None}


# ----------------------------------------------------------------------------- driver

ORDER = ["person", "role", "role_org", "date", "publication", "quote_detection",
         "quote_attribution", "provenance"]


def evaluate(gold_path, out_dir, docs_dir=None):
    del WARNINGS[:]
    gold = read_jsonl(gold_path)
    fj = os.path.join(out_dir, "facts.jsonl")
    pred = read_jsonl(fj)
    root, how = find_docs_root(docs_dir, out_dir, gold_path)
    encs = {_s(r.get("doc")): _s(r.get("encoding")) for r in pred
            if r.get("type") == "document" and r.get("encoding")}
    docs = Docs(root, encs)
    gtypes = {r.get("type") for r in gold}
    res = {}
    if "person" in gtypes:
        res["person"] = score_person(gold, pred)
    if "role" in gtypes:
        res["role"], res["role_org"] = score_role(gold, pred)
    if "date" in gtypes:
        res["date"] = score_date(gold, pred, docs)
    if "publication" in gtypes:
        res["publication"] = score_publication(gold, pred)
    if "quote" in gtypes:
        res["quote_detection"], res["quote_attribution"] = score_quotes(gold, pred, docs)
    if root is not None:
        res["provenance"] = score_provenance(pred, docs)
    else:
        warn("no documents found: provenance not scored, quotes scored from row text")
    meta = {"gold": gold_path, "out": out_dir, "docs": root, "docs_from": how,
            "warnings": list(WARNINGS)}
    return res, meta


def fmt_table(res):
    lines = ["%-18s %9s %9s %9s %8s %8s %8s" % ("type", "precision", "recall", "f1", "tp", "fp", "fn")]
    for k in ORDER:
        if k not in res:
            continue
        m = res[k]
        f = lambda v: "-" if v is None else "%.4f" % v
        i = lambda v: "-" if v is None else str(v)
        lines.append("%-18s %9s %9s %9s %8s %8s %8s" % (
            k, f(m["precision"]), f(m["recall"]), f(m["f1"]), i(m["tp"]), i(m["fp"]), i(m["fn"])))
    return "\n".join(lines)


# ----------------------------------------------------------------------------- self-test
# Synthetic documents only (corpus texts must not be copied into the project).

ST_DOC_A = (
    "Published: 13 January 2025\n"
    "Councillor Jane Roe, Cabinet Member for Parks & Leisure, said: \u201cWe are very pleased with the new park.\u201d\n"
    "Roe added: \u201cThank you all.\u201d\n"
    "Mr Jos\u00e9 N\u00fa\u00f1ez MP said the work began in early 2016 and took 10 years.\n"
    "\u201cIt is a great day for the town,\u201d said N\u00fa\u00f1ez.\n"
    "The council said: \u201cBudgets will rise next year again.\u201d\n"
)
ST_DOC_B = (
    "Phil Simmons took four wickets. Later Simmons said little. "
    "Andy Caddick bowled well and Caddick smiled. Hussain was out.\n"
)


def _span(doc_text, needle, nth=0):
    b = doc_text.encode("utf-8")
    nb = needle.encode("utf-8")
    i = -1
    for _ in range(nth + 1):
        i = b.find(nb, i + 1)
        assert i >= 0, needle
    return i, i + len(nb)


def _prov(doc, doc_text, needle, nth=0):
    s, e = _span(doc_text, needle, nth)
    b = doc_text.encode("utf-8")
    return {"doc": doc, "start": s, "end": e, "text": needle, "line": 1 + b[:s].count(b"\n")}


def _self_test_data():
    A, B = "a.txt", "b.txt"
    gold = []

    def g(row, doc=None, needle=None, nth=0):
        if needle is not None:
            s, e = _span(ST_DOC_A if doc == A else ST_DOC_B, needle, nth)
            row.update({"start": s, "end": e, "text": needle})
        gold.append(row)

    g({"type": "person", "doc": A, "name": "Jane Roe"}, A, "Jane Roe")
    g({"type": "person", "doc": A, "name": "Jos\u00e9 N\u00fa\u00f1ez"}, A, "Jos\u00e9 N\u00fa\u00f1ez")
    for nm, nth in (("Phil Simmons", 0), ("Simmons", 1), ("Andy Caddick", 0), ("Caddick", 1), ("Hussain", 0)):
        g({"type": "person", "doc": B, "name": nm}, B, nm, nth)
    g({"type": "role", "doc": A, "person": "Jane Roe", "role": "Councillor"})
    g({"type": "role", "doc": A, "person": "Jane Roe", "role": "Cabinet Member for Parks and Leisure"})
    g({"type": "role", "doc": A, "person": "Jos\u00e9 N\u00fa\u00f1ez", "role": "Member of Parliament",
       "organization": "Harbridge"})
    g({"type": "date", "doc": A, "value": "2025-01-13"}, A, "13 January 2025")
    g({"type": "date", "doc": A, "value": "2016", "mod": "START"}, A, "early 2016")
    g({"type": "date", "doc": A, "value": "P10Y", "timex_type": "DURATION"}, A, "10 years")
    g({"type": "publication", "doc": A, "value": "2025-01-13"})
    g({"type": "quote", "doc": A, "speaker": "Jane Roe"}, A, "We are very pleased with the new park.")
    g({"type": "quote", "doc": A, "speaker": "Jane Roe"}, A, "Thank you all.")
    g({"type": "quote", "doc": A, "speaker": ["Jos\u00e9 N\u00fa\u00f1ez", "the minister"]}, A,
      "It is a great day for the town,")
    g({"type": "quote", "doc": A, "speaker": ""}, A, "Budgets will rise next year again.")
    return gold


def _gold_to_pred(gold):
    """Perfect prediction rows from gold rows (with provenance)."""
    pred = [{"type": "document", "doc": "a.txt", "published": "2025-01-13", "encoding": "UTF-8"},
            {"type": "document", "doc": "b.txt", "published": ""}]
    for r in gold:
        doc_text = ST_DOC_A if r["doc"] == "a.txt" else ST_DOC_B
        t = r["type"]
        if t == "person":
            p = _prov(r["doc"], doc_text, r["text"], 0)
            p["start"], p["end"] = r["start"], r["end"]
            p["line"] = 1 + doc_text.encode("utf-8")[:r["start"]].count(b"\n")
            p.update({"type": "person", "name": r["name"]})
            pred.append(p)
        elif t == "role":
            p = _prov(r["doc"], doc_text, r["role"].split()[0])
            p.update({"type": "role", "person": r["person"], "role": r["role"],
                      "organization": r.get("organization", "")})
            pred.append(p)
        elif t == "date" and r.get("timex_type", "DATE") == "DATE":
            p = _prov(r["doc"], doc_text, r["text"])
            p.update({"type": "date", "value": r["value"], "mod": r.get("mod", ""), "kind": "mention"})
            pred.append(p)
        elif t == "quote":
            p = _prov(r["doc"], doc_text, r["text"])
            sp = r["speaker"][0] if isinstance(r["speaker"], list) else r["speaker"]
            p.update({"type": "claim", "kind": "quote", "content": r["text"], "speaker": sp})
            pred.append(p)
    return pred


def _write_case(base, name, gold, pred, run_json=None):
    d = os.path.join(base, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "facts.jsonl"), "w", encoding="utf-8") as f:
        for r in pred:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if run_json is not None:
        with open(os.path.join(d, "run.json"), "w", encoding="utf-8") as f:
            json.dump(run_json, f)
    gp = os.path.join(base, name + "-gold.jsonl")
    with open(gp, "w", encoding="utf-8") as f:
        for r in gold:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return gp, d


def _check(res, key, exp):
    m = res[key]
    for k, v in exp.items():
        got = m[k]
        if isinstance(v, float) or (isinstance(got, float) and v is not None):
            assert abs(got - v) < 1e-9, "%s.%s: got %r expected %r" % (key, k, got, v)
        else:
            assert got == v, "%s.%s: got %r expected %r" % (key, k, got, v)


def self_test():
    # unit checks of the normalisers
    assert norm_name("  Cllr.  Aicha   Less ") == "aicha less"
    assert norm_name("Mr Smith\u2019s") == "smith"
    assert norm_name("\u201cDr. Rev. Jane O\u2019Neil,\u201d") == "jane o'neil"
    assert norm_name("Lord") == "lord"
    assert norm_name("Professor Ann Lee's.") == "ann lee"
    assert norm_name("the Ofsted report") == "the ofsted report"
    assert role_tokens("Cllr") == ["councillor"]
    assert role_tokens("Jane Roe MP") == ["jane", "roe", "member", "of", "parliament"]
    assert role_tokens("Director of Children\u2019s Services") == ["director", "of", "childrens", "services"]
    assert role_tokens("Parks & Leisure") == ["parks", "and", "leisure"]
    assert dice(["a", "of", "of"], ["a", "of"]) == Fraction(4, 5)
    assert fold_surnames({("d", "phil simmons"), ("d", "simmons"), ("d", "hussain"), ("e", "simmons")}) == \
        {("d", "phil simmons"), ("d", "hussain"), ("e", "simmons")}

    base = tempfile.mkdtemp(prefix="factx-evalref-")
    docs = os.path.join(base, "factx-evalref-docs")
    os.makedirs(docs)
    for n, t in (("a.txt", ST_DOC_A), ("b.txt", ST_DOC_B)):
        with open(os.path.join(docs, n), "wb") as f:
            f.write(t.encode("utf-8"))
    gold = _self_test_data()
    # Alphanumeric characters of the quotes (counted by hand):
    # Q1 We2 are3 very4 pleased7 with4 the3 new3 park4 = 30
    # Q3 It2 is2 a1 great5 day3 for3 the3 town4         = 23
    # Q4 Budgets7 will4 rise4 next4 year4 again5        = 28   (Q2 "Thank you all." has 3 words: ignored)
    Q1, Q3, Q4 = 30, 23, 28

    # ---- case 1: perfect predictions; docs found through run.json (relative to OUT_DIR)
    pred = _gold_to_pred(gold)
    gp, od = _write_case(base, "perfect", gold, pred, run_json={"input_root": "../factx-evalref-docs"})
    res, meta = evaluate(gp, od, None)
    assert meta["docs_from"] == "run.json", meta
    _check(res, "person", {"tp": 5, "fp": 0, "fn": 0, "f1": 1.0})   # b.txt: 3 after folding
    _check(res, "role", {"tp": 3, "fp": 0, "fn": 0, "f1": 1.0})
    _check(res, "role_org", {"tp": 1, "fp": 0, "fn": 0})
    _check(res, "date", {"tp": 2, "fp": 0, "fn": 0, "f1": 1.0})      # DURATION row not scored
    _check(res, "publication", {"tp": 1, "fp": 0, "fn": 0})
    _check(res, "quote_detection", {"tp": Q1 + Q3 + Q4, "fp": 0, "fn": 0})
    _check(res, "quote_attribution", {"tp": Q1 + Q3 + Q4, "fp": 0, "fn": 0})  # "" matches ""
    _check(res, "provenance", {"tp": len(pred) - 2, "fp": 0, "precision": 1.0})

    # ---- case 2: altered predictions
    pred = _gold_to_pred(gold)
    out = []
    for r in pred:
        t = r["type"]
        if t == "person" and r["name"] == "Jane Roe":
            r["name"] = "Cllr Jane Roe\u2019s"                 # still matches
        if t == "person" and r["name"] == "Hussain":
            continue                                           # fn
        if t == "person" and r["name"] in ("Phil Simmons", "Simmons"):
            if r["name"] == "Phil Simmons":
                continue                                       # only surname left -> fp+fn
        if t == "role" and r["role"] == "Cabinet Member for Parks and Leisure":
            r["role"] = "Cabinet Member for Parks & Leisure and Culture"   # dice 12/14 -> match
            r["organization"] = "Harbridge"                    # gold org empty -> org fp
        if t == "role" and r["role"] == "Member of Parliament":
            r["role"] = "MP"                                   # exact after expansion
            r["organization"] = ""                             # gold org Harbridge -> org fn
        if t == "role" and r["role"] == "Councillor":
            r["role"] = "Cllr"
            r["text"] = "WRONG"                                # provenance bad
        if t == "date" and r["value"] == "2016":
            r["value"] = "2016-01"                             # wrong value -> fp + fn
        if t == "document" and r["doc"] == "a.txt":
            r["published"] = "2025-01-12"                      # wrong -> fp + fn
        if t == "document" and r["doc"] == "b.txt":
            r["published"] = "2020-01-01"                      # no gold -> fp
        if t == "claim" and r["content"].startswith("It is"):
            r["speaker"] = "the minister"                      # alternative -> attribution ok
        if t == "claim" and r["content"].startswith("Budgets"):
            r["speaker"] = "The council"                       # gold "" -> attribution miss
            r["line"] = 1                                      # provenance bad
        if t == "claim" and r["content"].startswith("We are"):
            # predicted span "We are very pleased" (4 words, 16 alnum chars)
            s = r["start"]
            r["end"] = s + len("We are very pleased".encode("utf-8"))
            r["content"] = r["text"] = "We are very pleased"
            r["speaker"] = "Roe"                               # surname only -> no attribution
        out.append(r)
    d_a = ST_DOC_A
    extra = [
        # date overlapping only the DURATION gold row -> ignored
        dict(_prov("a.txt", d_a, "10 years"), type="date", value="", kind="mention"),
        # date with empty value, overlapping nothing -> fp
        dict(_prov("a.txt", d_a, "Published"), type="date", value="", kind="mention"),
        # duplicate of the correct 2025-01-13 date -> one-to-one: fp
        dict(_prov("a.txt", d_a, "January 2025"), type="date", value="2025-01-13", kind="publication"),
        # extra person -> fp ; surname-only repeat of it folds away
        dict(_prov("b.txt", ST_DOC_B, "Andy"), type="person", name="Mr Andy Smith"),
        dict(_prov("b.txt", ST_DOC_B, "Andy"), type="person", name="Smith"),
        # duplicate role row collapses; a role for an unknown person -> fp
        dict(_prov("a.txt", d_a, "Councillor"), type="role", person="Jane Roe", role="Councillor"),
        dict(_prov("a.txt", d_a, "Councillor"), type="role", person="Roe", role="Councillor"),
        # 3-word predicted quote: ignored; 4+ words outside gold: fp chars
        dict(_prov("a.txt", d_a, "Thank you all."), type="claim", kind="quote", speaker="Jane Roe",
             content="Thank you all."),
        dict(_prov("a.txt", d_a, "the work began in early 2016"), type="claim", kind="quote",
             speaker="Jos\u00e9 N\u00fa\u00f1ez", content="the work began in early 2016"),
    ]
    out.extend(extra)
    gp, od = _write_case(base, "altered", gold, out)
    res, meta = evaluate(gp, od, docs)
    # person: gold {jane roe, josé núñez, phil simmons, andy caddick, hussain};
    # pred {jane roe, josé núñez, simmons, andy caddick, andy smith} (caddick, smith folded)
    _check(res, "person", {"tp": 3, "fp": 2, "fn": 2})
    # role: gold 3; pred: councillor(cllr, deduped with extra "Councillor"), cabinet.., MP, Roe/councillor
    _check(res, "role", {"tp": 3, "fp": 1, "fn": 0, "precision": 0.75, "recall": 1.0})
    _check(res, "role_org", {"tp": 0, "fp": 1, "fn": 1})
    # date: scored preds = 2025-01-13 (tp), 2016-01 (fp), empty 'Published' (fp), dup (fp); 10 years ignored
    _check(res, "date", {"tp": 1, "fp": 3, "fn": 1, "precision": 0.25, "recall": 0.5})
    _check(res, "publication", {"tp": 0, "fp": 2, "fn": 1})
    # quotes: W = "the work began in early 2016" = the3 work4 began5 in2 early5 2016(4) = 23 fp chars
    W, Qp = 23, 16   # Qp: We2 are3 very4 pleased7
    _check(res, "quote_detection", {"tp": Qp + Q3 + Q4, "fp": W, "fn": Q1 - Qp})
    _check(res, "quote_attribution", {"tp": Q3, "fp": Qp + Q4 + W, "fn": Q1 + Q4})
    # provenance: all predicted non-document facts; 2 bad (role text, quote line)
    n_facts = sum(1 for r in out if r["type"] != "document")
    _check(res, "provenance", {"tp": n_facts - 2, "fp": 2})

    # ---- case 3: gold dates written as text only (no offsets): occurrence-overlap rule
    gold3 = [{"type": "date", "doc": "a.txt", "text": "2016", "value": "2016"},
             {"type": "date", "doc": "a.txt", "text": "10 years", "value": "P10Y", "timex_type": "DURATION"}]
    pred3 = [dict(_prov("a.txt", d_a, "early 2016"), type="date", value="2016"),
             dict(_prov("a.txt", d_a, "2016"), type="date", value="2016"),     # second: fp (1-1)
             dict(_prov("a.txt", d_a, "took 10"), type="date", value="")]      # overlaps DURATION only
    gp, od = _write_case(base, "textdates", gold3, pred3)
    res, _ = evaluate(gp, od, docs)
    _check(res, "date", {"tp": 1, "fp": 1, "fn": 0})
    assert set(res) == {"date", "provenance"}, res.keys()

    # ---- case 4: maximum matching beats naive greedy for dates
    gold4 = [{"type": "date", "doc": "a.txt", "start": 0, "end": 10, "value": "X"},
             {"type": "date", "doc": "a.txt", "start": 10, "end": 20, "value": "X"}]
    pred4 = [{"type": "date", "doc": "a.txt", "start": 5, "end": 15, "value": "X", "text": "", "line": 1},
             {"type": "date", "doc": "a.txt", "start": 2, "end": 8, "value": "X", "text": "", "line": 1}]
    gp, od = _write_case(base, "matching", gold4, pred4)
    res, _ = evaluate(gp, od, docs)
    _check(res, "date", {"tp": 2, "fp": 0, "fn": 0})
    _check(res, "provenance", {"tp": 0, "fp": 2})

    # ---- case 5: no documents anywhere: quotes from row text, no provenance
    gp, od = _write_case(base, "nodocs", [r for r in gold if r["type"] == "quote"], _gold_to_pred(gold))
    os.rename(docs, docs + "-hidden")
    try:
        res, meta = evaluate(gp, od, None)
    finally:
        os.rename(docs + "-hidden", docs)
    assert meta["docs"] is None and "provenance" not in res
    _check(res, "quote_detection", {"tp": Q1 + Q3 + Q4, "fp": 0, "fn": 0})

    shutil.rmtree(base, ignore_errors=True)
    print("self-test OK")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold")
    ap.add_argument("out_dir", nargs="?")
    ap.add_argument("--docs")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args(argv)
    if a.self_test:
        return self_test()
    if not a.gold or not a.out_dir:
        ap.error("--gold and OUT_DIR are required")
    res, meta = evaluate(a.gold, a.out_dir, a.docs)
    for w in meta["warnings"]:
        print("warning: " + w, file=sys.stderr)
    if a.json:
        obj = {k: res[k] for k in ORDER if k in res}
        obj["meta"] = meta
        print(json.dumps(obj, indent=2, ensure_ascii=False))
    else:
        print("# docs: %s (%s)" % (meta["docs"], meta["docs_from"]), file=sys.stderr)
        print(fmt_table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
