//! "Model it" beside every name the scenario does not model, the rates shown
//! in place, and numbers typed out of range refused in words.

use egui_kittest::kittest::Queryable;

use super::{at, click, fill, host_harness, open_tab};
use crate::model::{Action, Event, Goal, Journey, Span, Step, StepId, validate};
use crate::ui::inspector::Tab;

const FLAG: &str = "Warning: not in the scenario; add it there to simulate";

/// S5, issue 11: an exit trigger the scenario lacks offers "Model it"; one
/// click adds a model that is not 0 a day, the warning and the problem go,
/// and its rate is edited in place (one command each, undoable).
#[test]
fn s5_model_it_adds_a_non_zero_exit_trigger_model_and_the_warning_disappears() {
    let journey = Journey::new_empty("Names", at(2026, 3, 2, 9, 0));
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::End);
    fill(&mut harness, "Add exit trigger", "unsubscribed");
    harness.get_by_label(FLAG);
    let problems = validate(harness.state().doc.journey());
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("'unsubscribed'"))
    );
    click(&mut harness, "Model it");
    let scenario = &harness.state().doc.journey().scenario;
    assert!(scenario.triggers["unsubscribed"].per_day > 0.0);
    assert!(harness.query_by_label(FLAG).is_none());
    assert!(validate(harness.state().doc.journey()).is_empty());
    fill(&mut harness, "unsubscribed per day", "0.05");
    let scenario = &harness.state().doc.journey().scenario;
    assert_eq!(scenario.triggers["unsubscribed"].per_day, 0.05);
    assert_eq!(harness.state().commands, 3, "add, model it, rate");
    harness.state_mut().doc.undo();
    harness.state_mut().doc.undo();
    harness.run();
    assert!(harness.state().doc.journey().scenario.triggers.is_empty());
    harness.get_by_label(FLAG);
}

/// S11, issue 11: the goal trigger's model starts as a purchase rate that a
/// click lifts; a suppression segment's with a few joining a day (S4).
#[test]
fn s11_s4_model_it_gives_goal_a_click_lift_and_suppression_a_daily_rate() {
    let mut journey = Journey::new_empty("Goal", at(2026, 3, 2, 9, 0));
    journey.goal = Some(Goal::new("purchased"));
    journey.end.suppression_segments = vec!["unsubscribed".to_owned()];
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::Goal);
    click(&mut harness, "Model it");
    let purchased = harness.state().doc.journey().scenario.triggers["purchased"].clone();
    assert!(purchased.per_day > 0.0 && purchased.click_lift > 1.0);
    harness.get_by_label("purchased click lift");
    open_tab(&mut harness, Tab::End);
    click(&mut harness, "Model it");
    let segment = &harness.state().doc.journey().scenario.segments["unsubscribed"];
    assert!(segment.joins_per_day > 0.0);
    assert_eq!(segment.share, 0.0, "nobody is suppressed at the start");
    fill(&mut harness, "unsubscribed share at start", "10");
    let segment = &harness.state().doc.journey().scenario.segments["unsubscribed"];
    assert!((segment.share - 0.1).abs() < 1e-12, "typed in percent");
    assert!(validate(harness.state().doc.journey()).is_empty());
}

/// S3, issue 11: an if/then step waiting for a trigger the scenario lacks
/// models it from the step form.
#[test]
fn s3_model_it_from_an_if_then_step() {
    let mut journey = Journey::new_empty("If", at(2026, 3, 2, 9, 0));
    journey.versions[0].steps.insert(
        StepId(2),
        Step {
            name: "If downloaded".to_owned(),
            at: (200.0, 0.0),
            action: Action::IfThen {
                event: Event::Trigger("downloaded".to_owned()),
                within: Span::Days(3),
                yes: None,
                no: None,
            },
        },
    );
    let mut harness = host_harness(journey, Some(StepId(2)), true);
    harness.get_by_label(FLAG);
    click(&mut harness, "Model it");
    assert!(harness.state().doc.journey().scenario.triggers["downloaded"].per_day > 0.0);
    assert!(harness.query_by_label(FLAG).is_none());
    harness.get_by_label("downloaded per day");
}

/// Issue 11: a picker lists the names used plus "New…", which moves the
/// keyboard to the name field.
#[test]
fn pickers_offer_new_which_focuses_the_name_field() {
    let journey = Journey::new_empty("Pick", at(2026, 3, 2, 9, 0));
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::End);
    harness
        .get_all_by_label("Pick")
        .next()
        .expect("the exit triggers' Pick menu")
        .click();
    harness.run();
    click(&mut harness, "New…");
    assert!(harness.get_by_label("Add exit trigger").is_focused());
}

/// S16, issue 11: typed numbers outside the allowed range, not numbers, or
/// not whole where whole numbers are asked for are refused in red with the
/// range, and the value stays (never clamped in silence).
#[test]
fn s16_invalid_numbers_are_refused_with_the_allowed_range() {
    let journey = Journey::new_empty("Numbers", at(2026, 3, 2, 9, 0));
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::Scenario);
    let customers = harness.state().doc.journey().scenario.customers;
    for (typed, why) in [
        (
            "abc",
            "“abc” is not a number: enter a whole number from 0 to 100,000,000.",
        ),
        (
            "-5",
            "-5 is out of range: enter a whole number from 0 to 100,000,000.",
        ),
        (
            "1e12",
            "1e12 is out of range: enter a whole number from 0 to 100,000,000.",
        ),
        (
            "2.7",
            "2.7 is not a whole number: enter a whole number from 0 to 100,000,000.",
        ),
    ] {
        fill(&mut harness, "Customers", typed);
        harness.get_by_label(why);
        assert_eq!(
            harness.state().doc.journey().scenario.customers,
            customers,
            "{typed}"
        );
    }
    fill(&mut harness, "Customers", "2,500");
    assert_eq!(harness.state().doc.journey().scenario.customers, 2500);
    assert!(
        harness
            .query_by_label_contains("enter a whole number")
            .is_none()
    );
    assert_eq!(harness.state().commands, 1);
}

/// Clicks the number field named `label`, replaces its text, presses Enter.
fn type_number(harness: &mut egui_kittest::Harness<'_, super::Host>, label: &str, text: &str) {
    use egui::{Key, Modifiers, accesskit::Role};
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    (harness.get_by_role_and_label(Role::SpinButton, label)).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// S16, issue 11: the same refusal holds in the other forms' numbers: a
/// goal's target percent, a wait's span and a trigger's daily rate. "abc",
/// "-5" and "1e12" are each shown in red with the allowed range, and the
/// journey is not changed (no command at all).
#[test]
fn s16_invalid_numbers_in_target_wait_and_daily_rate_show_the_range_and_change_nothing() {
    let mut journey = Journey::new_empty("Numbers", at(2026, 3, 2, 9, 0));
    journey.goal = Some(Goal {
        target_percent: Some(8.0),
        ..Goal::new("purchased")
    });
    journey.scenario.triggers.insert(
        "purchased".to_owned(),
        crate::model::TriggerModel::default(),
    );
    let wait = crate::edit::default_step(crate::model::ActionKind::Wait, (0.0, 120.0), None);
    journey.versions[0].steps.insert(StepId(2), wait);
    let before = journey.clone();
    let fields = [
        (Some(Tab::Goal), "Target percent", "a number from 0 to 100."),
        (Some(Tab::Goal), "purchased per day", "a number from 0 to "),
        (None, "Wait for", "a whole number from 0 to 100,000."),
    ];
    for (tab, field, range) in fields {
        let selected = tab.is_none().then_some(StepId(2));
        let mut harness = host_harness(journey.clone(), selected, true);
        if let Some(tab) = tab {
            open_tab(&mut harness, tab);
        }
        for (typed, why) in [
            ("abc", "“abc” is not a number: enter "),
            ("-5", "-5 is out of range: enter "),
            ("1e12", "1e12 is out of range: enter "),
        ] {
            type_number(&mut harness, field, typed);
            harness.get_by_label_contains(&format!("{why}{range}"));
            assert_eq!(*harness.state().doc.journey(), before, "{field}: {typed}");
        }
        assert_eq!(harness.state().commands, 0, "{field}");
    }
}

/// Issue 11: the suppression picker offers the segments the journey already
/// uses (an exclusion at Start, a branch on membership), not only those the
/// scenario models; picking one adds it.
#[test]
fn the_suppression_picker_lists_segments_the_journey_uses() {
    use crate::model::{Condition, Rule};
    let mut journey = Journey::new_empty("Pick", at(2026, 3, 2, 9, 0));
    journey.start.exclude_segments = vec!["existing_customers".to_owned()];
    let branch = Action::Branch {
        rules: vec![Rule {
            when: Condition::InSegment("vip".to_owned()),
            next: None,
        }],
        otherwise: None,
    };
    journey.versions[0].steps.insert(
        StepId(2),
        Step {
            name: "VIP?".to_owned(),
            at: (0.0, 120.0),
            action: branch,
        },
    );
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::End);
    // The second Pick menu is the suppression segments'.
    (harness.get_all_by_label("Pick").nth(1))
        .expect("the suppression segments' Pick menu")
        .click();
    harness.run();
    harness.get_by_label("vip");
    harness.get_by_label("New…");
    click(&mut harness, "existing_customers");
    let suppression = &harness.state().doc.journey().end.suppression_segments;
    assert_eq!(*suppression, ["existing_customers"]);
}
