//! Loading and saving `*.journey.ron` files: located errors, atomic writes.
//!
//! Uses the model only; no egui, no simulation.

mod atomic;
pub mod autosave;
mod canonical;
mod error;
mod finite;
mod format;
pub mod recent;
mod scan;
mod temp;

pub use atomic::write_atomic;
pub use canonical::{Canonical, FmtError, canonical};
pub use error::{LoadError, NotAFile, SaveError};
pub use format::{parse, to_ron};

use std::io::Read;
use std::path::Path;

use crate::model::Journey;

/// Reads and parses a journey file.
///
/// Errors name the file and, for syntax errors, the line and column.
/// Temporary files that killed saves left beside the file are removed.
pub fn load(path: &Path) -> Result<Journey, LoadError> {
    let bytes = read_bytes(path)?;
    parse_bytes(&bytes).map_err(|e| e.in_file(path))
}

/// Reads a journey file's text, as [`load`] does, without parsing it.
pub fn load_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
    decode(&bytes)
        .map(str::to_owned)
        .map_err(|e| e.in_file(path))
}

/// The file's bytes, at most [`MAX_FILE_BYTES`]; then the debris of killed
/// saves beside it is removed.
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    // Read at most one byte past the limit: a huge file (or a device that
    // never ends) is refused instead of exhausting memory.
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if let Ok(real) = std::fs::canonicalize(path) {
        temp::remove_stale(&real);
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::NotText {
            path: Some(path.to_owned()),
            detail: format!(
                "it is larger than {} MB, far more than any journey",
                MAX_FILE_BYTES / 1_000_000
            ),
        });
    }
    Ok(bytes)
}

/// The largest file [`load`] reads; real journeys are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 64_000_000;

/// Parses the bytes of a journey file (see [`load`]): [`parse`], and then
/// `NaN` anywhere and canvas positions that are not finite are refused with
/// their line and column, as a [`LoadError::Syntax`].
pub fn parse_bytes(bytes: &[u8]) -> Result<Journey, LoadError> {
    parse_file_text(decode(bytes)?)
}

/// The bytes as text: UTF-8 without zero bytes.
fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(LoadError::NotText {
            path: None,
            detail: "it is UTF-16 text: save it as UTF-8".to_owned(),
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::NotText {
            path: None,
            detail: format!(
                "it holds a zero byte at offset {offset}, so it looks like a binary file"
            ),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|&b| b == b'\n').count();
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, as in syntax errors; the prefix is valid UTF-8.
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        LoadError::NotText {
            path: None,
            detail: format!(
                "it is not UTF-8 text (line {line}, column {column}: byte 0x{:02x} at offset {}); \
                 save it as UTF-8",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
        }
    })
}

/// [`parse`], then the numbers RON reads but a journey file must not hold.
fn parse_file_text(text: &str) -> Result<Journey, LoadError> {
    let journey = parse(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    finite::check(text)?;
    Ok(journey)
}

/// Writes a journey atomically: the old file is intact until the new one is whole.
pub fn save(path: &Path, journey: &Journey) -> Result<(), SaveError> {
    let text = to_ron(journey).map_err(|e| SaveError::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomic(path, text.as_bytes())
}
