//! The goal (S11) and re-entry (S17).

use journey_designer::model::{Audience, Channel, Span};

use super::build::*;
use super::check::assert_conserved;

#[test]
fn s11_goal_counts_until_exit_or_the_attribution_window_after_completion() {
    // Completion at once (one message at t = 0); purchases at 0.1 per day.
    let mut j = journey(vec![(1, message(Channel::Email, None))]);
    j.scenario.customers = 20_000;
    j.scenario.triggers = triggers(&[("purchased", trigger(0.1))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let g = r.goal.clone().expect("goal");
    assert_binomial(
        "converted in 3 days",
        g.converted,
        20_000,
        1.0 - (-0.3f64).exp(),
        5.0,
    );
    assert!((g.rate - g.converted as f64 / 20_000.0).abs() < 1e-12);
    assert_eq!(g.met, None, "no target: met is null");
    // All conversions fall inside the window (row 72 = day 3).
    assert_eq!(r.occupancy.conversions[72], g.converted);
    // No window: nobody converts after completing.
    j.goal = goal("purchased", Span::Minutes(0));
    assert_eq!(run(&j).goal.map(|g| g.converted), Some(0));
    assert_conserved(&r);
}

#[test]
fn s11_exited_customers_do_not_convert_after_their_exit() {
    // Everyone is suppressed at entry: they enter and leave at once, so nobody can convert.
    let mut j = journey(vec![(1, wait(Span::Days(10), None))]);
    j.end.suppression_segments = vec!["complained".to_owned()];
    j.scenario.segments = segments(&[("complained", segment(1.0, 0.0))]);
    j.scenario.triggers = triggers(&[("purchased", trigger(5.0))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    assert_eq!(named(&r.outcomes.suppressed, "complained"), 2_000);
    assert_eq!(r.goal.map(|g| g.converted), Some(0));
}

#[test]
fn s11_goal_target_is_met_when_the_rate_reaches_it() {
    let mut j = journey(vec![(1, wait(Span::Days(10), None))]);
    j.scenario.triggers = triggers(&[("purchased", trigger(1.0))]);
    j.goal = goal("purchased", Span::Days(3));
    if let Some(g) = j.goal.as_mut() {
        g.target_percent = Some(50.0);
    }
    let g = run(&j).goal.expect("goal");
    // P(purchase within 10 days) ~ 1: each converts once, so the rate is at most 1.
    assert!(g.converted <= 2_000 && g.converted > 1_990);
    assert_eq!(g.met, Some(true));
}

#[test]
fn s17_each_reentry_is_its_own_journey() {
    let mut j = journey(vec![
        (1, wait(Span::Days(2), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.start.audience = Audience::Trigger("visited".to_owned());
    j.start.reentry = true;
    j.scenario.horizon = Span::Days(20);
    j.scenario.triggers = triggers(&[("visited", trigger(0.5)), ("purchased", trigger(0.2))]);
    j.goal = goal("purchased", Span::Days(1));
    let r = run(&j);
    let a = &r.arrivals;
    assert!(a.entered > 2 * 2_000, "customers re-enter: {}", a.entered);
    assert!(
        a.not_reentered > 0,
        "arrivals while still in the journey are refused"
    );
    assert_eq!(a.arrived, a.entered + a.not_reentered);
    assert_eq!(
        step(&r, 1, 1).reached,
        a.entered,
        "each entry reaches the first step"
    );
    let g = r.goal.clone().expect("goal");
    assert!(
        g.converted > 2_000,
        "an entry converts once, a customer may convert often"
    );
    assert!(
        (g.rate - g.converted as f64 / a.entered as f64).abs() < 1e-12,
        "rate per entry"
    );
    assert_conserved(&r);
}

#[test]
fn s17_a_refused_arrival_does_not_use_up_the_entry() {
    // Arrivals while excluded are refused; excluded customers never entered, so later
    // arrivals are counted under the exclusion again, not as `not_reentered`.
    let mut j = journey(vec![(1, message(Channel::Email, None))]);
    j.start.audience = Audience::Trigger("visited".to_owned());
    j.start.exclude_segments = vec!["staff".to_owned()];
    j.scenario.triggers = triggers(&[("visited", trigger(1.0))]);
    j.scenario.segments = segments(&[("staff", segment(0.5, 0.0))]);
    j.scenario.horizon = Span::Days(5);
    let r = run(&j);
    let a = &r.arrivals;
    // Entrants arrive about 1 + 5 times; staff always refused as excluded.
    assert!(
        a.excluded > 4 * 900,
        "staff arrivals are all excluded: {}",
        a.excluded
    );
    assert_binomial("entered", a.entered, 2_000, 0.5, 5.0);
    assert_conserved(&r);
}
