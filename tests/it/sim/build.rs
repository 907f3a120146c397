//! A small builder for hand-made journeys, and run helpers.

use std::collections::BTreeMap;

use chrono::{Duration, TimeZone, Utc};
use journey_designer::model::{
    Action, Audience, Channel, ChannelModel, Condition, Decide, Delivery, End, Event, Goal,
    Instant, Journey, Rule, Scenario, SegmentModel, Span, Start, Step, StepId, TriggerModel,
    Variant, Version,
};
use journey_designer::sim::{Report, SimOptions, StepReport, simulate};

/// The start of every hand-made journey.
pub fn t0() -> Instant {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("valid date")
}

/// `t0` plus `days` (may be fractional).
pub fn day(days: f64) -> Instant {
    t0() + Duration::seconds((days * 86_400.0).round() as i64)
}

/// A journey for `everyone` (an unmodelled audience segment: every customer), one version
/// with `steps` (the first listed is the first step), all arrivals at the start, 30 days.
pub fn journey(steps: Vec<(u32, Action)>) -> Journey {
    let first = StepId(steps.first().map_or(1, |s| s.0));
    Journey {
        format: 1,
        name: "test".to_owned(),
        description: String::new(),
        start: Start {
            audience: Audience::Segment("everyone".to_owned()),
            starts_at: t0(),
            exclude_segments: Vec::new(),
            reentry: false,
        },
        end: End::default(),
        goal: None,
        delivery: Delivery::default(),
        holdout: None,
        versions: vec![version(None, steps, first)],
        scenario: Scenario {
            customers: 2_000,
            seed: 1,
            arrivals_over: Span::Minutes(0),
            horizon: Span::Days(30),
            ..Scenario::default()
        },
    }
}

/// A version published at `published` with `steps`.
pub fn version(published: Option<Instant>, steps: Vec<(u32, Action)>, first: StepId) -> Version {
    Version {
        published_at: published,
        stopped_at: None,
        first_step: first,
        steps: steps
            .into_iter()
            .map(|(id, action)| {
                (
                    StepId(id),
                    Step {
                        name: format!("step {id}"),
                        at: (0.0, 0.0),
                        action,
                    },
                )
            })
            .collect(),
    }
}

fn next(n: Option<u32>) -> Option<StepId> {
    n.map(StepId)
}

/// A message on `channel`.
pub fn message(channel: Channel, n: Option<u32>) -> Action {
    Action::Message {
        channel,
        content: String::new(),
        transactional: false,
        next: next(n),
    }
}

/// A wait.
pub fn wait(span: Span, n: Option<u32>) -> Action {
    Action::Wait {
        span,
        next: next(n),
    }
}

/// A wait until an instant.
pub fn wait_until(instant: Instant, n: Option<u32>) -> Action {
    Action::WaitUntil {
        instant,
        next: next(n),
    }
}

/// An if/then.
pub fn if_then(event: Event, within: Span, yes: Option<u32>, no: Option<u32>) -> Action {
    Action::IfThen {
        event,
        within,
        yes: next(yes),
        no: next(no),
    }
}

/// An attribute branch.
pub fn branch(rules: Vec<(Condition, Option<u32>)>, otherwise: Option<u32>) -> Action {
    Action::Branch {
        rules: rules
            .into_iter()
            .map(|(when, n)| Rule {
                when,
                next: next(n),
            })
            .collect(),
        otherwise: next(otherwise),
    }
}

/// An A/B test.
pub fn ab(variants: &[(&str, f64, Option<u32>)], decide: Option<(Span, &str)>) -> Action {
    Action::AbTest {
        variants: variants
            .iter()
            .map(|(name, percent, n)| Variant {
                name: (*name).to_owned(),
                percent: *percent,
                next: next(*n),
            })
            .collect(),
        decide: decide.map(|(after, d)| Decide {
            after,
            default_variant: d.to_owned(),
        }),
    }
}

/// A trigger model without lift.
pub fn trigger(per_day: f64) -> TriggerModel {
    TriggerModel {
        per_day,
        ..TriggerModel::default()
    }
}

/// A segment model.
pub fn segment(share: f64, joins_per_day: f64) -> SegmentModel {
    SegmentModel {
        share,
        when: None,
        joins_per_day,
    }
}

/// A channel model with the default delays.
pub fn channel(delivered: f64, opened: f64, clicked: f64) -> ChannelModel {
    ChannelModel {
        delivered,
        opened,
        clicked,
        ..ChannelModel::default_for(&Channel::Email)
    }
}

/// A goal on `trigger` with `attribution`.
#[allow(clippy::unnecessary_wraps)] // journeys hold the goal as an Option
pub fn goal(trigger: &str, attribution: Span) -> Option<Goal> {
    Some(Goal {
        trigger: trigger.to_owned(),
        target_percent: None,
        attribution,
    })
}

/// Runs with the scenario's settings.
pub fn run(j: &Journey) -> Report {
    simulate(j, &SimOptions::default()).expect("simulates")
}

/// Runs with `threads` threads.
pub fn run_threads(j: &Journey, threads: usize) -> Report {
    simulate(
        j,
        &SimOptions {
            threads: Some(threads),
            ..SimOptions::default()
        },
    )
    .expect("simulates")
}

/// The report of step `id` of `version`.
pub fn step(r: &Report, version: u32, id: u32) -> &StepReport {
    r.steps
        .iter()
        .find(|s| s.version == version && s.id == StepId(id))
        .expect("step in report")
}

/// A count per name from the outcomes.
pub fn named(list: &[(String, u64)], name: &str) -> u64 {
    list.iter().filter(|(n, _)| n == name).map(|(_, k)| k).sum()
}

/// Asserts that `k` of `n` is within `sigmas` binomial standard errors of probability `p`.
pub fn assert_binomial(what: &str, k: u64, n: u64, p: f64, sigmas: f64) {
    assert!(n > 0, "{what}: no trials");
    let nf = n as f64;
    let se = (p * (1.0 - p) / nf).sqrt();
    let seen = k as f64 / nf;
    assert!(
        (seen - p).abs() <= sigmas * se + 1e-12,
        "{what}: {k}/{n} = {seen:.5}, expected {p:.5} ± {sigmas}×{se:.5}"
    );
}

/// Segments map from pairs.
pub fn segments(list: &[(&str, SegmentModel)]) -> BTreeMap<String, SegmentModel> {
    list.iter()
        .map(|(n, m)| ((*n).to_owned(), m.clone()))
        .collect()
}

/// Triggers map from pairs.
pub fn triggers(list: &[(&str, TriggerModel)]) -> BTreeMap<String, TriggerModel> {
    list.iter()
        .map(|(n, m)| ((*n).to_owned(), m.clone()))
        .collect()
}
