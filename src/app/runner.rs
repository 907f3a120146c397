//! Wires the runner into the window: polls the worker, F5, the auto re-run,
//! the runner bar and analytics panels, the canvas overlay, and what the
//! user asked of the runner (run, cancel, preview a stop, stop, draft,
//! publish, export).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant as Clock};

use egui::{Key, Modifiers, Ui};

use super::JourneyApp;
use super::export;
use super::run::{DEBOUNCE, Job};
use crate::edit::Command;
use crate::model::{Instant, VersionState};
use crate::ui::analytics::{AnalyticsView, analytics_ui};
use crate::ui::canvas::Overlay;
use crate::ui::runner::{ExportKind, RunnerIntent, RunnerView, runner_ui};

/// A message from a callback (the canvas capture) for the status line.
pub type Pending = Arc<Mutex<Option<String>>>;

impl JourneyApp {
    /// The runner's part of a frame: call before the central panel.
    pub(super) fn runner_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.run.poll();
        self.run.follow_document(&self.doc);
        if std::mem::take(&mut self.run_on_start) {
            self.start_run(Job::Main, &ctx);
        }
        if let Some(message) = self.capture_message.lock().ok().and_then(|mut m| m.take()) {
            self.status = Some(message);
        }
        let f5 = !ctx.egui_wants_keyboard_input()
            && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F5));
        if f5 {
            self.start_run(Job::Main, &ctx);
        }
        let revision = self.doc.revision();
        if self.run.due(revision, Clock::now()) {
            self.start_run(Job::Main, &ctx);
        } else if self.run.auto_rerun && self.run.is_stale(revision) {
            ctx.request_repaint_after(DEBOUNCE / 3);
        }
        if self.run.is_running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }

        let journey = self.doc.journey();
        let run = &mut self.run;
        let view = RunnerView {
            journey,
            report: run.result.as_ref().map(|r| &r.report),
            simulated: run.result.as_ref().map(|r| &r.journey),
            stale: run.is_stale(revision),
            running: run.progress(),
            customers: run.customers(journey),
            seed: run.seed(journey),
            auto_rerun: run.auto_rerun,
            preview: run.preview.as_ref().map(|(v, at, r)| (*v, *at, &r.report)),
            elapsed: run.result.as_ref().map(|r| r.elapsed.as_secs_f32()),
            message: run.message.as_deref(),
        };
        let intents = egui::Panel::bottom("runner")
            .show(ui, |ui| runner_ui(ui, &mut run.ui, &view))
            .inner;
        if run.ui.show_analytics {
            egui::Panel::bottom("analytics")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| match &run.result {
                    Some(result) => {
                        let analytics = AnalyticsView {
                            report: &result.report,
                            row: run.ui.playback.row(result.report.timeline.len()),
                            stale: run.is_stale(revision),
                            preview: run.preview.as_ref().map(|(_, _, r)| &r.report),
                        };
                        analytics_ui(ui, &mut run.filter, &analytics);
                    }
                    None => {
                        ui.weak("No run yet: press Run (F5) to simulate the scenario.");
                    }
                });
        }
        for intent in intents {
            self.runner_intent(intent, &ctx);
        }
        let version = (self.version_index() + 1) as u32;
        self.run.overlay = self.run.result.as_ref().map(|r| {
            let rows = r.report.timeline.len();
            let overlay = Overlay::at(
                &r.report,
                version,
                self.run.ui.playback.row(rows),
                r.revision != revision,
            );
            match &self.run.preview {
                Some((_, _, p)) => overlay.with_preview(&p.report, version),
                None => overlay,
            }
        });
    }

    /// Starts a run of the document as it is now (or a what-if of it).
    pub fn start_run(&mut self, job: Job, ctx: &egui::Context) {
        let repaint = ctx.clone();
        let revision = self.doc.revision();
        self.run.start(
            self.doc.journey(),
            revision,
            self.doc.path.as_deref(),
            job,
            Box::new(move || repaint.request_repaint()),
        );
    }

    /// Does what the runner bar asked.
    #[allow(clippy::needless_pass_by_value)] // intents are consumed one by one
    pub fn runner_intent(&mut self, intent: RunnerIntent, ctx: &egui::Context) {
        match intent {
            RunnerIntent::Run => self.start_run(Job::Main, ctx),
            RunnerIntent::Cancel => self.run.cancel(),
            RunnerIntent::SetCustomers(n) => self.run.customers = Some(n),
            RunnerIntent::SetSeed(s) => self.run.seed = Some(s),
            RunnerIntent::SetAutoRerun(on) => self.run.auto_rerun = on,
            RunnerIntent::PreviewStop(version, at) => {
                self.start_run(Job::PreviewStop(version, at), ctx);
            }
            RunnerIntent::ClearPreview => self.run.preview = None,
            RunnerIntent::StopVersion(version, at) => self.stop_version(version, at, ctx),
            RunnerIntent::StartDraft => self.start_draft(),
            RunnerIntent::Publish(at) => self.publish(at, ctx),
            RunnerIntent::Export(kind) => self.export(kind, None, ctx),
        }
    }

    /// Stops `version` at `at` for good (S7) and runs again.
    pub fn stop_version(&mut self, version: usize, at: Instant, ctx: &egui::Context) {
        match self.doc.apply(Command::StopVersion { version, at }) {
            Ok(()) => {
                self.status = Some(format!(
                    "Stopped version {} at {} (final)",
                    version + 1,
                    at.format("%Y-%m-%d %H:%M UTC")
                ));
                self.run.preview = None;
                self.start_run(Job::Main, ctx);
            }
            Err(e) => self.status = Some(format!("Could not stop the version: {e}")),
        }
    }

    /// Copies the live last version into a new draft, which the canvas then edits.
    pub fn start_draft(&mut self) {
        let journey = self.doc.journey();
        let last = journey.versions.len().saturating_sub(1);
        if !matches!(journey.version_state(last), VersionState::Live(_)) {
            return;
        }
        let Some(mut copy) = journey.versions.get(last).cloned() else {
            return;
        };
        copy.published_at = None;
        copy.stopped_at = None;
        let command = Command::Batch(
            format!("Start draft version {}", last + 2),
            vec![Command::PushVersion(copy)],
        );
        match self.doc.apply(command) {
            Ok(()) => {
                self.status = Some(format!(
                    "Draft version {} started: edit it on the canvas, then publish it at the playhead",
                    last + 2
                ));
            }
            Err(e) => self.status = Some(format!("Could not start a draft: {e}")),
        }
    }

    /// Publishes the draft (the last version) at `at` and runs again (S8).
    pub fn publish(&mut self, at: Instant, ctx: &egui::Context) {
        let version = self.version_index();
        let command = Command::Batch(
            format!("Publish version {}", version + 1),
            vec![Command::SetPublishedAt {
                version,
                at: Some(at),
            }],
        );
        match self.doc.apply(command) {
            Ok(()) => {
                self.status = Some(format!(
                    "Published version {} at {}",
                    version + 1,
                    at.format("%Y-%m-%d %H:%M UTC")
                ));
                self.start_run(Job::Main, ctx);
            }
            Err(e) => self.status = Some(format!("Could not publish: {e}")),
        }
    }

    /// Exports the latest run to `path`, or asks where.
    pub fn export(&mut self, kind: ExportKind, path: Option<PathBuf>, ctx: &egui::Context) {
        let Some(result) = &self.run.result else {
            self.status = Some("Run the journey first: there is nothing to export yet.".to_owned());
            return;
        };
        let name = self.doc.journey().name.clone();
        let Some(path) = path
            .or_else(|| self.export_path.take())
            .or_else(|| export::pick_path(kind, &name))
        else {
            return;
        };
        if kind == ExportKind::CanvasPng {
            let rect = self.canvas_rect;
            let ppp = ctx.pixels_per_point();
            let pending = Arc::clone(&self.capture_message);
            ctx.request_screenshot(move |image| {
                let message = match export::write_png_region(&image, rect, ppp, &path) {
                    Ok(()) => format!("Exported the canvas to {}", path.display()),
                    Err(e) => e,
                };
                if let Ok(mut slot) = pending.lock() {
                    *slot = Some(message);
                }
            });
            return;
        }
        self.status = Some(match export::write_text(kind, &result.report, &path) {
            Ok(()) => format!("Exported {}", path.display()),
            Err(e) => e,
        });
    }
}
