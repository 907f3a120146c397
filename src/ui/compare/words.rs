//! The texts of a comparison: metric names and values, signed differences,
//! intervals, a card's two rows and the sentence naming what is clear of
//! chance. Pure functions, tested without a window.

use crate::report::text::{count, percent, signed_count, signed_points};
use crate::sim::{Compared, MetricDiff, StepDiff, StepSides};

/// How a difference reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// B is higher and the 95 % interval is above zero.
    Up,
    /// B is lower and the interval is below zero.
    Down,
    /// The interval holds zero, or there is none (one run).
    Unclear,
    /// Only one side has the step.
    OneSide,
}

/// The tone of a difference with interval `ci95`.
pub fn tone(ci95: Option<[f64; 2]>) -> Tone {
    match ci95 {
        Some([lo, _]) if lo > 0.0 => Tone::Up,
        Some([_, hi]) if hi < 0.0 => Tone::Down,
        _ => Tone::Unclear,
    }
}

/// True for the metrics that are rates (shown in percent, differences in points).
fn is_rate(name: &str) -> bool {
    name == "goal_rate" || name == "lift"
}

/// A whole-journey metric's name as the window says it.
pub fn metric_label(name: &str) -> &'static str {
    match name {
        "entered" => "Entered",
        "completed" => "Completed",
        "suppressed" => "Suppressed",
        "exit_trigger" => "Left on an exit trigger",
        "stopped" => "Stopped",
        "held_out" => "Held out",
        "in_progress" => "Still in the journey",
        "converted" => "Converted",
        "goal_rate" => "Goal rate",
        "lift" => "Lift",
        _ => "Other",
    }
}

/// A metric's value on one side: "4,512" or "9.87 %".
pub fn metric_value(name: &str, x: f64) -> String {
    if is_rate(name) {
        percent(x)
    } else {
        count(x.round().max(0.0) as u64)
    }
}

/// A metric's difference: "+312" or "+1.25 pts".
pub fn metric_diff(name: &str, x: f64) -> String {
    if is_rate(name) {
        signed_points(x)
    } else {
        signed_count(x)
    }
}

/// A metric's interval: "+120 to +505", or why there is none.
pub fn metric_interval(name: &str, ci95: Option<[f64; 2]>) -> String {
    match ci95 {
        Some([lo, hi]) => format!("{} to {}", metric_diff(name, lo), metric_diff(name, hi)),
        None => "none with 1 run".to_owned(),
    }
}

/// The metrics worth a row: those not zero on both sides, and always the main ones.
pub fn shown_metrics(c: &Compared) -> Vec<&MetricDiff> {
    const ALWAYS: [&str; 4] = ["entered", "completed", "converted", "goal_rate"];
    c.metrics
        .iter()
        .filter(|m| ALWAYS.contains(&m.name) || m.a != 0.0 || m.b != 0.0)
        .collect()
}

/// The plain sentence under the table: which metrics' intervals exclude zero.
pub fn clear_sentence(c: &Compared) -> String {
    if c.replications < 2 {
        return "With 1 run there is no interval, so no difference can be told apart from chance: choose 20 or 100 runs and compare again.".to_owned();
    }
    let clear: Vec<String> = shown_metrics(c)
        .into_iter()
        .filter(|m| tone(m.ci95) != Tone::Unclear)
        .map(|m| format!("{} ({})", metric_label(m.name), metric_diff(m.name, m.diff)))
        .collect();
    if clear.is_empty() {
        format!(
            "No difference is clear of chance: over {} runs each, every 95 % interval includes zero.",
            c.replications
        )
    } else {
        format!(
            "Clear of chance (95 % interval excludes zero, {} runs each): {}.",
            c.replications,
            clear.join(", ")
        )
    }
}

/// What a card shows in a comparison: two rows, their tone, and the words
/// for its hover text and accessible label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardDiff {
    /// "+312 reached (+120…+505)".
    pub key: String,
    /// "A 4,210 · B 4,522".
    pub detail: String,
    /// The key row's colour.
    pub tone: Tone,
    /// The full sentence, for the hover text.
    pub explained: String,
}

/// A step's card in a comparison of `runs` runs each.
pub fn card_diff(d: &StepDiff, runs: u32) -> CardDiff {
    let [a, b] = [d.a, d.b].map(|x| count(x.round().max(0.0) as u64));
    match d.sides {
        StepSides::OnlyB => CardDiff {
            key: "New: only in B".to_owned(),
            detail: format!("B {b} reached"),
            tone: Tone::OneSide,
            explained: format!(
                "Only B has this step: {b} reached it (mean of {runs} run{}).",
                plural(runs)
            ),
        },
        StepSides::OnlyA => CardDiff {
            key: "Only in A".to_owned(),
            detail: format!("A {a} reached"),
            tone: Tone::OneSide,
            explained: format!("Only A has this step: {a} reached it."),
        },
        StepSides::Both => {
            let diff = signed_count(d.diff);
            let (range, interval) = match d.ci95 {
                Some([lo, hi]) => (
                    format!(" ({}\u{2026}{})", signed_count(lo), signed_count(hi)),
                    format!(
                        "95 % interval {} to {} over {runs} runs each",
                        signed_count(lo),
                        signed_count(hi)
                    ),
                ),
                None => (
                    String::new(),
                    "1 run: no interval (choose 20 or 100 runs)".to_owned(),
                ),
            };
            let clear = match tone(d.ci95) {
                Tone::Up | Tone::Down => "clear of chance",
                _ if d.ci95.is_some() => "could be chance",
                _ => "cannot be told apart from chance",
            };
            // The same count on both sides in every run: nothing to weigh.
            let none = d
                .ci95
                .map_or(d.diff == 0.0, |[lo, hi]| lo == 0.0 && hi == 0.0);
            let key = if none {
                "No difference".to_owned()
            } else if diff == "0" {
                format!("\u{b1}0 reached{range}")
            } else {
                format!("{diff} reached{range}")
            };
            CardDiff {
                key,
                detail: format!("A {a} · B {b}"),
                tone: tone(d.ci95),
                explained: format!(
                    "Reached B \u{2212} A: {diff} ({interval}; {clear}). A {a}, B {b}."
                ),
            }
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StepId;

    fn step(a: f64, b: f64, ci95: Option<[f64; 2]>) -> StepDiff {
        StepDiff {
            version: 1,
            step: StepId(3),
            name: "SMS".to_owned(),
            sides: StepSides::Both,
            a,
            b,
            diff: b - a,
            ci95,
        }
    }

    #[test]
    fn s25_a_card_says_the_difference_and_its_interval_coloured_by_zero() {
        let up = card_diff(&step(4210.0, 4522.0, Some([120.4, 505.0])), 20);
        assert_eq!(up.key, "+312 reached (+120\u{2026}+505)");
        assert_eq!(up.detail, "A 4,210 · B 4,522");
        assert_eq!(up.tone, Tone::Up);
        let down = card_diff(&step(500.0, 400.0, Some([-150.0, -50.0])), 20);
        assert_eq!(down.tone, Tone::Down);
        let unclear = card_diff(&step(500.0, 510.0, Some([-5.0, 25.0])), 20);
        assert_eq!(unclear.tone, Tone::Unclear);
        let one = card_diff(&step(500.0, 510.0, None), 1);
        assert_eq!((one.key.as_str(), one.tone), ("+10 reached", Tone::Unclear));
        assert!(
            one.explained.contains("1 run: no interval"),
            "{}",
            one.explained
        );
        let zero = card_diff(&step(500.0, 500.0, Some([0.0, 0.0])), 5);
        assert_eq!(
            (zero.key.as_str(), zero.tone),
            ("No difference", Tone::Unclear)
        );
        let small = card_diff(&step(500.0, 500.2, Some([-3.0, 3.4])), 5);
        assert_eq!(small.key, "\u{b1}0 reached (\u{2212}3\u{2026}+3)");
    }
}
