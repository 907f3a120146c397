//! Numbers and spans, committing when the drag or the typing ends.

use std::ops::RangeInclusive;

use egui::{DragValue, Ui};

use super::{ComboField, Labelled, commit_into, with_label};
use crate::model::Span;

/// A number: by default its label and the value on one row.
///
/// ```ignore
/// NumberField::new("Share at start").range(0.0..=1.0).speed(0.005).show(ui, &mut model.share);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct NumberField<'a, N> {
    label: &'a str,
    salt: &'a str,
    labelled: Labelled,
    range: RangeInclusive<N>,
    speed: f64,
    suffix: &'a str,
}

impl<'a, N: egui::emath::Numeric + Send + Sync + 'static> NumberField<'a, N> {
    /// A field named `label` (also its id, unless [`Self::id_salt`] says
    /// otherwise), any value of `N`, dragged one unit per point.
    pub fn new(label: &'a str) -> Self {
        NumberField {
            label,
            salt: label,
            labelled: Labelled::InRow,
            range: N::MIN..=N::MAX,
            speed: 1.0,
            suffix: "",
        }
    }

    /// Distinguishes the field from others with the same label in one form.
    pub fn id_salt(mut self, salt: &'a str) -> Self {
        self.salt = salt;
        self
    }

    /// Where the label goes (default: on a row with the value).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// The values allowed; a value from a file outside it stays until edited.
    pub fn range(mut self, range: RangeInclusive<N>) -> Self {
        self.range = range;
        self
    }

    /// How much the value changes per point dragged.
    pub fn speed(mut self, speed: f64) -> Self {
        self.speed = speed;
        self
    }

    /// The unit shown after the value, e.g. `" %"`.
    pub fn suffix(mut self, suffix: &'a str) -> Self {
        self.suffix = suffix;
        self
    }

    /// Draws the field for `value`; true when a finished edit changed it.
    pub fn show(self, ui: &mut Ui, value: &mut N) -> bool {
        let id = ui.make_persistent_id(self.salt);
        let NumberField {
            range,
            speed,
            suffix,
            ..
        } = self;
        with_label(ui, self.label, self.labelled, |ui, naming| {
            commit_into(ui, id, value, |ui, value| {
                naming.apply(
                    ui.add(
                        DragValue::new(value)
                            .range(range)
                            // A value from a file stays as it is until the user edits it.
                            .clamp_existing_to_range(false)
                            .speed(speed)
                            .suffix(suffix),
                    ),
                )
            })
        })
    }
}

/// The unit of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minutes,
    Hours,
    Days,
}

/// The units in the order of the unit picker.
const UNITS: [(Unit, &str); 3] = [
    (Unit::Minutes, "minutes"),
    (Unit::Hours, "hours"),
    (Unit::Days, "days"),
];

impl Unit {
    /// A span's number and unit.
    fn split(span: Span) -> (u32, Unit) {
        match span {
            Span::Minutes(n) => (n, Unit::Minutes),
            Span::Hours(n) => (n, Unit::Hours),
            Span::Days(n) => (n, Unit::Days),
        }
    }

    /// `n` of this unit.
    fn span(self, n: u32) -> Span {
        match self {
            Unit::Minutes => Span::Minutes(n),
            Unit::Hours => Span::Hours(n),
            Unit::Days => Span::Days(n),
        }
    }
}

/// A span: its label, a whole number and a unit (minutes, hours, days) on one row.
///
/// ```ignore
/// SpanField::new("Wait for").show(ui, &mut span);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct SpanField<'a> {
    label: &'a str,
}

impl<'a> SpanField<'a> {
    /// A field named `label`, which is also its id.
    pub fn new(label: &'a str) -> Self {
        SpanField { label }
    }

    /// Draws the field for `span`; true when a finished edit changed it.
    pub fn show(self, ui: &mut Ui, span: &mut Span) -> bool {
        let (mut n, mut unit) = Unit::split(*span);
        ui.horizontal(|ui| {
            let label = ui.label(self.label);
            let by = Labelled::By(label.id);
            let n_changed = NumberField::new(self.label)
                .id_salt(&format!("{}-n", self.label))
                .labelled(by)
                .range(0..=100_000)
                .speed(0.2)
                .show(ui, &mut n);
            let unit_changed = ComboField::new(self.label, &UNITS)
                .id_salt(&format!("{}-unit", self.label))
                .labelled(by)
                .width(80.0)
                .show(ui, &mut unit);
            if n_changed || unit_changed {
                *span = unit.span(n);
            }
            n_changed || unit_changed
        })
        .inner
    }
}
