//! The analytics panel during a comparison: the two designs' whole-journey
//! metrics side by side with B − A and its 95 % interval, the sentence naming
//! what is clear of chance, and each step's reached count. The way back to
//! the run is in the runner bar, under it.

use egui::{Grid, RichText, ScrollArea, Ui};

use super::tone_colour;
use super::words::{
    clear_sentence, metric_diff, metric_interval, metric_label, metric_value, shown_metrics, tone,
};
use crate::report::text::{count, signed_count};
use crate::sim::{Compared, StepDiff, StepSides};

/// What the panel shows.
#[derive(Clone, Copy, Debug)]
pub struct ComparisonView<'a> {
    /// The comparison.
    pub compared: &'a Compared,
    /// True when the design changed since it was made.
    pub stale: bool,
    /// Customers per run.
    pub customers: u64,
}

/// Draws the comparison.
pub fn comparison_ui(ui: &mut Ui, view: &ComparisonView<'_>) {
    let c = view.compared;
    // Few lines before the tables: the panel may be short.
    ui.horizontal_wrapped(|ui| {
        ui.strong("Comparison: B \u{2212} A");
        ui.separator();
        ui.label(format!("A: {}", c.a));
        ui.separator();
        ui.label(format!("B: {}", c.b));
        ui.separator();
        ui.weak(format!(
            "{} run{} each of {} customers, the same customers and random numbers on both sides (this journey's scenario)",
            c.replications,
            if c.replications == 1 { "" } else { "s" },
            count(view.customers)
        ));
    });
    if view.stale {
        ui.label(
            RichText::new("The design changed since this comparison: compare again to update it.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.label(RichText::new(clear_sentence(c)).strong());
    if c.goals_differ {
        ui.label(
            RichText::new(
                "A and B have different goals, so their goal rates measure different things.",
            )
            .color(ui.visuals().warn_fg_color),
        );
    }
    ui.add_space(4.0);
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| metrics_table_ui(ui, c));
                ui.separator();
                ui.vertical(|ui| steps_table_ui(ui, c));
            });
        });
}

fn header_ui(ui: &mut Ui, titles: &[&str]) {
    for t in titles {
        ui.strong(*t);
    }
    ui.end_row();
}

/// The whole-journey metrics: A, B, B − A (coloured) and the interval.
fn metrics_table_ui(ui: &mut Ui, c: &Compared) {
    ui.strong("The whole journey");
    Grid::new("compare-metrics")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            header_ui(ui, &["", "A", "B", "B \u{2212} A", "95 % interval"]);
            for m in shown_metrics(c) {
                ui.label(metric_label(m.name));
                ui.label(metric_value(m.name, m.a));
                ui.label(metric_value(m.name, m.b));
                let colour = tone_colour(tone(m.ci95));
                ui.label(
                    RichText::new(metric_diff(m.name, m.diff))
                        .color(colour)
                        .strong(),
                );
                ui.label(metric_interval(m.name, m.ci95));
                ui.end_row();
            }
        });
}

/// Each step's reached count on both sides, steps of one side said as such.
fn steps_table_ui(ui: &mut Ui, c: &Compared) {
    ui.strong("Customers reaching each step");
    let several = c.steps.iter().any(|s| s.version > 1);
    Grid::new("compare-steps")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            header_ui(ui, &["Step", "A", "B", "B \u{2212} A", "95 % interval"]);
            for s in &c.steps {
                step_row_ui(ui, s, several);
            }
        });
}

fn step_row_ui(ui: &mut Ui, s: &StepDiff, several: bool) {
    let name = if several {
        format!("v{} · {}", s.version, s.name)
    } else {
        s.name.clone()
    };
    ui.label(name);
    let shown = |x: f64| count(x.round().max(0.0) as u64);
    match s.sides {
        StepSides::Both => {
            ui.label(shown(s.a));
            ui.label(shown(s.b));
            let colour = tone_colour(tone(s.ci95));
            ui.label(RichText::new(signed_count(s.diff)).color(colour).strong());
            ui.label(metric_interval("reached", s.ci95));
        }
        StepSides::OnlyA => {
            ui.label(shown(s.a));
            ui.weak("—");
            ui.weak("only in A");
            ui.label("");
        }
        StepSides::OnlyB => {
            ui.weak("—");
            ui.label(shown(s.b));
            ui.weak("only in B");
            ui.label("");
        }
    }
    ui.end_row();
}
