//! Typed errors of the store.

use std::path::{Path, PathBuf};

/// Why a journey file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8 text.
    #[error("{}not a journey file: {detail}", file_prefix(path.as_deref()))]
    NotText {
        /// The file, when known.
        path: Option<PathBuf>,
        /// What is wrong with the bytes.
        detail: String,
    },
    /// The text is not a valid journey: a syntax or type error.
    #[error("{}line {line}, column {column}: {message}", file_prefix(path.as_deref()))]
    Syntax {
        /// The file, when known.
        path: Option<PathBuf>,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected or found.
        message: String,
    },
    /// The file was written by a newer release.
    #[error(
        "{}written by a newer version of Journey Designer (file format {found}; this version reads format {supported}): update Journey Designer to open it",
        file_prefix(path.as_deref())
    )]
    NewerFormat {
        /// The file, when known.
        path: Option<PathBuf>,
        /// The file's format number.
        found: u32,
        /// The newest format this release reads.
        supported: u32,
    },
}

impl LoadError {
    /// The same error, naming `path` as its file.
    #[must_use]
    pub fn in_file(self, path: &Path) -> LoadError {
        let p = Some(path.to_owned());
        match self {
            LoadError::Io { .. } => self,
            LoadError::NotText { detail, .. } => LoadError::NotText { path: p, detail },
            LoadError::Syntax {
                line,
                column,
                message,
                ..
            } => LoadError::Syntax {
                path: p,
                line,
                column,
                message,
            },
            LoadError::NewerFormat {
                found, supported, ..
            } => LoadError::NewerFormat {
                path: p,
                found,
                supported,
            },
        }
    }

    /// Line and column of a syntax error.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

fn file_prefix(path: Option<&Path>) -> String {
    path.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

/// Why a journey could not be saved. The previous file is left untouched.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed.
    #[error("{}: cannot save: {source} (the previous file is unchanged)", path.display())]
    Io {
        /// The target file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The journey could not be turned into text.
    #[error("{}: cannot save: {message}", path.display())]
    Serialize {
        /// The target file.
        path: PathBuf,
        /// The serialiser's reason.
        message: String,
    },
}
