//! `Document`: a journey with its undo/redo history and its file.

use std::path::PathBuf;

use super::command::{Command, EditError};
use crate::model::Journey;

/// One entry of the undo or redo stack.
#[derive(Clone, Debug)]
struct Entry {
    label: String,
    command: Command,
}

/// A journey being edited: every change goes through [`Document::apply`].
#[derive(Clone, Debug)]
pub struct Document {
    journey: Journey,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// Bumped on every change (apply, undo, redo), so views can cache per revision.
    revision: u64,
    /// Tells documents apart (a new one per `new`/`from_file`), so a view's
    /// cache never mistakes revision 3 of one file for revision 3 of another.
    id: u64,
    /// The journey as last saved or loaded, to tell whether there are unsaved changes.
    saved: Option<Journey>,
    /// The file the journey belongs to, if any.
    pub path: Option<PathBuf>,
}

impl Document {
    /// A document for a journey that is not yet saved anywhere.
    pub fn new(journey: Journey) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Document {
            journey,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            saved: None,
            path: None,
        }
    }

    /// A document for a journey just loaded from (or saved to) `path`.
    pub fn from_file(journey: Journey, path: PathBuf) -> Self {
        let mut doc = Document::new(journey);
        doc.saved = Some(doc.journey.clone());
        doc.path = Some(path);
        doc
    }

    /// The journey as it is now.
    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    /// This document's identity (distinct for every document created).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Counts changes; equal revisions mean an equal journey.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies a command as one undo step.
    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let label = command.describe();
        let inverse = command.apply(&mut self.journey)?;
        if inverse.is_irreversible() {
            // S7: a stop is final; undo cannot reach back past it.
            self.undo.clear();
        } else {
            self.undo.push(Entry {
                label,
                command: inverse,
            });
        }
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last change; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(entry) = self.undo.pop() else {
            return false;
        };
        if let Ok(redo) = entry.command.apply(&mut self.journey) {
            self.redo.push(Entry {
                label: entry.label,
                command: redo,
            });
            self.revision += 1;
            true
        } else {
            // Cannot happen for inverses of applied commands; drop the history rather than corrupt it.
            self.undo.clear();
            false
        }
    }

    /// Redoes the last undone change; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(entry) = self.redo.pop() else {
            return false;
        };
        if let Ok(undo) = entry.command.apply(&mut self.journey) {
            self.undo.push(Entry {
                label: entry.label,
                command: undo,
            });
            self.revision += 1;
            true
        } else {
            self.redo.clear();
            false
        }
    }

    /// What undo would undo ("Move 3 steps"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// What redo would redo, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// True when the journey differs from the file it was loaded from or saved to.
    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.journey)
    }

    /// Records that the journey was just saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = Some(self.journey.clone());
        self.path = Some(path);
    }
}
