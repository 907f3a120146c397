//! "What moves the goal rate": a sensitivity (tornado) chart. Each scenario
//! assumption the journey uses, ×0.8 and ×1.2 on the same random numbers,
//! as two bars either side of the base goal rate, largest swing on top,
//! with one line saying which assumption matters most. Computed on demand
//! (the app runs it on a thread of its own); this file only draws what it
//! is given and returns what the user asked for.

mod bars;
pub mod labels;

use egui::{Button, ProgressBar, RichText, Ui};

use super::cards::percent;
use crate::sim::{Effect, Sensitivity};
use crate::ui::style::{colours, count};

pub use labels::label;

/// The button that starts the chart.
pub const FIND: &str = "Find what moves the goal rate";
/// The button that computes it again after an edit.
pub const RECOMPUTE: &str = "Recompute for the current design";
/// How many assumptions get a bar; the rest are summed up in a line.
const SHOWN: usize = 10;

/// What the section shows.
#[derive(Clone, Debug, Default)]
pub struct SensitivityView<'a> {
    /// True when the journey has a goal (without one there is no goal rate to move).
    pub has_goal: bool,
    /// The latest chart, if there is one.
    pub chart: Option<&'a Sensitivity>,
    /// Customers per run of the chart.
    pub customers: u64,
    /// True when the design changed since the chart was computed.
    pub stale: bool,
    /// How far the computation in flight is (0..=1), while there is one.
    pub running: Option<f32>,
    /// Why the last computation gave no chart, in plain words.
    pub message: Option<String>,
    /// Scroll the panel to the section (screenshots).
    pub scroll_to: bool,
}

/// What the user asked of the section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SensitivityIntent {
    /// Compute the chart for the design as it is now.
    Compute,
    /// Cancel the computation in flight (the chart shown stays).
    Cancel,
}

/// The one-line reading of the chart: which assumption the goal rate
/// depends on most, and the goal rate at ×0.8 and ×1.2.
pub fn reading(s: &Sensitivity) -> String {
    match s.effects.first() {
        Some(top) if top.swing(&s.base) > 0.0 => format!(
            "The goal rate depends most on {} (×0.8 gives {}, ×1.2 gives {}).",
            label(&top.param),
            percent(top.scaled[0].goal_rate),
            percent(top.scaled[1].goal_rate)
        ),
        Some(_) => "No assumption moves the goal rate when scaled by ×0.8 or ×1.2.".to_owned(),
        None => "The journey uses no assumption that can be scaled.".to_owned(),
    }
}

/// The line that states the base: "Goal rate as designed: 9.87% (mean of 10 runs of 20,000 customers)."
pub fn base_text(s: &Sensitivity, customers: u64) -> String {
    format!(
        "Goal rate as designed: {} (mean of {} runs of {} customers).",
        percent(s.base.goal_rate),
        s.replications,
        count(customers)
    )
}

/// How the chart was made, under the base.
const HOW: &str = "Each assumption is scaled by ×0.8 and ×1.2 and the journey run again on the same random numbers, so a change comes from the assumption, not from luck. Hover a row for the assumption's value.";

/// Draws the section; returns what the user asked for.
pub fn sensitivity_ui(ui: &mut Ui, view: &SensitivityView<'_>) -> Option<SensitivityIntent> {
    let heading = ui.strong("What moves the goal rate");
    if view.scroll_to {
        // At once: a screenshot does not wait for an animation.
        let now = egui::style::ScrollAnimation::none();
        ui.scroll_to_rect_animation(heading.rect, Some(egui::Align::TOP), now);
    }
    if !view.has_goal {
        ui.weak(
            "This chart needs a goal: set one in the Goal tab to see which assumption moves the goal rate most.",
        );
        return None;
    }
    let intent = controls_ui(ui, view);
    if let Some(message) = &view.message {
        ui.colored_label(colours::ERROR, message.as_str());
    }
    if let Some(chart) = view.chart {
        chart_ui(ui, chart, view.customers);
    }
    intent
}

/// The button, or the progress bar and Cancel; the word when the chart is out of date.
fn controls_ui(ui: &mut Ui, view: &SensitivityView<'_>) -> Option<SensitivityIntent> {
    let mut intent = None;
    if view.running.is_none() && view.chart.is_some() && !view.stale {
        return None;
    }
    ui.horizontal_wrapped(|ui| {
        if let Some(fraction) = view.running {
            ui.add(
                ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(format!(
                        "Scaling each assumption ×0.8 and ×1.2… {:.0} %",
                        fraction * 100.0
                    )),
            );
            if ui.button("Cancel").clicked() {
                intent = Some(SensitivityIntent::Cancel);
            }
            return;
        }
        match view.chart {
            None => {
                if ui.add(Button::new(FIND)).clicked() {
                    intent = Some(SensitivityIntent::Compute);
                }
                ui.weak(
                    "Runs the journey again with each assumption a fifth lower and a fifth higher.",
                );
            }
            Some(_) if view.stale => {
                ui.label(
                    RichText::new("This chart is from an earlier design.")
                        .color(ui.visuals().warn_fg_color),
                );
                if ui.button(RECOMPUTE).clicked() {
                    intent = Some(SensitivityIntent::Compute);
                }
            }
            Some(_) => {}
        }
    });
    intent
}

/// The reading, the base, the legend and a bar pair per assumption.
fn chart_ui(ui: &mut Ui, s: &Sensitivity, customers: u64) {
    ui.label(RichText::new(reading(s)).strong());
    ui.label(base_text(s, customers));
    ui.add(egui::Label::new(RichText::new(HOW).small().weak()).wrap());
    if s.effects.is_empty() {
        return;
    }
    let shown: Vec<&Effect> = s.effects.iter().take(SHOWN).collect();
    bars::legend_ui(ui);
    bars::bars_ui(ui, &s.base, &shown);
    if let Some(last) = shown.last()
        && s.effects.len() > SHOWN
    {
        ui.weak(format!(
            "{} more assumptions move it by at most {} points each.",
            s.effects.len() - SHOWN,
            points(last.swing(&s.base))
        ));
    }
}

/// A change of rate in percentage points: "0.42".
fn points(change: f64) -> String {
    format!("{:.2}", change * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Channel;
    use crate::sim::{Measured, Param};

    fn measured(goal_rate: f64) -> Measured {
        Measured {
            goal_rate,
            completed: 100.0,
        }
    }

    fn chart(effects: Vec<Effect>) -> Sensitivity {
        Sensitivity {
            replications: 10,
            base: measured(0.1),
            effects,
        }
    }

    #[test]
    fn the_reading_names_the_top_assumption_and_both_goal_rates() {
        let s = chart(vec![Effect {
            param: Param::Clicked(Channel::Email),
            value: 0.3,
            scaled: [measured(0.081), measured(0.119)],
        }]);
        assert_eq!(
            reading(&s),
            "The goal rate depends most on Email clicked rate (×0.8 gives 8.10%, ×1.2 gives 11.90%)."
        );
        assert!(
            base_text(&s, 20_000).starts_with(
                "Goal rate as designed: 10.00% (mean of 10 runs of 20,000 customers)."
            )
        );
    }

    #[test]
    fn a_chart_where_nothing_moves_says_so() {
        let flat = chart(vec![Effect {
            param: Param::Opened(Channel::Push),
            value: 0.3,
            scaled: [measured(0.1), measured(0.1)],
        }]);
        assert!(reading(&flat).starts_with("No assumption moves"));
        assert!(reading(&chart(Vec::new())).contains("no assumption"));
    }
}
