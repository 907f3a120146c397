//! The Step form: name, first step, and the fields of the step's kind.
//! Branch rules, A/B variants and channel lists are in `step_outputs`.

use egui::{ComboBox, RichText, Ui};

use super::Names;
use super::step_outputs::{ab_test_ui, branch_ui, channel_list_ui};
use super::widgets::{
    date_time_row, explain, name_field, problems_ui, rule, span_row, step_choices, target_row,
    text_field,
};
use crate::edit::Command;
use crate::model::{Action, Channel, Event, Journey, Problem, Step, StepId};

/// Draws the form of the selected step; read-only when its version is stopped.
pub fn step_ui(
    ui: &mut Ui,
    journey: &Journey,
    version_index: usize,
    selected: Option<StepId>,
    names: &Names,
    problems: &[&Problem],
    out: &mut Vec<Command>,
) {
    let Some(version) = journey.versions.get(version_index) else {
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
        ui.label(RichText::new("This version is stopped: its steps are read-only (S7).").strong());
    }
    problems_ui(ui, problems);
    let mut step = old.clone();
    let choices = step_choices(&version.steps, Some(id));
    ui.add_enabled_ui(!stopped, |ui| {
        ui.push_id(("step", version_index, id), |ui| {
            if let Some(name) = text_field(ui, "name", "Step name", &old.name, false) {
                step.name = name;
            }
            explain(ui, "The name on the canvas card and in reports.");
            ui.label(format!("Kind: {} (step {id})", old.action.kind().label()));
            if version.first_step == id {
                explain(ui, "Customers enter the journey here (first step).");
            } else if ui
                .button("Make this the first step")
                .on_hover_text("Customers enter the journey here.")
                .clicked()
            {
                out.push(Command::SetFirstStep {
                    version: version_index,
                    id,
                });
            }
            ui.separator();
            action_ui(ui, &mut step, id, version, &choices, names);
        });
    });
    if super::widgets::differs(&step, old) && !stopped {
        out.push(Command::SetStep {
            version: version_index,
            id,
            step,
        });
    }
}

/// The fields of the step's kind; edits go into `step`.
fn action_ui(
    ui: &mut Ui,
    step: &mut Step,
    id: StepId,
    version: &crate::model::Version,
    choices: &[(StepId, String)],
    names: &Names,
) {
    match &mut step.action {
        Action::Message {
            channel,
            content,
            next,
        } => {
            channel_ui(ui, "channel", channel);
            explain(ui, "The channel the message is sent on.");
            if let Some(text) = text_field(ui, "content", "Content", content, false) {
                *content = text;
            }
            explain(ui, "A short description of what the message says.");
            next_ui(ui, next, choices);
        }
        Action::Wait { span, next } => {
            if let Some(s) = span_row(ui, "span", "Wait for", *span) {
                *span = s;
            }
            explain(
                ui,
                "Customers stay here this long; suppression, exit triggers and Stop still apply.",
            );
            next_ui(ui, next, choices);
        }
        Action::WaitUntil { instant, next } => {
            if let Some(at) = date_time_row(ui, "until", "Wait until", *instant) {
                *instant = at;
            }
            explain(
                ui,
                "Customers stay here until this instant (no wait if it has passed).",
            );
            next_ui(ui, next, choices);
        }
        Action::Branch { rules, otherwise } => branch_ui(ui, rules, otherwise, choices, names),
        Action::IfThen {
            event,
            within,
            yes,
            no,
        } => {
            event_ui(ui, event, id, version, names);
            if let Some(s) = span_row(ui, "within", "Wait up to", *within) {
                *within = s;
            }
            explain(
                ui,
                "Yes as soon as it happens (or already did); No when this time runs out.",
            );
            if let Some(t) = target_row(ui, "yes", "Yes: go to", *yes, choices) {
                *yes = t;
            }
            if let Some(t) = target_row(ui, "no", "No: go to", *no, choices) {
                *no = t;
            }
        }
        Action::AbTest { variants, decide } => ab_test_ui(ui, variants, decide, choices),
        Action::ChannelOptimization {
            channels,
            content,
            next,
        } => {
            channel_list_ui(ui, channels);
            if let Some(text) = text_field(ui, "content", "Content", content, false) {
                *content = text;
            }
            explain(ui, "A short description of what the message says.");
            next_ui(ui, next, choices);
        }
    }
}

fn next_ui(ui: &mut Ui, next: &mut Option<StepId>, choices: &[(StepId, String)]) {
    if let Some(t) = target_row(ui, "next", "Next step", *next, choices) {
        *next = t;
    }
    explain(
        ui,
        "The step after this one, or End: the customer completes the journey.",
    );
}

/// A channel: Email, SMS, Push or a custom one by name.
pub fn channel_ui(ui: &mut Ui, salt: &str, channel: &mut Channel) {
    ui.horizontal(|ui| {
        let label = ui.label("Channel");
        let mut kind = match channel {
            Channel::Email => 0,
            Channel::Sms => 1,
            Channel::Push => 2,
            Channel::Custom(_) => 3,
        };
        let before = kind;
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt(format!("{salt}-kind"))
                .selected_text(channel_kind_name(kind))
                .show_ui(ui, |ui| {
                    for k in 0..4 {
                        ui.selectable_value(&mut kind, k, channel_kind_name(k));
                    }
                });
        });
        if kind != before {
            *channel = match kind {
                0 => Channel::Email,
                1 => Channel::Sms,
                2 => Channel::Push,
                _ => Channel::Custom("custom".to_owned()),
            };
        }
    });
    if let Channel::Custom(name) = channel
        && let Some(new) = text_field(
            ui,
            &format!("{salt}-custom"),
            "Custom channel name",
            name,
            false,
        )
    {
        *name = new;
    }
}

fn channel_kind_name(kind: usize) -> &'static str {
    ["Email", "SMS", "Push", "Custom"][kind.min(3)]
}

/// The event an if/then step waits for.
fn event_ui(
    ui: &mut Ui,
    event: &mut Event,
    id: StepId,
    version: &crate::model::Version,
    names: &Names,
) {
    const KINDS: [&str; 5] = [
        "Performs a trigger",
        "Joins a segment",
        "Message delivered",
        "Message opened",
        "Message clicked",
    ];
    let kind = match event {
        Event::Trigger(_) => 0,
        Event::JoinedSegment(_) => 1,
        Event::Delivered(_) => 2,
        Event::Opened(_) => 3,
        Event::Clicked(_) => 4,
    };
    let messages: Vec<(StepId, String)> = version
        .steps
        .iter()
        .filter(|(sid, s)| {
            **sid != id
                && matches!(
                    s.action,
                    Action::Message { .. } | Action::ChannelOptimization { .. }
                )
        })
        .map(|(sid, s)| (*sid, format!("{sid} · {}", s.name)))
        .collect();
    let mut chosen = kind;
    ui.horizontal(|ui| {
        let label = ui.label("Wait for");
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt("event-kind")
                .selected_text(KINDS[kind])
                .show_ui(ui, |ui| {
                    for (k, name) in KINDS.iter().enumerate() {
                        ui.selectable_value(&mut chosen, k, *name);
                    }
                });
        });
    });
    if chosen != kind {
        let first_message = messages.first().map_or(StepId(0), |(m, _)| *m);
        let name = match event {
            Event::Trigger(n) | Event::JoinedSegment(n) => n.clone(),
            _ => String::new(),
        };
        let step = event.step().unwrap_or(first_message);
        *event = match chosen {
            0 => Event::Trigger(name),
            1 => Event::JoinedSegment(name),
            2 => Event::Delivered(step),
            3 => Event::Opened(step),
            _ => Event::Clicked(step),
        };
    }
    match event {
        Event::Trigger(name) => {
            if let Some(n) = name_field(
                ui,
                "event-trigger",
                "Trigger",
                name,
                &names.triggers,
                &names.known_triggers,
                true,
            ) {
                *name = n;
            }
        }
        Event::JoinedSegment(name) => {
            if let Some(n) = name_field(
                ui,
                "event-segment",
                "Segment",
                name,
                &names.segments,
                &names.known_segments,
                true,
            ) {
                *name = n;
            }
            rule(ui, "A customer already in the segment takes Yes at once.");
        }
        Event::Delivered(step) | Event::Opened(step) | Event::Clicked(step) => {
            ui.horizontal(|ui| {
                let label = ui.label("Of message");
                let text = messages
                    .iter()
                    .find(|(m, _)| m == step)
                    .map_or_else(|| format!("{step} · (not a message)"), |(_, t)| t.clone());
                ui.label_inputs_by(label.id, |ui| {
                    ComboBox::from_id_salt("event-step")
                        .selected_text(text)
                        .truncate()
                        .show_ui(ui, |ui| {
                            for (m, t) in &messages {
                                ui.selectable_value(step, *m, t);
                            }
                        });
                });
            });
            if messages.is_empty() {
                explain(
                    ui,
                    "Add a message step first: only messages have opens and clicks.",
                );
            }
        }
    }
}
