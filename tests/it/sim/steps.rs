//! Step kinds (SEMANTICS.md "Steps"): branch, if/then, wait until.

use journey_designer::model::{Channel, Condition, Dist, Event, Span, StepId};

use super::build::*;
use super::check::assert_conserved;

#[test]
fn attribute_branch_takes_the_first_matching_rule_else_otherwise() {
    let mut j = journey(vec![
        (
            1,
            branch(
                vec![
                    (
                        Condition::Equals("country".to_owned(), "FR".to_owned()),
                        Some(2),
                    ),
                    (Condition::Above("age".to_owned(), 10.0), Some(3)),
                    (
                        Condition::Equals("country".to_owned(), "DE".to_owned()),
                        Some(2),
                    ),
                ],
                Some(2),
            ),
        ),
        (2, message(Channel::Email, None)),
        (3, message(Channel::Sms, None)),
    ]);
    j.scenario.attributes.insert(
        "country".to_owned(),
        Dist::Choice(vec![("DE".to_owned(), 1.0), ("FR".to_owned(), 0.0)]),
    );
    j.scenario
        .attributes
        .insert("age".to_owned(), Dist::Range(20.0, 30.0));
    let r = run(&j);
    // Nobody is FR; everyone is above 10, so rule 2 wins over the later DE rule.
    assert_eq!(step(&r, 1, 3).reached, 2_000);
    assert_eq!(step(&r, 1, 2).reached, 0);
    let passes = |out: usize| {
        r.occupancy
            .connections
            .iter()
            .find(|c| c.step == StepId(1) && c.output == out)
            .map(|c| *c.passes.last().expect("rows"))
    };
    assert_eq!(
        (passes(0), passes(1), passes(2), passes(3)),
        (Some(0), Some(2_000), Some(0), Some(0))
    );
    assert_conserved(&r);
}

#[test]
fn if_then_on_a_segment_is_yes_at_once_for_members_and_no_when_the_span_runs_out() {
    let make = |share: f64| {
        let mut j = journey(vec![
            (
                1,
                if_then(
                    Event::JoinedSegment("vip".to_owned()),
                    Span::Days(2),
                    Some(2),
                    None,
                ),
            ),
            (2, message(Channel::Email, None)),
        ]);
        j.scenario.segments = segments(&[("vip", segment(share, 0.0))]);
        j
    };
    let members = run(&make(1.0));
    assert_eq!(
        step(&members, 1, 2).reached,
        2_000,
        "members take yes at once"
    );
    assert_eq!(members.timeline[0].exited, 2_000, "at the entry instant");
    let others = run(&make(0.0));
    assert_eq!(step(&others, 1, 2).reached, 0);
    assert_eq!(
        others.timeline[48].exited, 2_000,
        "no path after 2 days: completed then"
    );
    assert_conserved(&others);
}

#[test]
fn if_then_on_an_open_takes_yes_when_the_open_happens() {
    // Every message is delivered and opened, after an exponential delay of mean 4 hours;
    // the if/then waits 12 hours right after the send: P(yes) = 1 - e^-3.
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (
            2,
            if_then(Event::Opened(StepId(1)), Span::Hours(12), Some(3), None),
        ),
        (3, message(Channel::Sms, None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario
        .channels
        .insert(Channel::Email, channel(1.0, 1.0, 0.0));
    let r = run(&j);
    assert_binomial(
        "yes",
        step(&r, 1, 3).reached,
        20_000,
        1.0 - (-3.0f64).exp(),
        5.0,
    );
    assert_eq!(
        r.channels[0].opened, 20_000,
        "every open is before the horizon"
    );
    assert_conserved(&r);
}

#[test]
fn wait_until_an_instant_that_has_passed_does_not_wait() {
    let mut j = journey(vec![
        (1, wait_until(day(1.0), Some(2))),
        (2, wait_until(day(0.5), None)),
    ]);
    j.scenario.customers = 1_000;
    let r = run(&j);
    assert_eq!(step(&r, 1, 2).completed, 1_000);
    assert_eq!(r.timeline[24].exited, 1_000, "both done at day 1");
    assert_conserved(&r);
}
