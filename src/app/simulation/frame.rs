//! The runner's part of each frame: takes in finished runs, starts the runs
//! asked for (`--run`, F5, the auto re-run), draws the runner bar and the
//! analytics panel, and lays the run's counts over the canvas.

use std::time::{Duration, Instant as Clock};

use egui::Ui;

use super::{DEBOUNCE, Job};
use crate::app::JourneyApp;
use crate::ui::analytics::{AnalyticsView, SensitivityIntent, analytics_ui};
use crate::ui::canvas::Overlay;
use crate::ui::compare::panel::{ComparisonView, comparison_ui};
use crate::ui::runner::{RunnerIntent, RunnerView, Running, runner_ui};

impl JourneyApp {
    /// The runner's part of a frame: call before the central panel.
    pub(crate) fn runner_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.run.poll();
        self.run.follow_document(&self.doc);
        self.compare_frame(&ctx);
        self.sensitivity_frame(&ctx);
        self.planner_frame(&ctx);
        self.start_runs_asked_for(ui, &ctx);
        // The overlay is of the revision the panels showed, before the intents.
        let revision = self.doc.revision();
        let intents = self.runner_bar_ui(ui);
        if self.run.ui.show_analytics
            && let Some(intent) = self.analytics_panel_ui(ui)
        {
            self.sensitivity_intent(intent, &ctx);
        }
        for intent in intents {
            self.runner_intent(intent, &ctx);
        }
        self.run.overlay = self.overlay(revision);
    }

    /// Starts the run `--run`, F5 or the auto re-run asked for, and keeps
    /// frames coming while one is due or in flight.
    fn start_runs_asked_for(&mut self, ui: &Ui, ctx: &egui::Context) {
        if std::mem::take(&mut self.run_on_start) {
            self.start_run(Job::Main, ctx);
        }
        let f5 = !ctx.egui_wants_keyboard_input()
            && ui.input_mut(|i| crate::ui::shortcuts::Shortcut::Run.consume(i));
        if f5 {
            self.leave_comparison();
            self.start_run(Job::Main, ctx);
        }
        let revision = self.doc.revision();
        if self.run.due(revision, Clock::now()) {
            self.start_run(Job::Main, ctx);
        } else if self.run.auto_rerun && self.run.is_stale(revision) {
            ctx.request_repaint_after(DEBOUNCE / 3);
        }
        if self.run.is_running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// The runner bar; returns what the user asked of it.
    fn runner_bar_ui(&mut self, ui: &mut Ui) -> Vec<RunnerIntent> {
        let compare = self.compare_bar();
        let journey = self.doc.journey();
        let revision = self.doc.revision();
        let run = &mut self.run;
        let message = run.message.as_ref().map(ToString::to_string);
        let long_run = self
            .long_run
            .warning(&self.doc, run.customers(journey))
            .map(|w| (w.short.as_str(), w.full.as_str()));
        let view = RunnerView {
            journey,
            report: run.result.as_ref().map(|r| &r.report),
            simulated: run.result.as_ref().map(|r| &r.journey),
            stale: run.is_stale(revision),
            running: run.progress().map(|p| Running {
                fraction: p.fraction,
                customers: p.customers,
                runs: p.runs,
                seconds: p.elapsed.as_secs_f32(),
            }),
            customers: run.customers(journey),
            seed: run.seed(journey),
            runs: run.runs(),
            auto_rerun: run.auto_rerun,
            preview: run
                .preview
                .as_ref()
                .map(|p| (p.version, p.at, &p.result.report)),
            elapsed: run.result.as_ref().map(|r| r.elapsed.as_secs_f32()),
            result_runs: run
                .result
                .as_ref()
                .and_then(|r| r.replications.as_ref())
                .map_or(1, |r| r.count),
            message: message.as_deref(),
            long_run,
            compare: &compare,
        };
        egui::Panel::bottom("runner")
            .show(ui, |ui| runner_ui(ui, &mut run.ui, &view))
            .inner
    }

    /// The analytics panel (in the problems list's place while open): the
    /// comparison when one is shown, else the run; returns what its
    /// sensitivity section asked for.
    fn analytics_panel_ui(&mut self, ui: &mut Ui) -> Option<SensitivityIntent> {
        let revision = self.doc.revision();
        let sensitivity = self.sensitivity.view(&self.doc);
        let run = &mut self.run;
        let compared = self.compare.shown.as_ref();
        // Beside the design, not over it: the canvas keeps at least 300
        // points of height; the size the user drags to is remembered.
        let room = ui.available_height();
        let most = (room - 300.0).max(160.0);
        // A screenshot shows as much of the analytics as it can: the panel
        // as tall as it may be (its first frames may be of a smaller window).
        let least = if self.screenshot.is_some() {
            most
        } else {
            160.0
        };
        egui::Panel::bottom("analytics")
            .resizable(true)
            .default_size(380.0_f32.min(most))
            .size_range(least..=most)
            .show(ui, |ui| {
                if let Some(shown) = compared {
                    let view = ComparisonView {
                        compared: &shown.compared,
                        stale: shown.made.revision != revision,
                        customers: shown.made.customers,
                    };
                    comparison_ui(ui, &view);
                    return None;
                }
                let Some(result) = &run.result else {
                    ui.weak("No run yet: press Run (F5) to simulate the scenario.");
                    return None;
                };
                let analytics = AnalyticsView {
                    report: &result.report,
                    journey: &result.journey,
                    row: run.ui.playback.row(result.report.timeline.len()),
                    stale: run.is_stale(revision),
                    preview: run.preview.as_ref().map(|p| &p.result.report),
                    replications: result.replications.as_ref(),
                    scroll_to_plots: run.scroll_to_plots,
                    sensitivity,
                };
                analytics_ui(ui, &mut run.filter, &analytics)
            })
            .inner
    }

    /// The counts the canvas shows at the playhead (and a previewed stop's).
    fn overlay(&self, revision: u64) -> Option<Overlay> {
        if self.compare.shown.is_some() {
            return self.compared_overlay();
        }
        let version = (self.version_index() + 1) as u32;
        let result = self.run.result.as_ref()?;
        let rows = result.report.timeline.len();
        let overlay = Overlay::at(
            &result.report,
            version,
            self.run.ui.playback.row(rows),
            result.revision != revision,
        );
        Some(match &self.run.preview {
            Some(p) => overlay.with_preview(&p.result.report, version),
            None => overlay,
        })
    }
}
