//! `Command`: the only way a journey changes. Applying one returns its inverse.

use super::apply;
use crate::model::{
    Delivery, End, Goal, Holdout, Instant, Journey, Scenario, Start, Step, StepId, Version,
};

/// Which version a command acts on (0-based index into `Journey::versions`).
pub type VersionIndex = usize;

/// One change to a journey. `apply` returns the command that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Sets the journey's name.
    SetName(String),
    /// Sets the journey's description.
    SetDescription(String),
    /// Replaces the start settings.
    SetStart(Start),
    /// Replaces the end rules.
    SetEnd(End),
    /// Replaces the goal.
    SetGoal(Option<Goal>),
    /// Replaces the scenario.
    SetScenario(Scenario),
    /// Replaces the delivery rules: quiet hours and frequency caps (S18, S19).
    SetDelivery(Delivery),
    /// Replaces the holdout (S23).
    SetHoldout(Option<Holdout>),
    /// Adds a step under an unused id.
    AddStep {
        /// The version.
        version: VersionIndex,
        /// The new step's id.
        id: StepId,
        /// The step.
        step: Step,
    },
    /// Removes a step.
    RemoveStep {
        /// The version.
        version: VersionIndex,
        /// The step's id.
        id: StepId,
    },
    /// Replaces a step (rename, change of its action, move).
    SetStep {
        /// The version.
        version: VersionIndex,
        /// The step's id.
        id: StepId,
        /// The new step.
        step: Step,
    },
    /// Moves steps to new canvas positions (a whole drag is one command).
    MoveSteps {
        /// The version.
        version: VersionIndex,
        /// Each step and its new position.
        moves: Vec<(StepId, (f32, f32))>,
    },
    /// Points output `output` of step `from` at `to` (or at the end of the path).
    Connect {
        /// The version.
        version: VersionIndex,
        /// The step whose output changes.
        from: StepId,
        /// The output's index (see `Action::outputs`).
        output: usize,
        /// The new target.
        to: Option<StepId>,
    },
    /// Makes a step the version's first step.
    SetFirstStep {
        /// The version.
        version: VersionIndex,
        /// The new first step.
        id: StepId,
    },
    /// Appends a version (a new draft, or a published one).
    PushVersion(Version),
    /// Removes the last version.
    PopVersion,
    /// Sets when a version goes live (publishing a draft, or un-publishing it).
    SetPublishedAt {
        /// The version.
        version: VersionIndex,
        /// The instant, `None` for a draft.
        at: Option<Instant>,
    },
    /// Stops a version at an instant: final (S7). Its inverse is `Irreversible`.
    StopVersion {
        /// The version.
        version: VersionIndex,
        /// The stop instant.
        at: Instant,
    },
    /// Stands for "cannot be undone": applying it always fails.
    Irreversible,
    /// Several commands as one undo step, applied in order.
    Batch(String, Vec<Command>),
}

/// Why a command could not be applied. The journey is left as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// No version at that index.
    #[error("there is no version {}", .0 + 1)]
    NoSuchVersion(VersionIndex),
    /// No step with that id.
    #[error("there is no step {0}")]
    NoSuchStep(StepId),
    /// The id is taken.
    #[error("step {0} already exists")]
    StepExists(StepId),
    /// The step has no such output.
    #[error("step {0} has no output {1}")]
    NoSuchOutput(StepId, usize),
    /// The version is stopped, so it is read-only (S7).
    #[error("version {} is stopped: it can no longer be changed", .0 + 1)]
    VersionStopped(VersionIndex),
    /// The version is already stopped; stopping is final.
    #[error("version {} is already stopped", .0 + 1)]
    AlreadyStopped(VersionIndex),
    /// An undo that would reach back past a stop.
    #[error("stopping a version cannot be undone")]
    Irreversible,
    /// Removing a version when there is none.
    #[error("the journey has no version to remove")]
    LastVersion,
}

impl Command {
    /// What the command does, for "Undo …" menu entries.
    pub fn describe(&self) -> String {
        match self {
            Command::SetName(_) => "Rename journey".to_owned(),
            Command::SetDescription(_) => "Edit description".to_owned(),
            Command::SetStart(_) => "Edit start".to_owned(),
            Command::SetEnd(_) => "Edit end rules".to_owned(),
            Command::SetGoal(_) => "Edit goal".to_owned(),
            Command::SetScenario(_) => "Edit scenario".to_owned(),
            Command::SetDelivery(_) => "Edit delivery rules".to_owned(),
            Command::SetHoldout(_) => "Edit holdout".to_owned(),
            Command::AddStep { step, .. } => format!("Add '{}'", step.name),
            Command::RemoveStep { id, .. } => format!("Remove step {id}"),
            Command::SetStep { step, .. } => format!("Edit '{}'", step.name),
            Command::MoveSteps { moves, .. } if moves.len() == 1 => "Move step".to_owned(),
            Command::MoveSteps { moves, .. } => format!("Move {} steps", moves.len()),
            Command::Connect { to: Some(_), .. } => "Connect".to_owned(),
            Command::Connect { to: None, .. } => "Disconnect".to_owned(),
            Command::SetFirstStep { .. } => "Set first step".to_owned(),
            Command::PushVersion(_) => "Add version".to_owned(),
            Command::PopVersion => "Remove version".to_owned(),
            Command::SetPublishedAt { at: Some(_), .. } => "Publish version".to_owned(),
            Command::SetPublishedAt { at: None, .. } => "Unpublish version".to_owned(),
            Command::StopVersion { .. } => "Stop version".to_owned(),
            Command::Irreversible => "Irreversible".to_owned(),
            Command::Batch(label, _) => label.clone(),
        }
    }

    /// Applies the command and returns its inverse; on error nothing changed.
    pub fn apply(self, journey: &mut Journey) -> Result<Command, EditError> {
        use std::mem::replace;
        Ok(match self {
            Command::SetName(name) => Command::SetName(replace(&mut journey.name, name)),
            Command::SetDescription(text) => {
                Command::SetDescription(replace(&mut journey.description, text))
            }
            Command::SetStart(start) => Command::SetStart(replace(&mut journey.start, start)),
            Command::SetEnd(end) => Command::SetEnd(replace(&mut journey.end, end)),
            Command::SetGoal(goal) => Command::SetGoal(replace(&mut journey.goal, goal)),
            Command::SetScenario(s) => Command::SetScenario(replace(&mut journey.scenario, s)),
            Command::SetDelivery(d) => Command::SetDelivery(replace(&mut journey.delivery, d)),
            Command::SetHoldout(h) => Command::SetHoldout(replace(&mut journey.holdout, h)),
            Command::AddStep { version, id, step } => apply::add_step(journey, version, id, step)?,
            Command::RemoveStep { version, id } => apply::remove_step(journey, version, id)?,
            Command::SetStep { version, id, step } => apply::set_step(journey, version, id, step)?,
            Command::MoveSteps { version, moves } => apply::move_steps(journey, version, moves)?,
            Command::Connect {
                version,
                from,
                output,
                to,
            } => apply::connect(journey, version, from, output, to)?,
            Command::SetFirstStep { version, id } => {
                let v = apply::editable(journey, version)?;
                let old = replace(&mut v.first_step, id);
                Command::SetFirstStep { version, id: old }
            }
            Command::PushVersion(v) => {
                journey.versions.push(v);
                Command::PopVersion
            }
            Command::PopVersion => apply::pop_version(journey)?,
            Command::SetPublishedAt { version, at } => {
                let v = apply::editable(journey, version)?;
                let old = replace(&mut v.published_at, at);
                Command::SetPublishedAt { version, at: old }
            }
            Command::StopVersion { version, at } => apply::stop_version(journey, version, at)?,
            Command::Irreversible => return Err(EditError::Irreversible),
            Command::Batch(label, commands) => apply::batch(journey, label, commands)?,
        })
    }

    /// True when this command (or one in its batch) cannot be undone.
    pub fn is_irreversible(&self) -> bool {
        match self {
            Command::Irreversible => true,
            Command::Batch(_, commands) => commands.iter().any(Command::is_irreversible),
            _ => false,
        }
    }
}
