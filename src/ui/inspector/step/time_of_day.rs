//! The Wait-until-time-of-day step: a time on the customer's own clock and
//! the weekdays it may be on (S21).

use egui::Ui;

use crate::model::{LocalTime, Weekday};
use crate::ui::inspector::clock::{TimeField, weekdays_ui};
use crate::ui::inspector::widgets::{explain, rule};

/// The time and the weekdays; edits them in place.
pub(super) fn time_of_day_ui(ui: &mut Ui, time: &mut LocalTime, weekdays: &mut Vec<Weekday>) {
    TimeField::new("Send at").show(ui, time);
    explain(
        ui,
        "A time of day on the customer's own clock, on a 24-hour clock (e.g. 09:00).",
    );
    ui.add_space(4.0);
    ui.label("On");
    weekdays_ui(ui, weekdays);
    rule(ui, &sentence(*time, weekdays));
}

/// What the step does, in one sentence.
fn sentence(time: LocalTime, weekdays: &[Weekday]) -> String {
    let days = if weekdays.is_empty() || weekdays.len() == 7 {
        "on any day".to_owned()
    } else {
        format!("on {}", Weekday::describe(weekdays))
    };
    format!(
        "Customers wait here until the next {time} on their own clock {days}; reached exactly then, they go on at once. Suppression, exit triggers and Stop still apply while they wait."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s21_the_wait_reads_as_one_sentence() {
        let nine = LocalTime::clamped(9, 0);
        let weekdays = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
        assert!(sentence(nine, &weekdays).starts_with(
            "Customers wait here until the next 09:00 on their own clock on Mon–Fri;"
        ));
        assert!(sentence(nine, &[]).contains("09:00 on their own clock on any day;"));
    }
}
