//! The one place where what the user did on the canvas becomes
//! `edit::Command`s applied to the document: [`plan`] works out the command
//! (a pure function of the journey), [`JourneyApp::apply_canvas_actions`]
//! applies it and does the rest (selection, clipboard, status line).

use std::collections::BTreeSet;

use egui::Ui;

use super::JourneyApp;
use crate::edit::{self, Command, JourneySteps};
use crate::model::{Journey, StepId};
use crate::ui::canvas::{CanvasAction, layout};

/// What a canvas action comes to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// The change to the document, if any.
    pub command: Option<Command>,
    /// The steps to select once the command is applied (new or pasted ones).
    pub select: Option<BTreeSet<StepId>>,
    /// Text to put on the clipboard.
    pub copied: Option<String>,
    /// A message for the status line (an error said once, in words).
    pub message: Option<String>,
}

impl Plan {
    /// Just a change to the document.
    fn change(command: Option<Command>) -> Plan {
        Plan {
            command,
            ..Plan::default()
        }
    }

    /// A change that adds steps, which are then selected.
    fn adding(added: Option<(Command, Vec<StepId>)>) -> Plan {
        match added {
            Some((command, ids)) => Plan {
                command: Some(command),
                select: Some(ids.into_iter().collect()),
                ..Plan::default()
            },
            None => Plan::default(),
        }
    }

    /// Nothing changes; `message` says why.
    fn refused(message: String) -> Plan {
        Plan {
            message: Some(message),
            ..Plan::default()
        }
    }
}

/// What `action` on `version` of `journey` comes to. `clipboard` is the text
/// the app last copied, used when the platform gives no text on paste.
pub fn plan(
    journey: &Journey,
    version: usize,
    action: CanvasAction,
    clipboard: Option<&str>,
) -> Plan {
    match action {
        CanvasAction::Add { kind, at } => {
            Plan::adding(edit::add_step(journey, version, kind, at).map(|(c, id)| (c, vec![id])))
        }
        CanvasAction::Move(moves) => Plan::change(Some(Command::MoveSteps { version, moves })),
        CanvasAction::Connect { from, output, to } => Plan::change(Some(Command::Connect {
            version,
            from,
            output,
            to,
        })),
        CanvasAction::SetFirst(id) => Plan::change(Some(Command::SetFirstStep { version, id })),
        CanvasAction::Delete(ids) => match edit::delete_steps(journey, version, &ids) {
            Some(command) => Plan::change(Some(command)),
            None => Plan::refused("A journey keeps at least one step.".to_owned()),
        },
        CanvasAction::Duplicate(ids) => Plan::adding(duplicate(journey, version, &ids)),
        CanvasAction::Copy(ids) | CanvasAction::Cut(ids) if ids.is_empty() => Plan::default(),
        CanvasAction::Copy(ids) => copy(&edit::copy_steps(journey, version, &ids)),
        CanvasAction::Cut(ids) => cut(journey, version, &ids),
        CanvasAction::Paste { text, at } => {
            paste(journey, version, text.as_deref().or(clipboard), at)
        }
        CanvasAction::AddVersion => Plan::change(first_version(journey)),
        CanvasAction::AutoLayout => Plan::change(auto_layout(journey, version)),
    }
}

/// Copies `clip` as RON text.
fn copy(clip: &JourneySteps) -> Plan {
    match clip.to_ron() {
        Ok(text) => Plan {
            copied: Some(text),
            ..Plan::default()
        },
        Err(e) => Plan::refused(e.to_string()),
    }
}

/// Duplicates the steps as a paste would: beside them, "... (copy)".
fn duplicate(
    journey: &Journey,
    version: usize,
    ids: &BTreeSet<StepId>,
) -> Option<(Command, Vec<StepId>)> {
    let clip = edit::copy_steps(journey, version, ids);
    let label = if clip.steps.len() == 1 {
        "Duplicate step".to_owned()
    } else {
        format!("Duplicate {} steps", clip.steps.len())
    };
    let (clip, at) = clip.for_paste(journey.versions.get(version)?, None);
    edit::paste_steps(journey, version, &clip, at, &label)
}

/// Copies the steps, then deletes them as one "Cut" undo step.
fn cut(journey: &Journey, version: usize, ids: &BTreeSet<StepId>) -> Plan {
    let copied = copy(&edit::copy_steps(journey, version, ids));
    let command = edit::delete_steps(journey, version, ids).map(|c| match c {
        Command::Batch(_, commands) => {
            let label = if ids.len() == 1 {
                "Cut step".to_owned()
            } else {
                format!("Cut {} steps", ids.len())
            };
            Command::Batch(label, commands)
        }
        other => other,
    });
    Plan { command, ..copied }
}

/// Pastes RON `text` (from the platform or this app's clipboard) at `at`.
fn paste(journey: &Journey, version: usize, text: Option<&str>, at: Option<(f32, f32)>) -> Plan {
    match text.map(JourneySteps::from_ron) {
        Some(Ok(clip)) => {
            let Some(shown) = journey.versions.get(version) else {
                return Plan::default();
            };
            // Beside the originals, named "... (copy)" where the name is taken.
            let (clip, at) = clip.for_paste(shown, at);
            Plan::adding(edit::paste_steps(journey, version, &clip, at, "Paste"))
        }
        Some(Err(e)) => Plan::refused(e.to_string()),
        None => Plan::default(),
    }
}

/// A first, empty version for a journey that has none.
fn first_version(journey: &Journey) -> Option<Command> {
    Journey::new_empty("", journey.start.starts_at)
        .versions
        .pop()
        .map(|v| Command::Batch("Add version 1".to_owned(), vec![Command::PushVersion(v)]))
}

/// Moves every step of `version` to the automatic layout, as one undo step.
fn auto_layout(journey: &Journey, version: usize) -> Option<Command> {
    journey.versions.get(version).map(|v| {
        Command::Batch(
            "Auto-layout".to_owned(),
            vec![Command::MoveSteps {
                version,
                moves: layout::auto_layout(v),
            }],
        )
    })
}

impl JourneyApp {
    /// Applies what the user did on the canvas (or asked for in a menu).
    pub(crate) fn apply_canvas_actions(&mut self, ui: &Ui, actions: Vec<CanvasAction>) {
        let version = self.version_index();
        for action in actions {
            let plan = plan(
                self.doc.journey(),
                version,
                action,
                self.clipboard.as_deref(),
            );
            self.carry_out(ui, plan);
        }
    }

    /// Does what `plan` says; a failed change's reason wins the status line.
    fn carry_out(&mut self, ui: &Ui, plan: Plan) {
        if plan.message.is_some() {
            self.status = plan.message;
        }
        if let Some(text) = plan.copied {
            ui.ctx().copy_text(text.clone());
            self.clipboard = Some(text);
        }
        if let Some(command) = plan.command
            && self.apply_command(command, "Could not change the journey")
            && let Some(ids) = plan.select
        {
            self.canvas.selection = ids;
        }
    }
}
