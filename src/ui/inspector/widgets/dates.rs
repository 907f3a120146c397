//! Dates and times in UTC: the egui_extras date picker (jiff dates) beside
//! hour and minute fields, converted to and from chrono.

use egui::Ui;

use super::{Labelled, NumberField};
use crate::model::Instant;

/// Converts a chrono date to the date picker's jiff date.
pub fn to_jiff(date: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike;
    let year = i16::try_from(date.year()).ok()?;
    jiff::civil::Date::new(year, date.month() as i8, date.day() as i8).ok()
}

/// Converts the date picker's jiff date back to chrono.
pub fn from_jiff(date: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}

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

/// The date picker button (or the bare date, if the picker cannot show it).
fn date_picker_ui(ui: &mut Ui, salt: &str, date: &mut chrono::NaiveDate) -> bool {
    let Some(mut picked) = to_jiff(*date) else {
        ui.label(date.to_string());
        return false;
    };
    let response = ui.add(
        egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(&format!("{salt}-date"))
            .calendar_week(false)
            .show_icon(false)
            // Its year/month/day combo boxes have no accessible name; arrows and calendar do.
            .combo_boxes(false),
    );
    match from_jiff(picked) {
        Some(new) if response.changed() => {
            *date = new;
            true
        }
        _ => false,
    }
}

/// Formats an instant the way the forms show it: "2026-03-02 09:00 UTC".
pub fn show_instant(at: Instant) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
