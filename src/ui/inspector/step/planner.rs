//! The A/B test's planner, under its variants: how often the test finds a
//! winner with the next run's customers, and how many customers would make
//! it find one in 8 runs of 10, in one plain sentence. The app computes the
//! plan on a thread of its own; this file draws what it is given and says
//! what the user asked for.

use egui::{RichText, Ui};

use crate::sim::AbPlan;
use crate::ui::inspector::widgets::{explain, rule};
use crate::ui::style::count;

/// The button that plans the test.
pub const PLAN: &str = "Plan this test";
/// The button that plans it again after an edit.
pub const PLAN_AGAIN: &str = "Plan again for the current design";

/// What the planner shows for the selected A/B step.
#[derive(Clone, Debug, Default)]
pub struct PlannerView<'a> {
    /// Customers the next run simulates (what a plan would start from).
    pub customers: u64,
    /// The power planned for (0.8: a winner in 8 runs of 10).
    pub target: f64,
    /// The latest plan of this step, if there is one.
    pub plan: Option<&'a AbPlan>,
    /// Runs per customer count of the plan (or of the next one).
    pub replications: u32,
    /// True when the design changed since the plan was made.
    pub stale: bool,
    /// Scroll the answer into view (it just arrived).
    pub reveal: bool,
    /// Customers simulated so far, while this step is being planned.
    pub running: Option<u64>,
    /// Why the last plan of this step failed, in plain words.
    pub message: Option<String>,
}

/// What the user asked of the planner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlannerIntent {
    /// Plan the test as the design is now.
    Plan,
    /// Cancel the plan in flight (the plan shown stays).
    Cancel,
}

/// Draws the planner; returns what the user asked for.
pub fn planner_ui(ui: &mut Ui, view: &PlannerView<'_>) -> Option<PlannerIntent> {
    ui.add_space(8.0);
    ui.strong("Will this test find a winner?");
    rule(
        ui,
        &format!(
            "The planner runs the journey {} times with the next run's customers, counts how often the test declares a winner, and works out from those runs how many customers would make it {}.",
            view.replications,
            of_ten(view.target)
        ),
    );
    let intent = controls_ui(ui, view);
    if let Some(message) = &view.message {
        ui.colored_label(crate::ui::inspector::widgets::ERROR_COLOR, message.as_str());
    }
    if let Some(plan) = view.plan {
        let text = RichText::new(sentence(plan, view.target, view.replications));
        let text = if view.stale {
            text.weak()
        } else {
            text.strong()
        };
        ui.label(text);
        let last = ui.label(winners_text(plan, view.replications));
        if view.reveal {
            // At once: a screenshot does not wait for an animation.
            let now = egui::style::ScrollAnimation::none();
            ui.scroll_to_rect_animation(last.rect, Some(egui::Align::BOTTOM), now);
        }
    }
    intent
}

/// The button, or the spinner and Cancel; the word when the plan is out of date.
fn controls_ui(ui: &mut Ui, view: &PlannerView<'_>) -> Option<PlannerIntent> {
    let mut intent = None;
    if let Some(simulated) = view.running {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.label(format!(
                "Planning… {} customers simulated so far",
                count(simulated)
            ));
            if ui.button("Cancel").clicked() {
                intent = Some(PlannerIntent::Cancel);
            }
        });
        return intent;
    }
    let planned_other = view.plan.is_some_and(|p| p.customers != view.customers);
    if view.plan.is_some() && (view.stale || planned_other) {
        let why = if view.stale {
            "These figures are from an earlier design.".to_owned()
        } else {
            format!(
                "These figures are for {} customers; the next run has {}.",
                count(view.plan.map_or(0, |p| p.customers)),
                count(view.customers)
            )
        };
        ui.label(RichText::new(why).color(ui.visuals().warn_fg_color));
        if ui.button(PLAN_AGAIN).clicked() {
            intent = Some(PlannerIntent::Plan);
        }
    } else if view.plan.is_none() {
        if ui.button(PLAN).clicked() {
            intent = Some(PlannerIntent::Plan);
        }
        explain(
            ui,
            &format!(
                "Starts from the next run's {} customers; usually takes about a second.",
                count(view.customers)
            ),
        );
    }
    intent
}

/// The planner's answer in one sentence: "With 10,000 customers this test
/// finds a winner in about 4 of 10 runs; about 38,000 would make it 8 of 10."
pub fn sentence(plan: &AbPlan, target: f64, replications: u32) -> String {
    let goal = of_ten(target);
    let now = format!(
        "With {} customers this test finds a winner {}",
        count(plan.customers),
        how_often(plan.power, replications)
    );
    match plan.customers_for_power {
        Some(needed) if needed > plan.customers => {
            format!(
                "{now}; about {} would make it {goal}.",
                count(about(needed))
            )
        }
        Some(needed) if plan.power >= target => format!(
            "{now}; about {} would already be enough for {goal}.",
            count(about(needed))
        ),
        Some(_) => format!("{now}."),
        None => format!(
            "{now}; even {} customers would not make it {goal}: the variants are too alike to tell apart.",
            count(crate::model::MAX_CUSTOMERS)
        ),
    }
}

/// "in about 4 of 10 runs", "in every run", "in none of the 200 runs".
fn how_often(power: f64, replications: u32) -> String {
    let tenths = (power * 10.0).round();
    if power <= 0.0 {
        format!("in none of the {replications} runs")
    } else if power >= 1.0 {
        "in every run".to_owned()
    } else if tenths < 1.0 {
        "in fewer than 1 of 10 runs".to_owned()
    } else if tenths >= 10.0 {
        "in almost every run".to_owned()
    } else {
        format!("in about {tenths:.0} of 10 runs")
    }
}

/// A power as "8 of 10".
fn of_ten(power: f64) -> String {
    format!("{:.0} of 10", (power * 10.0).round())
}

/// A customer count rounded up to two significant figures: 37,812 → 38,000.
fn about(n: u64) -> u64 {
    let mut unit = 1u64;
    while n / unit >= 100 {
        unit = unit.saturating_mul(10);
    }
    n.div_ceil(unit).saturating_mul(unit)
}

/// How often each variant won: "In 200 runs: A won 120, B won 35, no winner in 45."
pub fn winners_text(plan: &AbPlan, replications: u32) -> String {
    let won: u64 = plan.winners.iter().map(|(_, n)| n).sum();
    let each: Vec<String> = (plan.winners.iter())
        .map(|(name, n)| format!("{name} won {}", count(*n)))
        .collect();
    let none = u64::from(replications).saturating_sub(won);
    format!(
        "In {} runs: {}, no winner in {}.",
        count(u64::from(replications)),
        each.join(", "),
        count(none)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StepId;

    fn plan(customers: u64, power: f64, needed: Option<u64>) -> AbPlan {
        AbPlan {
            version: 1,
            step: StepId(3),
            customers,
            power,
            winners: vec![("A".to_owned(), 70), ("B".to_owned(), 10)],
            customers_for_power: needed,
        }
    }

    #[test]
    fn the_sentence_says_how_often_now_and_how_many_for_eight_of_ten() {
        assert_eq!(
            sentence(&plan(10_000, 0.4, Some(37_812)), 0.8, 200),
            "With 10,000 customers this test finds a winner in about 4 of 10 runs; about 38,000 would make it 8 of 10."
        );
        assert_eq!(
            sentence(&plan(50_000, 0.95, Some(21_000)), 0.8, 200),
            "With 50,000 customers this test finds a winner in almost every run; about 21,000 would already be enough for 8 of 10."
        );
        assert!(
            sentence(&plan(10_000, 0.0, None), 0.8, 200)
                .starts_with("With 10,000 customers this test finds a winner in none of the 200 runs; even 100,000,000")
        );
    }

    #[test]
    fn needed_customers_round_up_to_two_figures() {
        assert_eq!(about(37_812), 38_000);
        assert_eq!(about(12_001), 13_000);
        assert_eq!(about(87), 87);
        assert_eq!(about(100), 100);
        assert_eq!(about(101), 110);
    }

    #[test]
    fn the_winners_line_counts_runs_without_a_winner() {
        assert_eq!(
            winners_text(&plan(10_000, 0.4, None), 200),
            "In 200 runs: A won 70, B won 10, no winner in 120."
        );
    }
}
