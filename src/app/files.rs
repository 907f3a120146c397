//! Minimal file handling: open and save a journey, with the native dialog
//! when no path is given. Paths are injectable so tests and the screenshot
//! mode never need a dialog.
//!
//! TODO(integration): the `forms` branch brings the full file handling
//! (new from template, recovery, save-before-close); it replaces this module.

use std::path::{Path, PathBuf};

use crate::edit::Document;
use crate::store::{LoadError, SaveError};

/// Loads a journey file into a new document.
pub fn open(path: &Path) -> Result<Document, LoadError> {
    let journey = crate::store::load(path)?;
    Ok(Document::from_file(journey, path.to_owned()))
}

/// Saves the document to `path` and marks it saved.
pub fn save(doc: &mut Document, path: &Path) -> Result<(), SaveError> {
    crate::store::save(path, doc.journey())?;
    doc.mark_saved(path.to_owned());
    Ok(())
}

/// Asks the user for a journey file to open (None if cancelled or no dialog).
pub fn pick_open() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter("Journey", &["ron"])
        .pick_file()
}

/// Asks the user where to save (None if cancelled or no dialog).
pub fn pick_save(suggested: &str) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter("Journey", &["ron"])
        .set_file_name(format!("{suggested}.journey.ron"))
        .save_file()
}
