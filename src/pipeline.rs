//! The pipeline: walk, read, decode, extract, resolve, write — in parallel batches, in order.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::decode::{decode, NotText};
use crate::error::{Error, Result};
use crate::extract::{self, Context, ExtractOptions};
use crate::facts::{DocumentFacts, DocumentRow, Status};
use crate::output::{render, Counts, Rendered, Writers};
use crate::rules::{hex, Rules};
use crate::text::Document;
use crate::walk::{Entry, Walker};

/// File extensions read as plain text.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// File extensions read as HTML (visible text only).
pub const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

/// The lower-case extension of a path or document id.
fn extension_of(p: &Path) -> String {
    p.extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Options of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Extraction options (date order).
    pub extract: ExtractOptions,
    /// Known publication dates by document id (from `--manifest`); they win over the text.
    pub manifest: HashMap<String, String>,
    /// Files larger than this are skipped with a reason.
    pub max_bytes: u64,
    /// Documents processed in parallel before their facts are written. Two batches' rendered
    /// rows (about six times their text) are the bulk of the memory a run holds: 128 news
    /// articles keep it near 30 MB with two threads, as fast as larger batches.
    pub batch_size: usize,
    /// Write a UTF-8 BOM at the start of every CSV, for Excel.
    pub excel: bool,
    /// Replace an existing output folder even if it is not a factx output.
    pub force: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: 0,
            extract: ExtractOptions::default(),
            manifest: HashMap::new(),
            max_bytes: 512 * 1024 * 1024,
            batch_size: 128,
            excel: false,
            force: false,
        }
    }
}

/// Progress after each batch, for a progress line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub documents: u64,
    pub bytes: u64,
    pub elapsed_secs: f64,
}

/// What a completed run did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RunSummary {
    pub documents_ok: u64,
    pub documents_skipped: u64,
    pub documents_failed: u64,
    pub bytes: u64,
    pub counts: Counts,
    pub wall_secs: f64,
}

impl RunSummary {
    /// Throughput in MB/s (10^6 bytes).
    pub fn mb_per_sec(&self) -> f64 {
        if self.wall_secs > 0.0 {
            self.bytes as f64 / 1e6 / self.wall_secs
        } else {
            0.0
        }
    }
}

/// Extracts facts from documents. Build it once; it is cheap to share across threads.
///
/// ```
/// use factx::{Pipeline, Options, Rules};
/// let p = Pipeline::new(Rules::builtin(), Options::default());
/// let facts = p.process_bytes("note.txt", "Cllr Jane Roe said: “We will act in May 2025.”".as_bytes());
/// assert_eq!(facts.people[0].name, "Jane Roe");
/// assert_eq!(facts.dates[0].value, "2025-05");
/// ```
pub struct Pipeline {
    rules: Arc<Rules>,
    opts: Options,
    interrupt: Arc<AtomicBool>,
}

impl Pipeline {
    pub fn new(rules: Rules, opts: Options) -> Pipeline {
        Pipeline {
            rules: Arc::new(rules),
            opts,
            interrupt: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A flag that, once set (by a Ctrl-C handler), stops the run before its next batch; the
    /// run then returns [`Error::Interrupted`] and leaves no output behind.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    /// The rules in use.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Extract the facts of one document given as bytes. Never panics on any input. A document
    /// whose id ends in `.html`/`.htm` is read as HTML, any other as plain text.
    pub fn process_bytes(&self, id: &str, bytes: &[u8]) -> DocumentFacts {
        let mut row = DocumentRow {
            doc: id.to_string(),
            bytes: bytes.len() as u64,
            sha256: hex(&Sha256::digest(bytes)),
            encoding: String::new(),
            title: String::new(),
            published: String::new(),
            published_text: String::new(),
            status: Status::Ok,
            message: String::new(),
        };
        let html = HTML_EXTENSIONS.contains(&extension_of(Path::new(id)).as_str());
        let decoded = if html {
            crate::html::decode_html(bytes, &self.rules.html)
        } else {
            decode(bytes)
        };
        let decoded = match decoded {
            Ok(d) => d,
            Err(e) => {
                row.status = Status::Skipped;
                row.message = e.to_string();
                if e == NotText::Empty {
                    row.encoding = String::new();
                }
                return DocumentFacts {
                    document: Some(row),
                    ..Default::default()
                };
            }
        };
        row.encoding = decoded.encoding.to_string();
        if let Some(n) = &decoded.note {
            row.message = n.clone();
        }
        let title_hint = decoded.title_hint.clone();
        let published_hint = decoded.published_hint.clone();
        let doc = Document::new(id, decoded, &self.rules);
        row.title = title_hint.unwrap_or_else(|| {
            doc.paragraphs
                .iter()
                .find(|p| !doc.is_boilerplate(p.start))
                .map(|p| crate::text::collapse(&doc.text[p.start..p.end]))
                .filter(|t| t.chars().count() <= 200)
                .unwrap_or_default()
        });
        let ctx = Context {
            doc: &doc,
            rules: &self.rules,
            opts: &self.opts.extract,
        };
        let mentions = extract::extract(&ctx);
        let manifest = self
            .opts
            .manifest
            .get(id)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .or(published_hint.as_deref());
        let resolved = crate::resolve::resolve(&doc, &self.rules, &mentions, manifest);
        row.published = resolved.published;
        row.published_text = resolved.published_text;
        let mut facts = resolved.facts;
        facts.document = Some(row);
        facts
    }

    /// Read and process one walked entry; every outcome gives a document row.
    pub fn process_entry(&self, e: &Entry) -> DocumentFacts {
        let row = |status: Status, message: String| DocumentFacts {
            document: Some(DocumentRow {
                doc: e.id.clone(),
                bytes: 0,
                sha256: String::new(),
                encoding: String::new(),
                title: String::new(),
                published: String::new(),
                published_text: String::new(),
                status,
                message,
            }),
            ..Default::default()
        };
        if let Some(err) = &e.error {
            return row(Status::Error, err.clone());
        }
        if e.special {
            return row(Status::Skipped, "not a regular file".into());
        }
        let ext = extension_of(&e.path);
        if !TEXT_EXTENSIONS.contains(&ext.as_str()) && !HTML_EXTENSIONS.contains(&ext.as_str()) {
            let what = if ext.is_empty() {
                "no file extension".to_string()
            } else {
                format!(".{ext}")
            };
            let mut d = row(
                Status::Skipped,
                format!(
                    "not a text type ({what}); read types: {}",
                    TEXT_EXTENSIONS
                        .iter()
                        .chain(HTML_EXTENSIONS)
                        .map(|x| format!(".{x}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            if let (Some(doc), Ok(m)) = (d.document.as_mut(), std::fs::metadata(&e.path)) {
                doc.bytes = m.len();
            }
            return d;
        }
        let file = match std::fs::File::open(&e.path) {
            Ok(f) => f,
            Err(err) => return row(Status::Error, format!("cannot open: {err}")),
        };
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len > self.opts.max_bytes {
            let mut d = row(
                Status::Skipped,
                format!(
                    "too large: {len} bytes is over --max-bytes {}",
                    self.opts.max_bytes
                ),
            );
            d.document.as_mut().unwrap().bytes = len;
            return d;
        }
        let mut bytes = Vec::with_capacity(len as usize);
        if let Err(err) = file.take(self.opts.max_bytes + 1).read_to_end(&mut bytes) {
            return row(Status::Error, format!("cannot read: {err}"));
        }
        if bytes.len() as u64 > self.opts.max_bytes {
            return row(
                Status::Skipped,
                "too large: grew past --max-bytes while being read".into(),
            );
        }
        self.process_bytes(&e.id, &bytes)
    }

    /// [`Pipeline::process_entry`], with a panic (a bug in factx) turned into an `error` row
    /// for that document instead of aborting the whole run.
    pub fn process_entry_guarded(&self, e: &Entry) -> DocumentFacts {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.process_entry(e))) {
            Ok(facts) => facts,
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                DocumentFacts {
                    document: Some(DocumentRow {
                        doc: e.id.clone(),
                        bytes: std::fs::metadata(&e.path).map(|m| m.len()).unwrap_or(0),
                        sha256: String::new(),
                        encoding: String::new(),
                        title: String::new(),
                        published: String::new(),
                        published_text: String::new(),
                        status: Status::Error,
                        message: format!(
                            "internal error while extracting ({what}); no facts were kept for this \
                             document; please report it"
                        ),
                    }),
                    ..Default::default()
                }
            }
        }
    }

    /// Run over `inputs` and write every table into `out`.
    ///
    /// Tables are written into a temporary folder next to `out` and moved into place at the
    /// end. `progress` is called after each batch.
    pub fn run(
        &self,
        inputs: &[PathBuf],
        out: &Path,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<RunSummary> {
        let started = Instant::now();
        for i in inputs {
            std::fs::metadata(i).map_err(|source| Error::Input {
                path: i.clone(),
                source,
            })?;
        }
        check_output(inputs, out, self.opts.force)?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::Output {
            path: out.to_path_buf(),
            message: format!("cannot create its parent folder: {e}"),
        })?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let tmp = parent.join(format!(".{name}.factx-tmp-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::create_dir(&tmp).map_err(|e| Error::Output {
            path: tmp.clone(),
            message: format!("cannot create the temporary folder: {e}"),
        })?;
        let result = self.run_into(inputs, &tmp, started, progress);
        let summary = match result {
            Ok(s) => s,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                return Err(e);
            }
        };
        // Move into place: the old output aside, the new one in, the old one removed.
        let old = parent.join(format!(".{name}.factx-old-{}", std::process::id()));
        if out.exists() {
            std::fs::rename(out, &old).map_err(|e| Error::Output {
                path: out.to_path_buf(),
                message: format!("cannot move the previous output aside: {e}"),
            })?;
        }
        if let Err(e) = std::fs::rename(&tmp, out) {
            if old.exists() {
                let _ = std::fs::rename(&old, out);
            }
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: format!("cannot move the finished tables into place: {e}"),
            });
        }
        if old.exists() {
            let _ = std::fs::remove_dir_all(&old);
        }
        Ok(summary)
    }

    fn run_into(
        &self,
        inputs: &[PathBuf],
        dir: &Path,
        started: Instant,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<RunSummary> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.opts.threads)
            .build()
            .map_err(|e| Error::Output {
                path: dir.to_path_buf(),
                message: format!("cannot start worker threads: {e}"),
            })?;
        let mut writers = Writers::create(dir, self.opts.excel)?;
        let mut summary = RunSummary::default();
        let mut walker = Walker::new(inputs);
        let batch_size = self.opts.batch_size.max(1);
        // Workers extract and render a batch while a writer thread appends the one before, so
        // neither the walk nor the writing leaves the workers idle. At most two rendered
        // batches exist at once (the one being written, and the next, handed over when the
        // writer is done), and each document's rows are freed once written: memory stays
        // bounded by the batch size, even when the system holds up the writes.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Rendered>>(0);
        let written = std::thread::scope(|scope| -> Result<Counts> {
            let writer = scope.spawn(move || -> Result<Writers> {
                for batch in rx {
                    for r in batch {
                        writers.write_rendered(&r)?;
                    }
                }
                Ok(writers)
            });
            // The walk lists the next batch while the workers extract this one.
            let (batches, listed) = std::sync::mpsc::sync_channel::<Vec<Entry>>(1);
            scope.spawn(move || loop {
                let batch: Vec<Entry> = walker.by_ref().take(batch_size).collect();
                if batch.is_empty() || batches.send(batch).is_err() {
                    break;
                }
            });
            let mut documents = 0u64;
            let fed = loop {
                if self.interrupt.load(Ordering::Relaxed) {
                    break Err(Error::Interrupted);
                }
                let Ok(batch) = listed.recv() else {
                    break Ok(());
                };
                let results: Vec<(Rendered, Option<(u64, Status)>)> = pool.install(|| {
                    batch
                        .par_iter()
                        .map(|e| {
                            let facts = self.process_entry_guarded(e);
                            let doc = facts.document.as_ref().map(|d| (d.bytes, d.status));
                            (render(&facts), doc)
                        })
                        .collect()
                });
                let mut rendered = Vec::with_capacity(results.len());
                for (r, doc) in results {
                    if let Some((bytes, status)) = doc {
                        summary.bytes += bytes;
                        match status {
                            Status::Ok => summary.documents_ok += 1,
                            Status::Skipped => summary.documents_skipped += 1,
                            Status::Error => summary.documents_failed += 1,
                        }
                    }
                    documents += r.counts.documents;
                    rendered.push(r);
                }
                if tx.send(rendered).is_err() {
                    // The writer stopped on an error, which joining it reports.
                    break Ok(());
                }
                progress(&Progress {
                    documents,
                    bytes: summary.bytes,
                    elapsed_secs: started.elapsed().as_secs_f64(),
                });
            };
            // Stops the walk, if the run stopped before its end.
            drop(listed);
            drop(tx);
            let writers = writer.join().map_err(|_| Error::Output {
                path: dir.to_path_buf(),
                message: "the writer thread stopped unexpectedly".into(),
            })??;
            fed?;
            writers.finish()
        });
        summary.counts = written?;
        summary.wall_secs = started.elapsed().as_secs_f64();
        let run = serde_json::json!({
            "tool": "factx",
            "version": env!("CARGO_PKG_VERSION"),
            "rules_fingerprint": self.rules.fingerprint,
            "rules_source": self.rules.source,
            "input_root": inputs.first().map(|p| absolute(p).display().to_string()),
            "inputs": inputs.iter().map(|p| absolute(p).display().to_string()).collect::<Vec<_>>(),
            "options": {
                "threads": self.opts.threads,
                "date_order": match self.opts.extract.date_order {
                    crate::extract::DateOrder::Dmy => "dmy",
                    crate::extract::DateOrder::Mdy => "mdy",
                },
                "manifest_entries": self.opts.manifest.len(),
                "max_bytes": self.opts.max_bytes,
                "batch_size": batch_size,
                "excel": self.opts.excel,
            },
            "counts": summary.counts,
            "documents": {
                "ok": summary.documents_ok,
                "skipped": summary.documents_skipped,
                "failed": summary.documents_failed,
            },
            "bytes": summary.bytes,
            "wall_secs": summary.wall_secs,
        });
        let path = dir.join("run.json");
        let text = serde_json::to_string_pretty(&run).expect("json") + "\n";
        std::fs::write(&path, text).map_err(|source| Error::Write { path, source })?;
        Ok(summary)
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Refuse an output inside an input folder, or over a folder that is not a factx output.
fn check_output(inputs: &[PathBuf], out: &Path, force: bool) -> Result<()> {
    let out_abs = if out.exists() {
        absolute(out)
    } else {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        absolute(parent).join(out.file_name().unwrap_or_default())
    };
    for i in inputs {
        let ia = absolute(i);
        if ia.is_dir() && out_abs.starts_with(&ia) {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: format!(
                    "is inside the input folder {}; choose an output folder outside it",
                    i.display()
                ),
            });
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: "exists and is not a folder".into(),
            });
        }
        let is_factx = out.join("run.json").is_file();
        let empty = std::fs::read_dir(out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_factx && !empty && !force {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: "exists and is not a factx output folder; pass --force to replace it"
                    .into(),
            });
        }
    }
    Ok(())
}

/// Read a manifest CSV with columns `doc,published` (other columns are ignored).
pub fn read_manifest(path: &Path) -> Result<HashMap<String, String>> {
    let err = |line: usize, message: String| Error::Manifest {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| err(0, format!("cannot read: {e}")))?;
    let headers = rdr.headers().map_err(|e| err(1, e.to_string()))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{FEFF}') == name)
    };
    let (Some(dc), Some(pc)) = (col("doc"), col("published")) else {
        return Err(err(
            1,
            "the header must name the columns 'doc' and 'published'".into(),
        ));
    };
    let mut out = HashMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| err(line, e.to_string()))?;
        let doc = rec.get(dc).unwrap_or("").trim();
        let published = rec.get(pc).unwrap_or("").trim();
        if doc.is_empty() {
            return Err(err(line, "empty 'doc'".into()));
        }
        if !published.is_empty() && !valid_iso(published) {
            return Err(err(
                line,
                format!("'published' must be YYYY-MM-DD, YYYY-MM or YYYY, found '{published}'"),
            ));
        }
        out.insert(doc.to_string(), published.to_string());
    }
    Ok(out)
}

fn valid_iso(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}
