//! An if/then step: the event it waits for, how long, and where Yes and No go.

use egui::{RichText, Ui};

use super::StepContext;
use crate::edit::ModelUse;
use crate::model::{Action, Channel, Event, Scenario, StepId};
use crate::ui::inspector::models::model_ui;
use crate::ui::inspector::widgets::{
    ComboField, NameField, SpanField, TargetField, WARNING_COLOR, explain, rule,
};

/// What an if/then step waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Trigger,
    JoinedSegment,
    Delivered,
    Opened,
    Clicked,
}

/// The kinds, in the order of the picker.
const KINDS: [(Kind, &str); 5] = [
    (Kind::Trigger, "Performs a trigger"),
    (Kind::JoinedSegment, "Joins a segment"),
    (Kind::Delivered, "Message delivered"),
    (Kind::Opened, "Message opened"),
    (Kind::Clicked, "Message clicked"),
];

impl Kind {
    fn of(event: &Event) -> Kind {
        match event {
            Event::Trigger(_) => Kind::Trigger,
            Event::JoinedSegment(_) => Kind::JoinedSegment,
            Event::Delivered(_) => Kind::Delivered,
            Event::Opened(_) => Kind::Opened,
            Event::Clicked(_) => Kind::Clicked,
        }
    }

    /// An event of this kind keeping what it can of `old`: the name of a
    /// trigger or segment, the message of an interaction (else `first_message`).
    fn make(self, old: &Event, first_message: StepId) -> Event {
        let name = match old {
            Event::Trigger(n) | Event::JoinedSegment(n) => n.clone(),
            _ => String::new(),
        };
        let step = old.step().unwrap_or(first_message);
        match self {
            Kind::Trigger => Event::Trigger(name),
            Kind::JoinedSegment => Event::JoinedSegment(name),
            Kind::Delivered => Event::Delivered(step),
            Kind::Opened => Event::Opened(step),
            Kind::Clicked => Event::Clicked(step),
        }
    }
}

/// The fields of an if/then step (`action` is one).
pub(super) fn if_then_ui(
    ui: &mut Ui,
    context: &StepContext,
    scenario: &mut Scenario,
    action: &mut Action,
) {
    let Action::IfThen {
        event,
        within,
        yes,
        no,
    } = action
    else {
        return;
    };
    event_ui(ui, context, scenario, event);
    SpanField::new("Wait up to").show(ui, within);
    explain(
        ui,
        "Yes as soon as it happens (or already did); No when this time runs out.",
    );
    TargetField::new("Yes: go to", &context.choices).show(ui, yes);
    TargetField::new("No: go to", &context.choices).show(ui, no);
}

/// The event an if/then step waits for: its kind, then a name or a message.
fn event_ui(ui: &mut Ui, context: &StepContext, scenario: &mut Scenario, event: &mut Event) {
    let messages = message_choices(context);
    let mut kind = Kind::of(event);
    if ComboField::new("Wait for", &KINDS).show(ui, &mut kind) {
        let first_message = messages.first().map_or(StepId(0), |(m, _)| *m);
        *event = kind.make(event, first_message);
    }
    let names = context.names;
    match event {
        Event::Trigger(name) => {
            NameField::new("Trigger")
                .suggestions(&names.triggers)
                .show(ui, name);
            model_ui(ui, scenario, name, ModelUse::EventTrigger);
        }
        Event::JoinedSegment(name) => {
            NameField::new("Segment")
                .suggestions(&names.segments)
                .show(ui, name);
            model_ui(ui, scenario, name, ModelUse::JoinedSegment);
            rule(ui, "A customer already in the segment takes Yes at once.");
        }
        Event::Delivered(step) | Event::Opened(step) | Event::Clicked(step) => {
            let unknown = format!("{step} · (not a message)");
            ComboField::new("Of message", &messages)
                .unknown(unknown)
                .truncate()
                .show(ui, step);
            if kind == Kind::Opened {
                sms_opens_ui(ui, context, *step);
            }
            if messages.is_empty() {
                explain(
                    ui,
                    "Add a message step first: only messages have opens and clicks.",
                );
            }
        }
    }
}

/// Most SMS providers do not report opens: says so when the message waited
/// for may go by SMS, and leaves the choice to the user.
fn sms_opens_ui(ui: &mut Ui, context: &StepContext, message: StepId) {
    let sms = match context.version.steps.get(&message).map(|s| &s.action) {
        Some(Action::Message { channel, .. }) => *channel == Channel::Sms,
        Some(Action::ChannelOptimization { channels, .. }) => channels.contains(&Channel::Sms),
        _ => false,
    };
    if sms {
        ui.label(
            RichText::new(
                "Warning: most SMS providers do not report opens, so real customers who read it may still take No. Waiting for a click is more reliable; the simulation uses the scenario's SMS open rate.",
            )
            .small()
            .color(WARNING_COLOR),
        );
    }
}

/// The other message steps of the version, as "id · name".
fn message_choices(context: &StepContext) -> Vec<(StepId, String)> {
    (context.version.steps.iter())
        .filter(|(sid, s)| {
            **sid != context.id
                && matches!(
                    s.action,
                    Action::Message { .. } | Action::ChannelOptimization { .. }
                )
        })
        .map(|(sid, s)| (*sid, format!("{sid} · {}", s.name)))
        .collect()
}
