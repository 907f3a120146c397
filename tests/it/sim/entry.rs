//! Entry rules: S1, S2, S2b, S6.

use journey_designer::model::{Audience, Channel, Span};

use super::build::*;
use super::check::assert_conserved;

fn one_message() -> journey_designer::model::Journey {
    journey(vec![(1, message(Channel::Email, None))])
}

#[test]
fn s1_refusals_are_counted_under_the_first_that_applies() {
    // Every arrival is at the start; each refusal applies to everyone.
    let mut j = one_message();
    j.start.exclude_segments = vec!["staff".to_owned()];
    j.scenario.segments = segments(&[("staff", segment(1.0, 0.0))]);
    let r = run(&j);
    assert_eq!(r.arrivals.excluded, 2_000, "only the exclusion applies");
    assert_eq!(r.arrivals.entered, 0);

    j.end.end_date = Some(t0());
    let r = run(&j);
    assert_eq!(
        r.arrivals.after_end_date, 2_000,
        "end date before exclusion"
    );
    assert_eq!(r.arrivals.excluded, 0);

    j.versions[0].stopped_at = Some(t0());
    let r = run(&j);
    assert_eq!(r.arrivals.after_stop, 2_000, "stop before the end date");
    assert_eq!(r.arrivals.after_end_date, 0);
    assert_conserved(&r);
}

#[test]
fn s1_an_entering_customer_is_placed_on_the_first_step() {
    let mut j = journey(vec![
        (5, message(Channel::Sms, Some(2))),
        (2, wait(Span::Days(1), None)),
    ]);
    j.versions[0].first_step = journey_designer::model::StepId(5);
    let r = run(&j);
    assert_eq!(r.arrivals.entered, 2_000);
    assert_eq!(step(&r, 1, 5).reached, 2_000);
    assert_eq!(step(&r, 1, 2).reached, 2_000);
    assert_eq!(
        r.timeline[0].entered, 2_000,
        "all enter at the start instant"
    );
    assert_conserved(&r);
}

#[test]
fn s2_exclusion_is_checked_only_at_arrival() {
    // 30 % are members from the start; the rest join fast (1 per day), after entering.
    let mut j = journey(vec![
        (1, wait(Span::Days(5), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.start.exclude_segments = vec!["staff".to_owned()];
    j.scenario.customers = 20_000;
    j.scenario.segments = segments(&[("staff", segment(0.3, 1.0))]);
    let r = run(&j);
    assert_binomial("excluded", r.arrivals.excluded, 20_000, 0.3, 5.0);
    // Joining the exclusion segment later changes nothing: every entrant completes.
    assert_eq!(r.outcomes.completed, r.arrivals.entered);
    assert_eq!(step(&r, 1, 2).reached, r.arrivals.entered);
    assert_conserved(&r);
}

#[test]
fn s2b_without_reentry_a_customer_enters_at_most_once() {
    // The audience trigger is modelled: its later occurrences are further arrivals.
    let mut j = journey(vec![(1, wait(Span::Days(1), None))]);
    j.start.audience = Audience::Trigger("visited".to_owned());
    j.scenario.triggers = triggers(&[("visited", trigger(2.0))]);
    j.scenario.horizon = Span::Days(10);
    let r = run(&j);
    assert_eq!(r.arrivals.entered, 2_000, "each customer enters once");
    assert!(
        r.arrivals.not_reentered > 20_000,
        "about 20 later arrivals each are refused"
    );
    assert_eq!(
        r.arrivals.arrived,
        r.arrivals.entered + r.arrivals.not_reentered
    );
    assert_conserved(&r);
}

#[test]
fn s6_end_date_lets_in_flight_customers_finish() {
    // Arrivals over 10 days, end date at day 5, a 20-day wait: entrants finish after the end date.
    let mut j = journey(vec![
        (1, wait(Span::Days(20), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(10);
    j.end.end_date = Some(day(5.0));
    let r = run(&j);
    assert_binomial(
        "after end date",
        r.arrivals.after_end_date,
        20_000,
        0.5,
        5.0,
    );
    assert_eq!(r.arrivals.entered + r.arrivals.after_end_date, 20_000);
    assert_eq!(
        r.outcomes.completed, r.arrivals.entered,
        "nobody is cut off at the end date"
    );
    assert_eq!(
        step(&r, 1, 2).reached,
        r.arrivals.entered,
        "steps after the end date run"
    );
    // No entry at or after the end date (row 120 is day 5).
    assert!(r.timeline[121..].iter().all(|row| row.entered == 0));
    assert_conserved(&r);
}
