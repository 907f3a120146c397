//! Sensitivity: each assumption the journey uses, ×0.8 and ×1.2 on the same
//! random numbers, largest change of the goal rate first.

use journey_designer::model::{Channel, Goal, Span};
use journey_designer::sim::{Param, SimOptions, params, sensitivity};

use super::build::*;

fn journey_with_goal() -> journey_designer::model::Journey {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(5), None)),
    ]);
    j.goal = Some(Goal::new("purchased"));
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j.scenario.triggers = triggers(&[
        ("purchased", trigger(0.05)),
        ("unsubscribed", trigger(0.02)),
        ("never_used", trigger(0.5)),
    ]);
    j
}

#[test]
fn sensitivity_lists_only_the_assumptions_the_journey_uses() {
    let keys: Vec<String> = params(&journey_with_goal())
        .iter()
        .map(Param::key)
        .collect();
    assert!(
        keys.contains(&"channel:Email:opened".to_owned()),
        "{keys:?}"
    );
    assert!(
        keys.contains(&"trigger:purchased:per_day".to_owned()),
        "{keys:?}"
    );
    assert!(
        keys.contains(&"trigger:unsubscribed:per_day".to_owned()),
        "{keys:?}"
    );
    assert!(!keys.iter().any(|k| k.contains("never_used")), "{keys:?}");
    assert!(
        !keys.iter().any(|k| k.contains("Sms")),
        "no SMS step: {keys:?}"
    );
}

#[test]
fn sensitivity_puts_the_goal_trigger_rate_first_and_moves_it_both_ways() {
    let j = journey_with_goal();
    let options = SimOptions {
        seed: Some(3),
        ..SimOptions::default()
    };
    let s = sensitivity(&j, &options, 4).expect("runs");
    let first = &s.effects[0];
    assert_eq!(first.param.key(), "trigger:purchased:per_day");
    let [low, high] = first.scaled;
    assert!(
        low.goal_rate < s.base.goal_rate && s.base.goal_rate < high.goal_rate,
        "{s:?}"
    );
    // Fewer unsubscribes, more completions: the exit trigger moves completions the other way.
    let unsub = s
        .effects
        .iter()
        .find(|e| e.param.key() == "trigger:unsubscribed:per_day")
        .expect("listed");
    assert!(unsub.scaled[0].completed > s.base.completed);
    assert!(unsub.scaled[1].completed < s.base.completed);
    // Largest first.
    let swings: Vec<f64> = s.effects.iter().map(|e| e.swing(&s.base)).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
}
