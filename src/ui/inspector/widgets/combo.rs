//! A dropdown choosing one value from a list of (value, label) pairs.

use std::ops::RangeInclusive;

use egui::{ComboBox, Ui};

use super::{Labelled, with_label};

/// A dropdown of `(value, label)` choices: by default its label and the
/// dropdown on one row. A value not in the list shows [`Self::unknown`].
///
/// ```ignore
/// const KINDS: [(Kind, &str); 2] = [(Kind::Choice, "Choice"), (Kind::Range, "Range")];
/// let mut kind = Kind::of(dist);
/// if ComboField::new("Kind", &KINDS).show(ui, &mut kind) { *dist = kind.make(); }
/// ```
#[must_use = "call `show` to draw the field"]
pub struct ComboField<'a, T, S> {
    label: &'a str,
    salt: &'a str,
    labelled: Labelled,
    choices: &'a [(T, S)],
    unknown: String,
    width: Option<RangeInclusive<f32>>,
    truncate: bool,
}

impl<'a, T: PartialEq + Clone, S: AsRef<str>> ComboField<'a, T, S> {
    /// A dropdown named `label` (also its id, unless [`Self::id_salt`] says otherwise).
    pub fn new(label: &'a str, choices: &'a [(T, S)]) -> Self {
        ComboField {
            label,
            salt: label,
            labelled: Labelled::InRow,
            choices,
            unknown: String::new(),
            width: None,
            truncate: false,
        }
    }

    /// Distinguishes the dropdown from others with the same label in one form.
    pub fn id_salt(mut self, salt: &'a str) -> Self {
        self.salt = salt;
        self
    }

    /// Where the label goes (default: on a row with the dropdown).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// What the dropdown shows when the value is none of the choices.
    pub fn unknown(mut self, text: String) -> Self {
        self.unknown = text;
        self
    }

    /// A dropdown this many points wide.
    pub fn width(mut self, width: f32) -> Self {
        self.width = Some(width..=width);
        self
    }

    /// A dropdown as wide as the room left, kept within `range`.
    pub fn width_within(mut self, range: RangeInclusive<f32>) -> Self {
        self.width = Some(range);
        self
    }

    /// Shortens a long chosen label to fit, with "…".
    pub fn truncate(mut self) -> Self {
        self.truncate = true;
        self
    }

    /// Draws the dropdown for `value`; true when a choice changed it.
    pub fn show(self, ui: &mut Ui, value: &mut T) -> bool {
        let text = self
            .choices
            .iter()
            .find(|(v, _)| v == value)
            .map_or(self.unknown, |(_, label)| label.as_ref().to_owned());
        let before = value.clone();
        with_label(ui, self.label, self.labelled, |ui, naming| {
            naming.inputs(ui, |ui| {
                let mut combo = ComboBox::from_id_salt(self.salt).selected_text(text);
                if let Some(range) = self.width {
                    combo = combo.width(ui.available_width().clamp(*range.start(), *range.end()));
                }
                if self.truncate {
                    combo = combo.truncate();
                }
                combo.show_ui(ui, |ui| {
                    for (choice, label) in self.choices {
                        ui.selectable_value(value, choice.clone(), label.as_ref());
                    }
                });
            });
        });
        *value != before
    }
}
