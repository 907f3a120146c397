//! The window: owns the document and the view state, lays out the panels,
//! routes what the user did to `edit` and persists view state with eframe.

pub mod actions;
pub mod autosave_timer;
pub mod export;
pub mod file_dialogs;
mod file_menu;
pub mod file_ops;
pub mod files;
mod menu;
mod prompts;
pub mod run;
mod runner;
pub mod sample;
pub mod screenshot;
mod shortcuts;
#[cfg(test)]
mod tests;
pub mod title;
pub mod view;
pub mod worker;

use std::path::PathBuf;

use egui::Ui;

use crate::edit::Document;
use crate::model::VersionState;
use crate::ui::canvas::{
    Canvas, CanvasInput, canvas_ui, palette::palette_ui, problems::problems_ui,
};
use crate::ui::inspector::{InspectorState, inspector_ui};
use screenshot::Screenshot;
pub use view::{Theme, ViewState};

/// The Journey Designer window.
pub struct JourneyApp {
    /// The journey being edited, with its undo history.
    pub doc: Document,
    /// Pan/zoom, selection and gestures on the canvas.
    pub canvas: Canvas,
    /// Persisted view state.
    pub view: ViewState,
    /// The last message for the user (errors are said once, here).
    pub status: Option<String>,
    /// What this app last copied, for pastes where the platform gives no text.
    pub clipboard: Option<String>,
    /// Set in screenshot mode.
    pub screenshot: Option<Screenshot>,
    /// Open tab and in-progress field edits of the inspector.
    pub inspector: InspectorState,
    /// Dialogs, autosave and the prompts about files.
    pub files: files::Files,
    /// The latest simulation, the worker and the playhead (issue 6).
    pub run: run::Run,
    /// Start a run on the next frame (`--run`).
    pub run_on_start: bool,
    /// Where the next export goes instead of asking (tests, scripts).
    pub export_path: Option<PathBuf>,
    /// The canvas's screen rectangle last frame (for the PNG export).
    pub canvas_rect: egui::Rect,
    capture_message: runner::Pending,
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
            clipboard: None,
            screenshot: None,
            inspector: InspectorState::default(),
            files: files::Files::default(),
            run: run::Run::default(),
            run_on_start: false,
            export_path: None,
            canvas_rect: egui::Rect::NOTHING,
            capture_message: runner::Pending::default(),
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
        self.doc.journey().versions.len().saturating_sub(1)
    }

    /// True when the shown version is stopped (read-only, S7).
    pub fn read_only(&self) -> bool {
        matches!(
            self.doc.journey().version_state(self.version_index()),
            VersionState::Stopped { .. }
        )
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

    /// The whole window's contents (no `eframe::Frame` needed, so tests drive it).
    pub fn ui_main(&mut self, ui: &mut Ui) {
        if self.theme_applied != Some(self.view.theme) {
            ui.ctx().set_theme(self.view.theme.preference());
            self.theme_applied = Some(self.view.theme);
        }
        shortcuts::shortcuts(ui, self);
        egui::Panel::top("menu").show(ui, |ui| menu::menu_ui(ui, self));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        self.runner_frame(ui);
        // The analytics panel takes the problems list's place while it is open.
        if !self.view.hide_problems && !self.run.ui.show_analytics {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(110.0)
                .show(ui, |ui| self.problems_panel_ui(ui));
        }
        let read_only = self.read_only();
        egui::Panel::left("palette")
            .default_size(180.0)
            .show(ui, |ui| {
                let actions = palette_ui(ui, &mut self.canvas, read_only);
                self.apply_actions(ui, actions);
            });
        if !self.view.hide_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(340.0)
                .size_range(300.0..=640.0)
                .show(ui, |ui| {
                    // Fill the panel: a panel shrinks to its content, and wrapped
                    // text would otherwise narrow it frame after frame.
                    ui.set_min_width(ui.available_width());
                    let selected = (self.canvas.selection.len() == 1)
                        .then(|| self.canvas.selection.first().copied())
                        .flatten();
                    let version = self.version_index();
                    let commands = inspector_ui(
                        ui,
                        &mut self.inspector,
                        self.doc.journey(),
                        version,
                        selected,
                    );
                    for command in commands {
                        if let Err(e) = self.doc.apply(command) {
                            self.status = Some(format!("Could not change the journey: {e}"));
                        }
                    }
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.canvas_rect = ui.max_rect();
            let journey = self.doc.journey();
            let problems = crate::model::validate(journey);
            let input = CanvasInput {
                journey,
                problems: &problems,
                overlay: self.run.overlay.as_ref(),
                document: self.doc.id(),
                revision: self.doc.revision(),
                version: self.version_index(),
                read_only,
            };
            let actions = canvas_ui(ui, &mut self.canvas, &input);
            self.apply_actions(ui, actions);
        });
        prompts::files_ui(ui, self);
    }

    fn apply_actions(&mut self, ui: &Ui, actions: Vec<crate::ui::canvas::CanvasAction>) {
        let version = self.version_index();
        for action in actions {
            let effect = actions::apply(
                &mut self.doc,
                &mut self.canvas,
                version,
                action,
                self.clipboard.as_deref(),
            );
            if let Some(text) = effect.copied {
                ui.ctx().copy_text(text.clone());
                self.clipboard = Some(text);
            }
            if effect.message.is_some() {
                self.status = effect.message;
            }
        }
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let j = self.doc.journey();
            let file = self
                .doc
                .path
                .as_ref()
                .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
            let dirty = if self.has_unsaved_work() {
                " • unsaved changes"
            } else {
                ""
            };
            ui.label(format!("{} — {file}{dirty}", j.name));
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(status);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let n = j
                    .versions
                    .get(self.version_index())
                    .map_or(0, |v| v.steps.len());
                ui.label(format!(
                    "{n} steps · {} selected",
                    self.canvas.selection.len()
                ));
            });
        });
    }

    fn problems_panel_ui(&mut self, ui: &mut Ui) {
        let problems = crate::model::validate(self.doc.journey());
        let several = self.doc.journey().versions.len() > 1;
        if let Some(id) = problems_ui(ui, &problems, self.version_index(), several) {
            self.canvas.focus_step(id);
        }
    }
}

impl eframe::App for JourneyApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
        if let Some(shot) = &mut self.screenshot {
            shot.frame(ui.ctx(), self.canvas.is_busy() || self.run.is_running());
            if shot.settling() {
                // Panels settle their widths over the first frames: fit again each time.
                self.canvas.zoom_to_fit();
            }
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            // Wherever the X pointer happens to be, a screenshot shows no hover.
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_) | egui::Event::PointerButton { .. }
                )
            });
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return;
        }
        self.view.last_file.clone_from(&self.doc.path);
        eframe::set_value(storage, ViewState::KEY, &self.view);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit leaves no work to recover (the close prompt saved or discarded it).
        if !self.has_unsaved_work() {
            let _ = self.files.clear_autosave();
        }
    }
}

/// Opens the window (blocking until it closes). With `screenshot`, writes
/// the settled window to that PNG and closes; returns whether that worked.
/// With `run_first`, simulates at once and shows the run at its end.
pub fn run(
    file: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    run_first: bool,
) -> Result<(), String> {
    let shot = screenshot.map(Screenshot::new);
    let setup = screenshot::ShotSetup::from_env();
    let outcome = shot.as_ref().map(Screenshot::outcome);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Journey Designer")
            .with_app_id("journey-designer")
            .with_inner_size(if shot.is_some() {
                setup.size
            } else {
                [1280.0, 800.0]
            })
            .with_min_inner_size([640.0, 400.0]),
        // Screenshots are the same size every time: no restored window.
        persist_window: shot.is_none(),
        // ...and no panel sizes restored from the user's own runs.
        persistence_path: shot
            .is_some()
            .then(|| std::env::temp_dir().join("journey-designer-screenshot")),
        ..Default::default()
    };
    let in_screenshot = shot.is_some();
    eframe::run_native(
        "Journey Designer",
        options,
        Box::new(move |cc| {
            let view = if in_screenshot {
                ViewState::default()
            } else {
                cc.storage
                    .and_then(|s| eframe::get_value(s, ViewState::KEY))
                    .unwrap_or_default()
            };
            let mut app = if in_screenshot {
                // No dialogs, no autosave, no recovery offer: the same picture every time.
                JourneyApp::start_with(file, view, files::Files::default())
            } else {
                JourneyApp::start(file, view)
            };
            app.screenshot = shot;
            if run_first {
                app.run_on_start = true;
                app.run.seek_end_on_done = true;
            }
            if in_screenshot {
                // Screenshots look the same on every machine (light unless asked).
                setup.apply(&mut app);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())?;
    match outcome {
        Some(o) => o
            .lock()
            .map_err(|e| e.to_string())?
            .clone()
            .unwrap_or_else(|| Err("the window closed before the screenshot was taken".to_owned())),
        None => Ok(()),
    }
}
