//! Several runs: the Runs choice beside Run, the ranges on the summary
//! cards and how often the goal's target was met.

use egui_kittest::kittest::Queryable;

use super::{headless, press_run, report};
use crate::app::tests::harness;
use crate::model::Journey;
use crate::ui::analytics::cards::goal_met_text;

/// The welcome series with few customers, so twenty debug runs are quick.
fn welcome_2000() -> Journey {
    let mut j = crate::templates::welcome();
    j.scenario.customers = 2000;
    j.scenario.seed = 11;
    j
}

#[test]
fn twenty_runs_show_the_80_percent_range_and_how_often_the_goal_was_met() {
    let j = welcome_2000();
    let expected = headless(&j);
    let mut h = harness(j);
    h.get_by_label_contains("How many runs with random seeds")
        .click();
    h.run();
    h.get_by_label("20 runs").click();
    h.run();
    assert_eq!(h.state().run.runs(), 20, "the choice is the window's");
    press_run(&mut h);
    assert_eq!(report(&h), expected, "run 0 is the plain run");
    // The status says what was run.
    h.get_by_label_contains("20 runs complete: 2,000 customers each, random seeds");
    h.get_by_label("Analytics").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("in 80 % of 20 runs").count() >= 2,
        "each number has its range"
    );
    let replications = h
        .state()
        .run
        .result
        .as_ref()
        .and_then(|r| r.replications.clone())
        .expect("the spread over the runs");
    assert_eq!(replications.count, 20);
    let met = replications
        .goal_met
        .expect("the welcome goal has a target");
    h.get_by_label(&goal_met_text(met, 20));
}

#[test]
fn one_run_shows_no_range() {
    let mut h = harness(welcome_2000());
    press_run(&mut h);
    h.get_by_label("Analytics").click();
    h.run();
    assert!(h.query_by_label_contains("in 80 % of").is_none());
    assert!(h.query_by_label_contains("met in").is_none());
    assert!(
        h.state()
            .run
            .result
            .as_ref()
            .is_some_and(|r| r.replications.is_none())
    );
}
