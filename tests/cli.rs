//! Integration tests: run the `factx` binary on `samples/` and on hostile folders in a temp dir.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn factx() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factx"))
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn gold() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/samples.gold.jsonl")
}

fn extract(inputs: &[&Path], out: &Path, extra: &[&str]) -> std::process::Output {
    let mut c = factx();
    c.arg("extract");
    for i in inputs {
        c.arg(i);
    }
    c.arg("-o").arg(out).arg("--quiet").args(extra);
    let o = c.output().unwrap();
    assert!(
        o.status.success(),
        "factx failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn facts(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("facts.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn rows<'a>(facts: &'a [Value], ty: &str) -> Vec<&'a Value> {
    facts.iter().filter(|f| f["type"] == ty).collect()
}

#[test]
fn every_table_is_written_with_its_header() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    extract(&[&samples()], &out, &[]);
    let headers = [
        ("documents.csv", "doc,bytes,sha256,encoding,title,published,published_text,status,message"),
        ("people.csv", "doc,start,end,char_start,char_end,line,text,sentence,rule,person_id,name,honorific,mentions"),
        ("roles.csv", "doc,start,end,char_start,char_end,line,text,sentence,rule,person_id,person,role,organization"),
        ("dates.csv", "doc,start,end,char_start,char_end,line,text,sentence,rule,value,mod,granularity,kind,anchor,note"),
        ("claims.csv", "doc,start,end,char_start,char_end,line,text,sentence,rule,claim_id,kind,speaker_id,speaker,speaker_type,cue,content,subject,value,date,note"),
    ];
    for (file, header) in headers {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert_eq!(text.lines().next().unwrap(), header, "{file}");
        assert!(text.lines().count() > 1, "{file} has no rows");
    }
    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["documents"]["ok"], 6);
    assert!(run["rules_fingerprint"].as_str().unwrap().len() == 64);
    // No temporary folder is left beside the output.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "out")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn every_fact_points_at_its_evidence() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    extract(&[&samples()], &out, &[]);
    let all = facts(&out);
    let mut checked = 0;
    for f in all.iter().filter(|f| f["type"] != "document") {
        let doc = f["doc"].as_str().unwrap();
        let bytes = std::fs::read(samples().join(doc)).unwrap();
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        let text = std::str::from_utf8(&bytes[s..e]).unwrap();
        assert_eq!(text, f["text"].as_str().unwrap(), "{f}");
        let line = 1 + bytes[..s].iter().filter(|&&b| b == b'\n').count();
        assert_eq!(f["line"].as_u64().unwrap() as usize, line, "{f}");
        let decoded = std::str::from_utf8(&bytes).unwrap();
        let cs = decoded[..s].chars().count();
        let ce = decoded[..e].chars().count();
        assert_eq!(f["char_start"].as_u64().unwrap() as usize, cs, "{f}");
        assert_eq!(f["char_end"].as_u64().unwrap() as usize, ce, "{f}");
        assert!(!f["rule"].as_str().unwrap().is_empty());
        checked += 1;
    }
    assert!(checked > 50, "only {checked} facts");
}

#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let (o1, o2) = (tmp.path().join("t1"), tmp.path().join("t2"));
    extract(&[&samples()], &o1, &["--threads", "1"]);
    extract(&[&samples()], &o2, &["--threads", "2"]);
    for f in [
        "documents.csv",
        "people.csv",
        "roles.csv",
        "dates.csv",
        "claims.csv",
        "facts.jsonl",
    ] {
        let a = std::fs::read(o1.join(f)).unwrap();
        let b = std::fs::read(o2.join(f)).unwrap();
        assert!(a == b, "{f} differs between 1 and 2 threads");
    }
}

/// Facts checked by hand against the sample texts (see tests/data/samples.gold.jsonl).
#[test]
fn sample_facts_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    extract(&[&samples()], &out, &[]);
    let all = facts(&out);
    let has = |ty: &str, pred: &dyn Fn(&Value) -> bool| rows(&all, ty).into_iter().any(pred);

    // People, with honorifics and name shapes.
    assert!(has("person", &|p| p["doc"] == "harbridge_empty_homes.txt"
        && p["name"] == "Nadia Quayle"
        && p["honorific"] == "Councillor"));
    assert!(has("person", &|p| p["doc"]
        == "greyfield_harbridge_office.txt"
        && p["name"] == "Lotte van der Berg"
        && p["honorific"] == "Dr"));
    assert!(has("person", &|p| p["doc"] == "northfold_mill_lane.txt"
        && p["name"] == "Patrick Delaney-Hume"
        && p["person_id"] == "patrick-delaney-hume"));
    // A surname-only mention counts towards the person.
    assert!(has("person", &|p| p["name"] == "Tessa Marlowe"
        && p["mentions"].as_u64().unwrap() >= 2));
    // Not people: organisations, places, headings.
    for not in [
        "Harbridge Borough Council",
        "Northfold",
        "Chapel Street",
        "Kestrel Homes",
        "Notes",
    ] {
        assert!(
            !has("person", &|p| p["name"] == not),
            "{not} is not a person"
        );
    }

    // Roles: coordinated titles split, organisation apart.
    assert!(has("role", &|r| r["person"] == "Nadia Quayle"
        && r["role"] == "Deputy Leader"));
    assert!(has("role", &|r| r["person"] == "Nadia Quayle"
        && r["role"] == "Cabinet Member for Housing"));
    assert!(has("role", &|r| r["person"] == "Dennis Ashworth"
        && r["role"] == "Leader"
        && r["organization"] == "Harbridge Borough Council"));

    // Dates, normalised.
    assert!(has("date", &|d| d["text"] == "early 2023"
        && d["value"] == "2023"
        && d["mod"] == "START"));
    assert!(has("date", &|d| d["text"] == "October 11, 2019"
        && d["value"] == "2019-10-11"));
    assert!(has("date", &|d| d["text"] == "04/11/2019"
        && d["value"] == "2019-11-04"));
    assert!(has("date", &|d| d["text"] == "the 1990s"
        && d["value"] == "199"
        && d["granularity"] == "decade"));
    // Never dates: phone numbers, money, scores.
    for not in ["01632 960418", "3-1", "£2.4m", "1962"] {
        assert!(
            !has("date", &|d| d["text"].as_str().unwrap().contains(not)
                && not != "1962"),
            "{not}"
        );
    }

    // Publication dates from a "Published:" line, a "Date:" line and a dateline.
    let published = |doc: &str| {
        rows(&all, "document")
            .into_iter()
            .find(|d| d["doc"] == doc)
            .unwrap()["published"]
            .clone()
    };
    assert_eq!(published("harbridge_empty_homes.txt"), "2025-03-03");
    assert_eq!(published("greyfield_harbridge_office.txt"), "2019-10-15");
    assert_eq!(published("northfold_mill_lane.txt"), "2024-03-12");
    assert_eq!(published("northfold_water_review.txt"), "");

    // Quotes with speakers: before, after, surname-only, block quotes.
    assert!(has("claim", &|c| c["kind"] == "quote"
        && c["speaker"] == "Nadia Quayle"
        && c["content"]
            .as_str()
            .unwrap()
            .starts_with("Every empty home in Harbridge")));
    assert!(has("claim", &|c| c["speaker"] == "Tessa Marlowe"
        && c["speaker_id"] == "tessa-marlowe"
        && c["content"]
            .as_str()
            .unwrap()
            .starts_with("This is exactly")));
    assert!(has("claim", &|c| c["speaker"] == "the report"
        && c["speaker_type"] == "document"));
    assert!(has("claim", &|c| c["date"] == "2025-03-03"));
}

#[test]
fn sample_scores_do_not_regress() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    extract(&[&samples()], &out, &[]);
    let o = factx()
        .arg("eval")
        .arg("--gold")
        .arg(gold())
        .arg(&out)
        .arg("--json")
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["provenance"]["share"], 1.0);
    assert_eq!(v["publication"]["f1"], 1.0);
    let f1 = |k: &str| v[k]["f1"].as_f64().unwrap();
    // Floors from the measured scores; raise them as the extractors improve.
    assert!(f1("date") >= 0.99, "date {}", f1("date"));
    assert!(
        f1("quote_detection") >= 0.9,
        "quote {}",
        f1("quote_detection")
    );
    assert!(f1("person") >= 0.6, "person {}", f1("person"));
}

#[test]
fn hostile_files_each_get_a_row_and_the_run_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("nested/deeper")).unwrap();
    std::fs::write(input.join("binary.txt"), b"PK\x03\x04\x00\x00\x00binary").unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    std::fs::write(input.join("report.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(
        input.join("nested/deeper/good.txt"),
        "Cllr Jane Roe said: “We will reopen the baths in May 2025.”",
    )
    .unwrap();
    std::fs::write(
        input.join("cp1252.txt"),
        b"Mr Jos\xe9 Ruiz said: \x93We are proud of the \xa32m plan.\x94",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.join("missing-target.txt"), input.join("broken.txt")).unwrap();
    let out = tmp.path().join("out");
    extract(&[&input], &out, &[]);
    let all = facts(&out);
    let docs = rows(&all, "document");
    let status = |id: &str| {
        let d = docs
            .iter()
            .find(|d| d["doc"] == id)
            .unwrap_or_else(|| panic!("no row for {id}"));
        (
            d["status"].as_str().unwrap().to_string(),
            d["message"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(status("binary.txt").0, "skipped");
    assert!(status("binary.txt").1.contains("binary"));
    assert_eq!(status("empty.txt").0, "skipped");
    assert_eq!(status("report.pdf").0, "skipped");
    assert!(status("report.pdf").1.contains("not a text type"));
    assert_eq!(status("nested/deeper/good.txt").0, "ok");
    #[cfg(unix)]
    assert_eq!(status("broken.txt").0, "error");
    let (st, msg) = status("cp1252.txt");
    assert_eq!(st, "ok");
    assert!(msg.to_lowercase().contains("windows-1252"), "{msg}");
    // Provenance holds against the original cp1252 bytes.
    let bytes = std::fs::read(input.join("cp1252.txt")).unwrap();
    let person = rows(&all, "person")
        .into_iter()
        .find(|p| p["doc"] == "cp1252.txt")
        .unwrap();
    assert_eq!(person["name"], "José Ruiz");
    let (s, e) = (
        person["start"].as_u64().unwrap() as usize,
        person["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"Jos\xe9 Ruiz");
    let quote = rows(&all, "claim")
        .into_iter()
        .find(|c| c["doc"] == "cp1252.txt")
        .unwrap();
    assert_eq!(quote["content"], "We are proud of the £2m plan.");
    let (s, e) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"We are proud of the \xa32m plan.");
    let expected = if cfg!(unix) { 6 } else { 5 };
    assert_eq!(docs.len(), expected);
}

#[test]
fn refuses_to_write_into_the_input_or_over_a_foreign_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), "Text.").unwrap();
    let o = factx()
        .arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(input.join("out"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("inside the input folder"));

    let foreign = tmp.path().join("mine");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("precious.txt"), "keep me").unwrap();
    let o = factx()
        .arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(&foreign)
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert!(foreign.join("precious.txt").exists());

    // A previous factx output is replaced.
    let out = tmp.path().join("out");
    extract(&[&input], &out, &[]);
    extract(&[&input], &out, &[]);
    assert!(out.join("run.json").exists());
}

#[test]
fn manifest_dates_win_over_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let manifest = tmp.path().join("manifest.csv");
    std::fs::write(
        &manifest,
        "doc,published\nharbridge_empty_homes.txt,2025-03-04\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    extract(
        &[&samples()],
        &out,
        &["--manifest", manifest.to_str().unwrap()],
    );
    let all = facts(&out);
    let d = rows(&all, "document")
        .into_iter()
        .find(|d| d["doc"] == "harbridge_empty_homes.txt")
        .unwrap();
    assert_eq!(d["published"], "2025-03-04");
    // Relative dates are resolved against the manifest's date: "will be offered in May".
    let may = rows(&all, "date")
        .into_iter()
        .find(|r| r["doc"] == "harbridge_empty_homes.txt" && r["text"] == "May")
        .unwrap();
    assert_eq!(may["anchor"], "2025-03-04");
    assert_eq!(may["value"], "2025-05");

    // A wire dateline without its year dates the document that the manifest dates that day.
    let input = tmp.path().join("wire");
    std::fs::create_dir_all(&input).unwrap();
    let story = "Deal signed\n\nAMMAN, Jan 22 (Wire) \u{2013} Jordan on Tuesday signed a deal.\n";
    std::fs::write(input.join("w.txt"), story).unwrap();
    std::fs::write(&manifest, "doc,published\nw.txt,2025-01-22\n").unwrap();
    let out = tmp.path().join("out-wire");
    extract(&[&input], &out, &["--manifest", manifest.to_str().unwrap()]);
    let all = facts(&out);
    let dateline = rows(&all, "date")
        .into_iter()
        .find(|r| r["text"] == "Jan 22")
        .unwrap();
    assert_eq!(dateline["kind"], "publication");
    assert_eq!(dateline["value"], "2025-01-22");
    assert_eq!(dateline["start"], story.find("Jan 22").unwrap());
    let d = rows(&all, "document").into_iter().next().unwrap();
    assert_eq!(d["published_text"], "Jan 22");

    std::fs::write(&manifest, "doc,published\na.txt,15/10/2019\n").unwrap();
    let o = factx()
        .arg("extract")
        .arg(samples())
        .arg("-o")
        .arg(tmp.path().join("o2"))
        .arg("--manifest")
        .arg(&manifest)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("manifest.csv:2:"), "{err}");
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("f.txt"), "=HYPERLINK(\"x\") headline\n\nDr Jane Roe said: “=1+1 is what we will charge from May 2025.”\n").unwrap();
    let out = tmp.path().join("out");
    extract(&[&input], &out, &["--excel"]);
    let claims = std::fs::read_to_string(out.join("claims.csv")).unwrap();
    assert!(claims.starts_with('\u{feff}'));
    assert!(claims.contains(",'=1+1 is what"), "{claims}");
    let docs = std::fs::read_to_string(out.join("documents.csv")).unwrap();
    assert!(docs.contains("'=HYPERLINK"), "{docs}");
    // JSON keeps the raw text.
    let all = facts(&out);
    assert!(rows(&all, "claim")[0]["content"]
        .as_str()
        .unwrap()
        .starts_with("=1+1"));
}

#[test]
fn rules_check_reports_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("rules");
    std::fs::create_dir_all(dir.join("dates")).unwrap();
    std::fs::write(
        dir.join("dates/months.txt"),
        "# months\nJanuary | value=1\nSmarch | value=13\n",
    )
    .unwrap();
    let o = factx().args(["rules", "check"]).arg(&dir).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("dates/months.txt:3: 'value=13' must be a number from 1 to 12"),
        "{out}"
    );

    std::fs::create_dir_all(dir.join("people")).unwrap();
    std::fs::write(
        dir.join("people/given-names.txt"),
        "Jo
Sam | male | female
Anna | female
",
    )
    .unwrap();
    let o = factx().args(["rules", "check"]).arg(&dir).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("people/given-names.txt:2: 'Sam' is flagged both male and female"),
        "{out}"
    );

    // A family name's ending must tell one sex.
    std::fs::write(
        dir.join("people/surname-endings.txt"),
        "ova | female
xyz
",
    )
    .unwrap();
    let o = factx().args(["rules", "check"]).arg(&dir).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("people/surname-endings.txt:2: 'xyz' needs the flag male or female"),
        "{out}"
    );
    assert!(!out.contains("surname-endings.txt:1"), "{out}");

    let o = factx().args(["rules", "check"]).output().unwrap();
    assert!(o.status.success());
}

#[test]
fn edited_rules_change_what_is_extracted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("rules");
    let o = factx().args(["rules", "dump"]).arg(&dir).output().unwrap();
    assert!(o.status.success());
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Precentor Alice Pryor opened the fair.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    extract(&[&input], &out, &["--rules", dir.to_str().unwrap()]);
    assert!(rows(&facts(&out), "person").is_empty());
    let h = dir.join("people/honorifics.txt");
    let mut text = std::fs::read_to_string(&h).unwrap();
    text.push_str("Precentor | role=Precentor\n");
    std::fs::write(&h, text).unwrap();
    extract(&[&input], &out, &["--rules", dir.to_str().unwrap()]);
    let all = facts(&out);
    assert_eq!(rows(&all, "person")[0]["name"], "Alice Pryor");
    assert_eq!(rows(&all, "role")[0]["role"], "Precentor");
}
