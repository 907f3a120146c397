//! An attribute branch: rules in order, each a condition and a target, then
//! "otherwise"; and the up/down/remove buttons of the step's lists.

use egui::{RichText, Ui};

use super::StepContext;
use crate::model::{Condition, Rule, Scenario, StepId};
use crate::ui::inspector::conditions::condition_ui;
use crate::ui::inspector::widgets::{TargetField, differs, explain, rule};

/// Up, down and remove buttons for item `i` of a list; `noun` names an item.
pub(super) fn reorder_buttons<T>(ui: &mut Ui, list: &mut Vec<T>, i: usize, noun: &str) {
    let len = list.len();
    if ui
        .add_enabled(i > 0, egui::Button::new("Up").small())
        .on_hover_text(format!("Move {noun} {} up", i + 1))
        .clicked()
    {
        list.swap(i, i - 1);
    }
    if ui
        .add_enabled(i + 1 < len, egui::Button::new("Down").small())
        .on_hover_text(format!("Move {noun} {} down", i + 1))
        .clicked()
    {
        list.swap(i, i + 1);
    }
    if ui
        .small_button("Remove")
        .on_hover_text(format!("Remove {noun} {}", i + 1))
        .clicked()
    {
        list.remove(i);
    }
}

/// Writes the edited item `i` into `list`, unless the list was reordered or
/// shortened this frame (the edit would land on another item).
pub(super) fn keep_edit<T>(list: &mut [T], before: &[T], i: usize, edited: T)
where
    T: PartialEq + serde::Serialize,
{
    if differs(&edited, &before[i]) && list.len() == before.len() && !differs(&list[i], &before[i])
    {
        list[i] = edited;
    }
}

/// An attribute branch: rules in order, each a condition and a target; then "otherwise".
pub(super) fn branch_ui(
    ui: &mut Ui,
    context: &StepContext,
    scenario: &mut Scenario,
    rules: &mut Vec<Rule>,
    otherwise: &mut Option<StepId>,
) {
    rule(
        ui,
        "Rules are tried in order; the first that matches the customer decides the path.",
    );
    let before = rules.clone();
    for (i, r) in before.iter().enumerate() {
        ui.push_id(("rule", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("Rule {}", i + 1)).strong());
                    reorder_buttons(ui, rules, i, "rule");
                });
                let mut edited = r.clone();
                condition_ui(ui, context.names, &mut edited.when, Some(scenario));
                TargetField::new("Then go to", &context.choices).show(ui, &mut edited.next);
                keep_edit(rules, &before, i, edited);
            });
        });
    }
    if ui.button("Add rule").clicked() {
        let segment = context.names.segments.first().cloned().unwrap_or_default();
        rules.push(Rule {
            when: Condition::InSegment(segment),
            next: None,
        });
    }
    TargetField::new("Otherwise go to", &context.choices).show(ui, otherwise);
    explain(ui, "Where customers go when no rule matches.");
}
