//! The Journey form: name, description and the version list (S7, S8).

use egui::{RichText, Ui};

use super::Form;
use super::widgets::{DateTimeField, TextField, explain, rule, show_instant};
use crate::edit::Command;
use crate::model::{Instant, VersionState, end_of_day};

/// Draws the Journey form.
pub fn journey_ui(ui: &mut Ui, form: &mut Form) {
    form.problems_ui(ui);
    let journey = form.journey;
    let mut name = journey.name.clone();
    TextField::new("Journey name").show(ui, &mut name);
    form.commit(&journey.name, name, Command::SetName);
    explain(ui, "The name shown in the title bar and in reports.");
    ui.add_space(6.0);
    let mut description = journey.description.clone();
    TextField::new("Description")
        .multiline()
        .show(ui, &mut description);
    form.commit(&journey.description, description, Command::SetDescription);
    explain(ui, "What the journey is for, in a sentence or two.");
    ui.add_space(8.0);
    ui.heading("Versions");
    explain(
        ui,
        "Editing a live journey publishes a new version; customers stay on the version they entered.",
    );
    for index in 0..journey.versions.len() {
        ui.push_id(index, |ui| version_ui(ui, form, index));
    }
}

/// One version: its state with instants; a stop control for a live one.
fn version_ui(ui: &mut Ui, form: &mut Form, index: usize) {
    let journey = form.journey;
    let no = index + 1;
    let steps = journey.versions[index].steps.len();
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        match journey.version_state(index) {
            VersionState::Draft => {
                ui.label(RichText::new(format!("Version {no}: draft")).strong());
                explain(ui, &format!("{steps} steps. Not published yet, so not simulated."));
            }
            VersionState::Live(live) if live > chrono::Utc::now() => {
                ui.label(RichText::new(format!("Version {no}: draft, not live yet")).strong());
                explain(
                    ui,
                    &format!(
                        "{steps} steps. It goes live at {} (the start date); until then, edits change what goes live.",
                        show_instant(live)
                    ),
                );
                stop_ui(ui, form, index, live);
            }
            VersionState::Live(live) => {
                ui.label(RichText::new(format!("Version {no}: live")).strong());
                explain(ui, &format!("{steps} steps. Live since {}.", show_instant(live)));
                stop_ui(ui, form, index, live);
            }
            VersionState::Stopped { live, stopped } => {
                ui.label(RichText::new(format!("Version {no}: stopped")).strong());
                explain(
                    ui,
                    &format!(
                        "{steps} steps. Live from {} to {}.",
                        show_instant(live),
                        show_instant(stopped)
                    ),
                );
                ui.label(format!("Stopped at {}.", show_instant(stopped)));
                rule(
                    ui,
                    "A stop is final: nobody enters this version any more, everyone in it left at the stop, and it cannot be restarted. It is read-only.",
                );
            }
        }
    });
}

/// "Stop version…": asks for the instant and a confirmation, then emits the
/// irreversible `StopVersion` command.
fn stop_ui(ui: &mut Ui, form: &mut Form, index: usize, live: Instant) {
    let id = ui.make_persistent_id("stop-at");
    let pending: Option<Instant> = ui.data(|d| d.get_temp(id));
    let Some(at) = pending else {
        if ui
            .button(format!("Stop version {}…", index + 1))
            .on_hover_text("Ends the version for everyone at once. Final.")
            .clicked()
        {
            // The end of the day the arrivals end (23:59 UTC), never before going live.
            let default_at = end_of_day(
                live.checked_add_signed(form.journey.scenario.arrivals_over.duration())
                    .unwrap_or(live),
            )
            .max(live);
            ui.data_mut(|d| d.insert_temp(id, default_at));
        }
        return;
    };
    rule(
        ui,
        "Stopping is final: from that instant nobody enters, and everyone inside leaves at once without another step. It cannot be undone.",
    );
    let mut at = at;
    if DateTimeField::new("Stop at").show(ui, &mut at) {
        at = at.max(live);
        ui.data_mut(|d| d.insert_temp(id, at));
    }
    ui.horizontal(|ui| {
        if ui.button("Stop for good").clicked() {
            form.push(Command::StopVersion { version: index, at });
            ui.data_mut(|d| d.remove::<Instant>(id));
        }
        if ui.button("Cancel").clicked() {
            ui.data_mut(|d| d.remove::<Instant>(id));
        }
    });
}
