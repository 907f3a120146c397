//! Editing a step completely: change its kind (one undo step), names that
//! follow their settings, and the if/then warning on SMS opens.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{Host, at, click, fill, host_harness};
use crate::model::{Action, ActionKind, Channel, Event, Journey, Span, Step, StepId};

/// A journey whose step 1 (an email) leads to step 2, a wait of a day named
/// as it was added, which leads to step 3, an if/then on the email's open.
fn three_steps() -> Journey {
    let mut journey = Journey::new_empty("Edit", at(2026, 3, 2, 9, 0));
    let steps = &mut journey.versions[0].steps;
    if let Some(Step {
        action: Action::Message { next, .. },
        ..
    }) = steps.get_mut(&StepId(1))
    {
        *next = Some(StepId(2));
    }
    steps.insert(
        StepId(2),
        Step {
            name: "Wait 1 day".to_owned(),
            at: (200.0, 0.0),
            action: Action::Wait {
                span: Span::Days(1),
                next: Some(StepId(3)),
            },
        },
    );
    steps.insert(
        StepId(3),
        Step {
            name: "Opened?".to_owned(),
            at: (400.0, 0.0),
            action: Action::IfThen {
                event: Event::Opened(StepId(1)),
                within: Span::Days(3),
                yes: None,
                no: None,
            },
        },
    );
    journey
}

/// Types `text` into the number named `label` (a span's number shares its
/// name with the span's unit) and presses Enter.
fn fill_number(harness: &mut Harness<'_, Host>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Issue 11: a wait becomes an A/B test in one command: its place and its
/// connection stay; Undo brings the wait back.
#[test]
fn changing_a_step_kind_is_one_command_and_undoes() {
    let journey = three_steps();
    let mut harness = host_harness(journey.clone(), Some(StepId(2)), true);
    click(&mut harness, "Kind");
    click(&mut harness, "A/B test");
    let step = harness.state().doc.journey().versions[0].steps[&StepId(2)].clone();
    assert_eq!(step.action.kind(), ActionKind::AbTest);
    assert_eq!(step.at, (200.0, 0.0));
    assert_eq!(step.name, "A/B test", "an automatic name follows the kind");
    assert_eq!(
        step.action.outputs()[0].target,
        Some(StepId(3)),
        "next becomes variant A"
    );
    assert_eq!(harness.state().commands, 1);
    assert_eq!(
        harness.state().doc.undo_label(),
        Some("Make 'Wait 1 day' A/B test")
    );
    harness.state_mut().doc.undo();
    harness.run();
    assert_eq!(*harness.state().doc.journey(), journey);
    harness.get_by_role_and_label(Role::SpinButton, "Wait for");
}

/// Issue 11: "Wait 1 day" becomes "Wait 4 days" with its span; once renamed,
/// the name stays.
#[test]
fn an_automatic_step_name_follows_its_span_until_renamed() {
    let mut harness = host_harness(three_steps(), Some(StepId(2)), true);
    fill_number(&mut harness, "Wait for", "4");
    let name = |h: &Harness<'_, Host>| {
        h.state().doc.journey().versions[0].steps[&StepId(2)]
            .name
            .clone()
    };
    assert_eq!(name(&harness), "Wait 4 days");
    fill(&mut harness, "Step name", "Cool off");
    fill_number(&mut harness, "Wait for", "5");
    assert_eq!(name(&harness), "Cool off");
    assert_eq!(harness.state().commands, 3);
}

/// Issue 11: waiting for an SMS to be opened is allowed but warned about.
#[test]
fn if_then_on_an_sms_open_warns_and_keeps_the_choice() {
    let mut journey = three_steps();
    if let Some(Step {
        action: Action::Message { channel, .. },
        ..
    }) = journey.versions[0].steps.get_mut(&StepId(1))
    {
        *channel = Channel::Sms;
    }
    let warning = "Warning: most SMS providers do not report opens, so real customers who read it may still take No. Waiting for a click is more reliable; the simulation uses the scenario's SMS open rate.";
    let mut harness = host_harness(journey, Some(StepId(3)), true);
    harness.get_by_label(warning);
    assert_eq!(harness.state().commands, 0, "the choice is kept");
    click(&mut harness, "Wait for");
    click(&mut harness, "Message clicked");
    assert!(harness.query_by_label(warning).is_none());
}
