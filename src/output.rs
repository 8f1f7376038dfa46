//! Writers for the output tables: CSV for spreadsheets and `facts.jsonl`, from the same fields.
//!
//! The tables are written into a temporary folder beside the destination and renamed into place
//! only when the run completes, so a failed or interrupted run never leaves half a table.

use std::fs::File;
use std::io::{BufWriter, Write};
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

struct Table {
    path: PathBuf,
    w: csv::Writer<BufWriter<File>>,
}

impl Table {
    fn create(dir: &Path, name: &str, fields: &[&str], excel: bool) -> Result<Table> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        let mut buf = BufWriter::with_capacity(1 << 16, file);
        if excel {
            buf.write_all("\u{FEFF}".as_bytes())
                .map_err(|source| Error::Write {
                    path: path.clone(),
                    source,
                })?;
        }
        let mut w = csv::WriterBuilder::new().from_writer(buf);
        w.write_record(fields).map_err(|e| csv_err(&path, e))?;
        Ok(Table { path, w })
    }

    fn row<R: Record>(&mut self, r: &R) -> Result<()> {
        let cells: Vec<std::borrow::Cow<'_, str>> = r
            .values()
            .into_iter()
            .map(|v| match v {
                Value::Str(s) => neutralise(s),
                Value::Int(n) => std::borrow::Cow::Owned(n.to_string()),
            })
            .collect();
        self.w
            .write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(|e| csv_err(&self.path, e))
    }

    fn finish(self) -> Result<()> {
        let path = self.path;
        let buf = self.w.into_inner().map_err(|e| Error::Write {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let file = buf.into_inner().map_err(|e| Error::Write {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        file.sync_all()
            .map_err(|source| Error::Write { path, source })
    }
}

fn csv_err(path: &Path, e: csv::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Append one record as a JSON object to `out`, `type` first, fields in table order.
pub fn json_line<R: Record>(r: &R, out: &mut String) {
    out.push_str("{\"type\":");
    out.push_str(&serde_json::to_string(R::TYPE).expect("string"));
    for (f, v) in R::FIELDS.iter().zip(r.values()) {
        out.push(',');
        out.push_str(&serde_json::to_string(f).expect("string"));
        out.push(':');
        match v {
            Value::Str(s) => out.push_str(&serde_json::to_string(s).expect("string")),
            Value::Int(n) => out.push_str(&n.to_string()),
        }
    }
    out.push_str("}\n");
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

/// All the table writers of one run.
pub struct Writers {
    documents: Table,
    people: Table,
    roles: Table,
    dates: Table,
    claims: Table,
    jsonl_path: PathBuf,
    jsonl: BufWriter<File>,
    line: String,
    /// Rows written so far.
    pub counts: Counts,
}

impl Writers {
    /// Create every table (with its header) in `dir`.
    pub fn create(dir: &Path, excel: bool) -> Result<Writers> {
        let jsonl_path = dir.join("facts.jsonl");
        let jsonl = File::create(&jsonl_path).map_err(|source| Error::Write {
            path: jsonl_path.clone(),
            source,
        })?;
        Ok(Writers {
            documents: Table::create(dir, "documents.csv", DocumentRow::FIELDS, excel)?,
            people: Table::create(dir, "people.csv", Person::FIELDS, excel)?,
            roles: Table::create(dir, "roles.csv", Role::FIELDS, excel)?,
            dates: Table::create(dir, "dates.csv", DateFact::FIELDS, excel)?,
            claims: Table::create(dir, "claims.csv", Claim::FIELDS, excel)?,
            jsonl_path,
            jsonl: BufWriter::with_capacity(1 << 16, jsonl),
            line: String::with_capacity(4096),
            counts: Counts::default(),
        })
    }

    /// Write one document's row and facts. In `facts.jsonl` the document comes first, then its
    /// facts in offset order.
    pub fn write(&mut self, d: &DocumentFacts) -> Result<()> {
        self.line.clear();
        if let Some(doc) = &d.document {
            self.documents.row(doc)?;
            json_line(doc, &mut self.line);
            self.counts.documents += 1;
        }
        for p in &d.people {
            self.people.row(p)?;
        }
        for r in &d.roles {
            self.roles.row(r)?;
        }
        for x in &d.dates {
            self.dates.row(x)?;
        }
        for c in &d.claims {
            self.claims.row(c)?;
        }
        self.counts.people += d.people.len() as u64;
        self.counts.roles += d.roles.len() as u64;
        self.counts.dates += d.dates.len() as u64;
        self.counts.claims += d.claims.len() as u64;

        // Merge the four fact lists by offset for the JSON lines.
        let mut order: Vec<(usize, usize, u8, usize)> = Vec::new();
        order.extend(
            d.people
                .iter()
                .enumerate()
                .map(|(i, x)| (x.prov.start, x.prov.end, 0, i)),
        );
        order.extend(
            d.roles
                .iter()
                .enumerate()
                .map(|(i, x)| (x.prov.start, x.prov.end, 1, i)),
        );
        order.extend(
            d.dates
                .iter()
                .enumerate()
                .map(|(i, x)| (x.prov.start, x.prov.end, 2, i)),
        );
        order.extend(
            d.claims
                .iter()
                .enumerate()
                .map(|(i, x)| (x.prov.start, x.prov.end, 3, i)),
        );
        order.sort_unstable();
        for (_, _, t, i) in order {
            match t {
                0 => json_line(&d.people[i], &mut self.line),
                1 => json_line(&d.roles[i], &mut self.line),
                2 => json_line(&d.dates[i], &mut self.line),
                _ => json_line(&d.claims[i], &mut self.line),
            }
        }
        self.jsonl
            .write_all(self.line.as_bytes())
            .map_err(|source| Error::Write {
                path: self.jsonl_path.clone(),
                source,
            })
    }

    /// Flush and sync every table.
    pub fn finish(self) -> Result<Counts> {
        self.documents.finish()?;
        self.people.finish()?;
        self.roles.finish()?;
        self.dates.finish()?;
        self.claims.finish()?;
        let path = self.jsonl_path;
        let file = self.jsonl.into_inner().map_err(|e| Error::Write {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        file.sync_all()
            .map_err(|source| Error::Write { path, source })?;
        Ok(self.counts)
    }
}
