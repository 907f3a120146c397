//! The runner bar: Run (F5) or a progress bar with Cancel, customers and
//! seed, the playback row (scrubber with dates, play/pause, speed, jumps),
//! and the version list with "Preview a stop here", "Stop this version
//! here" and "Publish edits as new version here".
//!
//! It draws from a [`RunnerView`] and returns [`RunnerIntent`]s; the app
//! owns the worker thread and applies the commands. The playhead and the
//! open dialogs are view state in [`RunnerState`].

pub mod compare;
pub mod overlay;
pub mod playback;
mod timeline;
mod versions;

use egui::{Button, Label, ProgressBar, RichText, Ui};

use crate::model::{Instant, Journey, MAX_CUSTOMERS};
use crate::sim::Report;
use crate::ui::inspector::widgets::NumberField;
use crate::ui::style::count;
pub use compare::{CompareBar, CompareWith, Comparing, ShownComparison};
pub use playback::Playback;

/// A run in progress, as the bar shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Running {
    /// Done so far, 0..=1 (over all runs).
    pub fraction: f32,
    /// Customers per run.
    pub customers: u64,
    /// How many runs (1: the plain run).
    pub runs: u32,
    /// Wall time so far, in seconds.
    pub seconds: f32,
}

impl Running {
    /// The bar's text: "Simulating 10,000… 45%", or "Simulating 20 runs of 10,000… 45%".
    pub fn text(&self) -> String {
        let what = if self.runs > 1 {
            format!("{} runs of {}", self.runs, count(self.customers))
        } else {
            count(self.customers)
        };
        format!("Simulating {what}… {:.0}%", self.fraction * 100.0)
    }
}

/// What the runner bar shows.
#[derive(Clone, Copy, Debug)]
pub struct RunnerView<'a> {
    /// The journey as it is now.
    pub journey: &'a Journey,
    /// The latest complete report, if any.
    pub report: Option<&'a Report>,
    /// The journey the report was made from.
    pub simulated: Option<&'a Journey>,
    /// True when the design changed since the report was made.
    pub stale: bool,
    /// A run in progress.
    pub running: Option<Running>,
    /// Customers the next run simulates.
    pub customers: u64,
    /// Seed of the next run.
    pub seed: u64,
    /// How many runs the next Run makes.
    pub runs: u32,
    /// Whether an edit starts a new run (debounced).
    pub auto_rerun: bool,
    /// The stop being previewed: version index, instant, and its report.
    pub preview: Option<(usize, Instant, &'a Report)>,
    /// How long the latest run took, in seconds.
    pub elapsed: Option<f32>,
    /// How many runs the shown result has (1 for a plain run).
    pub result_runs: u64,
    /// A message about the last run (an error, said once).
    pub message: Option<&'a str>,
    /// Said next to Run when the next run may take more than a few seconds: a short
    /// line, and the same with the expected work on hover.
    pub long_run: Option<(&'a str, &'a str)>,
    /// "Compare with…": its choices, a comparison in progress or shown.
    pub compare: &'a CompareBar,
}

/// What the user asked of the runner.
#[derive(Clone, Debug, PartialEq)]
pub enum RunnerIntent {
    /// Simulate the journey now.
    Run,
    /// Cancel the run in progress.
    Cancel,
    /// Set the scenario's customers (a change to the journey, undoable).
    SetCustomers(u64),
    /// Set the scenario's seed (a change to the journey, undoable).
    SetSeed(u64),
    /// Turn auto re-run on edit on or off.
    SetAutoRerun(bool),
    /// How many runs the next Run makes (the window's choice, not saved).
    SetRuns(u32),
    /// Re-run with version `.0` stopped at `.1`, without changing the document.
    PreviewStop(usize, Instant),
    /// Forget the stop preview.
    ClearPreview,
    /// Stop version `.0` at `.1` for good (confirmed).
    StopVersion(usize, Instant),
    /// Copy the last version into a new draft for editing.
    StartDraft,
    /// Publish the draft (the last version) at this instant, and re-run.
    Publish(Instant),
    /// Save an export (the app asks where).
    Export(ExportKind),
    /// Compare this journey (B) with another design (A).
    Compare(CompareWith),
    /// Cancel the comparison in progress (the shown one stays).
    CancelComparison,
    /// Leave the comparison: back to the run.
    LeaveComparison,
}

/// What can be exported from a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The JSON report of assets/docs/format.md.
    JsonReport,
    /// The per-step table as CSV.
    StepsCsv,
    /// The hourly timeline as CSV.
    TimelineCsv,
    /// The canvas with the counts at the playhead, as PNG.
    CanvasPng,
    /// The self-contained HTML report to hand over (`report::html`).
    HtmlReport,
}

/// View state of the runner: the playhead, the analytics panel, open dialogs.
#[derive(Clone, Debug, Default)]
pub struct RunnerState {
    /// The playhead.
    pub playback: Playback,
    /// Whether the analytics panel is open.
    pub show_analytics: bool,
    /// A stop waiting for confirmation: version index and instant.
    pub confirm_stop: Option<(usize, Instant)>,
    /// A publish waiting for confirmation: the instant.
    pub confirm_publish: Option<Instant>,
}

/// Draws the runner bar and returns what the user asked for.
pub fn runner_ui(ui: &mut Ui, state: &mut RunnerState, view: &RunnerView<'_>) -> Vec<RunnerIntent> {
    let mut out = Vec::new();
    run_row_ui(ui, state, view, &mut out);
    ui.separator();
    if let Some(report) = view.report {
        timeline::playback_ui(ui, &mut state.playback, view, report);
    } else {
        // The playback row's place is kept, so the canvas never jumps after a run.
        ui.horizontal(|ui| {
            for label in ["To start", "Play", "To end"] {
                ui.add_enabled(false, Button::new(label));
            }
            ui.weak("The playhead appears after a run.");
        });
    }
    versions::versions_ui(ui, state, view, &mut out);
    versions::dialogs_ui(ui, state, view, &mut out);
    out
}

/// The width Compare with…, Export and Analytics take at the end of the run row.
const RIGHT_BUTTONS: f32 = 280.0;

/// Run / progress and Cancel, customers, seed, auto re-run, the run's status, exports.
fn run_row_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    view: &RunnerView<'_>,
    out: &mut Vec<RunnerIntent>,
) {
    ui.horizontal(|ui| {
        run_button_ui(ui, view, out);
        runs_ui(ui, view, out);
        ui.separator();
        settings_ui(ui, view, out);
        ui.separator();
        // The status gives way (cut with "…") to Export and Analytics.
        let room = (ui.available_width() - RIGHT_BUTTONS).max(0.0);
        ui.allocate_ui(egui::vec2(room, ui.available_height()), |ui| {
            match &view.compare.shown {
                Some(summary) => compare::shown_ui(ui, summary, out),
                None => status_ui(ui, view),
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.toggle_value(&mut state.show_analytics, "Analytics");
            ui.add_enabled_ui(view.report.is_some(), |ui| {
                ui.menu_button("Export", |ui| export_menu_ui(ui, out))
                    .response
                    .on_disabled_hover_text("Run the journey first: the exports are of a run.");
            });
            ui.add_enabled_ui(view.compare.running.is_none(), |ui| {
                compare::compare_menu_ui(ui, view.compare, out);
            });
        });
    });
}

/// Run, or while a run is in progress its progress bar, time and Cancel.
fn run_button_ui(ui: &mut Ui, view: &RunnerView<'_>, out: &mut Vec<RunnerIntent>) {
    if let Some(running) = view.running {
        ui.add(
            ProgressBar::new(running.fraction)
                .desired_width(260.0)
                .text(running.text()),
        );
        ui.label(format!("{:.1} s", running.seconds));
        if ui.button("Cancel").clicked() {
            out.push(RunnerIntent::Cancel);
        }
    } else if let Some(comparing) = &view.compare.running {
        compare::progress_ui(ui, comparing, out);
    } else if ui
        .add(Button::new(RichText::new("Run").strong()).min_size(egui::vec2(64.0, 0.0)))
        .on_hover_text("Simulate the journey's scenario (F5)")
        .clicked()
    {
        out.push(RunnerIntent::Run);
    }
    if view.running.is_none()
        && view.compare.running.is_none()
        && let Some((short, full)) = view.long_run
    {
        ui.label(RichText::new(short).color(ui.visuals().warn_fg_color))
            .on_hover_text(full);
    }
}

/// The choices of how many runs the next Run makes.
pub const RUN_COUNTS: [u32; 3] = [1, 20, 100];

/// How many runs the next Run makes: 1, 20 or 100.
fn runs_ui(ui: &mut Ui, view: &RunnerView<'_>, out: &mut Vec<RunnerIntent>) {
    let mut runs = view.runs;
    let name = |n: u32| {
        if n == 1 {
            "1 run".to_owned()
        } else {
            format!("{n} runs")
        }
    };
    let response = egui::ComboBox::from_id_salt("runs")
        .selected_text(name(runs))
        .width(72.0)
        .show_ui(ui, |ui| {
            for n in RUN_COUNTS {
                ui.selectable_value(&mut runs, n, name(n));
            }
        });
    response.response.on_hover_text(
        "How many runs with random seeds S, S+1, …: more runs show how much the numbers vary",
    );
    if runs != view.runs {
        out.push(RunnerIntent::SetRuns(runs));
    }
}

/// Customers and seed of the next run, and auto re-run on edit.
fn settings_ui(ui: &mut Ui, view: &RunnerView<'_>, out: &mut Vec<RunnerIntent>) {
    // The scenario's own fields: each finished edit is one undoable change
    // to the journey, saved with it; too many is refused in words.
    let mut customers = view.customers;
    let response = ui.scope(|ui| {
        NumberField::new("Customers")
            .range(1..=MAX_CUSTOMERS)
            .speed(100.0)
            .show(ui, &mut customers)
    });
    let hover =
        "The scenario's customers (Scenario tab): saved with the journey; Undo takes an edit back";
    response.response.on_hover_text(hover);
    if response.inner {
        out.push(RunnerIntent::SetCustomers(customers));
    }
    let mut seed = view.seed;
    let response = ui.scope(|ui| NumberField::new("Random seed").show(ui, &mut seed));
    let hover = "Picks the random draws: the same random seed gives the same results; another one shows how much chance moves them. The scenario's own random seed, saved with the journey";
    response.response.on_hover_text(hover);
    if response.inner {
        out.push(RunnerIntent::SetSeed(seed));
    }
    let mut auto = view.auto_rerun;
    if ui
        .checkbox(&mut auto, "Auto re-run on edit")
        .on_hover_text("Run again shortly after each change to the design")
        .changed()
    {
        out.push(RunnerIntent::SetAutoRerun(auto));
    }
}

/// Says what the latest run is: fresh, out of date, failed, or none yet.
fn status_ui(ui: &mut Ui, view: &RunnerView<'_>) {
    if let Some(message) = view.message {
        ui.add(Label::new(RichText::new(message).color(ui.visuals().error_fg_color)).truncate());
        return;
    }
    match view.report {
        None if view.running.is_none() => {
            ui.add(
                Label::new(
                    RichText::new("Not run yet: press Run to simulate the scenario.").weak(),
                )
                .truncate(),
            );
        }
        None => {}
        Some(_) if view.running.is_some() => {
            ui.add(
                Label::new(RichText::new("Showing the last run until this one is done").weak())
                    .truncate(),
            );
        }
        Some(_) if view.stale => {
            let text =
                RichText::new("Out of date: the design changed since this run. Run again (F5).")
                    .color(ui.visuals().warn_fg_color);
            ui.add(Label::new(text).truncate());
        }
        Some(r) => {
            let took = view
                .elapsed
                .map(|s| format!(" in {s:.2} s"))
                .unwrap_or_default();
            let text = if view.result_runs > 1 {
                format!(
                    "{} runs complete: {} customers each, random seeds {} to {}{took}",
                    view.result_runs,
                    count(r.customers),
                    r.seed,
                    r.seed.wrapping_add(view.result_runs - 1)
                )
            } else {
                format!(
                    "Run complete: {} customers, random seed {}{took}",
                    count(r.customers),
                    r.seed
                )
            };
            ui.add(Label::new(text).truncate());
        }
    }
}

fn export_menu_ui(ui: &mut Ui, out: &mut Vec<RunnerIntent>) {
    for (kind, label) in [
        (ExportKind::HtmlReport, "Report (HTML)…"),
        (ExportKind::JsonReport, "Report as JSON…"),
        (ExportKind::StepsCsv, "Steps table as CSV…"),
        (ExportKind::TimelineCsv, "Timeline as CSV…"),
        (ExportKind::CanvasPng, "Canvas with counts as PNG…"),
    ] {
        if ui.button(label).clicked() {
            out.push(RunnerIntent::Export(kind));
            ui.close();
        }
    }
}
