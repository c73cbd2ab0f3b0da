//! The library's error type.

use std::fmt;

/// One problem found in a lexicon or data file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as given.
    pub file: String,
    /// One-based line, or 0 when unknown.
    pub line: usize,
    /// What kind of record `id` names: `skill`, `role`, ...
    pub kind: &'static str,
    /// The record's id, when known.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(id) = &self.id {
            write!(f, ": {} '{id}'", self.kind)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Errors returned by the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One or more problems in lexicon data.
    #[error("{}", join(.0))]
    Lexicon(Vec<Problem>),
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Malformed input data (for example a gold file), with where.
    #[error("{0}")]
    Data(Problem),
}

fn join(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
