//! The native window: eframe's hooks (frame, input, persistence, exit) and
//! the function that opens the window.

use std::path::PathBuf;

use egui::Ui;

use super::export::ExportError;
use super::files::Files;
use super::screenshot::{Screenshot, ShotSetup};
use super::slot::Slot;
use super::title::APP_NAME;
use super::{JourneyApp, ViewState};
use crate::store::autosave::AutosaveError;

impl eframe::App for JourneyApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui_main(ui);
        if let Some(shot) = &mut self.screenshot {
            let busy = self.canvas.is_busy()
                || self.run.is_running()
                || self.sensitivity.is_running()
                || self.planner.is_running()
                || self.planner.start_on_next_frame.is_some()
                || self.planner.reveal > 0
                || self.compare.is_running()
                || self.compare_pending.is_some();
            shot.frame(ui.ctx(), busy);
            if shot.settling() {
                // Panels settle their widths over the first frames: fit again each time.
                self.canvas.refit();
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
        // The close prompt saved or discarded the work (or there was none):
        // nothing is left to recover. The window is gone, so `main` says why
        // the copy stayed, if it did.
        if (self.files.closing || !self.has_unsaved_work())
            && let Err(e) = self.files.release_autosave()
        {
            self.exit_error.put(e);
        }
    }
}

/// How the window starts: the command line's choices.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// The journey to open (else the last file, else the welcome series).
    pub file: Option<PathBuf>,
    /// Write the settled window to this PNG, then close.
    pub screenshot: Option<PathBuf>,
    /// Simulate at once and show the run at its end.
    pub run_first: bool,
}

/// Why the window failed, said by `main` once it has closed.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// The window could not be opened (no display, no OpenGL).
    #[error(transparent)]
    Window(#[from] eframe::Error),
    /// The screenshot could not be written.
    #[error(transparent)]
    Screenshot(#[from] ExportError),
    /// The window closed before it settled and was captured.
    #[error("the window closed before the screenshot was taken")]
    NoScreenshot,
    /// The autosave copy could not be removed on a clean exit.
    #[error(transparent)]
    Autosave(#[from] AutosaveError),
}

/// Opens the window (blocking until it closes). With a screenshot path,
/// writes the settled window to that PNG and closes; returns whether that
/// worked. With `run_first`, simulates at once and shows the run at its end.
pub fn run_window(launch: Launch) -> Result<(), WindowError> {
    let shot = launch.screenshot.clone().map(Screenshot::new);
    let setup = ShotSetup::from_env();
    let outcome = shot.as_ref().map(Screenshot::outcome);
    let exit_error = Slot::default();
    let options = native_options(shot.is_some(), setup.size);
    let app_exit_error = exit_error.clone();
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let mut app = JourneyApp::for_window(cc, launch, shot, &setup);
            app.exit_error = app_exit_error;
            Ok(Box::new(app))
        }),
    )?;
    if let Some(e) = exit_error.take() {
        return Err(e.into());
    }
    match outcome {
        Some(o) => Ok(o.take().ok_or(WindowError::NoScreenshot)??),
        None => Ok(()),
    }
}

/// The smallest window: at 1024 × 640 nothing overlaps (looked at with
/// the templates, the analytics open and two versions' playback rows).
pub const MIN_SIZE: [f32; 2] = [1024.0, 640.0];

/// The window's size and persistence: screenshots are the same every time.
fn native_options(screenshot: bool, shot_size: [f32; 2]) -> eframe::NativeOptions {
    let viewport = egui::ViewportBuilder::default();
    // The built-in PNG decodes (a test says so); were it ever broken the
    // window would show eframe's own icon rather than fail to open.
    let viewport = match super::icon::window_icon() {
        Ok(icon) => viewport.with_icon(icon),
        Err(_) => viewport,
    };
    eframe::NativeOptions {
        viewport: viewport
            .with_title(APP_NAME)
            .with_app_id("journey-designer")
            .with_inner_size(if screenshot {
                shot_size
            } else {
                [1280.0, 800.0]
            })
            .with_min_inner_size(MIN_SIZE),
        // Screenshots are the same size every time: no restored window.
        persist_window: !screenshot,
        // ...and no panel sizes restored from the user's own runs.
        persistence_path: screenshot
            .then(|| std::env::temp_dir().join("journey-designer-screenshot")),
        ..Default::default()
    }
}

impl JourneyApp {
    /// The app the window shows, set up from the command line (and, for a
    /// screenshot, from its environment variables).
    fn for_window(
        cc: &eframe::CreationContext<'_>,
        launch: Launch,
        shot: Option<Screenshot>,
        setup: &ShotSetup,
    ) -> JourneyApp {
        let mut app = if shot.is_some() {
            // No dialogs, no autosave, no recovery offer, no remembered view:
            // the same picture every time.
            JourneyApp::start_with(launch.file, ViewState::default(), Files::default())
        } else {
            let view = cc
                .storage
                .and_then(|s| eframe::get_value(s, ViewState::KEY))
                .unwrap_or_default();
            let app = JourneyApp::start(launch.file, view);
            // From here a panic keeps the unsaved work (see `crate::app::crash`).
            app.files.crash.install_hook();
            app
        };
        if launch.run_first {
            app.run_on_start = true;
            app.run.seek_end_on_done = true;
        }
        if shot.is_some() {
            // Screenshots look the same on every machine (light unless asked).
            app.apply_shot_setup(setup);
        }
        app.screenshot = shot;
        app
    }
}
