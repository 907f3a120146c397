//! The inspector: forms for the selected step or the journey.
//!
//! TODO(integration): a stub; the real forms are written on the `forms` branch
//! and replace this file with the same signature.

use egui::Ui;

use crate::edit::Command;
use crate::model::{Journey, StepId};

/// Draws the inspector for the selected step of version `version_index`;
/// returns the commands the user's edits make.
pub fn inspector_ui(
    ui: &mut Ui,
    journey: &Journey,
    version_index: usize,
    selected: Option<StepId>,
) -> Vec<Command> {
    ui.heading("Inspector");
    let step = selected.and_then(|id| journey.versions.get(version_index)?.steps.get(&id));
    match step {
        Some(step) => {
            ui.label(&step.name);
        }
        None => {
            ui.label(&journey.name);
        }
    }
    Vec::new()
}
