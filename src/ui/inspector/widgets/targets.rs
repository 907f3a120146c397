//! Where customers go next: the step dropdown with "End".

use egui::Ui;

use super::{ComboField, Labelled};
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

/// Where customers go next: a step, or "End" (the end of the path); by
/// default its label and the dropdown on one row.
///
/// ```ignore
/// TargetField::new("Next step", &choices).show(ui, &mut next);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct TargetField<'a> {
    label: &'a str,
    choices: &'a [(StepId, String)],
    labelled: Labelled,
}

impl<'a> TargetField<'a> {
    /// A dropdown named `label` (also its id) of "End" and the `choices`
    /// (from [`step_choices`]).
    pub fn new(label: &'a str, choices: &'a [(StepId, String)]) -> Self {
        TargetField {
            label,
            choices,
            labelled: Labelled::InRow,
        }
    }

    /// Where the label goes (default: on a row with the dropdown).
    pub fn labelled(mut self, labelled: Labelled) -> Self {
        self.labelled = labelled;
        self
    }

    /// Draws the dropdown for `target`; true when a choice changed it.
    pub fn show(self, ui: &mut Ui, target: &mut Option<StepId>) -> bool {
        let choices: Vec<(Option<StepId>, &str)> = std::iter::once((None, "End"))
            .chain(self.choices.iter().map(|(id, t)| (Some(*id), t.as_str())))
            .collect();
        let unknown = target.map_or_else(String::new, |id| format!("{id} · (missing)"));
        ComboField::new(self.label, &choices)
            .labelled(self.labelled)
            .unknown(unknown)
            .width_within(80.0..=200.0)
            .truncate()
            .show(ui, target)
    }
}
