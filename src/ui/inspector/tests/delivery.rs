//! The format-2 forms, driven as a person would: the Delivery tab (quiet
//! hours, caps), time zones in the Scenario, the holdout in the Goal, a
//! transactional message and the Wait-until-time-of-day step. Each edit is one
//! command, and undoing walks the journey back edit by edit.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{Host, at, click, fill, host_harness, open_tab};
use crate::model::{
    Action, Channel, FrequencyCap, Holdout, Journey, LocalTime, QuietAction, QuietHours, Span,
    Step, StepId, Weekday,
};
use crate::ui::inspector::Tab;

fn empty() -> Journey {
    Journey::new_empty("Delivery", at(2026, 3, 2, 9, 0))
}

fn snap(harness: &Harness<'_, Host>, snapshots: &mut Vec<Journey>) {
    snapshots.push(harness.state().doc.journey().clone());
}

/// Undoes every snapshot in turn, then checks nothing more is left.
fn undo_walk(harness: &mut Harness<'_, Host>, snapshots: &[Journey]) {
    for expected in snapshots.iter().rev().skip(1) {
        assert!(harness.state_mut().doc.undo());
        harness.run();
        assert_eq!(harness.state().doc.journey(), expected);
    }
    assert!(!harness.state_mut().doc.undo(), "nothing more to undo");
}

/// Types `text` into the number box (spin button) named `label`, then Enter.
fn fill_number(harness: &mut Harness<'_, Host>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .scroll_to_me();
    harness.run();
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

/// S18/S19: a quiet-hours rule and a cap are added and filled in on the
/// Delivery tab, each sentence says what the rule does, one command per edit.
#[test]
fn s18_s19_delivery_form_edits_quiet_hours_and_caps_one_command_per_field() {
    let mut harness = host_harness(empty(), None, true);
    let mut snapshots = vec![empty()];
    open_tab(&mut harness, Tab::Delivery);
    harness.get_by_label("No quiet hours: messages go out at any hour.");
    for step in [
        "Add quiet hours",
        "From",
        "to",
        "Quiet hours 1 SMS",
        "Then",
        "Add a frequency cap",
        "At most",
        "Cap 1 Email",
    ] {
        match step {
            "From" => fill(&mut harness, "From", "22:00"),
            "to" => fill(&mut harness, "to", "7:30"),
            "Then" => {
                click(&mut harness, "Then");
                click(&mut harness, "Skip the message");
            }
            "At most" => fill_number(&mut harness, "At most", "2"),
            label => click(&mut harness, label),
        }
        snap(&harness, &mut snapshots);
    }
    harness.get_by_label(
        "SMS messages due between 22:00 and 07:30 on the customer's own clock are not sent; the customer moves on as if they had been.",
    );
    harness.get_by_label_contains("A customer gets at most 2 email messages in any 7 days");
    let delivery = &harness.state().doc.journey().delivery;
    assert_eq!(
        delivery.quiet_hours,
        [QuietHours {
            channels: vec![Channel::Sms],
            from: LocalTime::clamped(22, 0),
            to: LocalTime::clamped(7, 30),
            then: QuietAction::Skip,
        }]
    );
    assert_eq!(
        delivery.frequency_caps,
        [FrequencyCap {
            channels: vec![Channel::Email],
            max: 2,
            per: Span::Days(7),
        }]
    );
    assert_eq!(harness.state().commands, 8, "one command per field edit");
    undo_walk(&mut harness, &snapshots);
}

/// S18: a time that is not a time of day keeps the old one and says why.
#[test]
fn s18_a_mistyped_quiet_hour_keeps_the_old_time_and_says_why() {
    let mut journey = empty();
    journey.delivery.quiet_hours.push(QuietHours {
        channels: Vec::new(),
        from: LocalTime::clamped(21, 0),
        to: LocalTime::clamped(8, 0),
        then: QuietAction::Hold,
    });
    let mut harness = host_harness(journey.clone(), None, true);
    open_tab(&mut harness, Tab::Delivery);
    fill(&mut harness, "From", "25:00");
    harness.get_by_label_contains("\"25:00\" is not a time of day");
    assert_eq!(*harness.state().doc.journey(), journey);
    assert_eq!(harness.state().commands, 0);
    fill(&mut harness, "From", "20:00");
    assert!(
        harness
            .query_by_label_contains("is not a time of day")
            .is_none()
    );
    assert_eq!(
        harness.state().doc.journey().delivery.quiet_hours[0].from,
        LocalTime::clamped(20, 0)
    );
}

/// S22: zones are found by typing a city, added with a click, weighted; undo walks back.
#[test]
fn s22_scenario_time_zones_are_picked_by_search_and_weighted() {
    let mut harness = host_harness(empty(), None, true);
    let mut snapshots = vec![empty()];
    open_tab(&mut harness, Tab::Scenario);
    fill(&mut harness, "Add a time zone", "berlin");
    click(&mut harness, "Europe/Berlin");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Add a time zone", "new york");
    click(&mut harness, "America/New_York");
    snap(&harness, &mut snapshots);
    fill_number(&mut harness, "America/New_York", "0.25");
    snap(&harness, &mut snapshots);
    harness.get_by_label("80 %");
    harness.get_by_label("20 %");
    assert_eq!(
        harness.state().doc.journey().scenario.time_zones,
        [
            ("Europe/Berlin".to_owned(), 1.0),
            ("America/New_York".to_owned(), 0.25)
        ]
    );
    assert!(crate::model::validate(harness.state().doc.journey()).is_empty());
    assert_eq!(harness.state().commands, 3);
    undo_walk(&mut harness, &snapshots);
}

/// S23: the holdout is switched on in the Goal form, its percent and window set.
#[test]
fn s23_goal_form_sets_a_holdout_one_command_per_field() {
    let mut harness = host_harness(empty(), None, true);
    let mut snapshots = vec![empty()];
    open_tab(&mut harness, Tab::Goal);
    click(&mut harness, "Hold out a share of entries to measure lift");
    snap(&harness, &mut snapshots);
    assert_eq!(
        harness.state().doc.journey().holdout,
        Some(Holdout::new(10.0))
    );
    fill_number(&mut harness, "Hold out", "5");
    snap(&harness, &mut snapshots);
    fill_number(&mut harness, "Measure conversions for", "7");
    snap(&harness, &mut snapshots);
    harness.get_by_label_contains("5 % of entries are held out");
    assert_eq!(
        harness.state().doc.journey().holdout,
        Some(Holdout {
            percent: 5.0,
            measure_for: Span::Days(7),
        })
    );
    assert_eq!(harness.state().commands, 3);
    undo_walk(&mut harness, &snapshots);
}

/// S20: a message is marked transactional with one click, and undone.
#[test]
fn s20_a_message_is_marked_transactional_in_its_form() {
    let mut harness = host_harness(empty(), Some(StepId(1)), true);
    click(&mut harness, "Transactional (a receipt, a password reset)");
    let transactional = |h: &Harness<'_, Host>| {
        matches!(
            h.state().doc.journey().versions[0].steps[&StepId(1)].action,
            Action::Message {
                transactional: true,
                ..
            }
        )
    };
    assert!(transactional(&harness));
    assert_eq!(harness.state().commands, 1);
    assert!(harness.state_mut().doc.undo());
    harness.run();
    assert!(!transactional(&harness));
    assert_eq!(*harness.state().doc.journey(), empty());
}

/// S21: the time and weekdays of a Wait-until-time-of-day step, one command each.
#[test]
fn s21_wait_until_time_of_day_form_sets_time_and_weekdays() {
    let mut journey = empty();
    journey.versions[0].steps.insert(
        StepId(2),
        Step {
            name: "Morning".to_owned(),
            at: (0.0, 150.0),
            action: Action::WaitUntilTime {
                time: LocalTime::clamped(9, 0),
                weekdays: Vec::new(),
                next: None,
            },
        },
    );
    let mut harness = host_harness(journey.clone(), Some(StepId(2)), true);
    let mut snapshots = vec![journey];
    harness.get_by_label_contains("until the next 09:00 on their own clock on any day");
    fill(&mut harness, "Send at", "8:15");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Mon–Fri");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Fri");
    snap(&harness, &mut snapshots);
    harness.get_by_label_contains("until the next 08:15 on their own clock on Mon–Thu");
    use Weekday::{Mon, Thu, Tue, Wed};
    let step = &harness.state().doc.journey().versions[0].steps[&StepId(2)];
    assert_eq!(
        step.action,
        Action::WaitUntilTime {
            time: LocalTime::clamped(8, 15),
            weekdays: vec![Mon, Tue, Wed, Thu],
            next: None,
        }
    );
    let version = &harness.state().doc.journey().versions[0];
    assert_eq!(
        crate::ui::canvas::summary::summary(step, version),
        "until 08:15 local, Mon–Thu",
        "the card says it in short"
    );
    assert_eq!(harness.state().commands, 3);
    undo_walk(&mut harness, &snapshots);
}
