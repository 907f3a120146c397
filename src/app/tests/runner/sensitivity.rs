//! "What moves the goal rate" as a marketer uses it: run, open the
//! analytics, press the button, wait, and read the top assumption and the
//! base goal rate; cancel and keep the chart shown; edit and see it is out
//! of date; without a goal, the section says the chart needs one.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{press, press_run, wait_for_chart};
use crate::app::JourneyApp;
use crate::app::tests::harness;
use crate::model::Journey;
use crate::sim::{Sensitivity, SimOptions, sensitivity};
use crate::ui::analytics::cards::percent;
use crate::ui::analytics::sensitivity::{FIND, RECOMPUTE, label, reading};

/// Runs per variant in these tests, so a debug build is quick.
const RUNS: u32 = 2;

/// The cart-abandonment template (it has a goal), small.
fn cart() -> Journey {
    let mut j = crate::templates::named("cart-abandonment.journey.ron");
    j.scenario.customers = 600;
    j.scenario.seed = 4;
    j
}

fn headless(j: &Journey) -> Sensitivity {
    let options = SimOptions {
        customers: Some(j.scenario.customers),
        seed: Some(j.scenario.seed),
        ..SimOptions::default()
    };
    sensitivity(j, &options, RUNS).expect("computes")
}

/// The window after a run with the analytics open and few runs per variant.
fn analytics(j: Journey) -> Harness<'static, JourneyApp> {
    let mut h = harness(j);
    h.state_mut().sensitivity.replications = RUNS;
    press_run(&mut h);
    h.get_by_label("Analytics").click();
    h.run();
    h
}

#[test]
fn the_button_finds_the_assumption_that_moves_the_goal_rate_most() {
    let j = cart();
    let expected = headless(&j);
    let mut h = analytics(j);
    press(&mut h, FIND);
    wait_for_chart(&mut h);
    let chart = h.state().sensitivity.chart.clone().expect("a chart");
    assert_eq!(
        chart.sensitivity, expected,
        "the same as the headless engine"
    );
    let top = label(&expected.effects[0].param);
    // The top assumption has its row and is named in the reading.
    assert!(h.query_all_by_label(&top).count() >= 1, "{top}");
    h.get_by_label(&reading(&expected));
    assert!(reading(&expected).contains(&top));
    h.get_by_label_contains(&format!(
        "Goal rate as designed: {}",
        percent(expected.base.goal_rate)
    ));
    // No key or code: the row names read as words.
    assert!(h.query_by_label_contains("channel:").is_none());
    assert!(h.query_by_label_contains("trigger:").is_none());
    assert!(h.query_by_label(FIND).is_none(), "computed: no button");
}

#[test]
fn an_edit_makes_the_chart_out_of_date_and_offers_to_recompute() {
    let mut h = analytics(cart());
    press(&mut h, FIND);
    wait_for_chart(&mut h);
    let mut scenario = h.state().doc.journey().scenario.clone();
    scenario.customers = 500;
    h.state_mut()
        .apply_command(crate::edit::Command::SetScenario(scenario), "test");
    h.run();
    h.get_by_label("This chart is from an earlier design.");
    let before = h.state().sensitivity.chart.as_ref().map(|c| c.revision);
    press(&mut h, RECOMPUTE);
    wait_for_chart(&mut h);
    let chart = h.state().sensitivity.chart.as_ref().expect("a chart");
    assert_ne!(Some(chart.revision), before);
    assert_eq!(chart.customers, 500);
    assert!(
        h.query_by_label("This chart is from an earlier design.")
            .is_none()
    );
}

#[test]
fn a_cancelled_computation_never_replaces_the_chart_shown() {
    let mut h = analytics(cart());
    press(&mut h, FIND);
    wait_for_chart(&mut h);
    let shown = h.state().sensitivity.chart.clone().expect("a chart");
    // A long one, cancelled mid-way with the section's Cancel.
    h.state_mut().sensitivity.replications = 200;
    let ctx = h.ctx.clone();
    h.state_mut().start_sensitivity(&ctx);
    h.run_steps(2);
    assert!(h.state().sensitivity.is_running());
    h.get_by_label_contains("Scaling each assumption");
    press(&mut h, "Cancel");
    h.run_steps(2);
    assert!(!h.state().sensitivity.is_running(), "cancelled and joined");
    let after = h.state().sensitivity.chart.clone().expect("still a chart");
    assert_eq!(
        after.sensitivity, shown.sensitivity,
        "the previous chart stays"
    );
    assert_eq!(after.revision, shown.revision);
    h.get_by_label(&reading(&shown.sensitivity));
    h.get_by_label("Cancelled: the chart shown is still the previous one.");
    assert!(
        h.state().sensitivity.message.is_none(),
        "a cancel is no error"
    );
}

#[test]
fn without_a_goal_the_section_says_the_chart_needs_one() {
    let mut j = cart();
    j.goal = None;
    let h = analytics(j);
    h.get_by_label_contains("This chart needs a goal");
    assert!(h.query_by_label(FIND).is_none());
}
