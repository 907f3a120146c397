//! Dates and times in UTC: the date picker beside hour and minute fields.

use egui::Ui;

use super::calendar::date_picker_ui;
use super::{Labelled, NumberField};
use crate::model::Instant;

/// A date (picker) and an hour and minute, all in UTC, labelled so: the
/// label on its own line, the fields on a row below.
///
/// ```ignore
/// DateTimeField::new("Start date").show(ui, &mut start.starts_at);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct DateTimeField<'a> {
    label: &'a str,
}

impl<'a> DateTimeField<'a> {
    /// A field named `label`, which is also its id.
    pub fn new(label: &'a str) -> Self {
        DateTimeField { label }
    }

    /// Draws the field for `at`; true when a pick or a finished edit changed it.
    pub fn show(self, ui: &mut Ui, at: &mut Instant) -> bool {
        use chrono::Timelike;
        let label = self.label;
        ui.label(format!("{label} (UTC)"));
        let mut date = at.date_naive();
        let (mut hour, mut minute) = (at.hour(), at.minute());
        let changed = ui
            .horizontal(|ui| {
                let date_changed = date_picker_ui(ui, label, &mut date);
                ui.label("at");
                let hour_changed = NumberField::new(&format!("{label} hour"))
                    .labelled(Labelled::Hidden)
                    .range(0..=23)
                    .speed(0.1)
                    .suffix(" h")
                    .show(ui, &mut hour);
                let minute_changed = NumberField::new(&format!("{label} minute"))
                    .labelled(Labelled::Hidden)
                    .range(0..=59)
                    .speed(0.2)
                    .suffix(" min")
                    .show(ui, &mut minute);
                ui.label("UTC");
                date_changed || hour_changed || minute_changed
            })
            .inner;
        let new = date.and_hms_opt(hour, minute, 0).map(|t| t.and_utc());
        match new {
            Some(new) if changed && new != *at => {
                *at = new;
                true
            }
            _ => false,
        }
    }
}

/// Formats an instant the way the forms show it: "2026-03-02 09:00 UTC".
pub fn show_instant(at: Instant) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
