//! The End form: exit triggers (S5), suppression segments (S4), end date (S6),
//! and how Stop differs (S7). Each list carries its rule in one sentence.

use egui::Ui;

use super::Form;
use super::models::model_ui;
use super::widgets::{DateTimeField, ListEditor, explain, rule};
use crate::edit::{Command, ModelUse};
use crate::model::{Instant, Journey, end_of_day};

/// Draws the End form.
pub fn end_ui(ui: &mut Ui, form: &mut Form) {
    form.problems_ui(ui);
    let (journey, names) = (form.journey, form.names);
    let mut end = journey.end.clone();

    ui.heading("Exit triggers");
    let scenario = &mut form.scenario;
    ListEditor::new("exit trigger")
        .suggestions(&names.triggers)
        .show_with(ui, &mut end.exit_triggers, |ui, name| {
            model_ui(ui, scenario, name, ModelUse::ExitTrigger);
        });
    rule(
        ui,
        "A customer who performs an exit trigger leaves at that moment, wherever they are; nothing more is sent to them.",
    );

    ui.add_space(8.0);
    ui.heading("Suppression segments");
    ListEditor::new("suppression segment")
        .suggestions(&names.segments)
        .show_with(ui, &mut end.suppression_segments, |ui, name| {
            model_ui(ui, scenario, name, ModelUse::SuppressionSegment);
        });
    rule(
        ui,
        "Suppression pulls customers out wherever they are, as soon as they are or become members, even mid-wait. Exclusion (Start) is checked only at entry.",
    );

    ui.add_space(8.0);
    end_date_ui(ui, journey, &mut end.end_date);

    ui.add_space(8.0);
    ui.heading("Stop");
    rule(
        ui,
        "Stop is different and final: it ends the journey for everyone at once, nobody gets another step, and it cannot be restarted. Stop a version from the Journey tab.",
    );
    explain(
        ui,
        "Use the end date to let customers finish; use Stop to end everything now.",
    );
    form.commit(&journey.end, end, Command::SetEnd);
}

/// The optional end date; when set, it starts at 23:59 UTC of the last day
/// of the simulated horizon, so that the whole chosen day is included.
fn end_date_ui(ui: &mut Ui, journey: &Journey, end_date: &mut Option<Instant>) {
    ui.heading("End date");
    let mut has_end = end_date.is_some();
    if ui.checkbox(&mut has_end, "Set an end date").changed() {
        *end_date = has_end.then(|| {
            // Checked: a file may start near the last instant chrono knows.
            let day = (journey.start.starts_at)
                .checked_add_signed(journey.scenario.horizon.duration())
                .unwrap_or(journey.start.starts_at);
            end_of_day(day).max(journey.start.starts_at)
        });
    } else if let Some(at) = end_date {
        DateTimeField::new("End date").show(ui, at);
        explain(
            ui,
            "A new end date is set to 23:59 UTC, the end of its day, so that whole day counts; arrivals at or after the time shown are refused.",
        );
    }
    rule(
        ui,
        "After the end date nobody new enters, but everyone already inside carries on and finishes all their steps.",
    );
}
