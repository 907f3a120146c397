//! S9 at one instant, tested on the engine itself: when several things are due
//! at the same instant, goal, suppression, exit trigger, stop and the step's
//! action apply in that order. (With random times such ties almost never
//! happen, so the integration tests cannot force them; here the state is set.)

use super::compile::compile;
use super::compiled::Compiled;
use super::counts::{Counts, Exit};
use super::customer::{Customer, RunParams};
use super::population::Scratch;
use super::rng::Stream;
use crate::store;

const JOURNEY: &str = r#"Journey(
    format: 1,
    name: "ties",
    start: (audience: Segment("everyone"), starts_at: "2026-01-01T00:00:00Z"),
    end: (exit_triggers: ["unsubscribed"], suppression_segments: ["complained"]),
    goal: Some((trigger: "purchased")),
    versions: [(stopped_at: Some("2026-01-02T00:00:00Z"), first_step: 1, steps: {
        1: (name: "Wait", at: (0.0, 0.0), action: Wait(span: Days(1), next: Some(2))),
        2: (name: "Email", at: (0.0, 0.0), action: Message(channel: Email, next: None)),
    })],
    scenario: (
        segments: {"complained": (joins_per_day: 0.0)},
        triggers: {"unsubscribed": (per_day: 0.0), "purchased": (per_day: 0.0)},
    ),
)"#;

const DAY: f64 = 86_400.0;

/// Runs one instant `DAY` for a customer who entered at 0 and waits until `DAY`, with the
/// given things also due at `DAY`; returns the counts.
fn tie(goal: bool, suppression: bool, exit_trigger: bool) -> (Counts, Compiled) {
    let journey = store::parse(JOURNEY).expect("parses");
    let c = compile(&journey);
    let run = RunParams {
        seed: 1,
        horizon: 30.0 * DAY,
        decided: Vec::new(),
    };
    let mut s = Scratch::new(&c);
    let mut acc = Counts::new(&c);
    {
        let mut cust = Customer {
            journey: &c,
            run: &run,
            scratch: &mut s,
            counts: &mut acc,
            rng: Stream::new(1, 0),
            entry: None,
            now: 0.0,
            entered_once: false,
            population_drawn: false,
            bucket: super::counts::Bucket::default(),
            cancel: None,
            next_look: u64::MAX,
        };
        cust.scratch.reset();
        cust.arrive(0.0);
        assert!(cust.entry.is_some(), "entered and waiting");
        // The goal is "purchased", the only exit trigger "unsubscribed".
        let purchased = c.goal.expect("goal").trigger;
        let unsubscribed = c.exit_triggers[0];
        if goal {
            cust.scratch.next_occurrence[purchased] = DAY;
        }
        if exit_trigger {
            cust.scratch.next_occurrence[unsubscribed] = DAY;
        }
        if suppression && let Some(e) = cust.entry.as_mut() {
            e.suppressed_at = DAY;
        }
        cust.now = DAY;
        cust.bucket = cust.counts.bucket(DAY);
        cust.instant(DAY, false);
    }
    (acc, c)
}

#[test]
fn s9_goal_then_suppression_then_exit_trigger_then_stop_then_step() {
    // Everything at once: converts (goal first), then suppression wins over the rest.
    let (acc, _) = tie(true, true, true);
    assert_eq!(
        acc.converted, 1,
        "converts and exits at the same instant: converted"
    );
    assert_eq!(acc.suppressed, vec![1]);
    assert_eq!((acc.exit_trigger[0], acc.stopped, acc.completed), (0, 0, 0));
    // Without suppression, the exit trigger beats the stop.
    let (acc, _) = tie(false, false, true);
    assert_eq!((acc.exit_trigger[0], acc.stopped), (1, 0));
    // Without exits, the stop (version stopped at day 1) beats the wait's end.
    let (acc, _) = tie(false, false, false);
    assert_eq!((acc.stopped, acc.completed), (1, 0));
    assert_eq!(acc.channels[0].sent, 0, "no message after the stop");
    let exit = Exit::Stopped;
    assert_eq!(exit.reason(), 2);
}
