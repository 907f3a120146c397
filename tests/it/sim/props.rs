//! Property test: random valid journeys and scenarios never panic, conserve (S10),
//! stay within bounds and do not depend on the thread count (S14).

use journey_designer::model::{
    Action, Audience, Channel, Condition, Dist, Event, Journey, Span, StepId, TriggerModel,
    validate,
};
use journey_designer::sim::{SimOptions, simulate};
use proptest::prelude::*;

use super::build::*;
use super::check::assert_conserved;

/// One step, before ids are resolved: kind and raw choices.
#[derive(Clone, Debug)]
struct StepSpec {
    kind: u8,
    a: u32,
    b: u32,
    c: u32,
    x: f64,
}

#[derive(Clone, Debug)]
pub(super) struct Spec {
    steps: Vec<StepSpec>,
    loop_back: bool,
    customers: u64,
    arrivals_days: u32,
    horizon_days: u32,
    shares: [f64; 3],
    joins: [f64; 3],
    rates: [f64; 3],
    lift: f64,
    lift_hours: u32,
    trigger_audience: bool,
    reentry: bool,
    flags: u8,
    end_day: u32,
    second_version: Option<(u32, Option<u32>)>,
    seed: u64,
}

fn step_spec() -> impl Strategy<Value = StepSpec> {
    (0u8..7, 0u32..100, 0u32..100, 0u32..100, 0.0f64..100.0)
        .prop_map(|(kind, a, b, c, x)| StepSpec { kind, a, b, c, x })
}

pub(super) fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(step_spec(), 1..7),
        any::<bool>(),
        50u64..300,
        0u32..6,
        1u32..9,
        [0.0f64..0.6, 0.0f64..0.6, 0.0f64..0.6],
        [0.0f64..0.5, 0.0f64..0.5, 0.0f64..0.5],
        [0.0f64..2.0, 0.0f64..2.0, 0.0f64..2.0],
        (0.2f64..6.0, 0u32..48),
        (any::<bool>(), any::<bool>(), any::<u8>(), 0u32..8),
        prop::option::of((1u32..4, prop::option::of(0u32..6))),
        any::<u64>(),
    )
        .prop_map(
            |(
                steps,
                loop_back,
                customers,
                arrivals_days,
                horizon_days,
                shares,
                joins,
                rates,
                (lift, lift_hours),
                (trigger_audience, reentry, flags, end_day),
                second_version,
                seed,
            )| Spec {
                steps,
                loop_back,
                customers,
                arrivals_days,
                horizon_days,
                shares,
                joins,
                rates,
                lift,
                lift_hours,
                trigger_audience,
                reentry,
                flags,
                end_day,
                second_version,
                seed,
            },
        )
}

const CHANNELS: [fn() -> Channel; 4] = [
    || Channel::Email,
    || Channel::Sms,
    || Channel::Push,
    || Channel::Custom("app".to_owned()),
];

fn steps_of(spec: &Spec) -> Vec<(u32, Action)> {
    let n = spec.steps.len() as u32;
    // Targets only go forward (ids above), so there is no cycle except the loop below.
    let target = |i: u32, pick: u32| {
        let choices = n - i - 1; // ids i+2..=n, plus None
        let k = pick % (choices + 1);
        (k < choices).then_some(i + 2 + k)
    };
    let messages: Vec<u32> = spec
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == 0 || s.kind == 6)
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut out = Vec::new();
    for (i, s) in spec.steps.iter().enumerate() {
        let i = i as u32;
        let id = i + 1;
        let action = match s.kind {
            0 => message(CHANNELS[(s.a % 4) as usize](), target(i, s.b)),
            1 => {
                let span = [
                    Span::Minutes(0),
                    Span::Hours(s.a % 30 + 1),
                    Span::Days(s.a % 4),
                ][(s.c % 3) as usize];
                // The last step may loop back to the first through a positive wait.
                let next = if spec.loop_back && id == n {
                    Some(1)
                } else {
                    target(i, s.b)
                };
                let span = if next == Some(1) {
                    Span::Hours(s.a % 30 + 1)
                } else {
                    span
                };
                wait(span, next)
            }
            2 => wait_until(day(f64::from(s.a % 8) + s.x / 100.0), target(i, s.b)),
            3 => branch(
                vec![
                    (
                        Condition::InSegment(format!("s{}", s.a % 3)),
                        target(i, s.b),
                    ),
                    (Condition::Above("a".to_owned(), s.x), target(i, s.c)),
                    (
                        Condition::Equals("c".to_owned(), "x".to_owned()),
                        target(i, s.a),
                    ),
                ],
                target(i, s.c / 3),
            ),
            4 => {
                let event = match (s.a % 5, messages.iter().find(|&&m| m < id)) {
                    (2, Some(&m)) => Event::Delivered(StepId(m)),
                    (3, Some(&m)) => Event::Opened(StepId(m)),
                    (4, Some(&m)) => Event::Clicked(StepId(m)),
                    (1, _) => Event::JoinedSegment(format!("s{}", s.b % 3)),
                    _ => Event::Trigger(format!("t{}", s.b % 3)),
                };
                if_then(event, Span::Hours(s.c % 72), target(i, s.b), target(i, s.c))
            }
            5 => {
                let p = f64::from(s.a % 101);
                let decide = (s.c % 2 == 0).then_some((Span::Days(s.c % 5), "A"));
                let mut v = vec![("A", p, target(i, s.b)), ("B", 100.0 - p, target(i, s.c))];
                if s.x > 50.0 {
                    v[1].1 = (100.0 - p) / 2.0;
                    v.push(("C", (100.0 - p) / 2.0, target(i, s.a)));
                }
                ab(&v, decide)
            }
            _ => Action::ChannelOptimization {
                channels: (0..=s.a % 4)
                    .map(|k| CHANNELS[((k + s.b) % 4) as usize]())
                    .collect(),
                content: String::new(),
                next: target(i, s.b).map(StepId),
            },
        };
        out.push((id, action));
    }
    out
}

pub(super) fn journey_of(spec: &Spec) -> Journey {
    let mut j = journey(steps_of(spec));
    let sc = &mut j.scenario;
    sc.customers = spec.customers;
    sc.seed = spec.seed;
    sc.arrivals_over = Span::Days(spec.arrivals_days);
    sc.horizon = Span::Days(spec.horizon_days);
    sc.attributes
        .insert("a".to_owned(), Dist::Range(0.0, 100.0));
    sc.attributes.insert(
        "c".to_owned(),
        Dist::Choice(vec![("x".to_owned(), 1.0), ("y".to_owned(), 2.0)]),
    );
    for k in 0..3 {
        sc.segments
            .insert(format!("s{k}"), segment(spec.shares[k], spec.joins[k]));
        sc.triggers.insert(
            format!("t{k}"),
            TriggerModel {
                per_day: spec.rates[k],
                click_lift: spec.lift,
                lift_for: Span::Hours(spec.lift_hours),
            },
        );
    }
    if let Some(m) = sc.segments.get_mut("s2") {
        // A rule-based membership, and one that names another segment (earlier in name order).
        m.when = Some(if spec.flags & 64 == 0 {
            Condition::Above("a".to_owned(), 50.0)
        } else {
            Condition::InSegment("s0".to_owned())
        });
    }
    sc.segment_channels.insert(
        "s2".to_owned(),
        [(Channel::Sms, channel(1.0, 0.5, 0.5))]
            .into_iter()
            .collect(),
    );
    if spec.trigger_audience {
        j.start.audience = Audience::Trigger("t0".to_owned());
        j.start.reentry = spec.reentry;
    }
    let f = spec.flags;
    if f & 1 != 0 {
        j.start.exclude_segments = vec!["s0".to_owned()];
    }
    if f & 2 != 0 {
        j.end.suppression_segments = vec!["s1".to_owned()];
    }
    if f & 4 != 0 {
        j.end.exit_triggers = vec!["t1".to_owned()];
    }
    if f & 8 != 0 {
        j.goal = goal("t2", Span::Days(u32::from(f >> 6)));
    }
    if f & 16 != 0 {
        j.end.end_date = Some(day(f64::from(spec.end_day)));
    }
    if let Some((published, stop)) = spec.second_version {
        let mut v2 = j.versions[0].clone();
        v2.published_at = Some(day(f64::from(published)));
        v2.stopped_at = stop.map(|s| day(f64::from(published + s)));
        j.versions.push(v2);
        if f & 32 != 0 {
            j.versions[0].stopped_at = Some(day(f64::from(published) + 0.5));
        }
    } else if f & 32 != 0 {
        j.versions[0].stopped_at = Some(day(f64::from(spec.end_day)));
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn s10_random_journeys_conserve_and_stay_in_bounds(spec in spec()) {
        let j = journey_of(&spec);
        let errors: Vec<_> = validate(&j).into_iter().filter(journey_designer::model::Problem::is_error).collect();
        prop_assert!(errors.is_empty(), "built an invalid journey: {errors:?}");
        let r = simulate(&j, &SimOptions { threads: Some(1), ..SimOptions::default() })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_conserved(&r);
        if !spec.trigger_audience {
            prop_assert!(r.arrivals.arrived <= spec.customers);
            if spec.arrivals_days < spec.horizon_days {
                prop_assert_eq!(r.arrivals.arrived, spec.customers);
            }
        }
        if !j.start.reentry {
            prop_assert!(r.arrivals.entered <= spec.customers);
        }
        let three = simulate(&j, &SimOptions { threads: Some(3), ..SimOptions::default() })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(r == three, "S14: 1 vs 3 threads differ");
    }
}
