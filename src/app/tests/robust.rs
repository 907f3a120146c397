//! "The app never panics on any file or any edit": invalid journeys (the
//! store accepts anything well-typed; validation only flags), random input
//! and mutated files, all driven through the whole window.

use std::time::{Duration, Instant as Clock};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::harness;
use crate::app::JourneyApp;
use crate::model::{Journey, MAX_CUSTOMERS, StepId};
use crate::ui::inspector::Tab;
use cases::{base, invalid_journeys};

mod cases;
mod edits;
mod input;
mod inspector;
mod mutations;
mod runner;

/// The text of a caught panic, shortened for a list of failures.
pub(super) fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    let message = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default();
    message.chars().take(300).collect()
}

/// Runs frames, never failing because the UI keeps asking for repaints
/// (a worker may be running).
/// Runs `tour` on every invalid journey (at most 200 customers each),
/// collects the panics as failures and returns how many controls it clicked.
pub(super) fn tour_invalid_journeys(tour: impl Fn(&Journey) -> usize) -> usize {
    let mut failures = Vec::new();
    let mut clicked = 0;
    for (name, mut journey) in invalid_journeys() {
        journey.scenario.customers = journey.scenario.customers.min(200);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tour(&journey)));
        match outcome {
            Ok(n) => clicked += n,
            Err(e) => failures.push(format!("{name}: {}", panic_message(e.as_ref()))),
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
    clicked
}

pub(super) fn frames(h: &mut Harness<'_, JourneyApp>, n: usize) {
    for _ in 0..n {
        h.step();
    }
    let _ = h.try_run();
}

/// Clicks the inspector's tab (the rightmost button with that title: a card
/// might carry the same name).
fn click_tab(h: &mut Harness<'_, JourneyApp>, tab: Tab) {
    let pos = h
        .query_all_by_role_and_label(egui::Role::Button, tab.title())
        .map(|n| n.rect().center())
        .max_by(|a, b| a.x.total_cmp(&b.x));
    if let Some(pos) = pos {
        click(h, pos);
        assert_eq!(h.state().inspector.tab, tab, "the tab opens");
    }
}

/// A click that does not insist the window settles within a few frames.
pub(super) fn click(h: &mut Harness<'_, JourneyApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    frames(h, 1);
    super::button(h, pos, true, Modifiers::NONE);
    super::button(h, pos, false, Modifiers::NONE);
    frames(h, 1);
}

/// A key press, likewise.
pub(super) fn press(h: &mut Harness<'_, JourneyApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    frames(h, 1);
}

/// Presses F5 and steps frames until the run ends (or cancels it after `patience`).
fn run_until_done(h: &mut Harness<'_, JourneyApp>, patience: Duration) {
    press(h, Modifiers::NONE, Key::F5);
    let deadline = Clock::now() + patience;
    while h.state().run.is_running() && Clock::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.state_mut().run.cancel();
    frames(h, 2);
}

/// Everything a person could do to a journey, as far as it is read-only.
fn tour(
    name: &str,
    journey: &Journey,
    expected: Option<&str>,
    patience: Duration,
) -> Harness<'static, JourneyApp> {
    let mut h = harness(journey.clone());
    frames(&mut h, 3);
    let shows = |h: &Harness<'_, JourneyApp>, text: &str| {
        h.query_all_by_label_contains(text).next().is_some()
    };
    let mut seen = expected.is_none_or(|text| shows(&h, text));
    let ids: Vec<StepId> = journey
        .versions
        .last()
        .map(|v| v.steps.keys().copied().collect())
        .unwrap_or_default();
    for id in ids {
        h.state_mut().canvas.selection = [id].into();
        frames(&mut h, 1);
        for tab in Tab::ALL {
            click_tab(&mut h, tab);
        }
    }
    h.state_mut().canvas.selection.clear();
    for tab in Tab::ALL {
        click_tab(&mut h, tab);
    }
    h.state_mut().inspector.scenario_tables_open = [true; 4];
    click_tab(&mut h, Tab::Scenario);
    press(&mut h, Modifiers::NONE, Key::F);
    frames(&mut h, 2);
    run_until_done(&mut h, patience);
    seen = seen || expected.is_some_and(|text| shows(&h, text));
    if let Some(pos) = h
        .query_by_role_and_label(egui::Role::Button, "Analytics")
        .map(|n| n.rect().center())
    {
        click(&mut h, pos);
    }
    h.state_mut().run.ui.show_analytics = true;
    frames(&mut h, 3);
    // Play the run back a little, if there is one.
    h.state_mut().run.ui.playback.hour = 5.0;
    frames(&mut h, 2);
    assert!(seen, "{name}: the window never says {expected:?}");
    // (NaN never equals itself, so the journeys are not compared with `==`.)
    assert_eq!(
        h.state().doc.undo_label(),
        None,
        "{name}: looking changed the journey"
    );
    h
}

/// What the window must say about a case (in a label somewhere), if anything.
fn shown_problem(case: &str) -> Option<&'static str> {
    Some(match case {
        "no versions" => "has no version",
        "first step names no step" => "step 99, which does not exist",
        "next points nowhere" => "step 77, which does not exist",
        "event on a missing step" => "step 4242, which does not exist",
        "A/B with no variants" => "no variant",
        "A/B summing to 0" => "add up to 0",
        "empty channel list" => "no channel to choose from",
        "self loop" => "loop with no wait",
        "stopped last version" => "This version is stopped",
        "starts at the last instant chrono knows" => "outside the years 1 to 9999",
        "a draft in the middle" => "only the last version may be a draft",
        "more than the maximum of customers" => "more than the 100000000",
        _ => return None,
    })
}

#[test]
fn no_panic_on_invalid_journeys() {
    let mut failures = Vec::new();
    for (name, journey) in invalid_journeys() {
        let patience = if journey.scenario.customers >= MAX_CUSTOMERS {
            Duration::from_millis(500)
        } else {
            Duration::from_mins(1)
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            drop(tour(name, &journey, shown_problem(name), patience));
        }));
        if let Err(e) = outcome {
            failures.push(format!("{name}: {}", panic_message(e.as_ref())));
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

#[test]
fn a_journey_without_versions_says_so_and_offers_one_undoably() {
    let mut j = base();
    j.versions.clear();
    let mut h = harness(j.clone());
    h.get_by_label_contains("This journey has no version")
        .hover();
    h.get_by_label("Add a version").click();
    frames(&mut h, 2);
    assert_eq!(h.state().doc.journey().versions.len(), 1);
    assert_eq!(h.state().doc.undo_label(), Some("Add version 1"));
    assert!(
        h.query_by_role_and_label(egui::Role::Button, "First email")
            .is_some()
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.journey(), &j);
    assert!(h.query_by_label("Add a version").is_some());
}
