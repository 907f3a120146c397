//! The analytics panel: summary cards, plots over simulated time with the
//! playhead marked, the per-step funnel and tables, A/B tests, channels,
//! versions, a previewed stop beside the run, and what moves the goal rate
//! (a sensitivity chart the app computes on demand). Reads a `Report`;
//! draws only, and returns what the user asked of it.

pub mod ab_result;
pub mod cards;
pub mod heatmap;
pub mod lift;
pub mod plots;
pub mod reconcile;
pub mod sensitivity;
pub mod tables;

#[cfg(test)]
mod delivery_tests;

use egui::{RichText, ScrollArea, Ui};

use crate::model::Journey;
use crate::sim::{Replications, Report};
pub use sensitivity::{SensitivityIntent, SensitivityView};

/// What the panel shows.
#[derive(Clone, Debug)]
pub struct AnalyticsView<'a> {
    /// The report.
    pub report: &'a Report,
    /// The journey the report is of (as it was run).
    pub journey: &'a Journey,
    /// The timeline row at the playhead.
    pub row: usize,
    /// True when the design changed since the run.
    pub stale: bool,
    /// A previewed stop's report, shown beside the run.
    pub preview: Option<&'a Report>,
    /// The spread over the runs, when the window ran more than one.
    pub replications: Option<&'a Replications>,
    /// Scroll the panel to the plots (screenshots).
    pub scroll_to_plots: bool,
    /// The "What moves the goal rate" section.
    pub sensitivity: SensitivityView<'a>,
}

/// Which versions the step funnel and table show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VersionFilter {
    /// Every version together.
    #[default]
    All,
    /// One version (1-based).
    One(u32),
}

/// Draws the panel; returns what the user asked of the sensitivity section.
/// `filter` is view state kept by the caller.
pub fn analytics_ui(
    ui: &mut Ui,
    filter: &mut VersionFilter,
    view: &AnalyticsView<'_>,
) -> Option<SensitivityIntent> {
    let report = view.report;
    if view.stale {
        ui.label(
            RichText::new("These numbers are from an earlier design: run again to update them.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    let mut intent = None;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            cards::cards_ui(ui, report, view.replications);
            ui.add_space(6.0);
            reconcile::reconciliation_ui(ui, report);
            ui.add_space(6.0);
            delivery_ui(ui, report);
            // Each plot draws its axes outside the given width: leave them room.
            let width = ((ui.available_width() - 3.0 * 14.0) / 3.0).max(160.0);
            if view.scroll_to_plots {
                // At once: a screenshot does not wait for an animation.
                let now = egui::style::ScrollAnimation::none();
                ui.scroll_to_cursor_animation(Some(egui::Align::TOP), now);
            }
            plots::time_plots_ui(ui, report, view.replications, view.row, width);
            ui.add_space(6.0);
            intent = sensitivity::sensitivity_ui(ui, &view.sensitivity);
            ui.add_space(6.0);
            if report.versions.len() > 1 {
                ui.horizontal(|ui| {
                    ui.label("Steps of");
                    ui.selectable_value(filter, VersionFilter::All, "all versions");
                    for v in &report.versions {
                        ui.selectable_value(
                            filter,
                            VersionFilter::One(v.version),
                            format!("version {}", v.version),
                        );
                    }
                });
            }
            let steps: Vec<_> = report
                .steps
                .iter()
                .filter(|s| match filter {
                    VersionFilter::All => true,
                    VersionFilter::One(v) => s.version == *v,
                })
                .collect();
            let half = ((ui.available_width() - 16.0) / 2.0).max(240.0);
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(half);
                    tables::funnel_ui(ui, &steps, half, report.versions.len() > 1);
                    tables::steps_table_ui(ui, &steps, report.versions.len() > 1);
                });
                ui.separator();
                ui.vertical(|ui| {
                    ui.set_width(half);
                    tables::ab_tests_ui(ui, report, view.journey);
                    tables::channels_ui(ui, report);
                    ui.add_space(6.0);
                    tables::versions_table_ui(ui, report);
                    if let Some(preview) = view.preview {
                        ui.add_space(6.0);
                        tables::preview_table_ui(ui, report, preview);
                    }
                });
            });
        });
    intent
}

/// The lift card and the send-volume heatmap side by side, when the run has
/// them. The heatmap is open when delivery rules held, skipped or capped a
/// message (or there is a holdout), else folded under its title.
fn delivery_ui(ui: &mut Ui, report: &Report) {
    let sent = report.send_volume.hours > 0
        && (report.send_volume.utc.iter()).any(|row| row.iter().any(|&n| n > 0));
    if report.holdout.is_none() && !sent {
        return;
    }
    let ruled = report.holdout.is_some()
        || (report.steps.iter())
            .any(|s| s.messages.held + s.messages.skipped + s.messages.capped > 0);
    ui.horizontal_top(|ui| {
        if let Some(holdout) = &report.holdout {
            ui.vertical(|ui| lift::lift_ui(ui, holdout, report.goal.is_some()));
        }
        if sent {
            ui.vertical(|ui| {
                egui::CollapsingHeader::new(RichText::new("When messages go out").strong())
                    .id_salt("send-volume")
                    .default_open(ruled)
                    .show(ui, |ui| heatmap::heatmap_ui(ui, &report.send_volume));
            });
        }
    });
    ui.add_space(6.0);
}
