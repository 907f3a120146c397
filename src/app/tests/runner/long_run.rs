//! Issue 14: before a long run the runner bar says so next to Run, and a quick one
//! says nothing.

use egui_kittest::kittest::{NodeT, Queryable};

use super::small_welcome;
use crate::app::tests::harness;

fn reentry() -> crate::model::Journey {
    let text = include_str!("../../../../tests/bench/reentry-visited.journey.ron");
    crate::store::parse_bytes(text.as_bytes()).expect("parses")
}

#[test]
fn a_run_estimated_at_more_than_3_seconds_is_announced_next_to_run() {
    let mut h = harness(reentry());
    h.run();
    let warning = h.get_by_label_contains("May take about ");
    let node = warning.accesskit_node();
    let label = node.label().or(node.value()).unwrap_or_default();
    assert!(
        label.ends_with(" s: fewer customers make it shorter"),
        "{label}"
    );
    let run = h.get_by_role_and_label(egui::Role::Button, "Run");
    assert!(
        (warning.rect().center().y - run.rect().center().y).abs() < 4.0
            && warning.rect().left() > run.rect().right(),
        "next to Run"
    );
}

#[test]
fn a_quick_run_has_no_warning() {
    let h = harness(small_welcome());
    assert!(h.query_by_label_contains("May take about").is_none());
}

#[test]
fn the_warning_goes_when_the_customers_make_the_run_quick() {
    let mut j = reentry();
    j.scenario.customers = 5;
    let h = harness(j);
    assert!(h.query_by_label_contains("May take about").is_none());
}
