//! Error types of the library. Each says what failed, where, and what to do about it.

use std::fmt;
use std::path::PathBuf;

/// One problem in a rule file, located by file and line so that a user can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    /// Path of the rule file relative to the rules folder, e.g. `dates/months.txt`.
    pub file: String,
    /// 1-based line number, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RuleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// Errors that stop a whole run (per-document problems are recorded in `documents.csv` instead).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rules folder has one or more invalid entries.
    #[error("invalid rules ({} problem{}):\n{}", .0.len(), if .0.len() == 1 { "" } else { "s" },
        .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Rules(Vec<RuleProblem>),

    /// A rules folder could not be read.
    #[error("cannot read rules folder {path}: {source}")]
    RulesIo {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// An input path given on the command line does not exist or cannot be read.
    #[error("cannot read input {path}: {source}")]
    Input {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The manifest of publication dates is malformed.
    #[error("{path}:{line}: {message}")]
    Manifest {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// The output folder cannot be used or written.
    #[error("output {path}: {message}")]
    Output { path: PathBuf, message: String },

    /// An I/O error while writing the outputs.
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The run was interrupted before it completed; nothing was put in place.
    #[error("interrupted: no output was written")]
    Interrupted,

    /// A gold or prediction file given to `eval` is malformed.
    #[error("{path}:{line}: {message}")]
    Eval {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
