//! Times of day and weekdays on the customer's own clock: the field for a
//! [`LocalTime`] ("09:00") and the row of weekday toggles, shared by the
//! Delivery form and the Wait-until-time-of-day step.

use egui::{RichText, Ui};

use super::widgets::{ERROR_COLOR, Labelled, TextField};
use crate::model::{LocalTime, Weekday};

/// A time of day typed on a 24-hour clock. "9", "9:30", "0930" and "09:30"
/// are all understood; anything else keeps the old time and says why.
#[must_use = "call `show` to draw the field"]
pub struct TimeField<'a> {
    label: &'a str,
    salt: &'a str,
    labelled: Labelled,
}

impl<'a> TimeField<'a> {
    /// A field named `label` (also its id, unless [`Self::id_salt`] says otherwise).
    pub fn new(label: &'a str) -> Self {
        TimeField {
            label,
            salt: label,
            labelled: Labelled::InRow,
        }
    }

    /// Distinguishes the field from others with the same label in one form.
    pub fn id_salt(mut self, salt: &'a str) -> Self {
        self.salt = salt;
        self
    }

    /// Where the label goes (default: on a row with the field).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// Draws the field for `time`; true when a finished edit changed it.
    pub fn show(self, ui: &mut Ui, time: &mut LocalTime) -> bool {
        let error_id = ui.make_persistent_id((self.salt, "time-error"));
        let mut text = time.to_string();
        let mut changed = false;
        let edited = TextField::new(self.label)
            .id_salt(self.salt)
            .labelled(self.labelled)
            .width(48.0)
            .show(ui, &mut text);
        if edited {
            match parse_time(&text) {
                Ok(new) => {
                    changed = new != *time;
                    *time = new;
                    ui.data_mut(|d| {
                        d.remove::<String>(error_id);
                    });
                }
                Err(message) => ui.data_mut(|d| {
                    d.insert_temp(error_id, message);
                }),
            }
        }
        if let Some(message) = ui.data(|d| d.get_temp::<String>(error_id)) {
            ui.label(RichText::new(message).color(ERROR_COLOR).small());
        }
        changed
    }
}

/// Reads a time of day as a person types it: "9", "9:30", "0930", "09:30".
pub fn parse_time(text: &str) -> Result<LocalTime, String> {
    let text = text.trim();
    let wrong = || format!("\"{text}\" is not a time of day: write it like 08:30 (00:00 to 23:59)");
    let (hour, minute) = match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return Err(wrong()),
        None if text.len() <= 2 => (text, "00"),
        None if text.len() <= 4 && text.is_char_boundary(text.len() - 2) => {
            text.split_at(text.len() - 2)
        }
        None => return Err(wrong()),
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match (number(hour), number(minute)) {
        (Some(h), Some(m)) => LocalTime::new(h, m).ok_or_else(wrong),
        _ => Err(wrong()),
    }
}

/// Seven toggles, Monday to Sunday, and "Any day" / "Mon–Fri" shortcuts.
/// An empty list means any day, and shows every day on; turning every day
/// on (or the last one off) gives the empty list again. True when changed.
pub fn weekdays_ui(ui: &mut Ui, weekdays: &mut Vec<Weekday>) -> bool {
    let mut on = [weekdays.is_empty(); 7];
    for day in weekdays.iter() {
        on[day.index()] = true;
    }
    let before = on;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for day in Weekday::ALL {
            let i = day.index();
            if ui.selectable_label(on[i], day.label()).clicked() {
                on[i] = !on[i];
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.small_button("Any day").clicked() {
            on = [true; 7];
        }
        if ui.small_button("Mon–Fri").clicked() {
            on = [true, true, true, true, true, false, false];
        }
        if ui.small_button("Weekend").clicked() {
            on = [false, false, false, false, false, true, true];
        }
    });
    if on == before {
        return false;
    }
    let days: Vec<Weekday> = Weekday::ALL.into_iter().filter(|d| on[d.index()]).collect();
    let new = if days.len() == 7 { Vec::new() } else { days };
    let changed = new != *weekdays;
    *weekdays = new;
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s21_times_are_read_as_people_type_them() {
        let t = |h, m| LocalTime::new(h, m).expect("valid");
        assert_eq!(parse_time("9"), Ok(t(9, 0)));
        assert_eq!(parse_time("9:30"), Ok(t(9, 30)));
        assert_eq!(parse_time(" 0930 "), Ok(t(9, 30)));
        assert_eq!(parse_time("21:00"), Ok(t(21, 0)));
        for bad in ["24:00", "9:3", "12:60", "noon", "", "12345", "1:2:3"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
