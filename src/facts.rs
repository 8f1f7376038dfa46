//! Facts with provenance: the rows of the output tables.
//!
//! Each fact type lists its fields once ([`Record::FIELDS`] and [`Record::values`]); the CSV and
//! the JSON Lines writers both use that list, so the two forms cannot drift apart.

use crate::text::Document;

/// A field value: text or a whole number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    Str(&'a str),
    Int(u64),
}

/// A row of an output table.
pub trait Record {
    /// The `type` of its JSON line.
    const TYPE: &'static str;
    /// The column names, in order.
    const FIELDS: &'static [&'static str];
    /// The same as JSON keys after a value: `,"name":`.
    const JSON_KEYS: &'static [&'static str];
    /// The values, in the order of [`Record::FIELDS`].
    fn values(&self) -> impl Iterator<Item = Value<'_>>;
    /// About how long the record's values are, in bytes, for sizing buffers: cheaper than
    /// adding up [`Record::values`], and close enough.
    fn approx_len(&self) -> usize {
        256
    }
}

/// Where a fact came from. Offsets are into the original file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Shared by every fact of the document.
    pub doc: std::sync::Arc<str>,
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub line: usize,
    pub text: String,
    /// Shared by the facts of one sentence.
    pub sentence: std::sync::Arc<str>,
    pub rule: String,
}

impl Provenance {
    /// Provenance of the text span `[start, end)` of `doc`, found by `rule`.
    pub fn of(doc: &Document, start: usize, end: usize, rule: &str) -> Provenance {
        let ostart = doc.orig(start);
        let char_start = doc.char_index(start);
        Provenance {
            doc: doc.shared_id(),
            start: ostart,
            end: doc.orig_end(end).max(ostart),
            char_start,
            char_end: doc.char_index_end(end),
            line: doc.line_of_orig(ostart),
            text: doc.evidence(start, end),
            sentence: doc.sentence_text(start, end),
            rule: rule.to_string(),
        }
    }

    /// About how long the values of a fact are: its sentence and evidence, and some 150 bytes
    /// of numbers, ids and names.
    fn approx_len(&self) -> usize {
        self.sentence.len() + self.text.len() + self.doc.len() + 150
    }

    fn values(&self) -> [Value<'_>; 9] {
        [
            Value::Str(&self.doc),
            Value::Int(self.start as u64),
            Value::Int(self.end as u64),
            Value::Int(self.char_start as u64),
            Value::Int(self.char_end as u64),
            Value::Int(self.line as u64),
            Value::Str(&self.text),
            Value::Str(&self.sentence),
            Value::Str(&self.rule),
        ]
    }
}

/// The columns of a record: its field names, and each as it opens a value in a JSON object
/// (`,"name":`), written in one piece.
macro_rules! columns {
    ($($f:literal),* $(,)?) => {
        const FIELDS: &'static [&'static str] = &[$($f),*];
        const JSON_KEYS: &'static [&'static str] = &[$(concat!(",\"", $f, "\":")),*];
    };
}

/// The columns of a fact: provenance, then its own.
macro_rules! fact_columns {
    ($($f:literal),* $(,)?) => {
        columns!(
            "doc", "start", "end", "char_start", "char_end", "line", "text", "sentence", "rule",
            $($f),*
        );
    };
}

/// A person named in a document (one row per person per document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub prov: Provenance,
    pub person_id: String,
    pub name: String,
    pub honorific: String,
    pub mentions: usize,
}

impl Record for Person {
    const TYPE: &'static str = "person";
    fact_columns!("person_id", "name", "honorific", "mentions");
    fn values(&self) -> impl Iterator<Item = Value<'_>> {
        self.prov.values().into_iter().chain([
            Value::Str(&self.person_id),
            Value::Str(&self.name),
            Value::Str(&self.honorific),
            Value::Int(self.mentions as u64),
        ])
    }
    fn approx_len(&self) -> usize {
        self.prov.approx_len()
    }
}

/// A position a person holds, as the document states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub prov: Provenance,
    pub person_id: String,
    pub person: String,
    pub role: String,
    pub organization: String,
}

impl Record for Role {
    const TYPE: &'static str = "role";
    fact_columns!("person_id", "person", "role", "organization");
    fn values(&self) -> impl Iterator<Item = Value<'_>> {
        self.prov.values().into_iter().chain([
            Value::Str(&self.person_id),
            Value::Str(&self.person),
            Value::Str(&self.role),
            Value::Str(&self.organization),
        ])
    }
    fn approx_len(&self) -> usize {
        self.prov.approx_len()
    }
}

/// A calendar expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFact {
    pub prov: Provenance,
    pub value: String,
    pub mod_: String,
    pub granularity: String,
    pub kind: String,
    pub anchor: String,
    /// A remark: an ambiguous numeric date, a weekday that does not match its date.
    pub note: String,
}

impl Record for DateFact {
    const TYPE: &'static str = "date";
    fact_columns!("value", "mod", "granularity", "kind", "anchor", "note");
    fn values(&self) -> impl Iterator<Item = Value<'_>> {
        self.prov.values().into_iter().chain([
            Value::Str(&self.value),
            Value::Str(&self.mod_),
            Value::Str(&self.granularity),
            Value::Str(&self.kind),
            Value::Str(&self.anchor),
            Value::Str(&self.note),
        ])
    }
    fn approx_len(&self) -> usize {
        self.prov.approx_len()
    }
}

/// A claim: a quotation, reported speech, a rating, a quantity or a first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub prov: Provenance,
    pub claim_id: String,
    pub kind: String,
    pub speaker_id: String,
    pub speaker: String,
    pub speaker_type: String,
    pub cue: String,
    pub content: String,
    pub subject: String,
    pub value: String,
    pub date: String,
    /// What a reader should know about the claim: `unclosed` for a quotation whose closing mark
    /// is missing (it was ended at its paragraph's end), else empty.
    pub note: String,
}

impl Record for Claim {
    const TYPE: &'static str = "claim";
    fact_columns!(
        "claim_id",
        "kind",
        "speaker_id",
        "speaker",
        "speaker_type",
        "cue",
        "content",
        "subject",
        "value",
        "date",
        "note"
    );
    fn values(&self) -> impl Iterator<Item = Value<'_>> {
        self.prov.values().into_iter().chain([
            Value::Str(&self.claim_id),
            Value::Str(&self.kind),
            Value::Str(&self.speaker_id),
            Value::Str(&self.speaker),
            Value::Str(&self.speaker_type),
            Value::Str(&self.cue),
            Value::Str(&self.content),
            Value::Str(&self.subject),
            Value::Str(&self.value),
            Value::Str(&self.date),
            Value::Str(&self.note),
        ])
    }
    fn approx_len(&self) -> usize {
        self.prov.approx_len() + self.content.len()
    }
}

/// The status of one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Skipped,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Skipped => "skipped",
            Status::Error => "error",
        }
    }
}

/// One row per input file, whatever happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub doc: String,
    pub bytes: u64,
    pub sha256: String,
    pub encoding: String,
    pub title: String,
    pub published: String,
    pub published_text: String,
    pub status: Status,
    pub message: String,
}

impl Record for DocumentRow {
    const TYPE: &'static str = "document";
    columns!(
        "doc",
        "bytes",
        "sha256",
        "encoding",
        "title",
        "published",
        "published_text",
        "status",
        "message",
    );
    fn values(&self) -> impl Iterator<Item = Value<'_>> {
        [
            Value::Str(&self.doc),
            Value::Int(self.bytes),
            Value::Str(&self.sha256),
            Value::Str(&self.encoding),
            Value::Str(&self.title),
            Value::Str(&self.published),
            Value::Str(&self.published_text),
            Value::Str(self.status.as_str()),
            Value::Str(&self.message),
        ]
        .into_iter()
    }
}

/// Everything one document gave: its row and its facts, in offset order.
#[derive(Debug, Clone, Default)]
pub struct DocumentFacts {
    pub document: Option<DocumentRow>,
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
    pub dates: Vec<DateFact>,
    pub claims: Vec<Claim>,
}

/// A URL-and-file-name-safe id from a name: lower-case ASCII words joined by `-`.
///
/// ```
/// assert_eq!(factx::facts::slug("Tim O’Gorman"), "tim-o-gorman");
/// assert_eq!(factx::facts::slug("José Ñúñez"), "jose-nunez");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        let mut one = [0u8; 4];
        let folded = fold_char(c).unwrap_or_else(|| c.encode_utf8(&mut one));
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(f.to_ascii_lowercase());
            } else {
                dash = true;
            }
        }
    }
    out
}

/// The ASCII letters for an accented letter, if it is one.
fn fold_char(c: char) -> Option<&'static str> {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => "E",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "I",
        'ł' => "l",
        'Ł' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'Ś' | 'Š' | 'Ş' => "S",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    };
    Some(s)
}
