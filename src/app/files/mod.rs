//! The file side of the window: the state (`Files`), what the user does with
//! files (New, Open, Save, Revert, close), autosave and recovery, the dialogs
//! that ask for paths, the prompts drawn each frame and the File menu.

pub mod autosave;
mod chooser;
pub mod dialogs;
mod menu;
mod ops;
mod prompts;
mod recent;
mod state;

use std::path::{Path, PathBuf};

use crate::edit::Document;
use crate::store::{LoadError, SaveError};
pub use chooser::list_folder;
pub use ops::EMPTY_JOURNEY;
pub use state::{Files, SaveKind, Then};

/// Loads a journey file into a new document.
pub fn open(path: &Path) -> Result<Document, LoadError> {
    let journey = crate::store::load(path)?;
    Ok(Document::from_file(journey, absolute(path)))
}

/// Saves the document to `path` (atomically) and marks it saved.
pub fn save(doc: &mut Document, path: &Path) -> Result<(), SaveError> {
    crate::store::save(path, doc.journey())?;
    doc.mark_saved(absolute(path));
    Ok(())
}

/// `path` made absolute, so the recent list works from any folder.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
