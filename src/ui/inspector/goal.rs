//! The Goal form: trigger, target percent, attribution window (S11).

use egui::Ui;

use super::models::model_ui;
use super::widgets::{Labelled, NameField, NumberField, SpanField, explain, rule};
use super::{Form, Names};
use crate::edit::{Command, ModelUse};
use crate::model::{Goal, Scenario};

/// Draws the Goal form.
pub fn goal_ui(ui: &mut Ui, form: &mut Form) {
    form.problems_ui(ui);
    let old = &form.journey.goal;
    let mut goal = old.clone();
    let mut has_goal = old.is_some();
    if ui
        .checkbox(&mut has_goal, "This journey has a goal")
        .changed()
    {
        goal = has_goal.then(|| {
            let trigger = (form.names.known_triggers.first())
                .cloned()
                .unwrap_or_else(|| "purchased".to_owned());
            Goal::new(trigger)
        });
    } else {
        rule(
            ui,
            "A customer converts when they perform the goal trigger after entering, until they leave, or within the attribution window after completing.",
        );
        match &mut goal {
            Some(goal) => goal_fields_ui(ui, form.names, &mut form.scenario, goal),
            None => explain(ui, "Without a goal, reports show no goal rate."),
        }
    }
    form.commit(old, goal, Command::SetGoal);
    super::holdout::holdout_ui(ui, form);
}

/// The trigger, the target and the attribution window of a goal.
fn goal_fields_ui(ui: &mut Ui, names: &Names, scenario: &mut Scenario, goal: &mut Goal) {
    ui.add_space(6.0);
    NameField::new("Goal trigger")
        .suggestions(&names.triggers)
        .show(ui, &mut goal.trigger);
    model_ui(ui, scenario, &goal.trigger, ModelUse::GoalTrigger);
    explain(
        ui,
        "The trigger that counts as a conversion, e.g. purchased.",
    );

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let mut has_target = goal.target_percent.is_some();
        if ui.checkbox(&mut has_target, "Target").changed() {
            goal.target_percent = has_target.then_some(10.0);
        } else if let Some(target) = &mut goal.target_percent {
            NumberField::new("Target percent")
                .labelled(Labelled::Hidden)
                .range(0.0..=100.0)
                .speed(0.1)
                .suffix(" %")
                .show(ui, target);
        }
    });
    explain(
        ui,
        "The goal rate (converted ÷ entered) the journey should reach.",
    );

    ui.add_space(6.0);
    SpanField::new("Attribution window").show(ui, &mut goal.attribution);
    explain(
        ui,
        "How long after completing the journey a conversion still counts (default 3 days).",
    );
}
