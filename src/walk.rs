//! Walking the inputs: every file under the input folders, in a deterministic order, streamed
//! so that memory does not grow with the number of files.
//!
//! Each directory's entries are sorted by name and visited depth first. Problems (an unreadable
//! folder, a broken link, a symlink loop) become entries with an error, never a stop.

use std::path::{Path, PathBuf};

/// One input file (or a problem found while walking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Full path to open.
    pub path: PathBuf,
    /// Document id: the path relative to its input root, `/`-separated.
    pub id: String,
    /// Set when the walk itself failed here; the entry is reported as an error.
    pub error: Option<String>,
    /// Set when the entry is not a regular file (a FIFO, a device): reported as skipped.
    pub special: bool,
}

struct Frame {
    /// Remaining entries of this directory, in reverse order (pop from the end), with whether
    /// the listing already says it is a regular file (not a link): no need to ask the system.
    pending: Vec<(PathBuf, String, bool)>,
    /// Canonical path of the directory, to detect symlink loops.
    canonical: Option<PathBuf>,
}

/// A depth-first, sorted, streaming walk over several inputs.
pub struct Walker {
    roots: std::vec::IntoIter<(PathBuf, String)>,
    stack: Vec<Frame>,
    queued: Option<Entry>,
}

/// The id prefix for an input when several are given: its last path component.
fn root_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

fn join_id(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    }
}

impl Walker {
    /// Walk `inputs`. With one folder input, ids are relative to it; with several inputs, each
    /// id starts with the input's own name so that ids stay unique.
    pub fn new(inputs: &[PathBuf]) -> Walker {
        let many = inputs.len() > 1;
        let roots: Vec<(PathBuf, String)> = inputs
            .iter()
            .map(|p| {
                let prefix = if many { root_name(p) } else { String::new() };
                (p.clone(), prefix)
            })
            .collect();
        Walker {
            roots: roots.into_iter(),
            stack: Vec::new(),
            queued: None,
        }
    }

    fn open_dir(&mut self, dir: &Path, id_prefix: &str) -> Option<Entry> {
        let canonical = std::fs::canonicalize(dir).ok();
        if let Some(c) = &canonical {
            if self.stack.iter().any(|f| f.canonical.as_ref() == Some(c)) {
                return Some(Entry {
                    path: dir.to_path_buf(),
                    id: id_prefix.to_string(),
                    error: Some("symlink loop: this folder contains itself; not followed".into()),
                    special: false,
                });
            }
        }
        match std::fs::read_dir(dir) {
            Ok(rd) => {
                let mut items: Vec<(PathBuf, String, bool)> = Vec::new();
                let mut errors = Vec::new();
                for e in rd {
                    match e {
                        Ok(e) => {
                            let name = e.file_name().to_string_lossy().into_owned();
                            let file = e.file_type().is_ok_and(|t| t.is_file());
                            items.push((e.path(), join_id(id_prefix, &name), file));
                        }
                        Err(err) => errors.push(err.to_string()),
                    }
                }
                items.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
                items.reverse();
                self.stack.push(Frame {
                    pending: items,
                    canonical,
                });
                if !errors.is_empty() {
                    return Some(Entry {
                        path: dir.to_path_buf(),
                        id: id_prefix.to_string(),
                        error: Some(format!(
                            "some entries could not be listed: {}",
                            errors.join("; ")
                        )),
                        special: false,
                    });
                }
                None
            }
            Err(err) => Some(Entry {
                path: dir.to_path_buf(),
                id: if id_prefix.is_empty() {
                    dir.display().to_string()
                } else {
                    id_prefix.to_string()
                },
                error: Some(format!("cannot read folder: {err}")),
                special: false,
            }),
        }
    }

    /// Classify a path: a file entry, a directory to descend, or a problem.
    fn visit(&mut self, path: PathBuf, id: String) -> Option<Entry> {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => self.open_dir(&path, &id),
            Ok(m) if m.is_file() => Some(Entry {
                path,
                id,
                error: None,
                special: false,
            }),
            Ok(_) => Some(Entry {
                path,
                id,
                error: None,
                special: true,
            }),
            Err(err) => {
                let msg = if std::fs::symlink_metadata(&path).is_ok() {
                    format!("broken link or unreadable: {err}")
                } else {
                    format!("cannot read: {err}")
                };
                Some(Entry {
                    path,
                    id,
                    error: Some(msg),
                    special: false,
                })
            }
        }
    }
}

impl Iterator for Walker {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if let Some(e) = self.queued.take() {
            return Some(e);
        }
        loop {
            if let Some(top) = self.stack.last_mut() {
                match top.pending.pop() {
                    Some((path, id, true)) => {
                        // A file that vanishes from here on gets its error when it is read.
                        return Some(Entry {
                            path,
                            id,
                            error: None,
                            special: false,
                        });
                    }
                    Some((path, id, false)) => {
                        if let Some(e) = self.visit(path, id) {
                            return Some(e);
                        }
                    }
                    None => {
                        self.stack.pop();
                    }
                }
                continue;
            }
            let (root, prefix) = self.roots.next()?;
            match std::fs::metadata(&root) {
                Ok(m) if m.is_dir() => {
                    if let Some(e) = self.open_dir(&root, &prefix) {
                        return Some(e);
                    }
                }
                _ => {
                    // A file given directly: its id is its file name (under the prefix).
                    let name = root_name(&root);
                    let id = if prefix.is_empty() {
                        name
                    } else {
                        prefix.clone()
                    };
                    if let Some(e) = self.visit(root, id) {
                        return Some(e);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_depth_first_with_relative_ids() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/sub")).unwrap();
        std::fs::write(root.join("c.txt"), "c").unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join("b/sub/z.txt"), "z").unwrap();
        std::fs::write(root.join("b/y.txt"), "y").unwrap();
        let ids: Vec<String> = Walker::new(&[root.to_path_buf()]).map(|e| e.id).collect();
        assert_eq!(ids, vec!["a.txt", "b/sub/z.txt", "b/y.txt", "c.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("d")).unwrap();
        std::fs::write(root.join("d/f.txt"), "f").unwrap();
        std::os::unix::fs::symlink(root.join("d"), root.join("d/loop")).unwrap();
        let entries: Vec<Entry> = Walker::new(&[root.to_path_buf()]).collect();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].id, "d/f.txt");
        assert_eq!(entries[1].id, "d/loop");
        assert!(entries[1]
            .error
            .as_deref()
            .unwrap()
            .contains("symlink loop"));
    }
}
