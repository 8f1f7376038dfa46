//! Properties every document must satisfy, whatever its bytes: shared by the `cargo fuzz` target
//! (`fuzz/`), the stable-toolchain random driver (`tests/fuzz_stable.rs`) and the tests.
//!
//! [`check`] runs the whole per-document pipeline ([`Pipeline::process_bytes`], then the JSON and
//! CSV writers) and panics when a property fails:
//! - nothing panics, and the document gets its row;
//! - every fact's `[start, end)` lies inside the file, and `text` is exactly what those bytes
//!   decode to in the document's `encoding`;
//! - `char_end - char_start` is the length of `text` in code points;
//! - `line` is the line of `start` (counted on `\n` bytes, for byte-oriented encodings).

use std::path::Path;
use std::sync::OnceLock;

use crate::facts::{DocumentFacts, Provenance};
use crate::output::{json_line, Writers};
use crate::{Options, Pipeline, Rules};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Rules::builtin(), Options::default()))
}

/// The document id used for fuzz input: the first byte chooses plain text or HTML.
pub fn split_input(data: &[u8]) -> (&'static str, &[u8]) {
    match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => ("fuzz.html", rest),
        Some((_, rest)) => ("fuzz.txt", rest),
        None => ("fuzz.txt", data),
    }
}

/// Decode `slice` of a document in `encoding` (the `encoding` column), as a checker would.
pub fn decode_slice(slice: &[u8], encoding: &str) -> Option<String> {
    let enc = match encoding {
        "" | "UTF-8" | "UTF-8 (BOM)" => encoding_rs::UTF_8,
        other => encoding_rs::Encoding::for_label(other.as_bytes())?,
    };
    Some(enc.decode_without_bom_handling(slice).0.into_owned())
}

/// Check every property for one input; panics with a description when one fails.
pub fn check(data: &[u8]) -> DocumentFacts {
    let (id, bytes) = split_input(data);
    let facts = pipeline().process_bytes(id, bytes);
    let doc = facts.document.as_ref().expect("every document gets a row");
    assert_eq!(doc.bytes as usize, bytes.len());
    let byte_lines = !doc.encoding.starts_with("UTF-16");
    let check_prov = |p: &Provenance| {
        assert!(
            p.start <= p.end && p.end <= bytes.len(),
            "span {}..{} outside the file of {} bytes",
            p.start,
            p.end,
            bytes.len()
        );
        let want = decode_slice(&bytes[p.start..p.end], &doc.encoding);
        assert_eq!(
            want.as_deref(),
            Some(p.text.as_str()),
            "text at {}..{} ({})",
            p.start,
            p.end,
            doc.encoding
        );
        assert!(p.char_start <= p.char_end);
        assert_eq!(
            p.char_end - p.char_start,
            p.text.chars().count(),
            "char span of {:?}",
            p.text
        );
        if byte_lines {
            let line = 1 + bytes[..p.start].iter().filter(|&&c| c == b'\n').count();
            assert_eq!(p.line, line, "line of {:?} at {}", p.text, p.start);
        }
        assert!(!p.rule.is_empty());
    };
    let mut json = String::new();
    json_line(doc, &mut json);
    for f in &facts.people {
        check_prov(&f.prov);
        json_line(f, &mut json);
    }
    for f in &facts.roles {
        check_prov(&f.prov);
        json_line(f, &mut json);
    }
    for f in &facts.dates {
        check_prov(&f.prov);
        json_line(f, &mut json);
    }
    for f in &facts.claims {
        check_prov(&f.prov);
        json_line(f, &mut json);
    }
    for line in json.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("valid JSON line");
    }
    facts
}

/// [`check`], then write the facts with the CSV and JSON Lines writers into `dir`.
pub fn check_and_write(data: &[u8], dir: &Path) -> DocumentFacts {
    let facts = check(data);
    let mut w = Writers::create(dir, false).expect("create the tables");
    w.write(&facts).expect("write the facts");
    w.finish().expect("finish the tables");
    facts
}
