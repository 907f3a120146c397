//! Editing: every document change is a [`Command`] with an inverse, which
//! gives undo/redo in one place (the crate docs: the document is changed
//! only by commands). No egui here.

mod apply;
mod clip;
mod command;
mod history;
mod kinds;
mod models;
mod ops;
#[cfg(test)]
mod tests;

pub use clip::{ClipError, JourneySteps};
pub use command::{Command, EditError, VersionIndex};
pub use history::Document;
pub use kinds::{auto_name, follow_auto_name, with_kind};
pub use models::{ModelUse, default_segment, default_trigger, with_model};
pub use ops::{add_step, copy_steps, default_step, delete_steps, duplicate_steps, paste_steps};
