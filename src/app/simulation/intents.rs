//! What the user asked of the runner bar: run, cancel, the next run's
//! customers and seed, preview a stop, stop a version for good, start a
//! draft, publish it, export the run.

use std::path::PathBuf;

use super::Job;
use crate::app::JourneyApp;
use crate::app::export::{self, ExportError};
use crate::edit::Command;
use crate::model::{Instant, VersionState};
use crate::ui::runner::{ExportKind, RunnerIntent};

impl JourneyApp {
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
            RunnerIntent::Run => {
                // Run asks for the run: a comparison shown gives way to it.
                self.leave_comparison();
                self.start_run(Job::Main, ctx);
            }
            RunnerIntent::Cancel => self.cancel_run(),
            RunnerIntent::SetCustomers(n) => self.set_run_size(|s| s.customers = n),
            RunnerIntent::SetSeed(seed) => self.set_run_size(|s| s.seed = seed),
            RunnerIntent::SetAutoRerun(on) => self.run.auto_rerun = on,
            RunnerIntent::SetRuns(runs) => self.run.runs = runs,
            RunnerIntent::PreviewStop(version, at) => {
                self.start_run(Job::PreviewStop { version, at }, ctx);
            }
            RunnerIntent::ClearPreview => self.run.preview = None,
            RunnerIntent::StopVersion(version, at) => self.stop_version(version, at, ctx),
            RunnerIntent::StartDraft => self.start_draft(),
            RunnerIntent::Publish(at) => self.publish(at, ctx),
            RunnerIntent::Export(kind) => self.export(kind, None),
            RunnerIntent::Compare(with) => self.compare_with(&with),
            RunnerIntent::CancelComparison => self.cancel_compare(),
            RunnerIntent::LeaveComparison => self.leave_comparison(),
        }
    }

    /// The runner bar's Customers and Seed are the scenario's: an edit there
    /// is a command (undoable, saved) and drops any one-off override.
    fn set_run_size(&mut self, set: impl FnOnce(&mut crate::model::Scenario)) {
        let mut scenario = self.doc.journey().scenario.clone();
        set(&mut scenario);
        self.run.customers = None;
        self.run.seed = None;
        self.apply_command(
            Command::SetScenario(scenario),
            "Could not change the scenario",
        );
    }

    /// Cancels the run in flight and says so, and what the window shows now.
    pub fn cancel_run(&mut self) {
        if !self.run.is_running() {
            return;
        }
        self.run.cancel();
        self.status = Some(
            if self.run.result.is_some() {
                "Run cancelled: the numbers shown are still those of the previous run."
            } else {
                "Run cancelled: nothing was simulated."
            }
            .to_owned(),
        );
    }

    /// Stops `version` at `at` for good (S7) and runs again.
    pub fn stop_version(&mut self, version: usize, at: Instant, ctx: &egui::Context) {
        let command = Command::StopVersion { version, at };
        if self.apply_command(command, "Could not stop the version") {
            self.status = Some(format!(
                "Stopped version {} at {} (final)",
                version + 1,
                at.format("%Y-%m-%d %H:%M UTC")
            ));
            self.run.preview = None;
            self.start_run(Job::Main, ctx);
        }
    }

    /// Copies the live last version into a new draft, which the canvas then edits.
    pub fn start_draft(&mut self) {
        let journey = self.doc.journey();
        let last = journey.current_index().unwrap_or(0);
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
        if self.apply_command(command, "Could not start a draft") {
            self.status = Some(format!(
                "Draft version {} started: edit it on the canvas, then publish it at the playhead",
                last + 2
            ));
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
        if self.apply_command(command, "Could not publish") {
            self.status = Some(format!(
                "Published version {} at {}",
                version + 1,
                at.format("%Y-%m-%d %H:%M UTC")
            ));
            self.start_run(Job::Main, ctx);
        }
    }

    /// Exports the latest run to `path`, or asks where; says how it went.
    pub fn export(&mut self, kind: ExportKind, path: Option<PathBuf>) {
        match self.write_export(kind, path) {
            Ok(Some(done)) => self.status = Some(done),
            Ok(None) => {}
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// Writes the export; `Ok(None)` when the user cancelled the dialog.
    fn write_export(
        &mut self,
        kind: ExportKind,
        path: Option<PathBuf>,
    ) -> Result<Option<String>, ExportError> {
        let Some(result) = &self.run.result else {
            return Err(ExportError::NoRun);
        };
        let name = &self.doc.journey().name;
        let Some(path) = path
            .or_else(|| self.export_path.take())
            .or_else(|| export::pick_path(kind, name))
        else {
            return Ok(None);
        };
        if kind == ExportKind::CanvasPng {
            let image = self.canvas_picture();
            export::write_png(&image, &path)?;
            return Ok(Some(format!(
                "Exported the canvas ({} × {} pixels) to {}",
                image.size[0],
                image.size[1],
                path.display()
            )));
        }
        if kind == ExportKind::HtmlReport {
            export::write_html(&result.journey, &result.report, &path)?;
            return Ok(Some(format!("Exported the report to {}", path.display())));
        }
        export::write_text(kind, &result.report, &path)?;
        Ok(Some(format!("Exported {}", path.display())))
    }

    /// The canvas with the counts at the playhead, as a picture to hand
    /// over: the light theme and at least 1600 pixels wide, whatever the window.
    fn canvas_picture(&self) -> egui::ColorImage {
        let journey = self.doc.journey();
        let version = self.version_index();
        let overlay = self.run.overlay.as_ref();
        let when = match overlay {
            Some(o) if o.at_end => " · counts at the end of the run",
            Some(_) => " · counts at the playhead",
            None => "",
        };
        let subtitle = format!(
            "Version {} · exported {}{when}",
            version + 1,
            chrono::Local::now().format("%-d %B %Y")
        );
        crate::ui::canvas::picture::picture(&crate::ui::canvas::picture::PictureInput {
            journey,
            version,
            overlay,
            subtitle: &subtitle,
        })
    }
}
