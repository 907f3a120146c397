//! S25: paired comparison. Both designs run on the same customers and
//! random numbers, so a difference comes from the designs.

use journey_designer::model::{Channel, Goal, Journey, Span};
use journey_designer::sim::{ScenarioOf, SimOptions, compare, metrics_of_runs, t_interval};

use super::build::*;

/// Email, a 5-day wait, then SMS; goal `purchased`; `unsubscribed` modelled but unused.
fn design_a() -> Journey {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(5), Some(3))),
        (3, message(Channel::Sms, None)),
    ]);
    j.goal = Some(Goal::new("purchased"));
    j.scenario.triggers = triggers(&[
        ("purchased", trigger(0.02)),
        ("unsubscribed", trigger(0.05)),
    ]);
    j
}

/// A with an exit trigger: some leave during the wait.
fn design_b() -> Journey {
    let mut j = design_a();
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j
}

fn options() -> SimOptions {
    SimOptions {
        seed: Some(11),
        ..SimOptions::default()
    }
}

#[test]
fn s25_comparing_a_design_with_itself_gives_exactly_zero() {
    let a = design_a();
    let c = compare(&a, &a, &options(), 5, ScenarioOf::A).expect("compares");
    for m in &c.metrics {
        assert_eq!(m.diff, 0.0, "{}", m.name);
        assert_eq!(m.ci95, Some([0.0, 0.0]), "{}", m.name);
        assert_eq!(m.a, m.b, "{}", m.name);
    }
    let one = compare(&a, &a, &options(), 1, ScenarioOf::A).expect("compares");
    assert!(
        one.metrics.iter().all(|m| m.ci95.is_none()),
        "one run: no interval"
    );
}

#[test]
fn s25_an_added_exit_trigger_shows_fewer_completions_with_an_interval_below_zero() {
    let c = compare(&design_a(), &design_b(), &options(), 8, ScenarioOf::A).expect("compares");
    let completed = c
        .metrics
        .iter()
        .find(|m| m.name == "completed")
        .expect("completed");
    assert!(completed.diff < 0.0, "{completed:?}");
    let [_, hi] = completed.ci95.expect("8 runs");
    assert!(hi < 0.0, "the interval is below zero: {completed:?}");
}

#[test]
fn s25_paired_intervals_are_narrower_than_unpaired_ones() {
    let (a, b) = (design_a(), design_b());
    let runs = 10;
    let c = compare(&a, &b, &options(), runs, ScenarioOf::A).expect("compares");
    let paired = c
        .metrics
        .iter()
        .find(|m| m.name == "converted")
        .and_then(|m| m.ci95)
        .expect("interval");
    // Unpaired: B on other seeds, so its customers draw other numbers.
    let ma = metrics_of_runs(&a, &options(), runs).expect("runs");
    let other = SimOptions {
        seed: Some(5_000),
        ..SimOptions::default()
    };
    let mb = metrics_of_runs(&b, &other, runs).expect("runs");
    let converted = 7; // METRIC_NAMES[7]
    let diffs: Vec<f64> = ma
        .iter()
        .zip(&mb)
        .map(|(x, y)| y[converted] - x[converted])
        .collect();
    let unpaired = t_interval(&diffs).expect("interval");
    let width = |[lo, hi]: [f64; 2]| hi - lo;
    assert!(
        width(paired) < width(unpaired),
        "paired {paired:?} vs unpaired {unpaired:?}"
    );
}

#[test]
fn s25_a_design_naming_a_model_the_chosen_scenario_lacks_is_refused() {
    let mut a = design_a();
    a.scenario.triggers = triggers(&[("purchased", trigger(0.02))]);
    let err = compare(&a, &design_b(), &options(), 2, ScenarioOf::A).expect_err("refused");
    assert!(
        err.to_string().starts_with("B cannot be simulated"),
        "{err}"
    );
    // With B's scenario both sides have the model.
    assert!(compare(&a, &design_b(), &options(), 2, ScenarioOf::B).is_ok());
}
