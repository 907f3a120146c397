//! How the commands that touch steps and versions apply: each returns the
//! inverse command, or an error with the journey left as it was.

use std::mem::replace;

use super::command::{Command, EditError, VersionIndex};
use crate::model::{Instant, Journey, Step, StepId, Version};

/// The version at `index`.
fn version_mut(journey: &mut Journey, index: VersionIndex) -> Result<&mut Version, EditError> {
    journey
        .versions
        .get_mut(index)
        .ok_or(EditError::NoSuchVersion(index))
}

/// The version at `index`, if it may be edited (not stopped).
pub(super) fn editable(
    journey: &mut Journey,
    index: VersionIndex,
) -> Result<&mut Version, EditError> {
    let v = version_mut(journey, index)?;
    if v.stopped_at.is_some() {
        return Err(EditError::VersionStopped(index));
    }
    Ok(v)
}

pub(super) fn add_step(
    journey: &mut Journey,
    version: VersionIndex,
    id: StepId,
    step: Step,
) -> Result<Command, EditError> {
    let v = editable(journey, version)?;
    if v.steps.contains_key(&id) {
        return Err(EditError::StepExists(id));
    }
    v.steps.insert(id, step);
    Ok(Command::RemoveStep { version, id })
}

pub(super) fn remove_step(
    journey: &mut Journey,
    version: VersionIndex,
    id: StepId,
) -> Result<Command, EditError> {
    let v = editable(journey, version)?;
    let step = v.steps.remove(&id).ok_or(EditError::NoSuchStep(id))?;
    Ok(Command::AddStep { version, id, step })
}

pub(super) fn set_step(
    journey: &mut Journey,
    version: VersionIndex,
    id: StepId,
    step: Step,
) -> Result<Command, EditError> {
    let v = editable(journey, version)?;
    let slot = v.steps.get_mut(&id).ok_or(EditError::NoSuchStep(id))?;
    let old = replace(slot, step);
    Ok(Command::SetStep {
        version,
        id,
        step: old,
    })
}

pub(super) fn move_steps(
    journey: &mut Journey,
    version: VersionIndex,
    moves: Vec<(StepId, (f32, f32))>,
) -> Result<Command, EditError> {
    let v = editable(journey, version)?;
    if let Some((id, _)) = moves.iter().find(|(id, _)| !v.steps.contains_key(id)) {
        return Err(EditError::NoSuchStep(*id));
    }
    let mut old = Vec::with_capacity(moves.len());
    // Undo in reverse order so that repeated ids come back right.
    for (id, at) in moves {
        if let Some(step) = v.steps.get_mut(&id) {
            old.push((id, replace(&mut step.at, at)));
        }
    }
    old.reverse();
    Ok(Command::MoveSteps {
        version,
        moves: old,
    })
}

pub(super) fn connect(
    journey: &mut Journey,
    version: VersionIndex,
    from: StepId,
    output: usize,
    to: Option<StepId>,
) -> Result<Command, EditError> {
    let v = editable(journey, version)?;
    let step = v.steps.get_mut(&from).ok_or(EditError::NoSuchStep(from))?;
    let slot = step
        .action
        .output_mut(output)
        .ok_or(EditError::NoSuchOutput(from, output))?;
    let old = replace(slot, to);
    Ok(Command::Connect {
        version,
        from,
        output,
        to: old,
    })
}

pub(super) fn pop_version(journey: &mut Journey) -> Result<Command, EditError> {
    // Only ever the inverse of a push (the window offers no
    // "remove version"), so it may empty a journey that was empty.
    let (Some(index), Some(current)) = (journey.current_index(), journey.current_version()) else {
        return Err(EditError::LastVersion);
    };
    if current.stopped_at.is_some() {
        return Err(EditError::VersionStopped(index));
    }
    let v = journey.versions.pop().ok_or(EditError::LastVersion)?;
    Ok(Command::PushVersion(v))
}

pub(super) fn stop_version(
    journey: &mut Journey,
    version: VersionIndex,
    at: Instant,
) -> Result<Command, EditError> {
    let v = version_mut(journey, version)?;
    if v.stopped_at.is_some() {
        return Err(EditError::AlreadyStopped(version));
    }
    v.stopped_at = Some(at);
    Ok(Command::Irreversible)
}

/// Applies `commands` in order; if one fails, those applied are undone.
pub(super) fn batch(
    journey: &mut Journey,
    label: String,
    commands: Vec<Command>,
) -> Result<Command, EditError> {
    let mut inverses = Vec::with_capacity(commands.len());
    for command in commands {
        match command.apply(journey) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                // Roll back what was applied so the journey is unchanged; the
                // inverse of a command just applied always applies.
                for inverse in inverses.into_iter().rev() {
                    let _undone = inverse.apply(journey);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(label, inverses))
}
