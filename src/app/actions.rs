//! The one place where what the user did on the canvas becomes
//! `edit::Command`s applied to the document.

use std::collections::BTreeSet;

use crate::edit::{self, Command, Document, JourneySteps};
use crate::model::{Journey, StepId};
use crate::ui::canvas::{Canvas, CanvasAction, layout};

/// What applying an action asks of the app besides the document change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effect {
    /// Text to put on the clipboard.
    pub copied: Option<String>,
    /// A message for the status line (an error said once, in words).
    pub message: Option<String>,
}

/// Applies a canvas action to the document. `clipboard` is the text the app
/// last copied, used when the platform gives no text on paste.
pub fn apply(
    doc: &mut Document,
    canvas: &mut Canvas,
    version: usize,
    action: CanvasAction,
    clipboard: Option<&str>,
) -> Effect {
    let journey = doc.journey();
    let mut effect = Effect::default();
    let mut select: Option<BTreeSet<StepId>> = None;
    let command: Option<Command> = match action {
        CanvasAction::Add { kind, at } => {
            edit::add_step(journey, version, kind, at).map(|(c, id)| {
                select = Some([id].into());
                c
            })
        }
        CanvasAction::Move(moves) => Some(Command::MoveSteps { version, moves }),
        CanvasAction::Connect { from, output, to } => Some(Command::Connect {
            version,
            from,
            output,
            to,
        }),
        CanvasAction::SetFirst(id) => Some(Command::SetFirstStep { version, id }),
        CanvasAction::Delete(ids) => {
            let c = edit::delete_steps(journey, version, &ids);
            if c.is_none() {
                effect.message = Some("A journey keeps at least one step.".to_owned());
            }
            c
        }
        CanvasAction::Duplicate(ids) => {
            edit::duplicate_steps(journey, version, &ids).map(|(c, new)| {
                select = Some(new.into_iter().collect());
                c
            })
        }
        CanvasAction::Copy(ids) | CanvasAction::Cut(ids) if ids.is_empty() => None,
        CanvasAction::Copy(ids) => {
            copy(&mut effect, &edit::copy_steps(journey, version, &ids));
            None
        }
        CanvasAction::Cut(ids) => {
            copy(&mut effect, &edit::copy_steps(journey, version, &ids));
            edit::delete_steps(journey, version, &ids).map(|c| match c {
                Command::Batch(_, cs) => Command::Batch(
                    if ids.len() == 1 {
                        "Cut step".to_owned()
                    } else {
                        format!("Cut {} steps", ids.len())
                    },
                    cs,
                ),
                other => other,
            })
        }
        CanvasAction::Paste { text, at } => {
            let text = text.as_deref().or(clipboard);
            match text.map(JourneySteps::from_ron) {
                Some(Ok(clip)) => {
                    edit::paste_steps(journey, version, &clip, at, "Paste").map(|(c, new)| {
                        select = Some(new.into_iter().collect());
                        c
                    })
                }
                Some(Err(e)) => {
                    effect.message = Some(e.to_string());
                    None
                }
                None => None,
            }
        }
        CanvasAction::AddVersion => Journey::new_empty("", journey.start.starts_at)
            .versions
            .pop()
            .map(|v| Command::Batch("Add version 1".to_owned(), vec![Command::PushVersion(v)])),
        CanvasAction::AutoLayout => journey.versions.get(version).map(|v| {
            Command::Batch(
                "Auto-layout".to_owned(),
                vec![Command::MoveSteps {
                    version,
                    moves: layout::auto_layout(v),
                }],
            )
        }),
    };
    if let Some(command) = command {
        match doc.apply(command) {
            Ok(()) => {
                if let Some(ids) = select {
                    canvas.selection = ids;
                }
            }
            Err(e) => effect.message = Some(format!("Could not change the journey: {e}")),
        }
    }
    effect
}

fn copy(effect: &mut Effect, clip: &JourneySteps) {
    match clip.to_ron() {
        Ok(text) => effect.copied = Some(text),
        Err(e) => effect.message = Some(e.to_string()),
    }
}
