//! The per-step funnel (a bar chart) and the tables: steps, A/B tests with
//! rate and 95 % interval bars, channels and channel optimization, versions.

use egui::{Color32, Grid, RichText, Sense, Stroke, Ui, vec2};

use super::cards::percent;
use crate::sim::{AbReport, Report, StepReport};
use crate::ui::runner::playback::show_when;
use crate::ui::style::{colours, count};

/// Horizontal bars of customers reaching each step, in step order, each
/// with its name and count.
pub fn funnel_ui(ui: &mut Ui, steps: &[&StepReport], width: f32, several_versions: bool) {
    ui.strong("Funnel: customers reaching each step");
    let top = steps.iter().map(|s| s.reached).max().unwrap_or(0).max(1);
    let name_width = 170.0;
    let bar_width = (width - name_width - 16.0).max(80.0);
    Grid::new("funnel").spacing(vec2(8.0, 3.0)).show(ui, |ui| {
        for s in steps {
            let full = if several_versions {
                format!("v{} · {}", s.version, s.name)
            } else {
                s.name.clone()
            };
            let name = if full.chars().count() > 26 {
                format!("{}…", full.chars().take(25).collect::<String>())
            } else {
                full.clone()
            };
            ui.add_sized(vec2(name_width, 16.0), egui::Label::new(name).truncate())
                .on_hover_text(full);
            let (rect, _) = ui.allocate_exact_size(vec2(bar_width, 16.0), Sense::hover());
            let painter = ui.painter_at(rect);
            let fill = rect.width() * (s.reached as f32 / top as f32);
            painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
            painter.rect_filled(
                egui::Rect::from_min_size(rect.min, vec2(fill, rect.height())),
                2.0,
                colours::NOW.gamma_multiply(0.75),
            );
            painter.text(
                rect.left_center() + vec2(6.0, 0.0),
                egui::Align2::LEFT_CENTER,
                count(s.reached),
                egui::FontId::proportional(11.5),
                if fill > 60.0 {
                    Color32::WHITE
                } else {
                    ui.visuals().text_color()
                },
            );
            ui.end_row();
        }
    });
}

/// One row per step: reached, moved on (to the next step or the End), left
/// early by reason, still there at the end of the run.
pub fn steps_table_ui(ui: &mut Ui, steps: &[&StepReport], several_versions: bool) {
    Grid::new("steps-table")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            header_ui(
                ui,
                &[
                    "Step",
                    "Reached",
                    "Moved on",
                    "Left: suppressed",
                    "Left: exit trigger",
                    "Left: stopped",
                    "Still here",
                ],
            );
            for s in steps {
                let name = if several_versions {
                    format!("v{} · {}", s.version, s.name)
                } else {
                    s.name.clone()
                };
                ui.label(name);
                for n in [
                    s.reached,
                    s.completed,
                    s.exited.suppressed,
                    s.exited.exit_trigger,
                    s.exited.stopped,
                    s.in_progress,
                ] {
                    ui.label(count(n));
                }
                ui.end_row();
            }
        });
}

/// Each A/B test: variants with assigned, converted, rate and its 95 %
/// interval drawn as a bar, then the p-value and the verdict.
pub fn ab_tests_ui(ui: &mut Ui, report: &Report, journey: &crate::model::Journey) {
    if report.ab_tests.is_empty() {
        return;
    }
    ui.strong("A/B tests");
    for ab in &report.ab_tests {
        let step = step_name(report, ab.version, ab.step);
        ui.label(RichText::new(format!("v{} · {step}", ab.version)).italics());
        ab_table_ui(ui, ab);
        ui.label(verdict(ab));
        super::ab_result::explanation_ui(ui, ab, journey);
        ui.add_space(6.0);
    }
}

/// "Winner: B (p = 0.0031), decided Tue 10 Mar 2026, 09:00" or "Inconclusive …".
pub fn verdict(ab: &AbReport) -> String {
    let when = ab.decided_at.map_or_else(
        || ", at the end of the run".to_owned(),
        |at| format!(", decided {}", show_when(at)),
    );
    match &ab.winner {
        Some(w) => format!("Winner: {w} (p = {:.4}){when}", ab.p_value),
        None => format!(
            "Inconclusive (p = {:.4}): no significant difference at 95%{when}",
            ab.p_value
        ),
    }
}

fn ab_table_ui(ui: &mut Ui, ab: &AbReport) {
    let top = ab
        .variants
        .iter()
        .map(|v| v.ci95[1])
        .fold(0.0_f64, f64::max)
        .max(0.01);
    Grid::new(("ab-table", ab.version, ab.step.0))
        .striped(true)
        .show(ui, |ui| {
            header_ui(
                ui,
                &[
                    "Variant",
                    "Assigned",
                    "Converted",
                    "Rate",
                    "95 % interval",
                    "",
                ],
            );
            for v in &ab.variants {
                let winner = ab.winner.as_deref() == Some(v.name.as_str());
                ui.label(marked(&v.name, winner, "winner"));
                ui.label(count(v.assigned));
                ui.label(count(v.converted));
                ui.label(percent(v.rate));
                ui.label(format!("{} – {}", percent(v.ci95[0]), percent(v.ci95[1])));
                interval_bar_ui(ui, v.rate, v.ci95, top, winner);
                ui.end_row();
            }
        });
}

/// A bar from 0 to `top`: the interval as a band, the rate as a tick.
fn interval_bar_ui(ui: &mut Ui, rate: f64, ci: [f64; 2], top: f64, winner: bool) {
    let (rect, resp) = ui.allocate_exact_size(vec2(160.0, 14.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let x = |v: f64| rect.left() + (v / top).clamp(0.0, 1.0) as f32 * rect.width();
    painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
    let colour = if winner {
        colours::COMPLETED
    } else {
        colours::NOW
    };
    let band = egui::Rect::from_x_y_ranges(x(ci[0])..=x(ci[1]), rect.y_range().shrink(2.0));
    painter.rect_filled(band, 2.0, colour.gamma_multiply(0.35));
    painter.line_segment(
        [
            egui::pos2(x(rate), rect.top()),
            egui::pos2(x(rate), rect.bottom()),
        ],
        Stroke::new(2.0, colour),
    );
    resp.on_hover_text(format!(
        "{} (95% interval {} – {})",
        percent(rate),
        percent(ci[0]),
        percent(ci[1])
    ));
}

/// What a channel's "Converted" counts (see assets/docs/format.md).
pub const CHANNEL_NOTE: &str = "Converted: entries that converted at or after their first message on the \
     channel. A customer who got messages on several channels counts on each, so the channels \
     do not add up to the goal's conversions.";

/// Messages per channel, then each channel-optimization step.
pub fn channels_ui(ui: &mut Ui, report: &Report) {
    ui.strong("Channels");
    Grid::new("channels-table").striped(true).show(ui, |ui| {
        header_ui(
            ui,
            &[
                "Channel",
                "Sent",
                "Delivered",
                "Opened",
                "Clicked",
                "Converted",
            ],
        );
        // A customer who got messages on several channels counts on each.
        for c in &report.channels {
            ui.label(channel_label(&c.channel));
            for n in [c.sent, c.delivered, c.opened, c.clicked, c.converted] {
                ui.label(count(n));
            }
            ui.end_row();
        }
    });
    ui.label(RichText::new(CHANNEL_NOTE).small().weak());
    for co in &report.channel_optimization {
        ui.add_space(4.0);
        let step = step_name(report, co.version, co.step);
        ui.label(
            RichText::new(format!("Channel optimization: v{} · {step}", co.version)).italics(),
        );
        Grid::new(("co-table", co.version, co.step.0))
            .striped(true)
            .show(ui, |ui| {
                header_ui(ui, &["Channel", "Sent", "Clicked", "Converted", "Rate"]);
                for c in &co.channels {
                    let best = co.best.as_deref() == Some(c.channel.as_str());
                    ui.label(marked(&channel_label(&c.channel), best, "best"));
                    ui.label(count(c.sent));
                    ui.label(count(c.clicked));
                    ui.label(count(c.converted));
                    ui.label(percent(c.rate));
                    ui.end_row();
                }
            });
    }
}

/// Per version: entered, completed, stopped.
pub fn versions_table_ui(ui: &mut Ui, report: &Report) {
    ui.strong("Versions");
    Grid::new("versions-table").striped(true).show(ui, |ui| {
        header_ui(
            ui,
            &[
                "Version",
                "Entered",
                "Finished the journey",
                "Left: stopped",
            ],
        );
        for v in &report.versions {
            ui.label(format!("Version {}", v.version));
            ui.label(count(v.entered));
            ui.label(count(v.completed));
            ui.label(count(v.stopped));
            ui.end_row();
        }
    });
}

/// Beside the run: what a previewed stop would change, step by step.
pub fn preview_table_ui(ui: &mut Ui, base: &Report, preview: &Report) {
    ui.label(
        RichText::new("Stop preview beside the run")
            .strong()
            .color(colours::STOPPED),
    );
    Grid::new("preview-table").striped(true).show(ui, |ui| {
        header_ui(
            ui,
            &["Step", "Reached (run)", "Reached (stopped)", "Cut off here"],
        );
        for (a, b) in base.steps.iter().zip(&preview.steps) {
            ui.label(&a.name);
            ui.label(count(a.reached));
            ui.label(count(b.reached));
            let cut = RichText::new(count(b.exited.stopped));
            ui.label(if b.exited.stopped > 0 {
                cut.color(colours::STOPPED).strong()
            } else {
                cut.color(Color32::GRAY)
            });
            ui.end_row();
        }
    });
}

/// A report's channel name (`Sms`, `Custom:NAME`) as the window says it ("SMS", "NAME").
fn channel_label(json_name: &str) -> String {
    match json_name {
        "Sms" => "SMS".to_owned(),
        other => other.strip_prefix("Custom:").unwrap_or(other).to_owned(),
    }
}

/// A table's header row.
fn header_ui(ui: &mut Ui, headers: &[&str]) {
    for h in headers {
        ui.strong(*h);
    }
    ui.end_row();
}

/// A name, in bold with "(winner)" or "(best)" after it when it is marked.
fn marked(name: &str, is_marked: bool, mark: &str) -> RichText {
    if is_marked {
        RichText::new(format!("{name} ({mark})")).strong()
    } else {
        RichText::new(name)
    }
}

fn step_name(report: &Report, version: u32, id: crate::model::StepId) -> String {
    report
        .steps
        .iter()
        .find(|s| s.version == version && s.id == id)
        .map_or_else(|| format!("step {id}"), |s| s.name.clone())
}
