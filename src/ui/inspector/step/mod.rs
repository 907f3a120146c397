//! The Step form: name, first step, and the fields of the step's kind.
//! The event of an if/then step is in `event`, the rules of a branch in
//! `branch`, A/B variants in `ab_test`, channels in `channels`.

mod ab_test;
mod branch;
mod channels;
mod event;
mod planner;
mod time_of_day;

pub use planner::{PLAN, PLAN_AGAIN, PlannerIntent, PlannerView, sentence, winners_text};

use egui::{RichText, Ui};

use super::widgets::{
    ComboField, DateTimeField, SpanField, TargetField, TextField, explain, step_choices,
};
use super::{Form, Names};
use crate::edit::{Command, follow_auto_name, with_kind};
use crate::model::{Action, ActionKind, Scenario, Step, StepId, Version};

/// What a step's fields read besides the step itself.
struct StepContext<'a> {
    /// The names to suggest and check.
    names: &'a Names,
    /// The version the step belongs to.
    version: &'a Version,
    /// The step's id.
    id: StepId,
    /// The steps it may lead to (all but itself), for the target pickers.
    choices: Vec<(StepId, String)>,
}

/// Draws the form of the selected step; read-only when its version is stopped.
pub fn step_ui(ui: &mut Ui, form: &mut Form, version_index: usize, selected: Option<StepId>) {
    let Some(version) = form.journey.versions.get(version_index) else {
        ui.label("This version does not exist.");
        return;
    };
    let Some(id) = selected else {
        explain(ui, "Select a step on the canvas to edit it here.");
        return;
    };
    let Some(old) = version.steps.get(&id) else {
        explain(ui, "The selected step is not in this version.");
        return;
    };
    let stopped = version.stopped_at.is_some();
    if stopped {
        ui.label(RichText::new("This version is stopped: its steps are read-only.").strong());
    }
    form.problems_ui(ui);
    let context = StepContext {
        names: form.names,
        version,
        id,
        choices: step_choices(&version.steps, Some(id)),
    };
    let mut step = old.clone();
    let mut new_kind = None;
    ui.add_enabled_ui(!stopped, |ui| {
        ui.push_id(("step", version_index, id), |ui| {
            new_kind = heading_ui(ui, form, &context, version_index, &mut step);
            ui.separator();
            action_ui(ui, &context, &mut form.scenario, &mut step.action);
            if step.action.kind() == ActionKind::AbTest
                && let Some(view) = &form.planner
            {
                form.planner_intent = planner::planner_ui(ui, view);
            }
        });
    });
    if stopped {
        return;
    }
    let set = |step| Command::SetStep {
        version: version_index,
        id,
        step,
    };
    if let Some(kind) = new_kind {
        let label = format!("Make '{}' {}", old.name, kind.label());
        let mut changed = with_kind(old, kind, last_message(version, id));
        if let Action::WaitUntil { instant, .. } = &mut changed.action {
            *instant = crate::model::end_of_day(form.journey.start.starts_at);
        }
        form.push(Command::Batch(label, vec![set(changed)]));
    } else {
        form.commit(old, follow_auto_name(old, step), set);
    }
}

/// The version's most recent message step other than `id`, for a new if/then.
fn last_message(version: &Version, id: StepId) -> Option<StepId> {
    (version.steps.iter().rev())
        .find(|(sid, s)| **sid != id && s.action.kind() == ActionKind::Message)
        .map(|(sid, _)| *sid)
}

/// The step's name, its kind, and whether customers enter here; returns
/// the kind chosen, when the user changed it.
fn heading_ui(
    ui: &mut Ui,
    form: &mut Form,
    context: &StepContext,
    version_index: usize,
    step: &mut Step,
) -> Option<ActionKind> {
    let id = context.id;
    TextField::new("Step name").show(ui, &mut step.name);
    explain(
        ui,
        "The name on the canvas card and in reports; until you rename it, it follows the settings.",
    );
    let kinds: Vec<(ActionKind, &str)> = ActionKind::ALL.map(|k| (k, k.label())).into();
    let mut kind = step.action.kind();
    let changed = ComboField::new("Kind", &kinds).show(ui, &mut kind);
    explain(
        ui,
        &format!("Step {id}. Another kind keeps the name, the place and the connections that fit."),
    );
    if context.version.first_step == id {
        explain(ui, "Customers enter the journey here (first step).");
    } else if ui
        .button("Make this the first step")
        .on_hover_text("Customers enter the journey here.")
        .clicked()
    {
        form.push(Command::SetFirstStep {
            version: version_index,
            id,
        });
    }
    changed.then_some(kind)
}

/// The fields of the step's kind.
fn action_ui(ui: &mut Ui, context: &StepContext, scenario: &mut Scenario, action: &mut Action) {
    match action {
        Action::Message {
            channel,
            content,
            transactional,
            next,
            ..
        } => {
            channels::channel_ui(ui, channel);
            explain(ui, "The channel the message is sent on.");
            content_ui(ui, content);
            ui.checkbox(transactional, "Transactional (a receipt, a password reset)");
            explain(
                ui,
                "Goes out at once whatever the quiet hours and caps say, and caps do not count it.",
            );
            next_ui(ui, context, next);
        }
        Action::Wait { span, next } => {
            SpanField::new("Wait for").show(ui, span);
            explain(
                ui,
                "Customers stay here this long; suppression, exit triggers and Stop still apply.",
            );
            next_ui(ui, context, next);
        }
        Action::WaitUntil { instant, next } => {
            DateTimeField::new("Wait until").show(ui, instant);
            explain(
                ui,
                "Customers stay here until this instant (no wait if it has passed). A new one waits until 23:59 UTC of the journey's first day.",
            );
            next_ui(ui, context, next);
        }
        Action::WaitUntilTime {
            time,
            weekdays,
            next,
        } => {
            time_of_day::time_of_day_ui(ui, time, weekdays);
            next_ui(ui, context, next);
        }
        Action::Branch { rules, otherwise } => {
            branch::branch_ui(ui, context, scenario, rules, otherwise);
        }
        Action::IfThen { .. } => event::if_then_ui(ui, context, scenario, action),
        Action::AbTest { variants, decide } => {
            ab_test::ab_test_ui(ui, &context.choices, variants, decide);
        }
        Action::ChannelOptimization {
            channels,
            content,
            next,
        } => {
            channels::channel_list_ui(ui, channels);
            content_ui(ui, content);
            next_ui(ui, context, next);
        }
    }
}

/// What a message says.
fn content_ui(ui: &mut Ui, content: &mut String) {
    TextField::new("Content").show(ui, content);
    explain(ui, "A short description of what the message says.");
}

/// The step after this one.
fn next_ui(ui: &mut Ui, context: &StepContext, next: &mut Option<StepId>) {
    TargetField::new("Next step", &context.choices).show(ui, next);
    explain(
        ui,
        "The step after this one, or End: the customer completes the journey.",
    );
}
