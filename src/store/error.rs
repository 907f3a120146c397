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

/// Why a journey (or an export) could not be saved. The previous file is
/// left untouched in every case.
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
    /// The folder the file goes in is missing, is not a folder, or cannot be written.
    #[error(
        "{}: cannot save in the folder {}: {} (the previous file is unchanged)",
        path.display(),
        folder.display(),
        folder_reason(source)
    )]
    Folder {
        /// The target file, as given.
        path: PathBuf,
        /// Its folder (of the file a symbolic link leads to).
        folder: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The name does not name an ordinary file.
    #[error("{}: cannot save: {reason}", path.display())]
    NotAFile {
        /// The target, as given.
        path: PathBuf,
        /// What it is instead.
        reason: NotAFile,
    },
    /// The file has other names (hard links); see `store::write_atomic`.
    #[error(
        "{}: cannot save: the file has {links} names (hard links), and saving would leave the \
         other names with the old content; use Save As to save it under a name of its own",
        path.display()
    )]
    HardLinked {
        /// The target, as given.
        path: PathBuf,
        /// How many names the file has.
        links: u64,
    },
}

/// What a save target is when it is not an ordinary file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotAFile {
    /// The name ends in `/`.
    #[error("the name ends in a slash, so it names a folder: add a file name")]
    TrailingSlash,
    /// A folder is there.
    #[error("it is a folder")]
    Folder,
    /// A device, a pipe or a socket is there.
    #[error("it is not an ordinary file (a device or a pipe)")]
    Special,
    /// Symbolic links lead round in a circle (or too far).
    #[error("its symbolic links lead round in a circle")]
    LinkLoop,
}

/// The system's reason, in words for a folder.
fn folder_reason(source: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::NotFound => "the folder does not exist".to_owned(),
        ErrorKind::NotADirectory => "it is not a folder".to_owned(),
        ErrorKind::PermissionDenied => "you may not write in this folder".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk it is on cannot be written".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => source.to_string(),
    }
}
