//! Dialogs: egui only, no file I/O. Each draws itself and returns what the
//! user chose (an intent); the app acts on it (the data flow of the crate docs).
//!
//! - [`unsaved_changes_ui`] → [`UnsavedChoice`] (Save / Discard / Cancel);
//! - [`open_error_ui`] shows an [`OpenError`] (file, line, column, message);
//! - [`template_gallery_ui`] → [`GalleryChoice`] (which template, or cancel);
//! - [`recovery_ui`] → [`RecoveryChoice`] (recover or discard autosaved work);
//! - [`file_chooser_ui`] → [`ChooserAnswer`] (the app's own file chooser,
//!   when the system's cannot be shown);
//! - [`help_ui`] shows keyboard shortcuts and the journey rules (F1).

mod file_chooser;
mod help;
mod open_error;
mod recovery;
mod templates;
mod unsaved;

pub use file_chooser::{ChooserAnswer, ChooserMode, FileChooser, Listing, file_chooser_ui};
pub use help::{SHORTCUTS, help_ui};
pub use open_error::{OpenError, open_error_ui};
pub use recovery::{RecoveryChoice, recovery_ui};
pub use templates::{GalleryChoice, template_gallery_ui};
pub use unsaved::{UnsavedChoice, unsaved_changes_ui};

#[cfg(test)]
mod tests;
