//! Scoring an output folder against gold annotations, by the matching rules of the annotation
//! guide. `scripts/eval_reference.py` implements the same rules independently in Python; the two
//! must agree (see `tests/eval.rs`).
//!
//! Decisions where the guide is silent (shared with the reference implementation):
//! - A fact type is scored only when the gold file has rows of that type.
//! - Names: curly apostrophes folded, lower-cased, white space collapsed; then, until nothing
//!   changes, non-alphanumerics trimmed from both ends, a leading honorific dropped while more
//!   than one word remains, a trailing `'s` dropped. In each document a one-word name equal to
//!   the last word of a longer name is folded into it (gold and predictions alike).
//! - Roles: word tokens (apostrophes deleted, `&` → and, `cllr` → councillor, `mp` → member of
//!   parliament), bag Dice ≥ 0.6, greedy one-to-one by Dice. Organisations are reported apart.
//! - Dates: maximum one-to-one matching on (document, value, overlapping spans).
//! - Quotes: over letters and digits of the document; quotes under four words are ignored;
//!   an empty gold speaker matches only an empty predicted speaker.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use crate::error::{Error, Result};

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The scores of one evaluation, in the order they are printed.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// (name, score) per scored line: person, role, role_org, date, publication,
    /// quote_detection, quote_attribution.
    pub lines: Vec<(String, Score)>,
    /// Provenance: facts checked and facts whose text and line are right.
    pub provenance: Option<(u64, u64)>,
}

impl Report {
    /// The score of one line, by name.
    pub fn get(&self, name: &str) -> Option<Score> {
        self.lines.iter().find(|(n, _)| n == name).map(|(_, s)| *s)
    }

    /// A plain table for the terminal.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<18} {:>9} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
            "type", "precision", "recall", "f1", "tp", "fp", "fn"
        );
        for (n, sc) in &self.lines {
            s += &format!(
                "{:<18} {:>9.3} {:>7.3} {:>7.3} {:>7} {:>7} {:>7}\n",
                n,
                sc.precision(),
                sc.recall(),
                sc.f1(),
                sc.tp,
                sc.fp,
                sc.fn_
            );
        }
        if let Some((checked, ok)) = self.provenance {
            s += &format!(
                "{:<18} {:>9.3} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
                "provenance",
                ratio(ok, checked),
                "-",
                "-",
                ok,
                checked - ok,
                "-"
            );
        }
        s
    }

    /// The scores as one JSON object.
    pub fn to_json(&self) -> Json {
        let mut m = serde_json::Map::new();
        for (n, sc) in &self.lines {
            m.insert(
                n.clone(),
                serde_json::json!({
                    "precision": sc.precision(), "recall": sc.recall(), "f1": sc.f1(),
                    "tp": sc.tp, "fp": sc.fp, "fn": sc.fn_,
                }),
            );
        }
        if let Some((checked, ok)) = self.provenance {
            m.insert(
                "provenance".into(),
                serde_json::json!({"checked": checked, "ok": ok, "share": ratio(ok, checked)}),
            );
        }
        Json::Object(m)
    }
}

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "cllr",
    "councillor",
    "professor",
    "prof",
    "rev",
    "reverend",
    "baroness",
    "baron",
];

/// Normalise a person name for matching.
pub fn norm_name(s: &str) -> String {
    let s = s.replace(['’', '‘'], "'").to_lowercase();
    let mut s = crate::text::collapse(&s);
    loop {
        let before = s.clone();
        s = s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let words: Vec<&str> = s.split(' ').collect();
        if words.len() > 1 {
            let w0 = words[0].strip_suffix('.').unwrap_or(words[0]);
            if HONORIFICS.contains(&w0) {
                s = words[1..].join(" ");
            }
        }
        if let Some(x) = s.strip_suffix("'s") {
            s = x.to_string();
        }
        if s == before {
            return s;
        }
    }
}

/// Word tokens of a role for Dice.
pub fn role_tokens(s: &str) -> Vec<String> {
    let s = s
        .to_lowercase()
        .replace(['\'', '’', '‘'], "")
        .replace('&', " and ");
    let mut out = Vec::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        match w {
            "cllr" => out.push("councillor".to_string()),
            "mp" => out.extend(["member", "of", "parliament"].map(String::from)),
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// Dice coefficient of two token bags.
pub fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn read_jsonl(path: &Path) -> Result<Vec<Json>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Eval {
        path: path.to_path_buf(),
        line: 0,
        message: format!("cannot read: {e}"),
    })?;
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        let v: Json = serde_json::from_str(l).map_err(|e| Error::Eval {
            path: path.to_path_buf(),
            line: i + 1,
            message: format!("not a JSON object: {e}"),
        })?;
        out.push(v);
    }
    Ok(out)
}

fn s<'a>(v: &'a Json, k: &str) -> &'a str {
    v.get(k).and_then(Json::as_str).unwrap_or("")
}

fn n(v: &Json, k: &str) -> Option<usize> {
    v.get(k).and_then(Json::as_u64).map(|x| x as usize)
}

/// Speaker alternatives of a gold quote (a string or a list).
fn speakers(v: &Json) -> Vec<String> {
    match v.get("speaker") {
        Some(Json::String(x)) => vec![norm_name(x)],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).map(norm_name).collect(),
        _ => vec![String::new()],
    }
}

struct Docs {
    dir: Option<PathBuf>,
    cache: HashMap<String, Option<Vec<u8>>>,
}

impl Docs {
    fn get(&mut self, doc: &str) -> Option<&[u8]> {
        let dir = self.dir.clone()?;
        self.cache
            .entry(doc.to_string())
            .or_insert_with(|| std::fs::read(dir.join(doc)).ok())
            .as_deref()
    }
}

/// Fold one-word names into a longer name of the same document ending with that word.
fn fold_surnames(set: &HashSet<(String, String)>) -> HashSet<(String, String)> {
    set.iter()
        .filter(|(doc, name)| {
            name.contains(' ')
                || !set.iter().any(|(d2, n2)| {
                    d2 == doc && n2.contains(' ') && n2.rsplit(' ').next() == Some(name.as_str())
                })
        })
        .cloned()
        .collect()
}

fn set_score(gold: &HashSet<(String, String)>, pred: &HashSet<(String, String)>) -> Score {
    let tp = gold.intersection(pred).count() as u64;
    Score {
        tp,
        fp: pred.len() as u64 - tp,
        fn_: gold.len() as u64 - tp,
    }
}

/// Maximum bipartite matching size (augmenting paths). `adj[g]` lists the predictions gold `g`
/// may match.
fn max_matching(adj: &[Vec<usize>], n_pred: usize) -> usize {
    fn augment(
        g: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &p in &adj[g] {
            if seen[p] {
                continue;
            }
            seen[p] = true;
            if owner[p].is_none() || augment(owner[p].unwrap(), adj, seen, owner) {
                owner[p] = Some(g);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; n_pred];
    let mut size = 0;
    for g in 0..adj.len() {
        let mut seen = vec![false; n_pred];
        if augment(g, adj, &mut seen, &mut owner) {
            size += 1;
        }
    }
    size
}

/// Letters and digits of `bytes[start..end]` as (byte offset) units; a character counts when
/// all its bytes are inside the span.
fn alnum_units(bytes: &[u8], start: usize, end: usize) -> Vec<usize> {
    let end = end.min(bytes.len());
    if start >= end {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&bytes[start..end]);
    if let std::borrow::Cow::Borrowed(t) = text {
        t.char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .map(|(i, _)| start + i)
            .collect()
    } else {
        Vec::new()
    }
}

fn words_of(bytes: Option<&[u8]>, start: usize, end: usize, fallback: &str) -> usize {
    match bytes {
        Some(b) if start < end && end <= b.len() => String::from_utf8_lossy(&b[start..end])
            .split_whitespace()
            .count(),
        _ => fallback.split_whitespace().count(),
    }
}

/// Where the documents are: `--docs`, else run.json's input root, else `docs/` beside the gold.
fn docs_dir(explicit: Option<&Path>, out_dir: &Path, gold: &Path) -> Option<PathBuf> {
    if let Some(d) = explicit {
        return Some(d.to_path_buf());
    }
    if let Ok(t) = std::fs::read_to_string(out_dir.join("run.json")) {
        if let Ok(v) = serde_json::from_str::<Json>(&t) {
            for k in ["input_root", "root"] {
                if let Some(r) = v.get(k).and_then(Json::as_str) {
                    let p = PathBuf::from(r);
                    if p.is_dir() {
                        return Some(p);
                    }
                    let q = out_dir.join(r);
                    if q.is_dir() {
                        return Some(q);
                    }
                }
            }
        }
    }
    let sib = gold.parent().map(|p| p.join("docs"));
    sib.filter(|p| p.is_dir())
}

/// A gold date: document, value, evidence spans, and whether it is scored (TIMEX3 DATE).
type GoldDate = (String, String, Vec<(usize, usize)>, bool);

/// Score `out_dir/facts.jsonl` against `gold`.
pub fn evaluate(gold_path: &Path, out_dir: &Path, docs: Option<&Path>) -> Result<Report> {
    let gold = read_jsonl(gold_path)?;
    let pred = read_jsonl(&out_dir.join("facts.jsonl"))?;
    let mut docs = Docs {
        dir: docs_dir(docs, out_dir, gold_path),
        cache: HashMap::new(),
    };
    let of = |rows: &[Json], t: &str| -> Vec<Json> {
        rows.iter().filter(|r| s(r, "type") == t).cloned().collect()
    };
    let gold_types: HashSet<&str> = gold.iter().map(|r| s(r, "type")).collect();
    let mut report = Report::default();

    if gold_types.contains("person") {
        let g: HashSet<(String, String)> = of(&gold, "person")
            .iter()
            .map(|r| (s(r, "doc").to_string(), norm_name(s(r, "name"))))
            .filter(|(_, n)| !n.is_empty())
            .collect();
        let p: HashSet<(String, String)> = of(&pred, "person")
            .iter()
            .map(|r| (s(r, "doc").to_string(), norm_name(s(r, "name"))))
            .filter(|(_, n)| !n.is_empty())
            .collect();
        report.lines.push((
            "person".into(),
            set_score(&fold_surnames(&g), &fold_surnames(&p)),
        ));
    }

    if gold_types.contains("role") {
        type RoleKey = (String, String, Vec<String>);
        let rows = |rows: Vec<Json>| -> Vec<(RoleKey, String)> {
            let mut seen = HashSet::new();
            rows.iter()
                .map(|r| {
                    (
                        (
                            s(r, "doc").to_string(),
                            norm_name(s(r, "person")),
                            role_tokens(s(r, "role")),
                        ),
                        s(r, "organization").to_string(),
                    )
                })
                .filter(|(k, _)| seen.insert(k.clone()))
                .collect()
        };
        let g = rows(of(&gold, "role"));
        let p = rows(of(&pred, "role"));
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (gi, (gk, _)) in g.iter().enumerate() {
            for (pi, (pk, _)) in p.iter().enumerate() {
                if gk.0 == pk.0 && gk.1 == pk.1 {
                    let d = dice(&gk.2, &pk.2);
                    if d >= 0.6 {
                        pairs.push((d, gi, pi));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut gu, mut pu) = (vec![false; g.len()], vec![false; p.len()]);
        let mut matched = Vec::new();
        for (_, gi, pi) in pairs {
            if !gu[gi] && !pu[pi] {
                gu[gi] = true;
                pu[pi] = true;
                matched.push((gi, pi));
            }
        }
        let tp = matched.len() as u64;
        report.lines.push((
            "role".into(),
            Score {
                tp,
                fp: p.len() as u64 - tp,
                fn_: g.len() as u64 - tp,
            },
        ));
        let mut org = Score::default();
        for (gi, pi) in matched {
            let (go, po) = (&g[gi].1, &p[pi].1);
            let agree =
                !go.is_empty() && !po.is_empty() && dice(&role_tokens(go), &role_tokens(po)) >= 0.6;
            if agree {
                org.tp += 1;
            } else {
                if !po.is_empty() {
                    org.fp += 1;
                }
                if !go.is_empty() {
                    org.fn_ += 1;
                }
            }
        }
        report.lines.push(("role_org".into(), org));
    }

    if gold_types.contains("date") {
        let all_gold = of(&gold, "date");
        let is_date = |r: &Json| {
            matches!(
                r.get("timex_type").and_then(Json::as_str),
                None | Some("DATE")
            )
        };
        // Gold spans: explicit, or every occurrence of the text in the document.
        let mut gspans: Vec<GoldDate> = Vec::new();
        for r in &all_gold {
            let doc = s(r, "doc").to_string();
            let spans = match (n(r, "start"), n(r, "end")) {
                (Some(a), Some(b)) => vec![(a, b)],
                _ => {
                    let t = s(r, "text").as_bytes().to_vec();
                    match docs.get(&doc) {
                        Some(bytes) if !t.is_empty() => bytes
                            .windows(t.len())
                            .enumerate()
                            .filter(|(_, w)| *w == t.as_slice())
                            .map(|(i, _)| (i, i + t.len()))
                            .collect(),
                        _ => Vec::new(),
                    }
                }
            };
            gspans.push((doc, s(r, "value").trim().to_string(), spans, is_date(r)));
        }
        let overlaps = |a: &[(usize, usize)], s0: usize, e0: usize| {
            a.iter().any(|&(s1, e1)| s1 < e0 && s0 < e1)
        };
        let preds: Vec<(String, String, usize, usize)> = of(&pred, "date")
            .iter()
            .map(|r| {
                (
                    s(r, "doc").to_string(),
                    s(r, "value").trim().to_string(),
                    n(r, "start").unwrap_or(0),
                    n(r, "end").unwrap_or(0),
                )
            })
            .filter(|(doc, _, a, b)| {
                let on_date = gspans
                    .iter()
                    .any(|g| g.3 && &g.0 == doc && overlaps(&g.2, *a, *b));
                let on_other = gspans
                    .iter()
                    .any(|g| !g.3 && &g.0 == doc && overlaps(&g.2, *a, *b));
                on_date || !on_other
            })
            .collect();
        let gold_dates: Vec<&GoldDate> = gspans.iter().filter(|g| g.3).collect();
        let adj: Vec<Vec<usize>> = gold_dates
            .iter()
            .map(|g| {
                preds
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        // (The guide's "same value": an empty one, a date the annotator could
                        // not normalise such as "the 1990s", matches an empty one.)
                        p.0 == g.0 && p.1 == g.1 && overlaps(&g.2, p.2, p.3)
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let tp = max_matching(&adj, preds.len()) as u64;
        report.lines.push((
            "date".into(),
            Score {
                tp,
                fp: preds.len() as u64 - tp,
                fn_: gold_dates.len() as u64 - tp,
            },
        ));
    }

    if gold_types.contains("publication") {
        let g: HashSet<(String, String)> = of(&gold, "publication")
            .iter()
            .map(|r| (s(r, "doc").to_string(), s(r, "value").trim().to_string()))
            .collect();
        let p: HashSet<(String, String)> = of(&pred, "document")
            .iter()
            .map(|r| {
                (
                    s(r, "doc").to_string(),
                    s(r, "published").trim().to_string(),
                )
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        report.lines.push(("publication".into(), set_score(&g, &p)));
    }

    if gold_types.contains("quote") {
        // (doc, offset) → speakers of the gold quotes covering it.
        let mut gchars: HashMap<(String, usize), Vec<Vec<String>>> = HashMap::new();
        for r in of(&gold, "quote") {
            let doc = s(&r, "doc").to_string();
            let (Some(a), Some(b)) = (n(&r, "start"), n(&r, "end")) else {
                continue;
            };
            let bytes = docs.get(&doc).map(|b| b.to_vec());
            if words_of(bytes.as_deref(), a, b, s(&r, "text")) < 4 {
                continue;
            }
            let units = match &bytes {
                Some(bs) => alnum_units(bs, a, b),
                None => alnum_units(s(&r, "text").as_bytes(), 0, s(&r, "text").len())
                    .into_iter()
                    .map(|i| a + i)
                    .collect(),
            };
            let sp = speakers(&r);
            for u in units {
                gchars.entry((doc.clone(), u)).or_default().push(sp.clone());
            }
        }
        let mut pchars: HashMap<(String, usize), Vec<String>> = HashMap::new();
        for r in of(&pred, "claim") {
            if s(&r, "kind") != "quote" {
                continue;
            }
            let doc = s(&r, "doc").to_string();
            let (Some(a), Some(b)) = (n(&r, "start"), n(&r, "end")) else {
                continue;
            };
            let fallback = if s(&r, "content").is_empty() {
                s(&r, "text")
            } else {
                s(&r, "content")
            };
            let bytes = docs.get(&doc).map(|b| b.to_vec());
            if words_of(bytes.as_deref(), a, b, fallback) < 4 {
                continue;
            }
            let units = match &bytes {
                Some(bs) => alnum_units(bs, a, b),
                None => alnum_units(fallback.as_bytes(), 0, fallback.len())
                    .into_iter()
                    .map(|i| a + i)
                    .collect(),
            };
            let sp = norm_name(s(&r, "speaker"));
            for u in units {
                pchars.entry((doc.clone(), u)).or_default().push(sp.clone());
            }
        }
        let det_tp = pchars.keys().filter(|k| gchars.contains_key(*k)).count() as u64;
        report.lines.push((
            "quote_detection".into(),
            Score {
                tp: det_tp,
                fp: pchars.len() as u64 - det_tp,
                fn_: gchars.len() as u64 - det_tp,
            },
        ));
        let att_tp = pchars
            .iter()
            .filter(|(k, psp)| {
                gchars.get(*k).is_some_and(|gl| {
                    gl.iter()
                        .any(|alts| psp.iter().any(|p| alts.iter().any(|a| a == p)))
                })
            })
            .count() as u64;
        report.lines.push((
            "quote_attribution".into(),
            Score {
                tp: att_tp,
                fp: pchars.len() as u64 - att_tp,
                fn_: gchars.len() as u64 - att_tp,
            },
        ));
    }

    // Provenance of every predicted fact.
    if docs.dir.is_some() {
        let encodings: HashMap<String, String> = of(&pred, "document")
            .iter()
            .map(|r| (s(r, "doc").to_string(), s(r, "encoding").to_string()))
            .collect();
        let (mut checked, mut ok) = (0u64, 0u64);
        for r in pred.iter().filter(|r| s(r, "type") != "document") {
            checked += 1;
            let doc = s(r, "doc");
            let enc = encodings.get(doc).cloned().unwrap_or_default();
            let Some(bytes) = docs.get(doc) else { continue };
            let (Some(a), Some(b)) = (n(r, "start"), n(r, "end")) else {
                continue;
            };
            if a > b || b > bytes.len() {
                continue;
            }
            let slice = &bytes[a..b];
            let text = decode_slice(slice, &enc);
            let line = 1 + bytes[..a].iter().filter(|&&c| c == b'\n').count();
            if text.as_deref() == Some(s(r, "text")) && n(r, "line") == Some(line) {
                ok += 1;
            }
        }
        report.provenance = Some((checked, ok));
    }
    Ok(report)
}

fn decode_slice(slice: &[u8], encoding: &str) -> Option<String> {
    match encoding {
        "" | "UTF-8" | "UTF-8 (BOM)" => std::str::from_utf8(slice).ok().map(str::to_string),
        "UTF-16LE" => Some(
            encoding_rs::UTF_16LE
                .decode_without_bom_handling(slice)
                .0
                .into_owned(),
        ),
        "UTF-16BE" => Some(
            encoding_rs::UTF_16BE
                .decode_without_bom_handling(slice)
                .0
                .into_owned(),
        ),
        other => encoding_rs::Encoding::for_label(other.as_bytes())
            .map(|e| e.decode_without_bom_handling(slice).0.into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_honorifics_possessives_and_apostrophes() {
        assert_eq!(norm_name("Cllr. Aicha  Less’s"), "aicha less");
        assert_eq!(norm_name("Tim O’Gorman"), "tim o'gorman");
        assert_eq!(norm_name("Mr Count"), "count");
    }

    #[test]
    fn role_dice() {
        let a = role_tokens("Cllr");
        let b = role_tokens("Councillor");
        assert_eq!(dice(&a, &b), 1.0);
        let a = role_tokens("Member of Parliament for the Cities of London & Westminster");
        let b = role_tokens("MP for the Cities of London and Westminster");
        assert_eq!(dice(&a, &b), 1.0);
        let a = role_tokens("Director of Children’s Services");
        let b = role_tokens("Director");
        assert!(dice(&a, &b) < 0.6);
    }

    #[test]
    fn matching_is_maximal() {
        // gold 0 can take pred 0 or 1; gold 1 only pred 0: the maximum is 2.
        assert_eq!(max_matching(&[vec![0, 1], vec![0]], 2), 2);
    }
}
