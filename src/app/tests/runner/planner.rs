//! The A/B planner as a marketer uses it: select the A/B step, press "Plan
//! this test", wait, and read the sentence (how often the test finds a
//! winner now, how many customers would make it 8 runs of 10); edit and see
//! the plan is out of date; cancel and keep the plan shown; without a goal
//! the planner says it needs one.

use std::time::{Duration, Instant as Clock};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::app::JourneyApp;
use crate::app::tests::{harness, select_card};
use crate::model::{Journey, StepId};
use crate::sim::{AbPlan, PlanRequest, SimOptions, plan_step};
use crate::ui::inspector::{PLAN, PLAN_AGAIN, sentence, winners_text};

/// Runs per customer count in these tests, so a debug build is quick.
const RUNS: u32 = 8;
/// The A/B step of the renewal template's version 2.
const TEST: StepId = StepId(6);

/// The renewal template (an A/B test that picks a winner after 10 days), small.
fn renewal() -> Journey {
    let mut j = crate::templates::named("renewal-live-edit.journey.ron");
    j.scenario.customers = 800;
    j.scenario.seed = 3;
    j
}

fn headless(j: &Journey) -> AbPlan {
    let options = SimOptions {
        customers: Some(j.scenario.customers),
        seed: Some(j.scenario.seed),
        ..SimOptions::default()
    };
    let request = PlanRequest {
        power: 0.8,
        replications: RUNS,
        exact: false,
    };
    plan_step(j, &options, &request, 2, TEST, &|_| {})
        .expect("plans")
        .expect("the test is simulated")
}

/// The window with the A/B step selected (its form in the Step tab).
fn form(j: Journey) -> Harness<'static, JourneyApp> {
    let mut h = harness(j);
    h.state_mut().planner.replications = RUNS;
    select_card(&mut h, "Which offer?");
    h
}

/// Scrolls the button `label` into view and clicks it, stepping frames (not
/// running them to rest: while planning, the spinner keeps repainting).
fn press(h: &mut Harness<'_, JourneyApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(3);
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn wait_for_plan(h: &mut Harness<'_, JourneyApp>) {
    let deadline = Clock::now() + Duration::from_mins(3);
    h.step();
    while h.state().planner.is_running() {
        assert!(Clock::now() < deadline, "the plan did not end");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.run();
}

#[test]
fn the_planner_sentence_appears_in_the_ab_form() {
    let j = renewal();
    let expected = headless(&j);
    let mut h = form(j);
    press(&mut h, PLAN);
    wait_for_plan(&mut h);
    let shown = h.state().planner.shown.clone().expect("a plan");
    assert_eq!(shown.plan, expected, "the same as the headless planner");
    let said = sentence(&expected, 0.8, RUNS);
    assert!(
        said.starts_with("With 800 customers this test finds a winner"),
        "{said}"
    );
    assert!(said.contains("8 of 10"), "{said}");
    h.get_by_label(&said);
    h.get_by_label(&winners_text(&expected, RUNS));
    assert!(h.query_by_label(PLAN).is_none(), "planned: no button");
    let status = h.state().status.clone().unwrap_or_default();
    assert!(status.contains("planned"), "{status}");
}

#[test]
fn an_edit_makes_the_plan_out_of_date_and_offers_to_plan_again() {
    let mut h = form(renewal());
    press(&mut h, PLAN);
    wait_for_plan(&mut h);
    let mut edited = h.state().doc.journey().clone();
    edited
        .scenario
        .triggers
        .get_mut("renewed")
        .expect("modelled")
        .per_day = 0.05;
    h.state_mut()
        .doc
        .apply(crate::edit::Command::SetScenario(edited.scenario))
        .expect("applies");
    h.run();
    h.get_by_label("These figures are from an earlier design.");
    press(&mut h, PLAN_AGAIN);
    wait_for_plan(&mut h);
    assert!(h.query_by_label(PLAN_AGAIN).is_none(), "planned again");
    assert_eq!(
        h.state().planner.shown.as_ref().map(|s| s.revision),
        Some(h.state().doc.revision())
    );
}

#[test]
fn cancelling_the_planner_keeps_the_plan_shown() {
    let mut h = form(renewal());
    press(&mut h, PLAN);
    wait_for_plan(&mut h);
    let before = h.state().planner.shown.clone().map(|s| s.plan);
    let mut edited = h.state().doc.journey().clone();
    edited.scenario.customers = 2_000_000;
    h.state_mut()
        .doc
        .apply(crate::edit::Command::SetScenario(edited.scenario))
        .expect("applies");
    h.state_mut().planner.replications = 200;
    h.run();
    press(&mut h, PLAN_AGAIN);
    assert!(h.state().planner.is_running());
    h.get_by_label_contains("Planning…");
    press(&mut h, "Cancel");
    assert!(!h.state().planner.is_running());
    assert_eq!(h.state().planner.shown.clone().map(|s| s.plan), before);
    let status = h.state().status.clone().unwrap_or_default();
    assert!(status.contains("still the previous one"), "{status}");
}

#[test]
fn without_a_goal_the_planner_says_it_needs_one() {
    let mut j = renewal();
    j.goal = None;
    let mut h = form(j);
    press(&mut h, PLAN);
    assert!(!h.state().planner.is_running());
    h.get_by_label_contains("The planner needs a goal");
}
