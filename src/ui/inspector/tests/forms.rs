//! The journey-level forms: start, end, goal, scenario; how fields commit.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{Host, at, click, fill, host_harness, open_tab};
use crate::model::{Audience, End, Goal, Journey, Span};
use crate::ui::inspector::Tab;

/// A person fills in start, end and goal of an empty journey; each edit is one
/// undo step, and undoing them one by one walks the journey back.
#[test]
fn s2_s4_s5_s6_filling_start_end_and_goal_through_the_forms_is_undoable_per_field() {
    let start = at(2026, 3, 2, 9, 0);
    let empty = Journey::new_empty("Welcome", start);
    let mut harness = host_harness(empty.clone(), None, true);
    let mut snapshots = vec![empty.clone()];
    let snap = |harness: &Harness<'_, Host>, snapshots: &mut Vec<Journey>| {
        snapshots.push(harness.state().doc.journey().clone());
    };

    open_tab(&mut harness, Tab::Start);
    fill(&mut harness, "Audience name", "subscribers");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Add exclusion segment", "existing_customers");
    snap(&harness, &mut snapshots);
    // The start date: open the date picker, pick the 4th.
    click(&mut harness, "2026-03-02");
    click(&mut harness, "4 March 2026");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Start date hour", "10");
    snap(&harness, &mut snapshots);

    open_tab(&mut harness, Tab::End);
    fill(&mut harness, "Add exit trigger", "unsubscribed");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Add suppression segment", "complained");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Set an end date");
    snap(&harness, &mut snapshots);

    open_tab(&mut harness, Tab::Goal);
    click(&mut harness, "This journey has a goal");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Goal trigger", "purchased_online");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Target");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Target percent", "8");
    snap(&harness, &mut snapshots);

    let new_start = at(2026, 3, 4, 10, 0);
    let mut expected = empty.clone();
    expected.start.audience = Audience::Segment("subscribers".to_owned());
    expected.start.exclude_segments = vec!["existing_customers".to_owned()];
    expected.start.starts_at = new_start;
    expected.end = End {
        exit_triggers: vec!["unsubscribed".to_owned()],
        suppression_segments: vec!["complained".to_owned()],
        // The end of the horizon's last day (30 days on), not the start's hour.
        end_date: Some(at(2026, 4, 3, 23, 59)),
    };
    expected.goal = Some(Goal {
        trigger: "purchased_online".to_owned(),
        target_percent: Some(8.0),
        attribution: Span::Days(3),
    });
    assert_eq!(*harness.state().doc.journey(), expected);
    assert_eq!(harness.state().commands, 11, "one command per field edit");

    // Undo each change in turn: the journey walks back through every snapshot.
    for expected in snapshots.iter().rev().skip(1) {
        assert!(harness.state_mut().doc.undo());
        harness.run();
        assert_eq!(harness.state().doc.journey(), expected);
    }
    assert!(!harness.state_mut().doc.undo(), "nothing more to undo");
    assert_eq!(*harness.state().doc.journey(), empty);
}

/// Issue 11: the date picker says which month it shows ("March 2026"), its
/// arrows say what they do, and a click on a day picks it and closes it.
#[test]
fn the_date_picker_has_a_month_heading_named_arrows_and_picks_a_clicked_day() {
    let mut harness = host_harness(
        Journey::new_empty("Dates", at(2026, 3, 2, 9, 0)),
        None,
        true,
    );
    open_tab(&mut harness, Tab::Start);
    click(&mut harness, "2026-03-02");
    harness.get_by_label("March 2026");
    click(&mut harness, "Next month");
    harness.get_by_label("April 2026");
    click(&mut harness, "Previous month");
    click(&mut harness, "Previous month");
    harness.get_by_label("February 2026");
    click(&mut harness, "27 February 2026");
    assert!(harness.query_by_label("February 2026").is_none(), "closed");
    let starts_at = harness.state().doc.journey().start.starts_at;
    assert_eq!(starts_at, at(2026, 2, 27, 9, 0), "the hour stays");
    assert_eq!(harness.state().commands, 1);
}

/// Issue 11: an end date, once set, starts at 23:59 UTC of its day (the
/// last day of the horizon), not at the hour the journey starts.
#[test]
fn an_end_date_defaults_to_2359_at_the_end_of_its_day() {
    let mut harness = host_harness(Journey::new_empty("End", at(2026, 3, 2, 9, 0)), None, true);
    open_tab(&mut harness, Tab::End);
    click(&mut harness, "Set an end date");
    let end = harness.state().doc.journey().end.end_date;
    assert_eq!(end, Some(at(2026, 4, 1, 23, 59)));
    harness.get_by_label_contains("set to 23:59 UTC, the end of its day");
}

/// An edit in progress is committed when the person clicks another tab, and
/// Escape cancels an edit.
#[test]
fn switching_tab_commits_the_field_and_escape_cancels() {
    let mut harness = host_harness(Journey::new_empty("Old", at(2026, 3, 2, 9, 0)), None, true);
    click(&mut harness, "Journey name");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Journey name").type_text("Typed");
    harness.run();
    open_tab(&mut harness, Tab::Start);
    assert_eq!(harness.state().doc.journey().name, "Typed");
    open_tab(&mut harness, Tab::Journey);
    click(&mut harness, "Journey name");
    harness.get_by_label("Journey name").type_text(" more");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().doc.journey().name, "Typed");
    assert_eq!(harness.state().commands, 1);
}

/// A name the scenario does not model is accepted and flagged; picking a name
/// used elsewhere and removing an item work through the list editor.
#[test]
fn unknown_exit_trigger_is_accepted_but_flagged_and_list_items_can_be_picked_and_removed() {
    let mut journey = Journey::new_empty("Names", at(2026, 3, 2, 9, 0));
    journey.goal = Some(Goal::new("purchased"));
    journey.scenario.triggers.insert(
        "purchased".to_owned(),
        crate::model::TriggerModel::default(),
    );
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::End);
    fill(&mut harness, "Add exit trigger", "unsubscribed");
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["unsubscribed"]
    );
    harness.get_by_label("Warning: not in the scenario; add it there to simulate");
    // "purchased" is used by the goal: pick it from the menu of the exit triggers.
    harness
        .get_all_by_label("Pick")
        .next()
        .expect("the exit triggers' Pick menu")
        .click();
    harness.run();
    click(&mut harness, "purchased");
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["unsubscribed", "purchased"]
    );
    harness
        .get_all_by_label("Remove")
        .next()
        .expect("the first exit trigger's Remove")
        .click();
    harness.run();
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["purchased"]
    );
    assert!(
        harness
            .query_by_label("Warning: not in the scenario; add it there to simulate")
            .is_none()
    );
    assert_eq!(harness.state().commands, 3);
}

/// Scenario limits: a share typed above 1 is clamped to 1 (probabilities 0..1),
/// and the customers field sets the scenario in one command.
#[test]
fn scenario_fields_keep_probabilities_between_0_and_1() {
    let mut harness = host_harness(Journey::new_empty("S", at(2026, 3, 2, 9, 0)), None, true);
    open_tab(&mut harness, Tab::Scenario);
    fill(&mut harness, "Customers", "2500");
    assert_eq!(harness.state().doc.journey().scenario.customers, 2500);
    click(&mut harness, "Segments (1)");
    fill(&mut harness, "Share at start", "1.5");
    let share = harness.state().doc.journey().scenario.segments["everyone"].share;
    assert_eq!(share, 1.0, "clamped to a probability");
    fill(&mut harness, "Share at start", "0.25");
    let share = harness.state().doc.journey().scenario.segments["everyone"].share;
    assert_eq!(share, 0.25);
    assert_eq!(
        harness.state().commands,
        2,
        "1.5 on a share of 1 changed nothing"
    );
    assert!(crate::model::validate(harness.state().doc.journey()).is_empty());
}

/// S8, issue 11: a journey whose start date has not come is a draft that goes
/// live then, in those words; one already started is live.
#[test]
fn s8_a_journey_not_live_yet_is_a_draft_that_goes_live_at_its_start_date() {
    let harness = host_harness(Journey::new_empty("New", at(2099, 3, 2, 9, 0)), None, true);
    harness.get_by_label("Version 1: draft, not live yet");
    harness.get_by_label_contains("It goes live at 2099-03-02 09:00 UTC (the start date)");
    assert!(harness.query_by_label("Version 1: live").is_none());
    let harness = host_harness(Journey::new_empty("Old", at(2020, 3, 2, 9, 0)), None, true);
    harness.get_by_label("Version 1: live");
    harness.get_by_label_contains("Live since 2020-03-02 09:00 UTC");
}

/// S9, issue 11: per-segment channel rates are edited in the Scenario form:
/// a segment gets its own email rates, one changes, and they go again.
#[test]
fn s9_segment_channel_rates_are_edited_in_the_scenario_form() {
    use crate::model::Channel;
    let mut harness = host_harness(Journey::new_empty("S", at(2026, 3, 2, 9, 0)), None, true);
    open_tab(&mut harness, Tab::Scenario);
    click(&mut harness, "Channel rates");
    click(&mut harness, "+ everyone");
    fill(&mut harness, "everyone Email opened", "0.5");
    let rates = |h: &Harness<'_, Host>| h.state().doc.journey().scenario.segment_channels.clone();
    assert_eq!(rates(&harness)["everyone"][&Channel::Email].opened, 0.5);
    click(&mut harness, "+ SMS");
    assert!(rates(&harness)["everyone"].contains_key(&Channel::Sms));
    assert!(crate::model::validate(harness.state().doc.journey()).is_empty());
    harness
        .get_all_by_label("Remove")
        .next()
        .expect("the segment's Remove")
        .click();
    harness.run();
    assert!(rates(&harness).is_empty());
    assert_eq!(harness.state().commands, 4);
}
