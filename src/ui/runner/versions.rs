//! The version list of the runner bar: each version with its state, its
//! numbers and its own Stop; the draft with "Publish edits as new version
//! here"; the stop preview beside the run; and the confirmation dialogs.
//!
//! Versions (assets/docs/rules.md S7, S8): the canvas edits the last version. While
//! that version is live, edits change the live design; "Start a draft"
//! copies it into a new draft (not simulated) so that changes can be made
//! and then published at the playhead. A stop is final, so it asks first.

use egui::{RichText, Ui};

use super::playback::{instant_of, show_when};
use super::{RunnerIntent, RunnerState, RunnerView};
use crate::model::{Instant, Journey, VersionState};
use crate::sim::Report;
use crate::ui::style::{colours, count};

/// The instant at the playhead, when there is a report to play back.
pub fn playhead_instant(state: &RunnerState, report: &Report) -> Option<Instant> {
    let first = report.timeline.first()?;
    let row = state.playback.row(report.timeline.len());
    Some(instant_of(first.at, row))
}

/// One line per version, and the draft controls.
pub fn versions_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    view: &RunnerView<'_>,
    out: &mut Vec<RunnerIntent>,
) {
    let journey = view.journey;
    let here = view.report.and_then(|r| playhead_instant(state, r));
    for index in 0..journey.versions.len() {
        ui.horizontal(|ui| version_row_ui(ui, state, view, index, here, out));
    }
    draft_row_ui(ui, journey, out);
    if let Some((version, at, preview)) = view.preview {
        preview_ui(ui, view.report, version, at, preview, out);
    }
}

/// One version's line: its state, its numbers and what can be done with it.
fn version_row_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    view: &RunnerView<'_>,
    index: usize,
    here: Option<Instant>,
    out: &mut Vec<RunnerIntent>,
) {
    let no = index + 1;
    let numbers = view
        .report
        .and_then(|r| r.versions.iter().find(|v| v.version == no as u32))
        .map(|v| {
            format!(
                "entered {} · completed {} · stopped {}",
                count(v.entered),
                count(v.completed),
                count(v.stopped)
            )
        });
    match view.journey.version_state(index) {
        VersionState::Draft => draft_version_ui(ui, state, view.journey, index, here),
        VersionState::Live(live) => {
            ui.label(RichText::new(format!("Version {no}")).strong());
            if live > chrono::Utc::now() {
                ui.label(format!(
                    "draft: goes live {} (its start date)",
                    show_when(live)
                ));
            } else {
                ui.label(format!("live since {}", show_when(live)));
            }
            if let Some(n) = numbers {
                ui.weak(n);
            }
            stop_buttons_ui(ui, state, index, live, here, out);
        }
        VersionState::Stopped { live, stopped } => {
            ui.label(RichText::new(format!("Version {no} (stopped)")).strong());
            ui.label(format!(
                "live {}, stopped {}",
                show_when(live),
                show_when(stopped)
            ));
            if let Some(n) = numbers {
                ui.weak(n);
            }
            ui.weak("read-only; a stop is final");
        }
    }
}

/// The draft's line: "Publish edits as new version here…", enabled once the
/// playhead is after the previous version went live (and it is not stopped).
fn draft_version_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    journey: &Journey,
    index: usize,
    here: Option<Instant>,
) {
    ui.label(RichText::new(format!("Version {} (draft)", index + 1)).strong());
    ui.weak("edited on the canvas; not simulated until published");
    let previous_stopped = index
        .checked_sub(1)
        .and_then(|p| journey.versions.get(p))
        .is_some_and(|v| v.stopped_at.is_some());
    let after_live = index
        .checked_sub(1)
        .and_then(|p| journey.live_at(p))
        .zip(here)
        .is_some_and(|(live, h)| h > live);
    let enabled = here.is_some() && after_live && !previous_stopped;
    let why = if previous_stopped {
        "No version can be published after the newest one was stopped"
    } else if here.is_none() {
        "Run first, then move the playhead to the instant to publish at"
    } else {
        "Move the playhead after the previous version went live"
    };
    let resp = ui.add_enabled(
        enabled,
        egui::Button::new("Publish edits as new version here…"),
    );
    let resp = resp.on_disabled_hover_text(why).on_hover_text(
        "Arrivals from the playhead on enter this version; customers already in stay on theirs",
    );
    if resp.clicked()
        && let Some(at) = here
    {
        state.confirm_publish = Some(at);
    }
}

/// A live version's "Preview a stop here" and "Stop version N here…",
/// enabled once the playhead is after it went live.
fn stop_buttons_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    index: usize,
    live: Instant,
    here: Option<Instant>,
    out: &mut Vec<RunnerIntent>,
) {
    let ok = here.is_some_and(|h| h >= live);
    let why = if here.is_none() {
        "Run first, then move the playhead to the instant to stop at"
    } else {
        "Move the playhead after the version went live"
    };
    if ui
        .add_enabled(ok, egui::Button::new("Preview a stop here"))
        .on_disabled_hover_text(why)
        .on_hover_text(
            "Re-run as if this version were stopped at the playhead; the design is not changed",
        )
        .clicked()
        && let Some(at) = here
    {
        out.push(RunnerIntent::PreviewStop(index, at));
    }
    if ui
        .add_enabled(
            ok,
            egui::Button::new(format!("Stop version {} here…", index + 1)),
        )
        .on_disabled_hover_text(why)
        .on_hover_text("Stop this version at the playhead, for good")
        .clicked()
        && let Some(at) = here
    {
        state.confirm_stop = Some((index, at));
    }
}

/// Under the list: start a draft from the live last version, or say why not.
fn draft_row_ui(ui: &mut Ui, journey: &Journey, out: &mut Vec<RunnerIntent>) {
    let last = journey.current_index().unwrap_or(0);
    match journey.version_state(last) {
        VersionState::Live(live) => {
            ui.horizontal(|ui| {
                if ui
                    .button(format!("Start a draft from version {}", last + 1))
                    .on_hover_text("Copy the live design into a new draft to edit on the canvas, then publish it at the playhead")
                    .clicked()
                {
                    out.push(RunnerIntent::StartDraft);
                }
                if live > chrono::Utc::now() {
                    ui.weak("Not live yet: edits change the design that goes live at the start date.");
                } else {
                    ui.weak("Editing now changes the live design itself; a draft keeps version history.");
                }
            });
        }
        VersionState::Stopped { .. } => {
            ui.weak("The newest version was stopped: no version can be published after it. Copy the design into a new journey to go on.");
        }
        VersionState::Draft => {}
    }
}

/// The stop preview beside the run: who would be cut off, and where.
fn preview_ui(
    ui: &mut Ui,
    base: Option<&Report>,
    version: usize,
    at: Instant,
    preview: &Report,
    out: &mut Vec<RunnerIntent>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "Stop preview: version {} stopped at {}",
                version + 1,
                show_when(at)
            ))
            .strong()
            .color(colours::STOPPED),
        );
        ui.label(format!(
            "would cut off {} customers",
            count(preview.outcomes.stopped)
        ));
        let mut at_steps: Vec<_> = preview
            .steps
            .iter()
            .filter(|s| s.exited.stopped > 0)
            .map(|s| format!("{} {}", s.name, count(s.exited.stopped)))
            .collect();
        at_steps.truncate(6);
        if !at_steps.is_empty() {
            ui.weak(format!("at: {}", at_steps.join(", ")));
        }
        if let Some(base) = base {
            ui.label(format!(
                "· completed {} instead of {}",
                count(preview.outcomes.completed),
                count(base.outcomes.completed)
            ));
            if let (Some(a), Some(b)) = (&base.goal, &preview.goal) {
                ui.label(format!(
                    "· goal rate {:.2}% instead of {:.2}%",
                    b.rate * 100.0,
                    a.rate * 100.0
                ));
            }
        }
        if ui.small_button("Clear preview").clicked() {
            out.push(RunnerIntent::ClearPreview);
        }
    });
}

/// The confirmation dialogs for a stop and a publish.
pub fn dialogs_ui(
    ui: &mut Ui,
    state: &mut RunnerState,
    view: &RunnerView<'_>,
    out: &mut Vec<RunnerIntent>,
) {
    if let Some((version, at)) = state.confirm_stop {
        let mut close = false;
        egui::Modal::new(ui.make_persistent_id("confirm-stop")).show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            ui.heading(format!("Stop version {} for good?", version + 1));
            ui.label(format!("Stop at {} (UTC).", show_when(at)));
            ui.label("From then nobody enters this version, and everyone in it leaves at once without another step. A stop is final: it cannot be undone, and the version becomes read-only.");
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new("Stop for good").color(ui.visuals().error_fg_color))
                    .clicked()
                {
                    out.push(RunnerIntent::StopVersion(version, at));
                    close = true;
                }
                if ui.button("Keep it running").clicked() {
                    close = true;
                }
            });
        });
        if close {
            state.confirm_stop = None;
        }
    }
    if let Some(at) = state.confirm_publish {
        let mut close = false;
        let no = view.journey.versions.len();
        egui::Modal::new(ui.make_persistent_id("confirm-publish")).show(ui.ctx(), |ui| {
            ui.set_max_width(420.0);
            ui.heading(format!("Publish version {no}?"));
            ui.label(format!("Publish at {} (UTC).", show_when(at)));
            ui.label("Arrivals from then on enter this version; customers who entered before stay on the version they entered.");
            ui.horizontal(|ui| {
                if ui.button("Publish").clicked() {
                    out.push(RunnerIntent::Publish(at));
                    close = true;
                }
                if ui.button("Not yet").clicked() {
                    close = true;
                }
            });
        });
        if close {
            state.confirm_publish = None;
        }
    }
}
