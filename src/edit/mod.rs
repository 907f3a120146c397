//! Editing: every document change is a [`Command`] with an inverse, which
//! gives undo/redo in one place (ARCHITECTURE.md). No egui here.

mod command;
mod history;

pub use command::{Command, EditError, VersionIndex};
pub use history::Document;
