//! The scenario: probabilities, rates, distributions, limits.

use super::{ProblemKind, Problems, Severity, check_span};
use crate::model::{ChannelModel, Dist, Journey, MAX_CUSTOMERS};

fn check_probability(what: &str, p: f64, out: &mut Problems) {
    if !(0.0..=1.0).contains(&p) {
        out.journey(
            Severity::Error,
            ProblemKind::Probability,
            format!("scenario: {what} is {p}, but a probability must be between 0 and 1"),
        );
    }
}

fn check_rate(what: &str, rate: f64, out: &mut Problems) {
    if !(rate >= 0.0 && rate.is_finite()) {
        out.journey(
            Severity::Error,
            ProblemKind::NegativeRate,
            format!("scenario: {what} is {rate}, but a rate must be a number of at least 0"),
        );
    }
}

/// The most occurrences per day a trigger may have, click lift included:
/// once a minute. Far above any real behaviour, and it keeps a simulation
/// from running for hours on a typo (`per_day: 1e11`).
pub const MAX_TRIGGERS_PER_DAY: f64 = 1_440.0;

fn check_trigger_peak(name: &str, model: &crate::model::TriggerModel, out: &mut Problems) {
    let peak = model.per_day * model.click_lift.max(1.0);
    if peak.is_finite() && peak > MAX_TRIGGERS_PER_DAY {
        out.journey(
            Severity::Error,
            ProblemKind::RateTooHigh,
            format!(
                "scenario: trigger '{name}' would happen {peak} times a day (click lift included); the most Journey Designer simulates is {MAX_TRIGGERS_PER_DAY} (once a minute)"
            ),
        );
    }
}

fn check_channel(what: &str, model: &ChannelModel, out: &mut Problems) {
    check_probability(&format!("{what} delivered"), model.delivered, out);
    check_probability(&format!("{what} opened"), model.opened, out);
    check_probability(&format!("{what} clicked"), model.clicked, out);
    check_span(
        &format!("scenario: {what} open delay"),
        model.open_delay,
        out,
    );
    check_span(
        &format!("scenario: {what} click delay"),
        model.click_delay,
        out,
    );
}

pub(super) fn check_scenario(journey: &Journey, out: &mut Problems) {
    let scenario = &journey.scenario;
    if scenario.customers > MAX_CUSTOMERS {
        out.journey(
            Severity::Error,
            ProblemKind::TooManyCustomers,
            format!(
                "scenario: {} customers is more than the {MAX_CUSTOMERS} Journey Designer can simulate",
                scenario.customers
            ),
        );
    }
    if let Some(goal) = &journey.goal {
        if let Some(target) = goal.target_percent
            && !(0.0..=100.0).contains(&target)
        {
            out.journey(
                Severity::Error,
                ProblemKind::Probability,
                format!(
                    "the goal's target is {target}%, but a target must be between 0 and 100 percent"
                ),
            );
        }
        check_span("the goal's attribution window", goal.attribution, out);
    }
    check_span("scenario: the arrival period", scenario.arrivals_over, out);
    check_span("scenario: the simulated period", scenario.horizon, out);
    if scenario.arrivals_over.seconds() > scenario.horizon.seconds() {
        out.journey(
            Severity::Warning,
            ProblemKind::ArrivalsLongerThanHorizon,
            format!(
                "scenario: arrivals are spread over {}, longer than the {} simulated: later arrivals are not simulated",
                scenario.arrivals_over, scenario.horizon
            ),
        );
    }
    for (name, dist) in &scenario.attributes {
        match dist {
            Dist::Choice(choices) => {
                let sum: f64 = choices.iter().map(|(_, w)| *w).sum();
                let negative = choices.iter().any(|(_, w)| !(*w >= 0.0 && w.is_finite()));
                if negative || !(sum > 0.0 && sum.is_finite()) {
                    out.journey(
                        Severity::Error,
                        ProblemKind::ChoiceWeights,
                        format!("scenario: attribute '{name}' has weights that are negative or add up to 0"),
                    );
                }
            }
            Dist::Range(low, high) => {
                if low > high || !low.is_finite() || !high.is_finite() {
                    out.journey(
                        Severity::Error,
                        ProblemKind::RangeBounds,
                        format!("scenario: attribute '{name}' ranges from {low} to {high}: the low end is above the high end"),
                    );
                }
            }
        }
    }
    for (name, model) in &scenario.segments {
        check_probability(&format!("segment '{name}' share"), model.share, out);
        check_rate(
            &format!("segment '{name}' joins per day"),
            model.joins_per_day,
            out,
        );
    }
    for (name, model) in &scenario.triggers {
        check_rate(&format!("trigger '{name}' per day"), model.per_day, out);
        check_trigger_peak(name, model, out);
        check_rate(
            &format!("trigger '{name}' click lift"),
            model.click_lift,
            out,
        );
        check_span(
            &format!("scenario: trigger '{name}' lift period"),
            model.lift_for,
            out,
        );
    }
    for (channel, model) in &scenario.channels {
        check_channel(&format!("channel {}", channel.label()), model, out);
    }
    for (segment, channels) in &scenario.segment_channels {
        for (channel, model) in channels {
            check_channel(
                &format!("segment '{segment}' channel {}", channel.label()),
                model,
                out,
            );
        }
    }
}
