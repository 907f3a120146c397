//! A text field that commits on Enter (one line) or when focus leaves.

use egui::{TextEdit, Ui};

use super::{Labelled, commit_into, with_label};

/// How wide a text field is.
#[derive(Clone, Copy, Debug)]
enum Width {
    /// All the width there is.
    Full,
    /// This many points.
    Fixed(f32),
    /// The width left but this many points (at least 60) for widgets after it.
    Leaving(f32),
}

/// A text field: by default its label on one line, the field full width
/// below. Escape cancels the edit.
///
/// ```ignore
/// if TextField::new("Step name").show(ui, &mut step.name) { /* edited */ }
/// ```
#[must_use = "call `show` to draw the field"]
pub struct TextField<'a> {
    label: &'a str,
    salt: &'a str,
    labelled: Labelled,
    multiline: bool,
    width: Width,
}

impl<'a> TextField<'a> {
    /// A field named `label` (also its id, unless [`Self::id_salt`] says otherwise).
    pub fn new(label: &'a str) -> Self {
        TextField {
            label,
            salt: label,
            labelled: Labelled::InLayout,
            multiline: false,
            width: Width::Full,
        }
    }

    /// Distinguishes the field from others with the same label in one form.
    pub fn id_salt(mut self, salt: &'a str) -> Self {
        self.salt = salt;
        self
    }

    /// Where the label goes (default: in the layout, i.e. above the field).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// Three lines; Enter starts a new line and leaving the field commits.
    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self
    }

    /// A field this many points wide.
    pub fn width(mut self, width: f32) -> Self {
        self.width = Width::Fixed(width);
        self
    }

    /// A field filling the row but `room` points left for widgets after it.
    pub fn leaving(mut self, room: f32) -> Self {
        self.width = Width::Leaving(room);
        self
    }

    /// Draws the field for `text`; true when a finished edit changed it.
    pub fn show(self, ui: &mut Ui, text: &mut String) -> bool {
        let id = ui.make_persistent_id(self.salt);
        with_label(ui, self.label, self.labelled, |ui, naming| {
            commit_into(ui, id, text, |ui, text| {
                let edit = if self.multiline {
                    TextEdit::multiline(text).desired_rows(3)
                } else {
                    TextEdit::singleline(text)
                };
                let width = match self.width {
                    Width::Full => f32::INFINITY,
                    Width::Fixed(w) => w,
                    Width::Leaving(room) => (ui.available_width() - room).max(60.0),
                };
                naming.apply(ui.add(edit.id(id.with("edit")).desired_width(width)))
            })
        })
    }
}
