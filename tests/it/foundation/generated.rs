//! Property tests on generated journeys: random step graphs (loops, missing
//! targets, every kind of step, awkward names) always save and load back
//! equal, and `validate` finds exactly the loops and unreachable steps a
//! brute-force search finds.

use std::collections::{BTreeMap, BTreeSet};

use journey_designer::model::{
    Action, Channel, Decide, Event, Journey, ProblemKind, Span, Step, StepId, Variant, Version,
    validate,
};
use journey_designer::store;
use proptest::prelude::*;

use super::rule_test_journey;

fn span() -> impl Strategy<Value = Span> {
    prop_oneof![
        (0..3u32).prop_map(Span::Minutes),
        (0..3u32).prop_map(Span::Hours),
        (0..3u32).prop_map(Span::Days),
    ]
}

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        Just(Channel::Email),
        Just(Channel::Sms),
        Just(Channel::Push),
        "\\PC{0,8}".prop_map(Channel::Custom),
    ]
}

/// A target among ids 1..=n, sometimes one that does not exist, sometimes none.
fn target(n: u32) -> impl Strategy<Value = Option<StepId>> {
    prop_oneof![
        1 => Just(None),
        6 => (1..=n + 1).prop_map(|id| Some(StepId(id))),
    ]
}

fn action(n: u32) -> impl Strategy<Value = Action> {
    let t = move || target(n);
    prop_oneof![
        (channel(), "\\PC{0,10}", t()).prop_map(|(channel, content, next)| Action::Message {
            channel,
            content,
            transactional: false,
            next
        }),
        (span(), t()).prop_map(|(span, next)| Action::Wait { span, next }),
        (0..2_000_000_000i64, t()).prop_map(|(s, next)| Action::WaitUntil {
            instant: chrono::DateTime::from_timestamp(s, 0).unwrap_or_default(),
            next
        }),
        (1..=n, span(), t(), t()).prop_map(|(id, within, yes, no)| Action::IfThen {
            event: Event::Opened(StepId(id)),
            within,
            yes,
            no
        }),
        (
            proptest::collection::vec(("\\PC{0,6}", -10.0..110.0f64, t()), 0..4),
            proptest::option::of((span(), "\\PC{0,6}")),
        )
            .prop_map(|(variants, decide)| Action::AbTest {
                variants: variants
                    .into_iter()
                    .map(|(name, percent, next)| Variant {
                        name,
                        percent,
                        next
                    })
                    .collect(),
                decide: decide.map(|(after, default_variant)| Decide {
                    after,
                    default_variant
                }),
            }),
        (proptest::collection::vec(channel(), 0..3), t()).prop_map(|(channels, next)| {
            Action::ChannelOptimization {
                channels,
                content: String::new(),
                next,
            }
        }),
    ]
}

fn version() -> impl Strategy<Value = Version> {
    (1..12u32).prop_flat_map(|n| {
        (
            proptest::collection::vec(
                ("\\PC{0,12}", -1e4..1e4f32, -1e4..1e4f32, action(n)),
                n as usize,
            ),
            1..=n + 1,
        )
            .prop_map(|(steps, first)| Version {
                published_at: None,
                stopped_at: None,
                first_step: StepId(first),
                steps: steps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, x, y, action))| {
                        (
                            StepId(i as u32 + 1),
                            Step {
                                name,
                                at: (x, y),
                                action,
                            },
                        )
                    })
                    .collect(),
            })
    })
}

fn journey() -> impl Strategy<Value = Journey> {
    ("\\PC{0,20}", version()).prop_map(|(name, version)| {
        let mut j = rule_test_journey();
        j.name = name;
        j.versions = vec![version];
        j
    })
}

/// Does passing through `action` take no simulated time?
fn is_instant(action: &Action) -> bool {
    !matches!(action, Action::Wait { span, .. } if span.seconds() > 0)
}

/// Steps that lie on a loop of instant steps, by brute force: a step is on
/// such a loop when it can reach itself through instant steps only.
fn steps_on_instant_loops(version: &Version) -> BTreeSet<StepId> {
    let successors = |id: StepId| -> Vec<StepId> {
        let step = &version.steps[&id];
        if !is_instant(&step.action) {
            return vec![];
        }
        step.action
            .targets()
            .into_iter()
            .filter(|t| version.steps.contains_key(t))
            .collect()
    };
    let mut on_loop = BTreeSet::new();
    for &start in version.steps.keys() {
        let mut seen = BTreeSet::new();
        let mut stack = successors(start);
        while let Some(id) = stack.pop() {
            if id == start {
                on_loop.insert(start);
                break;
            }
            if seen.insert(id) {
                stack.extend(successors(id));
            }
        }
    }
    on_loop
}

fn reachable(version: &Version) -> BTreeSet<StepId> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![version.first_step];
    while let Some(id) = stack.pop() {
        if let Some(step) = version.steps.get(&id)
            && seen.insert(id)
        {
            stack.extend(step.action.targets());
        }
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_journeys_save_and_load_back_equal(j in journey()) {
        let text = store::to_ron(&j).unwrap();
        let again = store::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&again, &j);
        prop_assert_eq!(store::to_ron(&again).unwrap(), text);
    }

    #[test]
    fn validate_finds_exactly_the_instant_loops(j in journey()) {
        let problems = validate(&j);
        let version = &j.versions[0];
        let expected = steps_on_instant_loops(version);
        // One problem per loop, on its lowest step; every step of it named.
        let mut named = BTreeSet::new();
        for p in problems.iter().filter(|p| p.kind == ProblemKind::InstantCycle) {
            let step = p.step.unwrap();
            prop_assert!(expected.contains(&step), "{p:?} not on a loop");
            let list = p.message.trim_start_matches("steps ");
            let list = list.split(" form a loop").next().unwrap();
            for id in list.split(", ") {
                named.insert(StepId(id.parse().unwrap()));
            }
        }
        prop_assert_eq!(named, expected);
    }

    #[test]
    fn validate_finds_exactly_the_unreachable_steps(j in journey()) {
        let version = &j.versions[0];
        let reported: BTreeSet<StepId> = validate(&j)
            .iter()
            .filter(|p| p.kind == ProblemKind::Unreachable)
            .map(|p| p.step.unwrap())
            .collect();
        let expected: BTreeSet<StepId> = if version.steps.contains_key(&version.first_step) {
            let seen = reachable(version);
            version.steps.keys().copied().filter(|id| !seen.contains(id)).collect()
        } else {
            BTreeSet::new()
        };
        prop_assert_eq!(reported, expected);
    }

    #[test]
    fn validate_reports_every_missing_target(j in journey()) {
        let version = &j.versions[0];
        let missing: BTreeMap<StepId, usize> = version
            .steps
            .iter()
            .map(|(&id, s)| {
                let n = s.action.targets().iter().filter(|t| !version.steps.contains_key(t)).count();
                (id, n)
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        let mut reported: BTreeMap<StepId, usize> = BTreeMap::new();
        for p in validate(&j).iter().filter(|p| p.kind == ProblemKind::MissingNext) {
            *reported.entry(p.step.unwrap()).or_default() += 1;
        }
        prop_assert_eq!(reported, missing);
    }
}
