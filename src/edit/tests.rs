//! Apply-then-undo for every command, and random command sequences that
//! undo back to the start and redo to the same end.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;
use crate::model::{ActionKind, Audience, End, Goal, Journey, Scenario, Span, StepId, Version};

fn welcome() -> Journey {
    crate::store::parse(include_str!("../../assets/welcome-series.journey.ron"))
        .expect("sample parses")
}

fn instant(s: &str) -> crate::model::Instant {
    s.parse().expect("instant")
}

/// Applies `command`, checks it changed something, applies its inverse and
/// checks the journey is back as it was.
fn assert_undoes(journey: &Journey, command: Command) {
    let mut j = journey.clone();
    let label = command.describe();
    let inverse = command
        .apply(&mut j)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    assert_ne!(&j, journey, "{label} changed nothing");
    inverse
        .apply(&mut j)
        .unwrap_or_else(|e| panic!("undo {label}: {e}"));
    assert_eq!(&j, journey, "undo of {label} did not restore the journey");
}

#[test]
fn every_command_applied_then_undone_gives_back_the_journey() {
    let j = welcome();
    let v = 0;
    let mut start = j.start.clone();
    start.audience = Audience::Segment("everyone".to_owned());
    start.exclude_segments.clear();
    let scenario = Scenario {
        customers: 5,
        ..Scenario::default()
    };
    let mut renamed = j.versions[0].steps[&StepId(2)].clone();
    renamed.name = "Wait a bit".to_owned();
    renamed.action = crate::model::Action::Wait {
        span: Span::Hours(5),
        next: None,
    };
    let mut draft = j.versions[0].clone();
    draft.published_at = None;
    let mut two_versions = j.clone();
    two_versions.versions.push(draft.clone());
    let commands = vec![
        Command::SetName("Renamed".to_owned()),
        Command::SetDescription("Other words".to_owned()),
        Command::SetStart(start),
        Command::SetEnd(End::default()),
        Command::SetGoal(Some(Goal::new("signed_up"))),
        Command::SetGoal(None),
        Command::SetScenario(scenario),
        Command::AddStep {
            version: v,
            id: StepId(10),
            step: default_step(ActionKind::Branch, (5.0, 5.0), None),
        },
        Command::RemoveStep {
            version: v,
            id: StepId(9),
        },
        Command::SetStep {
            version: v,
            id: StepId(2),
            step: renamed,
        },
        Command::MoveSteps {
            version: v,
            moves: vec![
                (StepId(1), (20.0, 40.0)),
                (StepId(1), (60.0, 80.0)),
                (StepId(3), (0.0, 0.0)),
            ],
        },
        Command::Connect {
            version: v,
            from: StepId(3),
            output: 1,
            to: Some(StepId(8)),
        },
        Command::Connect {
            version: v,
            from: StepId(3),
            output: 0,
            to: None,
        },
        Command::SetFirstStep {
            version: v,
            id: StepId(2),
        },
        Command::PushVersion(draft),
        Command::SetPublishedAt {
            version: v,
            at: Some(instant("2026-03-03T00:00:00Z")),
        },
        Command::Batch(
            "Two things".to_owned(),
            vec![
                Command::SetName("A".to_owned()),
                Command::RemoveStep {
                    version: v,
                    id: StepId(8),
                },
            ],
        ),
    ];
    for command in commands {
        assert_undoes(&j, command);
    }
    assert_undoes(&two_versions, Command::PopVersion);
}

#[test]
fn canvas_edits_applied_then_undone_give_back_the_journey() {
    let j = welcome();
    let ids: BTreeSet<StepId> = [StepId(4), StepId(5)].into();
    let (add, _) = add_step(&j, 0, ActionKind::AbTest, (0.0, 300.0)).expect("add");
    let (dup, _) = duplicate_steps(&j, 0, &ids).expect("duplicate");
    let clip = copy_steps(&j, 0, &ids);
    let (paste, _) = paste_steps(&j, 0, &clip, Some((0.0, 400.0)), "Paste").expect("paste");
    let delete = delete_steps(&j, 0, &ids).expect("delete");
    let delete_first = delete_steps(&j, 0, &[StepId(1)].into()).expect("delete first");
    for command in [add, dup, paste, delete, delete_first] {
        assert_undoes(&j, command);
    }
}

#[test]
fn deleting_steps_clears_links_to_them_and_moves_the_first_step_on() {
    let mut j = welcome();
    delete_steps(&j, 0, &[StepId(1)].into())
        .expect("delete")
        .apply(&mut j)
        .expect("applies");
    assert_eq!(j.versions[0].first_step, StepId(2));
    let mut j = welcome();
    delete_steps(&j, 0, &[StepId(6)].into())
        .expect("delete")
        .apply(&mut j)
        .expect("applies");
    for id in [StepId(4), StepId(5)] {
        assert!(j.versions[0].steps[&id].action.targets().is_empty());
    }
    // A version keeps at least one step.
    let all: BTreeSet<StepId> = j.versions[0].steps.keys().copied().collect();
    assert!(delete_steps(&j, 0, &all).is_none());
}

#[test]
fn copied_steps_read_back_from_their_ron_text() {
    let j = welcome();
    let clip = copy_steps(&j, 0, &[StepId(3), StepId(4), StepId(5)].into());
    let text = clip.to_ron().expect("writes");
    assert!(text.starts_with("JourneySteps("));
    assert_eq!(JourneySteps::from_ron(&text).expect("reads"), clip);
    assert!(JourneySteps::from_ron("hello").is_err());
    // Pasted, the if/then keeps its links to the pasted copies only.
    let (paste, new) = paste_steps(&j, 0, &clip, None, "Paste").expect("paste");
    let mut k = j.clone();
    paste.apply(&mut k).expect("applies");
    let copy_of_3 = &k.versions[0].steps[&new[0]];
    assert_eq!(copy_of_3.action.targets(), vec![new[1], new[2]]);
    // Its event named step 1, outside the clip: kept as it was.
    assert_eq!(copy_of_3.action.event_step(), Some(StepId(1)));
}

#[test]
fn s7_stopping_is_final_and_stopped_versions_refuse_edits() {
    let mut doc = Document::new(welcome());
    doc.apply(Command::SetName("Before stop".to_owned()))
        .expect("applies");
    doc.apply(Command::StopVersion {
        version: 0,
        at: instant("2026-03-05T00:00:00Z"),
    })
    .expect("stops");
    assert_eq!(doc.undo_label(), None, "undo cannot reach back past a stop");
    assert!(!doc.undo());
    let before = doc.journey().clone();
    let refused = doc.apply(Command::RemoveStep {
        version: 0,
        id: StepId(9),
    });
    assert_eq!(refused, Err(EditError::VersionStopped(0)));
    assert_eq!(doc.journey(), &before);
    assert_eq!(
        Command::Irreversible.apply(&mut welcome()),
        Err(EditError::Irreversible)
    );
}

#[test]
fn a_failing_batch_leaves_the_journey_unchanged() {
    let j = welcome();
    let mut k = j.clone();
    let batch = Command::Batch(
        "Half".to_owned(),
        vec![
            Command::SetName("x".to_owned()),
            Command::RemoveStep {
                version: 0,
                id: StepId(99),
            },
        ],
    );
    assert!(batch.apply(&mut k).is_err());
    assert_eq!(k, j);
}

/// A command built from random numbers against the journey as it is now,
/// so most of them apply (the rest fail and change nothing).
#[allow(clippy::many_single_char_names)] // random numbers, named by position
fn command_for(j: &Journey, (op, a, b, x, y): (u8, u32, u32, i16, i16)) -> Command {
    // Undoing a push may empty a journey that had no version (an invalid file).
    let Some(v) = j.versions.len().checked_sub(1) else {
        return Command::PushVersion(welcome().versions[0].clone());
    };
    let version: &Version = &j.versions[v];
    let ids: Vec<StepId> = version.steps.keys().copied().collect();
    let pick = |n: u32| {
        ids.get(n as usize % ids.len().max(1))
            .copied()
            .unwrap_or(StepId(1))
    };
    let at = (f32::from(x), f32::from(y));
    match op % 12 {
        0 => Command::SetName(format!("name {a}")),
        1 => Command::AddStep {
            version: v,
            id: version.next_free_id(),
            step: default_step(ActionKind::ALL[b as usize % 7], at, None),
        },
        2 => Command::RemoveStep {
            version: v,
            id: pick(a),
        },
        3 => Command::MoveSteps {
            version: v,
            moves: vec![(pick(a), at), (pick(b), (at.1, at.0))],
        },
        4 => Command::Connect {
            version: v,
            from: pick(a),
            output: b as usize % 3,
            to: (x > 0).then(|| pick(b)),
        },
        5 => Command::SetFirstStep {
            version: v,
            id: pick(a),
        },
        6 => {
            let mut step = version
                .steps
                .get(&pick(a))
                .cloned()
                .unwrap_or_else(|| default_step(ActionKind::Wait, at, None));
            step.name = format!("step {b}");
            Command::SetStep {
                version: v,
                id: pick(a),
                step,
            }
        }
        7 => delete_steps(j, v, &[pick(a), pick(b)].into())
            .unwrap_or(Command::SetDescription(format!("{a}"))),
        8 => duplicate_steps(j, v, &[pick(a)].into())
            .map_or(Command::SetDescription(format!("{b}")), |(c, _)| c),
        9 => Command::PushVersion(version.clone()),
        10 => Command::PopVersion,
        _ => Command::SetGoal((a % 2 == 0).then(|| Goal::new(format!("t{b}")))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_undo_all_to_the_original_and_redo_all_to_the_end(
        ops in proptest::collection::vec((any::<u8>(), any::<u32>(), any::<u32>(), -500i16..500, -500i16..500), 1..40)
    ) {
        let original = welcome();
        let mut doc = Document::new(original.clone());
        let mut applied = 0;
        for op in ops {
            let command = command_for(doc.journey(), op);
            if doc.apply(command).is_ok() {
                applied += 1;
            }
        }
        let end = doc.journey().clone();
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        prop_assert_eq!(undone, applied);
        prop_assert_eq!(doc.journey(), &original);
        while doc.redo() {}
        prop_assert_eq!(doc.journey(), &end);
    }
}

#[test]
fn new_ids_past_u32_max_reuse_unused_ones() {
    let mut j = welcome();
    let v = &mut j.versions[0];
    let step = v.steps.remove(&StepId(9)).expect("step 9");
    v.steps.insert(StepId(u32::MAX), step);
    assert_eq!(v.next_free_id(), StepId(9));
    assert_eq!(v.free_ids(3), [StepId(9), StepId(10), StepId(11)]);
    let mut k = welcome();
    k.versions[0].steps.clear();
    assert_eq!(k.versions[0].free_ids(2), [StepId(1), StepId(2)]);
}
