//! Dates and times in UTC: the egui_extras date picker (jiff dates) beside
//! hour and minute fields, converted to and from chrono.

use egui::Ui;

use super::number;
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

/// A date (picker) and an hour and minute, all in UTC, labelled so.
pub fn date_time_row(ui: &mut Ui, salt: &str, label: &str, current: Instant) -> Option<Instant> {
    use chrono::Timelike;
    let name = label;
    ui.label(format!("{label} (UTC)"));
    let date = current.date_naive();
    let (hour, minute) = (current.hour(), current.minute());
    let at = |date: chrono::NaiveDate, hour: u32, minute: u32| {
        date.and_hms_opt(hour, minute, 0).map(|t| t.and_utc())
    };
    ui.horizontal(|ui| {
        let mut out = None;
        if let Some(mut picked) = to_jiff(date) {
            let salt_date = format!("{salt}-date");
            let response = ui.add(
                egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt(&salt_date)
                    .calendar_week(false)
                    .show_icon(false)
                    // Its year/month/day combo boxes have no accessible name; arrows and calendar do.
                    .combo_boxes(false),
            );
            if response.changed()
                && let Some(new_date) = from_jiff(picked)
            {
                out = at(new_date, hour, minute);
            }
        } else {
            ui.label(date.to_string());
        }
        ui.label("at");
        let hour_name = format!("{name} hour");
        if let Some(h) = number(
            ui,
            &format!("{salt}-hour"),
            hour_name.as_str(),
            hour,
            0..=23,
            0.1,
            " h",
        ) {
            out = at(date, h, minute);
        }
        let minute_name = format!("{name} minute");
        if let Some(m) = number(
            ui,
            &format!("{salt}-minute"),
            minute_name.as_str(),
            minute,
            0..=59,
            0.2,
            " min",
        ) {
            out = at(date, hour, m);
        }
        ui.label("UTC");
        out
    })
    .inner
}

/// Formats an instant the way the forms show it: "2026-03-02 09:00 UTC".
pub fn show_instant(at: Instant) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}
