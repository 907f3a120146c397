//! Leaving the journey: S3, S4, S5, S7, S8, S9.

use journey_designer::model::{Channel, Span, StepId};

use super::build::*;
use super::check::assert_conserved;

#[test]
fn s3_a_step_without_next_completes_the_journey() {
    let j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(2), Some(3))),
        (3, message(Channel::Sms, None)),
    ]);
    let r = run(&j);
    assert_eq!(r.outcomes.completed, 2_000);
    assert_eq!(r.outcomes.in_progress, 0);
    for id in [1, 2, 3] {
        assert_eq!(step(&r, 1, id).completed, 2_000);
    }
    // Completions happen at day 2 (row 48).
    assert_eq!(r.timeline[48].exited, 2_000);
    assert_conserved(&r);
}

#[test]
fn s4_suppression_exits_from_anywhere_and_members_at_entry_get_no_step() {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(5), Some(3))),
        (3, message(Channel::Sms, None)),
    ]);
    j.scenario.customers = 20_000;
    j.end.suppression_segments = vec!["complained".to_owned()];
    j.scenario.segments = segments(&[("complained", segment(0.2, 0.1))]);
    let r = run(&j);
    let suppressed = named(&r.outcomes.suppressed, "complained");
    let at_entry = suppressed - step(&r, 1, 2).exited.suppressed;
    assert_binomial("members at entry", at_entry, 20_000, 0.2, 5.0);
    assert_eq!(
        step(&r, 1, 1).reached,
        20_000 - at_entry,
        "members at entry reach no step"
    );
    // Of the others, those who join within the 5-day wait leave from the wait.
    let others = 20_000 - at_entry;
    let p_join = 1.0 - (-0.1f64 * 5.0).exp();
    assert_binomial(
        "suppressed in the wait",
        step(&r, 1, 2).exited.suppressed,
        others,
        p_join,
        5.0,
    );
    // Nobody suppressed receives the SMS.
    assert_eq!(step(&r, 1, 3).reached, 20_000 - suppressed);
    assert_eq!(r.channels[1].sent, 20_000 - suppressed);
    assert_conserved(&r);
}

#[test]
fn s5_exit_trigger_exits_and_nothing_acts_after_it() {
    let mut j = journey(vec![
        (1, wait(Span::Days(5), Some(2))),
        (2, message(Channel::Sms, None)),
    ]);
    j.scenario.customers = 20_000;
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j.scenario.triggers = triggers(&[("unsubscribed", trigger(0.1))]);
    let r = run(&j);
    let exited = named(&r.outcomes.exit_trigger, "unsubscribed");
    assert_binomial("unsubscribed", exited, 20_000, 1.0 - (-0.5f64).exp(), 5.0);
    assert_eq!(step(&r, 1, 1).exited.exit_trigger, exited);
    assert_eq!(
        r.channels[0].sent,
        20_000 - exited,
        "no message after the exit"
    );
    assert_conserved(&r);
}

#[test]
fn s7_stop_exits_everyone_in_the_version_and_refuses_later_arrivals() {
    let mut j = journey(vec![
        (1, wait(Span::Days(5), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(6);
    j.versions[0].stopped_at = Some(day(3.0));
    let r = run(&j);
    assert_binomial("after stop", r.arrivals.after_stop, 20_000, 0.5, 5.0);
    assert_eq!(
        r.outcomes.stopped, r.arrivals.entered,
        "everyone in the 5-day wait is stopped"
    );
    assert_eq!(step(&r, 1, 1).exited.stopped, r.arrivals.entered);
    assert_eq!(step(&r, 1, 2).reached, 0, "no step after the stop");
    assert_eq!(
        r.timeline[72].exited, r.arrivals.entered,
        "all at the stop instant"
    );
    assert_conserved(&r);
}

#[test]
fn s7_a_wait_ending_exactly_at_the_stop_counts_as_stopped() {
    let mut j = journey(vec![
        (1, wait(Span::Days(3), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.versions[0].stopped_at = Some(day(3.0));
    let r = run(&j);
    assert_eq!(r.outcomes.stopped, 2_000);
    assert_eq!(r.outcomes.completed, 0);
    // The same with a wait until the stop instant.
    let mut j = journey(vec![
        (1, wait_until(day(3.0), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.versions[0].stopped_at = Some(day(3.0));
    assert_eq!(run(&j).outcomes.stopped, 2_000);
}

#[test]
fn s8_arrivals_go_to_the_newest_version_and_each_version_stops_on_its_own() {
    let mut j = journey(vec![(1, wait(Span::Days(10), None))]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(4);
    j.versions.push(version(
        Some(day(2.0)),
        vec![(1, wait(Span::Days(1), None))],
        StepId(1),
    ));
    // A draft is not simulated.
    j.versions.push(version(
        None,
        vec![(7, message(Channel::Push, None))],
        StepId(7),
    ));
    j.versions[0].stopped_at = Some(day(3.0));
    let r = run(&j);
    assert_eq!(r.versions.len(), 2, "the draft is not simulated");
    assert!(r.steps.iter().all(|s| s.version != 3));
    let (v1, v2) = (&r.versions[0], &r.versions[1]);
    assert_binomial("version 1 entries", v1.entered, 20_000, 0.5, 5.0);
    assert_eq!(v1.entered + v2.entered, 20_000);
    assert_eq!(
        v1.stopped, v1.entered,
        "version 1's 10-day wait is cut by its stop"
    );
    assert_eq!(v2.stopped, 0, "stopping version 1 leaves version 2 alone");
    assert_eq!(v2.completed, v2.entered);
    assert_eq!(
        r.arrivals.after_stop, 0,
        "arrivals after day 2 go to version 2"
    );
    // Stopping version 2 instead leaves version 1 alone and refuses arrivals from then.
    j.versions[0].stopped_at = None;
    j.versions[1].stopped_at = Some(day(3.0));
    let r = run(&j);
    assert_eq!(r.versions[0].stopped, 0);
    assert_eq!(r.versions[0].completed, r.versions[0].entered);
    assert_binomial("after stop", r.arrivals.after_stop, 20_000, 0.25, 5.0);
    // Version 2's entrants arrive in [2, 3) days and wait 1 day: the stop at day 3 cuts them all.
    assert_eq!(r.versions[1].stopped, r.versions[1].entered);
    assert_conserved(&r);
}

#[test]
fn s9_a_customer_who_converts_and_exits_at_once_counts_as_converted() {
    // The goal trigger is also the exit trigger; no attribution window after completion.
    let mut j = journey(vec![(1, wait(Span::Days(10), None))]);
    j.scenario.customers = 10_000;
    j.end.exit_triggers = vec!["purchased".to_owned()];
    j.goal = goal("purchased", Span::Minutes(0));
    j.scenario.triggers = triggers(&[("purchased", trigger(0.05))]);
    let r = run(&j);
    let exits = named(&r.outcomes.exit_trigger, "purchased");
    assert!(exits > 0);
    assert_eq!(r.goal.as_ref().map(|g| g.converted), Some(exits));
    assert_conserved(&r);
}

#[test]
fn s9_stop_comes_before_the_steps_own_action() {
    // A wait ending at the stop instant is stopped: the step's action comes last (see also S7).
    let mut j = journey(vec![
        (1, wait(Span::Days(1), Some(2))),
        (2, message(Channel::Email, None)),
    ]);
    j.versions[0].stopped_at = Some(day(1.0));
    let r = run(&j);
    assert_eq!(r.outcomes.stopped, 2_000);
    assert_eq!(r.channels[0].sent, 0);
}
