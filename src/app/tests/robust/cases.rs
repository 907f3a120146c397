//! Hand-built journeys that the store accepts although they are invalid:
//! one per way a file can be wrong (see the brief's list).

use crate::app::tests::welcome;
use crate::model::{
    Action, Channel, ChannelModel, Condition, Decide, Dist, Event, Journey, MAX_CUSTOMERS,
    SegmentModel, Span, StepId, TriggerModel, Variant, Version,
};

/// The test journey with a population small enough for debug runs.
pub(super) fn base() -> Journey {
    let mut j = welcome();
    j.scenario.customers = 300;
    j
}

pub(super) fn with(change: impl FnOnce(&mut Journey)) -> Journey {
    let mut j = base();
    change(&mut j);
    j
}

fn last(j: &mut Journey) -> &mut Version {
    let n = j.versions.len();
    &mut j.versions[n - 1]
}

fn step_action(j: &mut Journey, id: u32) -> &mut Action {
    &mut last(j)
        .steps
        .get_mut(&StepId(id))
        .expect("the step exists")
        .action
}

/// Hand-built journeys the store accepts although they are invalid.
pub(super) fn invalid_journeys() -> Vec<(&'static str, Journey)> {
    let huge_span = Span::Days(u32::MAX);
    vec![
        ("no versions", with(|j| j.versions.clear())),
        ("no steps", with(|j| last(j).steps.clear())),
        (
            "first step names no step",
            with(|j| last(j).first_step = StepId(99)),
        ),
        (
            "next points nowhere",
            with(|j| {
                *step_action(j, 1) = Action::Wait {
                    span: Span::Days(1),
                    next: Some(StepId(77)),
                }
            }),
        ),
        (
            "instant cycle",
            with(|j| {
                if let Action::Message { next, .. } = step_action(j, 8) {
                    *next = Some(StepId(1));
                }
                *step_action(j, 2) = Action::Wait {
                    span: Span::Minutes(0),
                    next: Some(StepId(3)),
                };
            }),
        ),
        (
            "self loop",
            with(|j| {
                *step_action(j, 1) = Action::Wait {
                    span: Span::Minutes(0),
                    next: Some(StepId(1)),
                }
            }),
        ),
        (
            "event on a missing step",
            with(|j| {
                if let Action::IfThen { event, .. } = step_action(j, 3) {
                    *event = Event::Clicked(StepId(4242));
                }
            }),
        ),
        (
            "event on a wait step",
            with(|j| {
                if let Action::IfThen { event, .. } = step_action(j, 3) {
                    *event = Event::Opened(StepId(2));
                }
            }),
        ),
        (
            "A/B with no variants",
            with(|j| {
                *step_action(j, 7) = Action::AbTest {
                    variants: vec![],
                    decide: None,
                }
            }),
        ),
        (
            "A/B summing to 0",
            with(|j| {
                if let Action::AbTest { variants, decide } = step_action(j, 7) {
                    for v in variants.iter_mut() {
                        v.percent = 0.0;
                    }
                    *decide = Some(Decide {
                        after: huge_span,
                        default_variant: "nobody".into(),
                    });
                }
            }),
        ),
        (
            "A/B with NaN, negative and infinite shares",
            with(|j| {
                *step_action(j, 7) = Action::AbTest {
                    variants: [f64::NAN, -50.0, f64::INFINITY, 1e308]
                        .iter()
                        .enumerate()
                        .map(|(i, &percent)| Variant {
                            name: if i == 3 { String::new() } else { "Same".into() },
                            percent,
                            next: Some(StepId(8)),
                        })
                        .collect(),
                    decide: Some(Decide {
                        after: Span::Minutes(0),
                        default_variant: String::new(),
                    }),
                };
            }),
        ),
        (
            "empty channel list",
            with(|j| {
                *step_action(j, 9) = Action::ChannelOptimization {
                    channels: vec![],
                    content: String::new(),
                    next: None,
                };
            }),
        ),
        (
            "branch with no rules and odd conditions",
            with(|j| {
                *step_action(j, 6) = Action::Branch {
                    rules: vec![],
                    otherwise: Some(StepId(6)),
                };
                *step_action(j, 5) = Action::Branch {
                    rules: vec![
                        crate::model::Rule {
                            when: Condition::Above("age".into(), f64::NAN),
                            next: None,
                        },
                        crate::model::Rule {
                            when: Condition::Below(String::new(), f64::INFINITY),
                            next: Some(StepId(5)),
                        },
                        crate::model::Rule {
                            when: Condition::InSegment(String::new()),
                            next: Some(StepId(123)),
                        },
                    ],
                    otherwise: None,
                };
            }),
        ),
        (
            "huge positions",
            with(|j| {
                let v = last(j);
                let ats = [
                    (1e38, -1e38),
                    (-1e38, 1e38),
                    (f32::MAX, f32::MAX),
                    (0.0, f32::MIN),
                ];
                for (s, at) in v.steps.values_mut().zip(ats.iter().cycle()) {
                    s.at = *at;
                }
            }),
        ),
        (
            "NaN and infinite positions",
            with(|j| {
                let v = last(j);
                let ats = [
                    (f32::NAN, 0.0),
                    (f32::INFINITY, f32::NEG_INFINITY),
                    (0.0, f32::NAN),
                    (f32::NAN, f32::NAN),
                ];
                for (s, at) in v.steps.values_mut().zip(ats.iter().cycle()) {
                    s.at = *at;
                }
            }),
        ),
        (
            "one NaN position among normal ones",
            with(|j| {
                if let Some(s) = last(j).steps.get_mut(&StepId(4)) {
                    s.at = (f32::NAN, f32::NAN);
                }
            }),
        ),
        (
            "ids near u32::MAX",
            with(|j| {
                let v = last(j);
                let step = v.steps.remove(&StepId(9)).expect("step 9");
                v.steps.insert(StepId(u32::MAX), step);
                if let Some(s) = v.steps.get_mut(&StepId(7))
                    && let Action::AbTest { variants, .. } = &mut s.action
                {
                    variants[1].next = Some(StepId(u32::MAX));
                }
            }),
        ),
        (
            "extreme spans",
            with(|j| {
                *step_action(j, 2) = Action::Wait {
                    span: huge_span,
                    next: Some(StepId(3)),
                };
                if let Action::IfThen { within, .. } = step_action(j, 3) {
                    *within = Span::Minutes(u32::MAX);
                }
                j.scenario.horizon = huge_span;
                j.scenario.arrivals_over = huge_span;
                if let Some(g) = &mut j.goal {
                    g.attribution = huge_span;
                    g.target_percent = Some(f64::NAN);
                }
            }),
        ),
        (
            "extreme instants",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MAX_UTC;
                j.end.end_date = Some(chrono::DateTime::<chrono::Utc>::MIN_UTC);
                *step_action(j, 6) = Action::WaitUntil {
                    instant: chrono::DateTime::<chrono::Utc>::MIN_UTC,
                    next: Some(StepId(7)),
                };
            }),
        ),
        (
            "starts at the last instant chrono knows",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MAX_UTC;
                j.end.end_date = None;
            }),
        ),
        (
            "starts at the first instant chrono knows",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MIN_UTC;
                j.end.end_date = None;
                *step_action(j, 6) = Action::WaitUntil {
                    instant: chrono::DateTime::<chrono::Utc>::MAX_UTC,
                    next: Some(StepId(7)),
                };
            }),
        ),
        (
            "stopped last version",
            with(|j| last(j).stopped_at = Some(j.start.starts_at + chrono::Duration::days(3))),
        ),
        (
            "stopped before it went live",
            with(|j| last(j).stopped_at = Some(j.start.starts_at - chrono::Duration::days(3))),
        ),
        (
            "a draft in the middle",
            with(|j| {
                let v1 = j.versions[0].clone();
                let mut v3 = v1.clone();
                v3.published_at = Some(j.start.starts_at - chrono::Duration::days(30));
                j.versions.push(v1.clone());
                j.versions.push(v3);
            }),
        ),
        (
            "10^8 customers",
            with(|j| j.scenario.customers = MAX_CUSTOMERS),
        ),
        (
            "more than the maximum of customers",
            with(|j| j.scenario.customers = u64::MAX),
        ),
        (
            "0 customers, horizon 0",
            with(|j| {
                j.scenario.customers = 0;
                j.scenario.horizon = Span::Minutes(0);
                j.scenario.arrivals_over = Span::Minutes(0);
            }),
        ),
        (
            "horizon 0 only",
            with(|j| j.scenario.horizon = Span::Minutes(0)),
        ),
        (
            "NaN and out-of-range rates",
            with(|j| {
                j.scenario.channels.insert(
                    Channel::Email,
                    ChannelModel {
                        delivered: f64::NAN,
                        opened: -1.0,
                        clicked: f64::INFINITY,
                        open_delay: huge_span,
                        click_delay: Span::Minutes(0),
                    },
                );
                j.scenario.segments.insert(
                    "complained".into(),
                    SegmentModel {
                        share: f64::NAN,
                        when: None,
                        joins_per_day: f64::INFINITY,
                    },
                );
                j.scenario.triggers.insert(
                    "purchased".into(),
                    TriggerModel {
                        per_day: f64::MAX,
                        click_lift: f64::NAN,
                        lift_for: huge_span,
                    },
                );
                j.scenario
                    .attributes
                    .insert("age".into(), Dist::Range(f64::INFINITY, f64::NAN));
                j.scenario
                    .attributes
                    .insert("country".into(), Dist::Choice(vec![]));
                j.scenario
                    .attributes
                    .insert("zero".into(), Dist::Choice(vec![("A".into(), 0.0)]));
            }),
        ),
        (
            "empty and enormous names",
            with(|j| {
                j.name = String::new();
                j.description = "x".repeat(20_000);
                if let Some(s) = last(j).steps.get_mut(&StepId(1)) {
                    s.name = "W".repeat(5_000);
                }
                if let Some(s) = last(j).steps.get_mut(&StepId(2)) {
                    s.name = String::new();
                }
                j.start.audience = crate::model::Audience::Segment(String::new());
            }),
        ),
        (
            "custom channel with an empty name",
            with(|j| {
                if let Action::Message { channel, .. } = step_action(j, 1) {
                    *channel = Channel::Custom(String::new());
                }
            }),
        ),
    ]
}
