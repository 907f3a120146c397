//! The Goal form: trigger, target percent, attribution window (S11).

use egui::Ui;

use super::Names;
use super::widgets::{explain, name_field, number, problems_ui, rule, span_row};
use crate::edit::Command;
use crate::model::{Goal, Journey, Problem};

/// Draws the Goal form.
pub fn goal_ui(
    ui: &mut Ui,
    journey: &Journey,
    names: &Names,
    problems: &[&Problem],
    out: &mut Vec<Command>,
) {
    problems_ui(ui, problems);
    let old = &journey.goal;
    let mut has_goal = old.is_some();
    if ui
        .checkbox(&mut has_goal, "This journey has a goal")
        .changed()
    {
        let goal = has_goal.then(|| {
            let trigger = names
                .known_triggers
                .first()
                .cloned()
                .unwrap_or_else(|| "purchased".to_owned());
            Goal::new(trigger)
        });
        out.push(Command::SetGoal(goal));
        return;
    }
    rule(
        ui,
        "A customer converts when they perform the goal trigger after entering, until they leave, or within the attribution window after completing (S11).",
    );
    let Some(old) = old else {
        explain(ui, "Without a goal, reports show no goal rate.");
        return;
    };
    let mut goal = old.clone();

    ui.add_space(6.0);
    if let Some(trigger) = name_field(
        ui,
        "goal-trigger",
        "Goal trigger",
        &old.trigger,
        &names.triggers,
        &names.known_triggers,
        true,
    ) {
        goal.trigger = trigger;
    }
    explain(
        ui,
        "The trigger that counts as a conversion, e.g. purchased.",
    );

    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let mut has_target = old.target_percent.is_some();
        if ui.checkbox(&mut has_target, "Target").changed() {
            goal.target_percent = has_target.then_some(10.0);
        }
        if let Some(target) = old.target_percent
            && let Some(new) = number(
                ui,
                "goal-target",
                "Target percent",
                target,
                0.0..=100.0,
                0.1,
                " %",
            )
        {
            goal.target_percent = Some(new);
        }
    });
    explain(
        ui,
        "The goal rate (converted ÷ entered) the journey should reach.",
    );

    ui.add_space(6.0);
    if let Some(span) = span_row(
        ui,
        "goal-attribution",
        "Attribution window",
        old.attribution,
    ) {
        goal.attribution = span;
    }
    explain(
        ui,
        "How long after completing the journey a conversion still counts (default 3 days).",
    );

    if super::widgets::differs(&goal, old) {
        out.push(Command::SetGoal(Some(goal)));
    }
}
