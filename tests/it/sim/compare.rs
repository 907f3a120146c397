//! S25: paired comparison. Both designs run on the same customers and
//! random numbers, so a difference comes from the designs.

use journey_designer::model::{Channel, Goal, Journey, Span, StepId};
use journey_designer::sim::{
    ScenarioOf, SimOptions, StepSides, compare, metrics_of_runs, t_interval, version_alone,
};

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

#[test]
fn s25_every_step_of_a_design_compared_with_itself_differs_by_exactly_zero() {
    let a = design_a();
    let c = compare(&a, &a, &options(), 5, ScenarioOf::A).expect("compares");
    assert_eq!(c.steps.len(), 3, "{:?}", c.steps);
    for s in &c.steps {
        assert_eq!(s.sides, StepSides::Both, "{}", s.name);
        assert_eq!((s.diff, s.ci95), (0.0, Some([0.0, 0.0])), "{}", s.name);
        assert!(s.a > 0.0 && s.a == s.b, "{s:?}");
    }
}

#[test]
fn s25_an_added_exit_trigger_leaves_fewer_reaching_the_step_after_the_wait() {
    let c = compare(&design_a(), &design_b(), &options(), 8, ScenarioOf::A).expect("compares");
    let sms = c
        .steps
        .iter()
        .find(|s| s.step == StepId(3))
        .expect("step 3");
    assert_eq!((sms.version, sms.sides), (1, StepSides::Both));
    let [_, hi] = sms.ci95.expect("8 runs");
    assert!(sms.diff < 0.0 && hi < 0.0, "{sms:?}");
    let first = c
        .steps
        .iter()
        .find(|s| s.step == StepId(1))
        .expect("step 1");
    assert_eq!(first.diff, 0.0, "all enter the first step on both sides");
    let one = compare(&design_a(), &design_b(), &options(), 1, ScenarioOf::A).expect("compares");
    assert!(
        one.steps.iter().all(|s| s.ci95.is_none()),
        "one run: no interval"
    );
}

#[test]
fn s25_a_step_only_one_side_has_is_said_to_be_so_without_an_interval() {
    let a = design_a();
    let mut b = design_a();
    let v = &mut b.versions[0];
    let sms = v.steps.remove(&StepId(3)).expect("step 3");
    v.steps.insert(StepId(4), sms);
    if let Some(next) = v
        .steps
        .get_mut(&StepId(2))
        .and_then(|w| w.action.output_mut(0))
    {
        *next = Some(StepId(4));
    }
    let c = compare(&a, &b, &options(), 4, ScenarioOf::A).expect("compares");
    let sides: Vec<(u32, StepSides)> = c.steps.iter().map(|s| (s.step.0, s.sides)).collect();
    assert_eq!(
        sides,
        [
            (1, StepSides::Both),
            (2, StepSides::Both),
            (3, StepSides::OnlyA),
            (4, StepSides::OnlyB)
        ]
    );
    let only_b = &c.steps[3];
    assert!(
        only_b.a == 0.0 && only_b.b > 0.0 && only_b.ci95.is_none(),
        "{only_b:?}"
    );
}

#[test]
fn s25_two_versions_compare_each_as_if_it_were_the_journey() {
    let mut j = design_a();
    let mut second = j.versions[0].clone();
    second.published_at = Some(day(3.0));
    j.versions.push(second);
    j.end.exit_triggers = Vec::new();
    let v1 = version_alone(&j, 0, "Version 1").expect("version 1");
    let v2 = version_alone(&j, 1, "Version 2").expect("version 2");
    assert_eq!(v2.versions.len(), 1);
    assert_eq!(v2.versions[0].published_at, None, "live from the start");
    assert!(version_alone(&j, 2, "none").is_none());
    let c = compare(&v1, &v2, &options(), 3, ScenarioOf::B).expect("compares");
    assert_eq!((c.a.as_str(), c.b.as_str()), ("Version 1", "Version 2"));
    assert!(c.metrics.iter().all(|m| m.diff == 0.0), "the same design");
}
