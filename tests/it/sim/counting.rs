//! Counting rules: S10 conservation, S15 step counts, S16 horizon.

use journey_designer::model::{Channel, ChannelModel, Condition, Span};

use super::build::*;
use super::check::assert_conserved;
use super::experiments::rich;

#[test]
fn s10_conservation_holds_at_every_instant() {
    let r = run(&rich());
    assert!(r.arrivals.entered > 0 && r.arrivals.after_end_date > 0 && r.arrivals.excluded > 0);
    assert!(named(&r.outcomes.exit_trigger, "unsubscribed") > 0);
    assert!(named(&r.outcomes.suppressed, "complained") > 0);
    assert_conserved(&r);
    // And with a stop cutting customers mid-journey.
    let mut j = rich();
    j.versions[0].stopped_at = Some(day(5.0));
    let r = run(&j);
    assert!(r.outcomes.stopped > 0);
    assert_conserved(&r);
}

#[test]
fn s15_every_visit_counts_zero_time_steps_included() {
    // A loop: message, branch (zero time), 1-day wait, back; the horizon cuts it after 3 rounds.
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (
            2,
            branch(
                vec![(Condition::Above("age".to_owned(), 1_000.0), None)],
                Some(3),
            ),
        ),
        (3, wait(Span::Days(1), Some(1))),
    ]);
    j.scenario.horizon = Span::Hours(60);
    j.scenario.attributes.insert(
        "age".to_owned(),
        journey_designer::model::Dist::Range(18.0, 80.0),
    );
    let r = run(&j);
    let n = 2_000;
    assert_eq!(step(&r, 1, 1).reached, 3 * n, "messages at 0, 24 h, 48 h");
    assert_eq!(
        step(&r, 1, 1).completed,
        3 * n,
        "a message completes when sent"
    );
    assert_eq!(step(&r, 1, 2).reached, 3 * n, "zero-time branch counted");
    assert_eq!(step(&r, 1, 2).completed, 3 * n);
    assert_eq!(step(&r, 1, 3).reached, 3 * n);
    assert_eq!(
        step(&r, 1, 3).completed,
        2 * n,
        "a wait completes when it runs out"
    );
    assert_eq!(
        step(&r, 1, 3).in_progress,
        n,
        "in the third wait at the horizon"
    );
    assert_eq!(r.channels[0].sent, 3 * n);
    // Occupancy: everyone is in the wait at every instant, the branch is never occupied.
    let wait_series = &r.occupancy.steps[2];
    assert!(wait_series.at_step.iter().all(|&k| k == n));
    assert!(r.occupancy.steps[1].at_step.iter().all(|&k| k == 0));
    assert_conserved(&r);
}

#[test]
fn s16_nothing_at_or_after_the_horizon_happens() {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(10), None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(10);
    j.scenario.horizon = Span::Days(5);
    j.scenario.channels.insert(
        Channel::Email,
        ChannelModel {
            open_delay: Span::Days(10),
            ..channel(1.0, 1.0, 0.0)
        },
    );
    let r = run(&j);
    assert_binomial(
        "arrivals before the horizon",
        r.arrivals.arrived,
        20_000,
        0.5,
        5.0,
    );
    assert_eq!(
        r.outcomes.in_progress, r.arrivals.entered,
        "the 10-day wait outlasts the run"
    );
    assert_eq!(r.outcomes.completed, 0);
    assert_eq!(
        r.timeline.len(),
        5 * 24 + 1,
        "one row per hour up to the horizon"
    );
    assert_eq!(r.timeline.last().map(|t| t.at), Some(day(5.0)));
    // Opens are exponential with mean 10 days after a uniform send in [0, 5 days):
    // P(open before the horizon) = 1 - (1 - e^-0.5) / 0.5.
    let p_open = 1.0 - (1.0 - (-0.5f64).exp()) / 0.5;
    assert_binomial(
        "opens before the horizon",
        r.channels[0].opened,
        r.channels[0].sent,
        p_open,
        5.0,
    );
    assert_conserved(&r);
}

#[test]
fn s16_completed_customers_in_their_attribution_window_are_completed() {
    let mut j = journey(vec![(1, wait(Span::Days(1), None))]);
    j.scenario.horizon = Span::Days(2);
    j.scenario.triggers = triggers(&[("purchased", trigger(0.1))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    assert_eq!(r.outcomes.completed, 2_000);
    assert_eq!(r.outcomes.in_progress, 0);
    assert_conserved(&r);
}
