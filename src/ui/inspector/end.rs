//! The End form: exit triggers (S5), suppression segments (S4), end date (S6),
//! and how Stop differs (S7). Each list carries its rule in one sentence.

use egui::Ui;

use super::Names;
use super::widgets::{date_time_row, explain, list_editor, problems_ui, rule};
use crate::edit::Command;
use crate::model::{Journey, Problem};

/// Draws the End form.
pub fn end_ui(
    ui: &mut Ui,
    journey: &Journey,
    names: &Names,
    problems: &[&Problem],
    out: &mut Vec<Command>,
) {
    problems_ui(ui, problems);
    let old = &journey.end;
    let mut end = old.clone();

    ui.heading("Exit triggers");
    if let Some(list) = list_editor(
        ui,
        "exit-triggers",
        "exit trigger",
        &old.exit_triggers,
        &names.triggers,
        &names.known_triggers,
    ) {
        end.exit_triggers = list;
    }
    rule(
        ui,
        "A customer who performs an exit trigger leaves at that moment, wherever they are; nothing more is sent to them (S5).",
    );

    ui.add_space(8.0);
    ui.heading("Suppression segments");
    if let Some(list) = list_editor(
        ui,
        "suppression",
        "suppression segment",
        &old.suppression_segments,
        &names.segments,
        &names.known_segments,
    ) {
        end.suppression_segments = list;
    }
    rule(
        ui,
        "Suppression pulls customers out wherever they are, as soon as they are or become members, even mid-wait (S4). Exclusion (Start) is checked only at entry.",
    );

    ui.add_space(8.0);
    ui.heading("End date");
    let mut has_end = old.end_date.is_some();
    if ui.checkbox(&mut has_end, "Set an end date").changed() {
        end.end_date = has_end.then(|| {
            // Checked: a file may start near the last instant chrono knows.
            (journey.start.starts_at)
                .checked_add_signed(journey.scenario.horizon.duration())
                .unwrap_or(journey.start.starts_at)
                .max(journey.start.starts_at)
        });
    }
    if let Some(at) = old.end_date
        && let Some(new_at) = date_time_row(ui, "end", "End date", at)
    {
        end.end_date = Some(new_at);
    }
    rule(
        ui,
        "After the end date nobody new enters, but everyone already inside carries on and finishes all their steps (S6).",
    );

    ui.add_space(8.0);
    ui.heading("Stop");
    rule(
        ui,
        "Stop is different and final: it ends the journey for everyone at once, nobody gets another step, and it cannot be restarted (S7). Stop a version from the Journey tab.",
    );
    explain(
        ui,
        "Use the end date to let customers finish; use Stop to end everything now.",
    );

    if super::widgets::differs(&end, old) {
        out.push(Command::SetEnd(end));
    }
}
