//! Rule behaviour as data: every `tests/rules/*.toml` file holds named cases of text and the
//! facts expected from it, one file per rule family. A listed fact type must match exactly (same
//! number of facts; each expected field equal); a type not listed is not checked.

use std::path::Path;

use factx::{Options, Pipeline, Rules};
use toml::Value;

fn field<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

fn check(file: &str, case: &Value, p: &Pipeline) -> Vec<String> {
    let name = field(case, "name").unwrap_or("?");
    let text = field(case, "text").expect("a case needs text");
    let facts = p.process_bytes("case.txt", text.as_bytes());
    let mut problems = Vec::new();
    let mut compare = |ty: &str, got: Vec<Vec<(&str, String)>>| {
        let Some(expected) = case.get(ty).and_then(Value::as_array) else {
            return;
        };
        let shown: Vec<String> = got
            .iter()
            .map(|f| {
                f.iter()
                    .map(|(k, v)| format!("{k}={v:?}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        if expected.len() != got.len() {
            problems.push(format!(
                "{file}: case '{name}': expected {} {ty}, got {}:\n    {}",
                expected.len(),
                got.len(),
                shown.join("\n    ")
            ));
            return;
        }
        for (e, g) in expected.iter().zip(&got) {
            let table = e.as_table().expect("expected facts are tables");
            for (k, v) in table {
                let want = v.as_str().unwrap_or_default();
                let have = g.iter().find(|(gk, _)| gk == k).map(|(_, v)| v.as_str());
                if have != Some(want) {
                    problems.push(format!(
                        "{file}: case '{name}': {ty} field {k}: expected {want:?}, got {have:?}\n    got: {}",
                        shown.join("\n    got: ")
                    ));
                }
            }
        }
    };
    compare(
        "people",
        facts
            .people
            .iter()
            .map(|x| {
                vec![
                    ("name", x.name.clone()),
                    ("honorific", x.honorific.clone()),
                    ("rule", x.prov.rule.clone()),
                    ("mentions", x.mentions.to_string()),
                    ("text", x.prov.text.clone()),
                ]
            })
            .collect(),
    );
    compare(
        "roles",
        facts
            .roles
            .iter()
            .map(|x| {
                vec![
                    ("person", x.person.clone()),
                    ("role", x.role.clone()),
                    ("organization", x.organization.clone()),
                    ("rule", x.prov.rule.clone()),
                    ("text", x.prov.text.clone()),
                ]
            })
            .collect(),
    );
    compare(
        "dates",
        facts
            .dates
            .iter()
            .map(|x| {
                vec![
                    ("text", x.prov.text.clone()),
                    ("value", x.value.clone()),
                    ("mod", x.mod_.clone()),
                    ("kind", x.kind.clone()),
                    ("rule", x.prov.rule.clone()),
                    ("granularity", x.granularity.clone()),
                    ("anchor", x.anchor.clone()),
                    ("note", x.note.clone()),
                ]
            })
            .collect(),
    );
    compare(
        "quotes",
        facts
            .claims
            .iter()
            .filter(|c| c.kind == "quote")
            .map(|x| {
                vec![
                    ("content", x.content.clone()),
                    ("speaker", x.speaker.clone()),
                    ("speaker_type", x.speaker_type.clone()),
                    ("cue", x.cue.clone()),
                    ("rule", x.prov.rule.clone()),
                    ("note", x.note.clone()),
                ]
            })
            .collect(),
    );
    compare(
        "claims",
        facts
            .claims
            .iter()
            .filter(|c| c.kind != "quote")
            .map(|x| {
                vec![
                    ("kind", x.kind.clone()),
                    ("text", x.prov.text.clone()),
                    ("content", x.content.clone()),
                    ("speaker", x.speaker.clone()),
                    ("speaker_type", x.speaker_type.clone()),
                    ("cue", x.cue.clone()),
                    ("subject", x.subject.clone()),
                    ("value", x.value.clone()),
                    ("date", x.date.clone()),
                    ("rule", x.prov.rule.clone()),
                ]
            })
            .collect(),
    );
    if let Some(published) = field(case, "published") {
        let got = &facts.document.as_ref().unwrap().published;
        if got != published {
            problems.push(format!(
                "{file}: case '{name}': published: expected {published:?}, got {got:?}"
            ));
        }
    }
    problems
}

#[test]
fn rule_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let p = Pipeline::new(Rules::builtin(), Options::default());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut problems = Vec::new();
    let mut cases = 0;
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let text = std::fs::read_to_string(f).unwrap();
        let doc: Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for case in doc
            .get("case")
            .and_then(Value::as_array)
            .expect("[[case]] tables")
        {
            cases += 1;
            problems.extend(check(&name, case, &p));
        }
    }
    assert!(cases >= 40, "only {cases} cases");
    assert!(
        problems.is_empty(),
        "{} failing:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
