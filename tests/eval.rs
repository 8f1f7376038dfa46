//! `factx eval` on hand-made predictions with scores worked out by hand, and agreement with the
//! independent Python implementation (`scripts/eval_reference.py`).

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

const DOC: &str = "Cllr Jane Roe said: “We will open the new library in May 2025.” Tom Hale agreed.\nPublished: 3 March 2025\n";

fn span(needle: &str) -> (usize, usize) {
    let s = DOC.find(needle).unwrap();
    (s, s + needle.len())
}

fn fact(ty: &str, needle: &str, line: usize, extra: Value) -> Value {
    let (s, e) = span(needle);
    let mut v =
        json!({"type": ty, "doc": "d.txt", "start": s, "end": e, "text": needle, "line": line});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

fn write_lines(path: &Path, rows: &[Value]) {
    let text: String = rows.iter().map(|r| r.to_string() + "\n").collect();
    std::fs::write(path, text).unwrap();
}

fn eval(dir: &Path, speaker: &str) -> Value {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("d.txt"), DOC).unwrap();
    let quote = "We will open the new library in May 2025.";
    let (qs, qe) = span(quote);
    write_lines(
        &dir.join("gold.jsonl"),
        &[
            json!({"type": "person", "doc": "d.txt", "name": "Jane Roe"}),
            json!({"type": "person", "doc": "d.txt", "name": "Tom Hale"}),
            json!({"type": "role", "doc": "d.txt", "person": "Jane Roe", "role": "Councillor"}),
            fact("date", "May 2025", 1, json!({"value": "2025-05"})),
            json!({"type": "publication", "doc": "d.txt", "value": "2025-03-03"}),
            json!({"type": "quote", "doc": "d.txt", "speaker": "Jane Roe", "start": qs, "end": qe, "text": quote}),
        ],
    );
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    write_lines(
        &out.join("facts.jsonl"),
        &[
            json!({"type": "document", "doc": "d.txt", "published": "2025-03-03", "encoding": "UTF-8"}),
            fact("person", "Jane Roe", 1, json!({"name": "Jane Roe"})),
            fact("person", "library", 1, json!({"name": "Library"})),
            fact(
                "role",
                "Cllr",
                1,
                json!({"person": "Jane Roe", "role": "Cllr", "organization": ""}),
            ),
            fact("date", "May 2025", 1, json!({"value": "2025-05"})),
            // A right value on the wrong line: counts as a date, fails provenance.
            fact(
                "date",
                "3 March 2025",
                1,
                json!({"value": "2025-03-03", "kind": "publication"}),
            ),
            fact(
                "claim",
                quote,
                1,
                json!({"kind": "quote", "content": quote, "speaker": speaker}),
            ),
        ],
    );
    let o = Command::new(env!("CARGO_BIN_EXE_factx"))
        .args(["eval", "--json", "--gold"])
        .arg(dir.join("gold.jsonl"))
        .arg(&out)
        .arg("--docs")
        .arg(&docs)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn counts(v: &Value, k: &str) -> (u64, u64, u64) {
    (
        v[k]["tp"].as_u64().unwrap(),
        v[k]["fp"].as_u64().unwrap(),
        v[k]["fn"].as_u64().unwrap(),
    )
}

#[test]
fn scores_agree_with_hand_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let v = eval(tmp.path(), "Cllr Jane Roe");
    // Jane Roe matched; "Library" is spurious; Tom Hale missed.
    assert_eq!(counts(&v, "person"), (1, 1, 1));
    assert_eq!(v["person"]["f1"], 0.5);
    // "Cllr" is read as "Councillor".
    assert_eq!(counts(&v, "role"), (1, 0, 0));
    // May 2025 matches; 3 March 2025 is not a gold date.
    assert_eq!(counts(&v, "date"), (1, 1, 0));
    assert_eq!(counts(&v, "publication"), (1, 0, 0));
    // Letters and digits of "We will open the new library in May 2025.": 2+4+4+3+3+7+2+3+4 = 32.
    assert_eq!(counts(&v, "quote_detection"), (32, 0, 0));
    assert_eq!(counts(&v, "quote_attribution"), (32, 0, 0));
    // Six facts; the publication date's line is wrong (it is on line 2).
    assert_eq!(v["provenance"]["checked"], 6);
    assert_eq!(v["provenance"]["ok"], 5);
}

#[test]
fn a_wrong_speaker_loses_attribution_not_detection() {
    let tmp = tempfile::tempdir().unwrap();
    let v = eval(tmp.path(), "Tom Hale");
    assert_eq!(counts(&v, "quote_detection"), (32, 0, 0));
    assert_eq!(counts(&v, "quote_attribution"), (0, 32, 32));
}

/// The Rust scorer and the independent Python one give the same counts on the samples.
#[test]
fn agrees_with_the_reference_implementation() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: cross-check skipped");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_factx"))
        .arg("extract")
        .arg(root.join("samples"))
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .output()
        .unwrap();
    assert!(o.status.success());
    let gold = root.join("tests/data/samples.gold.jsonl");
    let rust = Command::new(env!("CARGO_BIN_EXE_factx"))
        .args(["eval", "--json", "--gold"])
        .arg(&gold)
        .arg(&out)
        .output()
        .unwrap();
    let py = Command::new("python3")
        .arg(root.join("scripts/eval_reference.py"))
        .arg("--json")
        .arg("--gold")
        .arg(&gold)
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let r: Value = serde_json::from_slice(&rust.stdout).unwrap();
    let p: Value = serde_json::from_slice(&py.stdout).unwrap();
    for k in [
        "person",
        "role",
        "role_org",
        "date",
        "publication",
        "quote_detection",
        "quote_attribution",
    ] {
        assert_eq!(counts(&r, k), counts(&p, k), "{k}");
    }
}

/// The guide matches dates on "the same value": an empty value (a decade, which the contract
/// cannot write) matches an empty prediction, and not a filled one.
#[test]
fn an_empty_date_value_matches_an_empty_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let text = "The mill has stood since the 1990s and reopened in May 2025.\n";
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/d.txt"), text).unwrap();
    let at = |n: &str| {
        let s = text.find(n).unwrap();
        (s, s + n.len())
    };
    let date = |n: &str, value: &str| {
        let (s, e) = at(n);
        json!({"type": "date", "doc": "d.txt", "start": s, "end": e, "text": n, "value": value, "line": 1})
    };
    write_lines(
        &dir.join("gold.jsonl"),
        &[date("the 1990s", ""), date("May 2025", "2025-05")],
    );
    let score = |preds: &[Value]| {
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        write_lines(&out.join("facts.jsonl"), preds);
        let o = Command::new(env!("CARGO_BIN_EXE_factx"))
            .args(["eval", "--json", "--gold"])
            .arg(dir.join("gold.jsonl"))
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        counts(&v, "date")
    };
    assert_eq!(
        score(&[date("the 1990s", ""), date("May 2025", "2025-05")]),
        (2, 0, 0)
    );
    assert_eq!(
        score(&[date("the 1990s", "199"), date("May 2025", "")]),
        (0, 2, 2)
    );
}
