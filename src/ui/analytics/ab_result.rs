//! The A/B result in words under its table: each variant's rate with its
//! 95 % interval written out, why the verdict is what it is, and, when the
//! test decided before the end, where the customers who came later went.

use egui::{RichText, Ui};

use super::cards::percent;
use crate::model::{Action, Journey, trim_float};
use crate::sim::AbReport;
use crate::ui::runner::playback::show_when;
use crate::ui::style::count;

/// The sentences explaining `ab`, of the journey `journey` that was run.
pub fn explanation(ab: &AbReport, journey: &Journey) -> Vec<String> {
    let mut lines: Vec<String> = (ab.variants.iter())
        .map(|v| {
            format!(
                "{}: {} of {} customers converted, {} (95 % interval {} to {}).",
                v.name,
                count(v.converted),
                count(v.assigned),
                percent(v.rate),
                percent(v.ci95[0]),
                percent(v.ci95[1])
            )
        })
        .collect();
    lines.push(match &ab.winner {
        Some(w) => format!(
            "{w} wins: the difference is too large to be chance (p = {:.4}, below 0.05).",
            ab.p_value
        ),
        None => format!(
            "Inconclusive: the difference could be chance (p = {:.4}; a winner needs below 0.05).",
            ab.p_value
        ),
    });
    lines.push(decision_sentence(ab, journey));
    lines
}

/// Where later arrivals went after the decision, or that there was none.
fn decision_sentence(ab: &AbReport, journey: &Journey) -> String {
    let Some(at) = ab.decided_at else {
        return "No decision date: customers were split by the percentages all along, and the result is taken at the end of the run.".to_owned();
    };
    let decide = (journey
        .versions
        .get((ab.version as usize).saturating_sub(1)))
    .and_then(|v| v.steps.get(&ab.step))
    .and_then(|s| match &s.action {
        Action::AbTest { variants, decide } => Some((variants, decide.as_ref()?)),
        _ => None,
    });
    let (chosen, why) = match (&ab.winner, decide) {
        (Some(w), _) => (w.clone(), "the winner".to_owned()),
        (None, Some((_, d))) => (d.default_variant.clone(), "the default variant".to_owned()),
        (None, None) => return format!("Decided {}: inconclusive.", show_when(at)),
    };
    let total: u64 = ab.variants.iter().map(|v| v.assigned).sum();
    let share = (ab.variants.iter().find(|v| v.name == chosen))
        .filter(|_| total > 0)
        .map(|v| v.assigned as f64 / total as f64 * 100.0);
    let planned = decide.and_then(|(variants, _)| variants.iter().find(|v| v.name == chosen));
    let uneven = match (share, planned) {
        (Some(share), Some(p)) if (share - p.percent).abs() >= 1.0 => format!(
            " That is why {chosen} has {} % of the customers instead of {} %.",
            trim_float(share.round()),
            trim_float(p.percent)
        ),
        _ => String::new(),
    };
    format!(
        "Decided {}: every customer who arrived after that went down {chosen}, {why}.{uneven}",
        show_when(at)
    )
}

/// Draws the explanation, one sentence a line.
pub fn explanation_ui(ui: &mut Ui, ab: &AbReport, journey: &Journey) {
    for line in explanation(ab, journey) {
        ui.label(RichText::new(line).small());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StepId;
    use crate::sim::VariantReport;

    fn variant(name: &str, assigned: u64, converted: u64, ci95: [f64; 2]) -> VariantReport {
        VariantReport {
            name: name.to_owned(),
            assigned,
            converted,
            rate: converted as f64 / assigned as f64,
            ci95,
        }
    }

    /// S12, issue 11: an inconclusive test decided early says that later
    /// arrivals went to the default variant, which is why the shares are
    /// uneven, and writes out every rate with its 95 % interval.
    #[test]
    fn s12_inconclusive_decided_test_explains_the_uneven_shares_and_intervals() {
        let journey = crate::store::parse(include_str!(
            "../../../assets/renewal-live-edit.journey.ron"
        ))
        .expect("the template parses");
        let version = (journey.versions.iter())
            .position(|v| v.steps.contains_key(&StepId(6)))
            .expect("a version with the A/B test");
        let at = journey.start.starts_at;
        let ab = AbReport {
            version: version as u32 + 1,
            step: StepId(6),
            variants: vec![
                variant("10% off", 8200, 410, [0.0456, 0.0549]),
                variant("Extra month free", 1800, 99, [0.0453, 0.0666]),
            ],
            winner: None,
            p_value: 0.26,
            decided_at: Some(at),
        };
        let lines = explanation(&ab, &journey);
        assert_eq!(
            lines[0],
            "10% off: 410 of 8,200 customers converted, 5.00% (95 % interval 4.56% to 5.49%)."
        );
        assert!(lines[2].starts_with("Inconclusive: the difference could be chance (p = 0.2600"));
        assert!(
            lines[3].ends_with(
                "every customer who arrived after that went down 10% off, the default variant. That is why 10% off has 82 % of the customers instead of 50 %."
            ),
            "{}",
            lines[3]
        );
    }

    /// S12: without a decision date the split holds all along.
    #[test]
    fn s12_undecided_test_says_the_split_held_all_along() {
        let journey = Journey::new_empty("A/B", chrono::DateTime::UNIX_EPOCH);
        let ab = AbReport {
            version: 1,
            step: StepId(9),
            variants: vec![variant("A", 100, 10, [0.05, 0.17])],
            winner: Some("A".to_owned()),
            p_value: 0.001,
            decided_at: None,
        };
        let lines = explanation(&ab, &journey);
        assert!(lines[1].starts_with("A wins"));
        assert!(lines[2].starts_with("No decision date: customers were split"));
    }
}
