//! Per-step conversions, the tile analytics of a step (S11, S15, S17): the entries that
//! passed through the step and then converted, once per entry and step.

use journey_designer::model::{Channel, Event, Span};
use journey_designer::sim::Report;

use super::build::*;

/// Every step's series ends at its total, and no step counts more than the goal.
fn assert_series_consistent(r: &Report) {
    let converted = r.goal.as_ref().map_or(0, |g| g.converted);
    for s in &r.occupancy.steps {
        assert_eq!(
            s.converted.last().copied(),
            Some(s.converted_total),
            "step {:?}: the cumulative series ends at the total",
            s.id
        );
        assert!(s.converted.windows(2).all(|w| w[0] <= w[1]), "cumulative");
        assert_eq!(s.converted.len(), r.timeline.len());
        assert!(
            s.converted_total <= converted,
            "at most the goal's conversions"
        );
    }
}

fn conversions(r: &Report, id: u32) -> u64 {
    r.occupancy
        .steps
        .iter()
        .find(|s| s.version == 1 && s.id.0 == id)
        .map(|s| s.converted_total)
        .expect("step series")
}

#[test]
fn s11_step_conversions_count_entries_that_passed_the_step_then_converted() {
    // A/B at entry: A sends a message and completes at once (it converts in the attribution
    // window); B waits a day (it converts while waiting, long before the next message).
    // Purchases at 1,440 a day (the maximum): everyone converts within minutes of entering.
    let mut j = journey(vec![
        (1, ab(&[("A", 40.0, Some(2)), ("B", 60.0, Some(3))], None)),
        (2, message(Channel::Email, None)),
        (3, wait(Span::Days(1), Some(4))),
        (4, message(Channel::Email, None)),
    ]);
    j.scenario.triggers = triggers(&[("purchased", trigger(1_440.0))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let g = r.goal.clone().expect("goal");
    assert_eq!(g.converted, r.arrivals.entered, "everyone converts");
    assert_eq!(conversions(&r, 1), r.arrivals.entered);
    let (on_a, on_b) = (step(&r, 1, 2).reached, step(&r, 1, 3).reached);
    assert!(on_a > 0 && on_b > 0);
    assert_eq!(on_a + on_b, r.arrivals.entered);
    assert_eq!(
        conversions(&r, 2),
        on_a,
        "path A: every passer converted after"
    );
    assert_eq!(
        conversions(&r, 3),
        on_b,
        "path B: every waiter converted while waiting"
    );
    assert_eq!(
        step(&r, 1, 4).reached,
        on_b,
        "everyone on B reaches the last message"
    );
    assert_eq!(
        conversions(&r, 4),
        0,
        "conversions before reaching a step do not count there"
    );
    assert_series_consistent(&r);
    let last = r.timeline.len() - 1;
    let s2 = &r.occupancy.steps[1];
    assert_eq!(s2.converted[last], on_a);
}

#[test]
fn s17_step_conversions_count_an_entry_once_however_often_it_visits_the_step() {
    // A loop: wait a day, then an if/then on a trigger that never happens sends the
    // customer back to the wait. Everyone converts once, during the first wait.
    let mut j = journey(vec![
        (1, wait(Span::Days(1), Some(2))),
        (
            2,
            if_then(
                Event::Trigger("never".to_owned()),
                Span::Hours(1),
                None,
                Some(1),
            ),
        ),
    ]);
    j.scenario.horizon = Span::Days(10);
    j.scenario.triggers = triggers(&[("purchased", trigger(1_440.0)), ("never", trigger(0.0))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let entered = r.arrivals.entered;
    assert!(
        step(&r, 1, 1).reached >= 9 * entered,
        "the wait is visited again and again"
    );
    assert_eq!(conversions(&r, 1), entered, "once per entry");
    assert_eq!(
        conversions(&r, 2),
        0,
        "the if/then is reached only after converting"
    );
    assert_series_consistent(&r);
}

#[test]
fn s11_step_conversions_follow_the_goal_on_a_slow_goal() {
    // Two messages a day apart; purchases at 0.2 a day, 3-day window after completion.
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(1), Some(3))),
        (3, message(Channel::Sms, None)),
    ]);
    j.scenario.customers = 5_000;
    j.scenario.triggers = triggers(&[("purchased", trigger(0.2))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let g = r.goal.clone().expect("goal");
    assert_eq!(
        conversions(&r, 1),
        g.converted,
        "everyone passes the first step"
    );
    assert_eq!(conversions(&r, 2), g.converted);
    // The last step misses those who converted during the wait.
    assert_binomial(
        "converted after the last message",
        conversions(&r, 3),
        5_000,
        (-0.2f64).exp() * (1.0 - (-0.6f64).exp()),
        5.0,
    );
    assert!(conversions(&r, 3) < g.converted);
    assert_series_consistent(&r);
}
