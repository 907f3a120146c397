//! The window: owns the document and the view state, lays out the panels,
//! routes what the user did to `edit` and persists view state with eframe.
//!
//! One pattern: whatever reads or changes the app's state is a method on
//! [`JourneyApp`], written in the file of its concept (`files/ops.rs`,
//! `simulation/frame.rs`, `menu.rs`, ...); free functions only compute
//! values from values (a title, a CSV table, the command for a canvas
//! action) and never take the app. Sub-states (`Files`, `Run`,
//! `Validation`) keep their own methods.

pub mod actions;
pub mod background;
pub mod compare;
pub mod crash;
mod edit_menu;
pub mod estimate;
pub mod export;
pub mod files;
pub mod icon;
mod menu;
mod panels;
pub mod planner;
pub mod sample;
pub mod screenshot;
pub mod sensitivity;
mod shortcuts;
pub mod simulation;
pub mod slot;
mod status;
#[cfg(test)]
mod tests;
pub mod title;
pub mod validation;
pub mod view;
mod window;

use std::path::PathBuf;

use crate::edit::{Command, Document};
use crate::model::{Problem, VersionState};
use crate::store::autosave::AutosaveError;
use crate::ui::canvas::Canvas;
use crate::ui::inspector::InspectorState;
use screenshot::Screenshot;
use slot::Slot;
use validation::Validation;
pub use view::{Theme, ViewState};
pub use window::{Launch, WindowError, run_window};

/// The Journey Designer window.
pub struct JourneyApp {
    /// The journey being edited, with its undo history.
    pub doc: Document,
    /// Pan/zoom, selection and gestures on the canvas.
    pub canvas: Canvas,
    /// Persisted view state.
    pub view: ViewState,
    /// The last message for the user (errors are said once, here); it
    /// goes after [`status::STATUS_SECONDS`].
    pub status: Option<String>,
    /// The message in the status bar and when it appeared (egui's clock).
    status_shown: Option<status::Shown>,
    /// What this app last copied, for pastes where the platform gives no text.
    pub clipboard: Option<String>,
    /// Set in screenshot mode.
    pub screenshot: Option<Screenshot>,
    /// Open tab and in-progress field edits of the inspector.
    pub inspector: InspectorState,
    /// Dialogs, autosave and the prompts about files.
    pub files: files::Files,
    /// The latest simulation, the worker and the playhead (issue 6).
    pub run: simulation::Run,
    /// What moves the goal rate: the chart and its computation.
    pub sensitivity: sensitivity::SensitivityRun,
    /// The A/B planner of the Step tab: the plan shown and its computation.
    pub planner: planner::Planner,
    /// Start a run on the next frame (`--run`).
    pub run_on_start: bool,
    /// The comparison shown and the one in flight ("Compare with…").
    pub compare: compare::Comparison,
    /// A comparison to start on the next frame (chosen in a dialog, or by the screenshot mode).
    pub compare_pending: Option<compare::Source>,
    /// Where the next export goes instead of asking (tests, scripts).
    pub export_path: Option<PathBuf>,
    /// The canvas's screen rectangle last frame.
    pub canvas_rect: egui::Rect,
    /// The journey's problems, validated once per document revision.
    pub validation: Validation,
    /// The word before a long run, estimated once per revision and customer count.
    pub long_run: estimate::LongRun,
    /// An error met after the window closed, for `main` to say.
    exit_error: Slot<AutosaveError>,
    theme_applied: Option<Theme>,
}

impl JourneyApp {
    /// An app showing `doc`.
    pub fn new(doc: Document, view: ViewState) -> Self {
        JourneyApp {
            doc,
            canvas: Canvas::default(),
            view,
            status: None,
            status_shown: None,
            clipboard: None,
            screenshot: None,
            inspector: InspectorState::default(),
            files: files::Files::default(),
            run: simulation::Run::default(),
            sensitivity: sensitivity::SensitivityRun::default(),
            planner: planner::Planner::default(),
            run_on_start: false,
            compare: compare::Comparison::default(),
            compare_pending: None,
            export_path: None,
            canvas_rect: egui::Rect::NOTHING,
            validation: Validation::default(),
            long_run: estimate::LongRun::default(),
            exit_error: Slot::default(),
            theme_applied: None,
        }
    }

    /// The app at start-up: `file` if given, else the last file, else the
    /// welcome series; native dialogs, autosave in the user's data folder.
    pub fn start(file: Option<PathBuf>, view: ViewState) -> Self {
        Self::start_with(file, view, files::Files::for_window())
    }

    /// The version the canvas shows and edits: the last one.
    pub fn version_index(&self) -> usize {
        self.doc.journey().current_index().unwrap_or(0)
    }

    /// The journey's problems at the current revision (validated at most
    /// once per revision, shared by the canvas, inspector and problems list).
    pub fn problems(&mut self) -> &[Problem] {
        self.validation.problems(&self.doc)
    }

    /// True when the shown version is stopped (read-only, S7).
    pub fn read_only(&self) -> bool {
        matches!(
            self.doc.journey().version_state(self.version_index()),
            VersionState::Stopped { .. }
        )
    }

    /// Applies `command` to the document, or says once why not
    /// ("`failed`: reason"). Returns true when it was applied.
    pub fn apply_command(&mut self, command: Command, failed: &str) -> bool {
        match self.doc.apply(command) {
            Ok(()) => true,
            Err(e) => {
                self.status = Some(format!("{failed}: {e}"));
                false
            }
        }
    }

    /// Undoes the last change and says so.
    pub fn undo(&mut self) {
        let label = self.doc.undo_label().map(str::to_owned);
        if self.doc.undo() {
            self.status = label.map(|l| format!("Undid: {l}"));
        }
    }

    /// Redoes the last undone change and says so.
    pub fn redo(&mut self) {
        let label = self.doc.redo_label().map(str::to_owned);
        if self.doc.redo() {
            self.status = label.map(|l| format!("Redid: {l}"));
        }
    }
}
