//! The date picker: a button showing the date; clicked, a calendar under it
//! with the month and year as its heading, "Previous month" and "Next month"
//! arrows, and one button per day (named "4 March 2026" for screen readers
//! and tests). Clicking a day picks it and closes the calendar.

use chrono::{Datelike, Months, NaiveDate};
use egui::{Id, Response, RichText, Role, Ui, WidgetInfo};

/// Weekday initials, Monday first, as the calendar's columns.
const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Month names, January first.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "March 2026": the calendar's heading for the month `first` is in.
pub fn month_heading(first: NaiveDate) -> String {
    let month = MONTHS.get(first.month0() as usize).copied().unwrap_or("");
    format!("{month} {}", first.year())
}

/// "4 March 2026": a day's name as screen readers and tests see it.
pub fn day_name(day: NaiveDate) -> String {
    let month = MONTHS.get(day.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", day.day(), day.year())
}

/// The weeks (Monday to Sunday) covering the month `first` is in; days of
/// the months around it fill the first and last week.
pub fn month_weeks(first: NaiveDate) -> Vec<[NaiveDate; 7]> {
    let first = first.with_day(1).unwrap_or(first);
    let back = u64::from(first.weekday().num_days_from_monday());
    let mut day = first
        .checked_sub_days(chrono::Days::new(back))
        .unwrap_or(first);
    let mut weeks = Vec::new();
    while weeks.is_empty() || (day.month() == first.month() && day.year() == first.year()) {
        let mut week = [day; 7];
        for slot in &mut week {
            *slot = day;
            day = day.succ_opt().unwrap_or(day);
        }
        weeks.push(week);
        if weeks.len() == 6 {
            break;
        }
    }
    weeks
}

/// Draws the date button and, when open, the calendar; true when a day was
/// picked that differs from `date`.
pub fn date_picker_ui(ui: &mut Ui, salt: &str, date: &mut NaiveDate) -> bool {
    let id = ui.make_persistent_id((salt, "calendar"));
    let button = ui
        .button(date.format("%Y-%m-%d").to_string())
        .on_hover_text("Pick a date");
    // The month shown while the calendar is open.
    let mut shown: Option<NaiveDate> = ui.data(|d| d.get_temp(id));
    if button.clicked() {
        shown = match shown {
            Some(_) => None,
            None => date.with_day(1),
        };
    }
    let Some(month) = shown else {
        ui.data_mut(|d| d.remove::<NaiveDate>(id));
        return false;
    };
    let mut picked = None;
    let area = egui::Area::new(id.with("area"))
        .kind(egui::UiKind::Picker)
        .order(egui::Order::Foreground)
        .fixed_pos(button.rect.left_bottom())
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .show(ui, |ui| calendar_ui(ui, id, month, *date, &mut picked))
                .inner
        });
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    let elsewhere = area.response.clicked_elsewhere() && !button.clicked();
    let next_month = area.inner;
    if picked.is_some() || escape || elsewhere {
        ui.data_mut(|d| d.remove::<NaiveDate>(id));
    } else {
        ui.data_mut(|d| d.insert_temp(id, next_month));
    }
    match picked {
        Some(day) if day != *date => {
            *date = day;
            true
        }
        _ => false,
    }
}

/// The calendar of `month`: heading with arrows, weekday row, days; returns
/// the month to show next frame, and sets `picked` when a day is clicked.
fn calendar_ui(
    ui: &mut Ui,
    id: Id,
    month: NaiveDate,
    selected: NaiveDate,
    picked: &mut Option<NaiveDate>,
) -> NaiveDate {
    let mut shown = month;
    ui.horizontal(|ui| {
        if arrow_ui(ui, "<", "Previous month").clicked() {
            shown = month.checked_sub_months(Months::new(1)).unwrap_or(month);
        }
        let heading = RichText::new(month_heading(month)).strong();
        ui.add_sized([150.0, 20.0], egui::Label::new(heading));
        if arrow_ui(ui, ">", "Next month").clicked() {
            shown = month.checked_add_months(Months::new(1)).unwrap_or(month);
        }
    });
    egui::Grid::new(id.with("days"))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for name in WEEKDAYS {
                ui.vertical_centered(|ui| ui.weak(name));
            }
            ui.end_row();
            for week in month_weeks(month) {
                for day in week {
                    if day_ui(ui, day, month, selected).clicked() {
                        *picked = Some(day);
                    }
                }
                ui.end_row();
            }
        });
    shown
}

/// An arrow button whose name (hover text and accessible label) is `name`.
fn arrow_ui(ui: &mut Ui, arrow: &str, name: &str) -> Response {
    let response = ui.button(arrow).on_hover_text(name);
    let name = name.to_owned();
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    response
}

/// One day's button: the picked day highlighted, other months' days dimmed.
fn day_ui(ui: &mut Ui, day: NaiveDate, month: NaiveDate, selected: NaiveDate) -> Response {
    let mut text = RichText::new(format!("{:>2}", day.day())).monospace();
    if day.month() != month.month() {
        text = text.weak();
    }
    let button = egui::Button::selectable(day == selected, text).min_size(egui::vec2(28.0, 20.0));
    let response = ui.add(button);
    let name = day_name(day);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &name));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn a_month_is_whole_weeks_from_monday_covering_every_day_of_it() {
        // March 2026 starts on a Sunday and ends on a Tuesday.
        let weeks = month_weeks(date(2026, 3, 17));
        assert_eq!(weeks.len(), 6);
        assert_eq!(weeks[0][0], date(2026, 2, 23));
        assert_eq!(weeks[0][6], date(2026, 3, 1));
        assert_eq!(weeks[5][1], date(2026, 3, 31));
        // February 2021 is exactly four weeks, Monday 1st to Sunday 28th.
        let weeks = month_weeks(date(2021, 2, 1));
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[3][6], date(2021, 2, 28));
        assert_eq!(month_heading(date(2026, 3, 1)), "March 2026");
        assert_eq!(day_name(date(2026, 3, 4)), "4 March 2026");
    }
}
