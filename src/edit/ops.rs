//! Commands built from a user's intent on the canvas: add a step of a kind,
//! delete steps (and the links to them), duplicate, auto-placed paste.
//!
//! Each builder reads the journey and returns one [`Command`] (a `Batch`
//! when it takes several changes), so each is one undo step.

use std::collections::{BTreeMap, BTreeSet};

use super::clip::JourneySteps;
use super::command::{Command, VersionIndex};
use crate::model::{
    Action, ActionKind, Channel, Condition, Event, Journey, Rule, Span, Step, StepId, Variant,
};

/// A new step of `kind` at `at`, with settings a marketer would start from.
///
/// `last_message` is the version's most recent message step, so that an
/// if/then step can wait for it to be opened.
/// Its name is the one its settings give it (`super::kinds::auto_name`),
/// which follows them until the user renames it.
pub fn default_step(kind: ActionKind, at: (f32, f32), last_message: Option<StepId>) -> Step {
    let action = default_action(kind, last_message);
    Step {
        name: super::kinds::auto_name(&action),
        at,
        action,
    }
}

/// The action of [`default_step`]: every path leads nowhere yet.
pub(super) fn default_action(kind: ActionKind, last_message: Option<StepId>) -> Action {
    match kind {
        ActionKind::Message => Action::Message {
            channel: Channel::Email,
            content: String::new(),
            transactional: false,
            next: None,
        },
        ActionKind::Wait => Action::Wait {
            span: Span::Days(1),
            next: None,
        },
        ActionKind::WaitUntil => Action::WaitUntil {
            instant: chrono::DateTime::UNIX_EPOCH,
            next: None,
        },
        ActionKind::WaitUntilTime => Action::WaitUntilTime {
            time: crate::model::LocalTime::clamped(9, 0),
            weekdays: Vec::new(),
            next: None,
        },
        ActionKind::Branch => Action::Branch {
            rules: vec![Rule {
                when: Condition::InSegment("vip".to_owned()),
                next: None,
            }],
            otherwise: None,
        },
        ActionKind::IfThen => Action::IfThen {
            event: last_message.map_or(Event::Trigger("purchased".to_owned()), Event::Opened),
            within: Span::Days(3),
            yes: None,
            no: None,
        },
        ActionKind::AbTest => Action::AbTest {
            variants: vec![half("A"), half("B")],
            decide: None,
        },
        ActionKind::ChannelOptimization => Action::ChannelOptimization {
            channels: vec![Channel::Email, Channel::Sms, Channel::Push],
            content: String::new(),
            next: None,
        },
    }
}

/// An A/B variant that gets half the customers and leads nowhere yet.
fn half(name: &str) -> Variant {
    Variant {
        name: name.to_owned(),
        percent: 50.0,
        next: None,
    }
}

/// Adds a new step of `kind` at `at`; returns the command and the new id.
pub fn add_step(
    journey: &Journey,
    version: VersionIndex,
    kind: ActionKind,
    at: (f32, f32),
) -> Option<(Command, StepId)> {
    let v = journey.versions.get(version)?;
    let id = v.next_free_id();
    let last_message = v
        .steps
        .iter()
        .rev()
        .find(|(_, s)| s.action.kind() == ActionKind::Message)
        .map(|(id, _)| *id);
    let mut step = default_step(kind, at, last_message);
    if let Action::WaitUntil { instant, .. } = &mut step.action {
        // Until the end of the journey's first day, not 1970.
        *instant = crate::model::end_of_day(journey.start.starts_at);
    }
    Some((Command::AddStep { version, id, step }, id))
}

/// Deletes steps, first pointing every link to them at the end of the path.
///
/// If the first step goes, the first remaining step it led to becomes first.
pub fn delete_steps(
    journey: &Journey,
    version: VersionIndex,
    ids: &BTreeSet<StepId>,
) -> Option<Command> {
    let v = journey.versions.get(version)?;
    let ids: BTreeSet<StepId> = ids
        .iter()
        .copied()
        .filter(|id| v.steps.contains_key(id))
        .collect();
    if ids.is_empty() || ids.len() == v.steps.len() {
        // A version keeps at least one step to start from.
        return None;
    }
    let mut commands = Vec::new();
    for (from, step) in &v.steps {
        if ids.contains(from) {
            continue;
        }
        for (output, out) in step.action.outputs().iter().enumerate() {
            if out.target.is_some_and(|t| ids.contains(&t)) {
                commands.push(Command::Connect {
                    version,
                    from: *from,
                    output,
                    to: None,
                });
            }
        }
    }
    if ids.contains(&v.first_step) {
        let successor = follow_out_of(v, v.first_step, &ids)
            .or_else(|| v.steps.keys().copied().find(|id| !ids.contains(id)));
        if let Some(id) = successor {
            commands.push(Command::SetFirstStep { version, id });
        }
    }
    commands.extend(ids.iter().map(|&id| Command::RemoveStep { version, id }));
    let label = if ids.len() == 1 {
        let name = v
            .steps
            .get(&ids.iter().next().copied()?)
            .map(|s| s.name.as_str());
        format!("Delete '{}'", name.unwrap_or("step"))
    } else {
        format!("Delete {} steps", ids.len())
    };
    Some(Command::Batch(label, commands))
}

/// The first step outside `gone` reached from `from` through steps in `gone`.
fn follow_out_of(
    v: &crate::model::Version,
    from: StepId,
    gone: &BTreeSet<StepId>,
) -> Option<StepId> {
    let mut queue = std::collections::VecDeque::from([from]);
    let mut seen = BTreeSet::from([from]);
    while let Some(id) = queue.pop_front() {
        for t in v.steps.get(&id)?.action.targets() {
            if !gone.contains(&t) && v.steps.contains_key(&t) {
                return Some(t);
            }
            if seen.insert(t) {
                queue.push_back(t);
            }
        }
    }
    None
}

/// The selected steps as a clip (what Copy puts on the clipboard).
pub fn copy_steps(
    journey: &Journey,
    version: VersionIndex,
    ids: &BTreeSet<StepId>,
) -> JourneySteps {
    let steps = journey
        .versions
        .get(version)
        .map(|v| {
            v.steps
                .iter()
                .filter(|(id, _)| ids.contains(id))
                .map(|(id, s)| (*id, s.clone()))
                .collect()
        })
        .unwrap_or_default();
    JourneySteps { steps }
}

/// Adds the clip's steps under fresh ids; returns the command and the new ids.
///
/// Links between pasted steps follow them; links to steps outside the clip
/// are cleared (they may not exist here, or mean another step). With `at`,
/// the clip's top-left card lands there; without, it lands 40 units down-right
/// of where it was copied from.
pub fn paste_steps(
    journey: &Journey,
    version: VersionIndex,
    clip: &JourneySteps,
    at: Option<(f32, f32)>,
    label: &str,
) -> Option<(Command, Vec<StepId>)> {
    let v = journey.versions.get(version)?;
    if clip.steps.is_empty() {
        return None;
    }
    let fresh = v.free_ids(clip.steps.len());
    if fresh.len() < clip.steps.len() {
        return None;
    }
    let mapping: BTreeMap<StepId, StepId> = clip.steps.keys().copied().zip(fresh).collect();
    let min_x = clip
        .steps
        .values()
        .map(|s| s.at.0)
        .fold(f32::INFINITY, f32::min);
    let min_y = clip
        .steps
        .values()
        .map(|s| s.at.1)
        .fold(f32::INFINITY, f32::min);
    let (dx, dy) = match at {
        Some((x, y)) => (x - min_x, y - min_y),
        None => (40.0, 40.0),
    };
    let mut commands = Vec::new();
    for (old, step) in &clip.steps {
        let mut step = step.clone();
        step.at = (step.at.0 + dx, step.at.1 + dy);
        remap(&mut step.action, &mapping);
        commands.push(Command::AddStep {
            version,
            id: mapping[old],
            step,
        });
    }
    let ids = mapping.values().copied().collect();
    Some((Command::Batch(label.to_owned(), commands), ids))
}

/// Points links inside the clip at the new ids and clears the others.
fn remap(action: &mut Action, mapping: &BTreeMap<StepId, StepId>) {
    let n = action.outputs().len();
    for i in 0..n {
        if let Some(slot) = action.output_mut(i) {
            *slot = slot.and_then(|t| mapping.get(&t).copied());
        }
    }
    if let Action::IfThen { event, .. } = action {
        match event {
            Event::Delivered(id) | Event::Opened(id) | Event::Clicked(id) => {
                if let Some(new) = mapping.get(id) {
                    *id = *new;
                }
            }
            Event::Trigger(_) | Event::JoinedSegment(_) => {}
        }
    }
}

/// Duplicates steps 40 units down-right (Ctrl+D); returns the command and new ids.
pub fn duplicate_steps(
    journey: &Journey,
    version: VersionIndex,
    ids: &BTreeSet<StepId>,
) -> Option<(Command, Vec<StepId>)> {
    let clip = copy_steps(journey, version, ids);
    let label = if clip.steps.len() == 1 {
        "Duplicate step".to_owned()
    } else {
        format!("Duplicate {} steps", clip.steps.len())
    };
    paste_steps(journey, version, &clip, None, &label)
}
