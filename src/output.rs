//! Writers for the output tables: CSV for spreadsheets and `facts.jsonl`, from the same fields.
//!
//! The tables are written into a temporary folder beside the destination and renamed into place
//! only when the run completes, so a failed or interrupted run never leaves half a table.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::facts::{Claim, DateFact, DocumentFacts, DocumentRow, Person, Record, Role, Value};

/// The file names of the tables, in the order a user reads them.
pub const TABLES: &[&str] = &[
    "documents.csv",
    "people.csv",
    "roles.csv",
    "dates.csv",
    "claims.csv",
    "facts.jsonl",
];

/// Neutralise a cell a spreadsheet would run as a formula.
///
/// ```
/// assert_eq!(factx::output::neutralise("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(factx::output::neutralise("- a bullet"), "'- a bullet");
/// assert_eq!(factx::output::neutralise("plain"), "plain");
/// ```
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Bytes gathered per table before each write to the system: a megabyte, aligned as direct
/// I/O wants it (see [`Sink`]).
const SINK_BUFFER: usize = 1 << 20;
/// The alignment of direct I/O's buffers, file offsets and lengths: a page, which is a multiple
/// of the block size of the usual disks and file systems.
const SINK_ALIGN: usize = 4096;

/// A table's file. On Linux it is written with direct I/O (`O_DIRECT`), a megabyte at a time
/// from an aligned buffer: the bytes go from the buffer to the disk, without being copied into
/// the page cache and written back from there, which cost the kernel some 3.5 s of CPU for each
/// GB of input (the tables are six times the input; BENCHMARKS.md). The last partial block is
/// written through an ordinary handle. Where the file system refuses direct I/O (`tmpfs`, some
/// network file systems), or on other systems, the file is written the ordinary way.
struct Sink {
    path: PathBuf,
    file: File,
    direct: bool,
    /// Holds the aligned buffer at `at..at + SINK_BUFFER`.
    buf: Vec<u8>,
    at: usize,
    /// Bytes waiting in the aligned buffer.
    len: usize,
    /// Bytes in the file.
    written: u64,
}

impl Sink {
    fn create(path: &Path) -> std::io::Result<Sink> {
        let (file, direct) = match open_direct(path) {
            Some(f) => (f, true),
            None => (File::create(path)?, false),
        };
        let buf = vec![0u8; SINK_BUFFER + SINK_ALIGN];
        let at = buf.as_ptr().align_offset(SINK_ALIGN);
        Ok(Sink {
            path: path.to_path_buf(),
            file,
            direct,
            buf,
            at,
            len: 0,
            written: 0,
        })
    }

    fn write_all(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        while !bytes.is_empty() {
            let n = (SINK_BUFFER - self.len).min(bytes.len());
            let from = self.at + self.len;
            self.buf[from..from + n].copy_from_slice(&bytes[..n]);
            self.len += n;
            bytes = &bytes[n..];
            if self.len == SINK_BUFFER {
                self.write_out(SINK_BUFFER)?;
            }
        }
        Ok(())
    }

    /// Write the first `n` bytes of the buffer to the file (`n` a multiple of the alignment
    /// when writing directly), and keep the rest.
    fn write_out(&mut self, n: usize) -> std::io::Result<()> {
        let mut done = 0;
        while done < n {
            let chunk = &self.buf[self.at + done..self.at + n];
            match self.file.write(chunk) {
                Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
                Ok(k) => {
                    done += k;
                    self.written += k as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if self.direct && is_invalid_argument(&e) => self.plain()?,
                Err(e) => return Err(e),
            }
        }
        self.buf
            .copy_within(self.at + n..self.at + self.len, self.at);
        self.len -= n;
        Ok(())
    }

    /// Go on without direct I/O: reopen the file, at the end of what it holds.
    fn plain(&mut self) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let mut file = std::fs::OpenOptions::new().write(true).open(&self.path)?;
        file.seek(SeekFrom::Start(self.written))?;
        self.file = file;
        self.direct = false;
        Ok(())
    }

    /// Write what remains and sync the file to the disk.
    fn finish(mut self) -> std::io::Result<()> {
        if self.direct {
            let aligned = self.len / SINK_ALIGN * SINK_ALIGN;
            if aligned > 0 {
                self.write_out(aligned)?;
            }
            if self.len > 0 && self.direct {
                self.plain()?;
            }
        }
        if self.len > 0 {
            self.write_out(self.len)?;
        }
        self.file.sync_all()
    }
}

#[cfg(target_os = "linux")]
fn open_direct(path: &Path) -> Option<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .custom_flags(libc::O_DIRECT)
        .open(path)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn open_direct(_path: &Path) -> Option<File> {
    None
}

fn is_invalid_argument(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    {
        e.raw_os_error() == Some(libc::EINVAL)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = e;
        false
    }
}

/// One output file, with the errors of its writes named by its path.
struct Table {
    w: Sink,
}

impl Table {
    fn open(path: &Path) -> Result<Table> {
        let w = Sink::create(path).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Table { w })
    }

    /// A CSV table: its header row, after a byte-order mark for Excel if asked.
    fn create(dir: &Path, name: &str, fields: &[&str], excel: bool) -> Result<Table> {
        let path = dir.join(name);
        let mut head = csv::Writer::from_writer(Vec::new());
        head.write_record(fields).map_err(|e| csv_err(&path, e))?;
        let head = head.into_inner().map_err(|e| Error::Write {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let mut t = Table::open(&path)?;
        if excel {
            t.append("\u{FEFF}".as_bytes())?;
        }
        t.append(&head)?;
        Ok(t)
    }

    fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.w.write_all(bytes).map_err(|source| Error::Write {
            path: self.w.path.clone(),
            source,
        })
    }

    fn finish(self) -> Result<()> {
        let path = self.w.path.clone();
        self.w
            .finish()
            .map_err(|source| Error::Write { path, source })
    }
}

/// CSV rows in memory, quoted as the `csv` crate's writer quotes them by default (a test
/// checks it): a field holding `,`, `"`, CR or LF is put in double quotes, with `"` doubled.
struct Rows {
    out: Vec<u8>,
    /// The strings written lately and where their cells lie in `out`.
    repeats: Repeats,
}

/// The last long strings written and where their renderings lie in the output: a fact's
/// sentence and document id are shared with the facts around it (one allocation each, see
/// [`crate::facts::Provenance`]), so the same pointer comes back row after row, and its
/// rendering is copied instead of scanned and escaped again. Keyed by the string, not the
/// column: in the JSON lines a person, a date and a claim of one sentence follow each other,
/// each with the sentence in a column of its own.
#[derive(Default)]
struct Repeats {
    slots: [(usize, usize, usize, usize); Repeats::SLOTS],
    next: usize,
}

impl Repeats {
    /// Strings shorter than this are rendered afresh: checking costs about as much as scanning.
    const MIN: usize = 24;
    const SLOTS: usize = 4;

    /// The range of `out` that renders `s`, if it was rendered lately (same address and
    /// length: the facts rendered are all alive, so no other string can be at that address).
    fn get(&self, s: &str) -> Option<(usize, usize)> {
        if s.len() < Self::MIN {
            return None;
        }
        let ptr = s.as_ptr() as usize;
        self.slots
            .iter()
            .find(|&&(p, len, _, _)| p == ptr && len == s.len())
            .map(|&(_, _, from, to)| (from, to))
    }

    fn put(&mut self, s: &str, from: usize, to: usize) {
        if s.len() >= Self::MIN {
            self.slots[self.next] = (s.as_ptr() as usize, s.len(), from, to);
            self.next = (self.next + 1) % Self::SLOTS;
        }
    }
}

impl Rows {
    fn new() -> Rows {
        Rows::with_capacity(0)
    }

    fn with_capacity(n: usize) -> Rows {
        Rows {
            out: Vec::with_capacity(n),
            repeats: Repeats::default(),
        }
    }

    fn row<R: Record>(&mut self, r: &R) {
        let mut num = itoa_buf();
        for (i, v) in r.values().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            match v {
                Value::Str(s) => {
                    if let Some((from, to)) = self.repeats.get(s) {
                        self.out.extend_from_within(from..to);
                        continue;
                    }
                    let from = self.out.len();
                    if needs_neutralising(s) {
                        csv_field(neutralise(s).as_bytes(), &mut self.out)
                    } else {
                        csv_field(s.as_bytes(), &mut self.out)
                    }
                    self.repeats.put(s, from, self.out.len());
                }
                Value::Int(n) => self.out.extend_from_slice(format_u64(n, &mut num)),
            }
        }
        self.out.push(b'\n');
    }

    fn into_bytes(self) -> Vec<u8> {
        self.out
    }
}

/// Append one CSV field, quoted when it must be.
fn csv_field(field: &[u8], out: &mut Vec<u8>) {
    if !needs_quotes(field) {
        out.extend_from_slice(field);
        return;
    }
    out.reserve(field.len() + 2);
    out.push(b'"');
    let mut from = 0;
    for i in memchr::memchr_iter(b'"', field) {
        out.extend_from_slice(&field[from..=i]);
        out.push(b'"');
        from = i + 1;
    }
    out.extend_from_slice(&field[from..]);
    out.push(b'"');
}

/// Whether a CSV field holds a comma, a quote or a line break, eight bytes at a time.
fn needs_quotes(field: &[u8]) -> bool {
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\r' | b'\n');
    let mut chunks = field.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if has_byte(w, b',') | has_byte(w, b'"') | has_byte(w, b'\r') | has_byte(w, b'\n') != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(special)
}

fn csv_err(path: &Path, e: csv::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Append one record as a JSON object to `out`, `type` first, fields in table order.
///
/// Strings are escaped exactly as `serde_json` escapes them, straight into `out`.
pub fn json_line<R: Record>(r: &R, out: &mut String) {
    let mut line = Vec::new();
    json_line_with(r, &mut line, &mut Repeats::default());
    out.push_str(std::str::from_utf8(&line).expect("JSON lines are written from strings"));
}

/// [`json_line`] as bytes, copying the rendering of a string written lately (see
/// [`Repeats`]); `repeats` must only have seen lines of `out`.
fn json_line_with<R: Record>(r: &R, out: &mut Vec<u8>, repeats: &mut Repeats) {
    out.extend_from_slice(b"{\"type\":");
    json_str(R::TYPE, out);
    let mut num = itoa_buf();
    for (key, v) in R::JSON_KEYS.iter().zip(r.values()) {
        // Field names are plain identifiers: nothing to escape.
        debug_assert!(key[2..key.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        out.extend_from_slice(key.as_bytes());
        match v {
            Value::Str(s) => {
                if let Some((from, to)) = repeats.get(s) {
                    out.extend_from_within(from..to);
                    continue;
                }
                let from = out.len();
                json_str(s, out);
                repeats.put(s, from, out.len());
            }
            Value::Int(n) => out.extend_from_slice(format_u64(n, &mut num)),
        }
    }
    out.extend_from_slice(b"}\n");
}

/// Whether [`neutralise`] would change `s`.
fn needs_neutralising(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Write `s` as a JSON string: `"` and `\\` escaped, control characters as `\n`, `\t`, ... or
/// `\u00XX` (lower-case hex), everything else as is — the escaping of `serde_json`.
fn json_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them needs escaping.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if !needs_escape8(u64::from_le_bytes(chunk.try_into().expect("8 bytes"))) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        let i = i - 1;
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        if esc.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 0xf) as usize]);
        } else {
            out.extend_from_slice(esc.as_bytes());
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// Whether any of the eight bytes of `w` is a control character, `"` or `\\` (exact: no byte
/// that needs no escaping is ever reported).
fn needs_escape8(w: u64) -> bool {
    bytes_below(w, 0x20) | has_byte(w, b'"') | has_byte(w, b'\\') != 0
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Non-zero when one of the eight bytes of `w` is below `n` (at most 0x80). Exact as a test:
/// a borrow may flag a byte above the first one found, but never when there is none.
fn bytes_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * n as u64) & !w & (ONES * 0x80)
}

/// Non-zero when one of the eight bytes of `w` is `b` (a zero byte after xor with it).
fn has_byte(w: u64, b: u8) -> u64 {
    bytes_below(w ^ (ONES * b as u64), 1)
}

/// A buffer for [`format_u64`].
fn itoa_buf() -> [u8; 20] {
    [0; 20]
}

/// The decimal digits of `n`, written into the end of `buf`.
pub(crate) fn format_u64(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    // Two digits a step, from a table of the hundred pairs: half the divisions.
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    let mut i = buf.len();
    while n >= 100 {
        let k = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    }
    if n >= 10 {
        let k = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[k..k + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

/// Counts of rows written per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub documents: u64,
    pub people: u64,
    pub roles: u64,
    pub dates: u64,
    pub claims: u64,
}

/// One document's rows of every table and its lines of `facts.jsonl`, ready to append.
#[derive(Debug, Default, Clone)]
pub struct Rendered {
    pub documents: Vec<u8>,
    pub people: Vec<u8>,
    pub roles: Vec<u8>,
    pub dates: Vec<u8>,
    pub claims: Vec<u8>,
    pub jsonl: Vec<u8>,
    /// Rows per table.
    pub counts: Counts,
}

/// Render one document's row and facts. In `facts.jsonl` the document comes first, then its
/// facts in offset order.
pub fn render(d: &DocumentFacts) -> Rendered {
    let mut line = Vec::new();
    let mut out = Rendered::default();
    if let Some(doc) = &d.document {
        let mut rows = Rows::new();
        rows.row(doc);
        out.documents = rows.into_bytes();
        json_line_with(doc, &mut line, &mut Repeats::default());
        out.counts.documents = 1;
    }
    fn table<R: Record>(items: &[R]) -> Vec<u8> {
        if items.is_empty() {
            return Vec::new();
        }
        // Made about as large as the rows at once (rounded up, as doubling would), the buffer
        // seldom grows and copies itself.
        let approx: usize = items.iter().map(|x| x.approx_len()).sum();
        let mut rows = Rows::with_capacity(approx.next_power_of_two());
        for x in items {
            rows.row(x);
        }
        rows.into_bytes()
    }
    out.people = table(&d.people);
    out.roles = table(&d.roles);
    out.dates = table(&d.dates);
    out.claims = table(&d.claims);
    out.counts.people = d.people.len() as u64;
    out.counts.roles = d.roles.len() as u64;
    out.counts.dates = d.dates.len() as u64;
    out.counts.claims = d.claims.len() as u64;

    // Merge the four fact lists by offset for the JSON lines.
    let mut order: Vec<(usize, usize, u8, usize)> = Vec::new();
    fn keyed<'a, R>(
        items: &'a [R],
        table: u8,
        prov: impl Fn(&R) -> &crate::facts::Provenance + 'a,
    ) -> impl Iterator<Item = (usize, usize, u8, usize)> + 'a {
        items.iter().enumerate().map(move |(i, x)| {
            let p = prov(x);
            (p.start, p.end, table, i)
        })
    }
    order.extend(keyed(&d.people, 0, |x| &x.prov));
    order.extend(keyed(&d.roles, 1, |x| &x.prov));
    order.extend(keyed(&d.dates, 2, |x| &x.prov));
    order.extend(keyed(&d.claims, 3, |x| &x.prov));
    order.sort_unstable();
    // The JSON lines hold the same values as the rows, and each its keys: made that large at
    // once (rounded up, as doubling would), the buffer need not grow and copy itself.
    fn keys<R: Record>(n: usize) -> usize {
        n * (R::JSON_KEYS.iter().map(|k| k.len()).sum::<usize>() + R::TYPE.len() + 16)
    }
    let rows = out.people.len() + out.roles.len() + out.dates.len() + out.claims.len();
    let json = rows
        + keys::<crate::facts::Person>(d.people.len())
        + keys::<crate::facts::Role>(d.roles.len())
        + keys::<crate::facts::DateFact>(d.dates.len())
        + keys::<crate::facts::Claim>(d.claims.len());
    line.reserve(json.next_power_of_two().saturating_sub(line.len()));
    let mut repeats = Repeats::default();
    for (_, _, t, i) in order {
        match t {
            0 => json_line_with(&d.people[i], &mut line, &mut repeats),
            1 => json_line_with(&d.roles[i], &mut line, &mut repeats),
            2 => json_line_with(&d.dates[i], &mut line, &mut repeats),
            _ => json_line_with(&d.claims[i], &mut line, &mut repeats),
        }
    }
    out.jsonl = line;
    out
}

/// All the table writers of one run.
pub struct Writers {
    documents: Table,
    people: Table,
    roles: Table,
    dates: Table,
    claims: Table,
    jsonl: Table,
    /// Rows written so far.
    pub counts: Counts,
}

impl Writers {
    /// Create every table (with its header) in `dir`.
    pub fn create(dir: &Path, excel: bool) -> Result<Writers> {
        Ok(Writers {
            documents: Table::create(dir, "documents.csv", DocumentRow::FIELDS, excel)?,
            people: Table::create(dir, "people.csv", Person::FIELDS, excel)?,
            roles: Table::create(dir, "roles.csv", Role::FIELDS, excel)?,
            dates: Table::create(dir, "dates.csv", DateFact::FIELDS, excel)?,
            claims: Table::create(dir, "claims.csv", Claim::FIELDS, excel)?,
            jsonl: Table::open(&dir.join("facts.jsonl"))?,
            counts: Counts::default(),
        })
    }

    /// Write one document's row and facts. In `facts.jsonl` the document comes first, then its
    /// facts in offset order.
    pub fn write(&mut self, d: &DocumentFacts) -> Result<()> {
        self.write_rendered(&render(d))
    }

    /// Write a document's rows, rendered by [`render`] (in a worker thread, say).
    pub fn write_rendered(&mut self, r: &Rendered) -> Result<()> {
        self.documents.append(&r.documents)?;
        self.people.append(&r.people)?;
        self.roles.append(&r.roles)?;
        self.dates.append(&r.dates)?;
        self.claims.append(&r.claims)?;
        self.jsonl.append(&r.jsonl)?;
        let c = &mut self.counts;
        c.documents += r.counts.documents;
        c.people += r.counts.people;
        c.roles += r.counts.roles;
        c.dates += r.counts.dates;
        c.claims += r.counts.claims;
        Ok(())
    }

    /// Flush and sync every table.
    pub fn finish(self) -> Result<Counts> {
        self.documents.finish()?;
        self.people.finish()?;
        self.roles.finish()?;
        self.dates.finish()?;
        self.claims.finish()?;
        self.jsonl.finish()?;
        Ok(self.counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facts whose sentence is one shared string render exactly as facts that each own a
    /// copy: the copy of the row before is the same bytes as a fresh rendering.
    #[test]
    fn shared_strings_render_as_copies_do() {
        let pipeline = crate::Pipeline::new(crate::Rules::builtin(), Default::default());
        let text = "Ms Jane Roe, the chair of the board, said on 3 May 2021 that sales rose 12% \
                    to \"£4,000\" in 2020, up from 2019.\n\n\
                    \"We are \\ pleased,\" said Jane Roe. \"Profits, too, will rise in 2022.\"\n";
        let shared = pipeline.process_bytes("a.txt", text.as_bytes());
        let mut owned = shared.clone();
        let own = |p: &mut crate::facts::Provenance| {
            p.sentence = std::sync::Arc::from(&*p.sentence);
            p.doc = std::sync::Arc::from(&*p.doc);
        };
        owned.people.iter_mut().for_each(|x| own(&mut x.prov));
        owned.roles.iter_mut().for_each(|x| own(&mut x.prov));
        owned.dates.iter_mut().for_each(|x| own(&mut x.prov));
        owned.claims.iter_mut().for_each(|x| own(&mut x.prov));
        // The case under test: rows after the first of a sentence hold the same string.
        let d = &shared.dates;
        assert!(d.len() >= 3, "{d:?}");
        assert!(std::sync::Arc::ptr_eq(
            &d[0].prov.sentence,
            &d[1].prov.sentence
        ));
        assert!(!std::sync::Arc::ptr_eq(
            &d[0].prov.sentence,
            &owned.dates[1].prov.sentence
        ));
        let (a, b) = (render(&shared), render(&owned));
        assert_eq!(a.dates, b.dates);
        assert_eq!(a.claims, b.claims);
        assert_eq!(a.people, b.people);
        assert_eq!(a.jsonl, b.jsonl);
        // And the sentence, quoted for CSV, is in every date row.
        let rows = String::from_utf8(a.dates).unwrap();
        assert_eq!(rows.lines().count(), d.len());
        for (row, f) in rows.lines().zip(d) {
            let quoted = format!("\"{}\"", f.prov.sentence.replace('"', "\"\""));
            assert!(row.contains(&quoted), "{row}");
        }
    }

    /// Pseudo-random bytes and chunk lengths, the same every run.
    fn chunks(seed: u64, total: usize) -> Vec<Vec<u8>> {
        let mut x = seed;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut out = Vec::new();
        let mut left = total;
        while left > 0 {
            // Mostly small appends, now and then one larger than the buffer.
            let n = match next() % 50 {
                0 => SINK_BUFFER + (next() % 9000) as usize,
                _ => (next() % 40_000) as usize,
            }
            .min(left);
            out.push((0..n).map(|_| next() as u8).collect());
            left -= n;
        }
        out
    }

    #[test]
    fn a_sink_writes_every_byte_in_order_directly_or_not() {
        let dir = tempfile::tempdir().unwrap();
        for (k, total) in [
            0,
            1,
            4095,
            4096,
            4097,
            SINK_BUFFER,
            3 * SINK_BUFFER + 123,
            9_000_000,
        ]
        .into_iter()
        .enumerate()
        {
            let parts = chunks(0x9E37_79B9 + k as u64, total);
            let want: Vec<u8> = parts.concat();
            for plain in [false, true] {
                let path = dir.path().join(format!("t{k}-{plain}"));
                let mut sink = Sink::create(&path).unwrap();
                if plain {
                    // As after a file system refused direct I/O, whatever this one does.
                    sink.plain().unwrap();
                }
                for p in &parts {
                    sink.write_all(p).unwrap();
                }
                sink.finish().unwrap();
                let got = std::fs::read(&path).unwrap();
                assert_eq!(got.len(), want.len(), "{total} {plain}");
                assert!(got == want, "{total} {plain}");
            }
        }
    }

    #[test]
    fn a_sink_falls_back_when_direct_io_is_refused_midway() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t");
        let mut sink = Sink::create(&path).unwrap();
        let parts = chunks(7, 2 * SINK_BUFFER + 5000);
        let want: Vec<u8> = parts.concat();
        sink.write_all(&parts[0]).unwrap();
        // What `write_out` does on EINVAL, at whatever point the file has reached.
        sink.write_out(sink.len / SINK_ALIGN * SINK_ALIGN).unwrap();
        sink.plain().unwrap();
        for p in &parts[1..] {
            sink.write_all(p).unwrap();
        }
        sink.finish().unwrap();
        assert!(std::fs::read(&path).unwrap() == want);
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_does() {
        let cases = [
            "",
            "plain",
            "a \"quote\" and a \\ backslash",
            "tab\tnew\nline\rcr\u{8}bs\u{c}ff\u{0}nul\u{1f}us\u{7f}del",
            "“curly” — é ✓ 😀 \u{2028}",
            "a long plain line of text with no escapes in it at all, some é and ✓",
            "0123456\"89abcdef\\0123456789\u{1}bcdef\u{7f}\u{80}ÿ\u{1f} end",
            "\"\"\"\"\"\"\"\"\"\\\\\\\\\\\\\\\\",
            "!#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~ !#$%&'()*+,-./",
        ];
        for c in cases {
            let mut out = Vec::new();
            json_str(c, &mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(c).unwrap(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn csv_rows_are_quoted_as_the_csv_crate_quotes_them() {
        let fields = [
            "",
            "plain",
            "a, comma",
            "a \"quote\"",
            "\"",
            "new\nline",
            "cr\rhere",
            "  spaces  ",
            "#hash",
            "tab\tsemi;colon",
            "“curly” é ✓",
            "\"\",\n\r\"",
        ];
        let mut ours = Vec::new();
        for f in fields {
            csv_field(f.as_bytes(), &mut ours);
            ours.push(b',');
            csv_field(b"x", &mut ours);
            ours.push(b'\n');
        }
        let mut theirs = csv::Writer::from_writer(Vec::new());
        for f in fields {
            theirs.write_record([f, "x"]).unwrap();
        }
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs.into_inner().unwrap()).unwrap()
        );
    }

    #[test]
    fn numbers_are_decimal() {
        for n in [
            0u64,
            7,
            10,
            99,
            100,
            101,
            999,
            1000,
            12345,
            1234567890,
            u64::MAX,
        ] {
            let mut b = itoa_buf();
            assert_eq!(format_u64(n, &mut b), n.to_string().as_bytes());
        }
    }
}
