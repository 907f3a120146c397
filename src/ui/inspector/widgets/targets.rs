//! Where customers go next: the step dropdown with "End".

use egui::{ComboBox, Id, Ui};

use crate::model::StepId;

/// The choices of a target picker: every step but `except`, as "id · name".
pub fn step_choices(
    steps: &std::collections::BTreeMap<StepId, crate::model::Step>,
    except: Option<StepId>,
) -> Vec<(StepId, String)> {
    steps
        .iter()
        .filter(|(id, _)| Some(**id) != except)
        .map(|(id, s)| (*id, format!("{id} · {}", s.name)))
        .collect()
}

/// Where customers go next: a step, or "End" (the end of the path).
pub fn target_row(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    current: Option<StepId>,
    choices: &[(StepId, String)],
) -> Option<Option<StepId>> {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        target_combo(ui, salt, label.id, current, choices)
    })
    .inner
}

/// The bare target dropdown of [`target_row`].
pub fn target_combo(
    ui: &mut Ui,
    salt: &str,
    label: Id,
    current: Option<StepId>,
    choices: &[(StepId, String)],
) -> Option<Option<StepId>> {
    let text = match current {
        None => "End".to_owned(),
        Some(id) => choices
            .iter()
            .find(|(c, _)| *c == id)
            .map_or_else(|| format!("{id} · (missing)"), |(_, t)| t.clone()),
    };
    let mut chosen = current;
    ui.label_inputs_by(label, |ui| {
        ComboBox::from_id_salt(salt)
            .width(ui.available_width().clamp(80.0, 200.0))
            .selected_text(text)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "End");
                for (id, name) in choices {
                    ui.selectable_value(&mut chosen, Some(*id), name);
                }
            });
    });
    (chosen != current).then_some(chosen)
}
