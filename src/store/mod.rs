//! Loading and saving `*.journey.ron` files: located errors, atomic writes.
//!
//! Uses the model only; no egui, no simulation.

mod atomic;
pub mod autosave;
mod error;
mod format;

pub use atomic::write_atomic;
pub use error::{LoadError, SaveError};
pub use format::{parse, to_ron};

use std::path::Path;

use crate::model::Journey;

/// Reads and parses a journey file.
///
/// Errors name the file and, for syntax errors, the line and column.
pub fn load(path: &Path) -> Result<Journey, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    parse_bytes(&bytes).map_err(|e| e.in_file(path))
}

/// Parses the bytes of a journey file (see [`load`]).
pub fn parse_bytes(bytes: &[u8]) -> Result<Journey, LoadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::NotText {
            path: None,
            detail: format!(
                "it holds a zero byte at offset {offset}, so it looks like a binary file"
            ),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotText {
        path: None,
        detail: format!(
            "it is not UTF-8 text (bad byte at offset {})",
            e.valid_up_to()
        ),
    })?;
    parse(text)
}

/// Writes a journey atomically: the old file is intact until the new one is whole.
pub fn save(path: &Path, journey: &Journey) -> Result<(), SaveError> {
    let text = to_ron(journey).map_err(|e| SaveError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}
