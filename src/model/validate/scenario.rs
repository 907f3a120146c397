//! The scenario: probabilities, rates, distributions, limits.
//!
//! Every number a marketer types is checked for being a finite number in its
//! range, and products the simulator computes from them (a trigger's rate
//! times its click lift) are checked too: a product that overflows to
//! infinity would otherwise slip past the limits and never finish.

use super::{ProblemKind, Problems, Severity, check_span};
use crate::model::{ChannelModel, Dist, Goal, Journey, MAX_CUSTOMERS, TriggerModel};

/// A number as a message shows it: "1.5", "-1", "1e308", "not a number", "infinite".
///
/// Rust prints 1e308 as 309 digits; huge and tiny numbers keep the short form.
fn number(x: f64) -> String {
    if x.is_nan() {
        "not a number".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 {
            "infinite"
        } else {
            "minus infinite"
        }
        .to_owned()
    } else if x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

fn check_probability(what: &str, p: f64, out: &mut Problems) {
    if !(0.0..=1.0).contains(&p) {
        out.journey(
            Severity::Error,
            ProblemKind::Probability,
            format!(
                "scenario: {what} is {}, but a probability must be between 0 and 1",
                number(p)
            ),
        );
    }
}

fn check_rate(what: &str, rate: f64, out: &mut Problems) {
    if !(rate >= 0.0 && rate.is_finite()) {
        out.journey(
            Severity::Error,
            ProblemKind::NegativeRate,
            format!(
                "scenario: {what} is {}, but a rate must be a number of at least 0",
                number(rate)
            ),
        );
    }
}

/// The most occurrences per day a trigger may have, click lift included:
/// once a minute. Far above any real behaviour, and it keeps a simulation
/// from running for hours on a typo (`per_day: 1e11`).
pub const MAX_TRIGGERS_PER_DAY: f64 = 1_440.0;

/// The trigger's highest rate, `per_day` times the click lift (when the lift
/// raises it), must be at most [`MAX_TRIGGERS_PER_DAY`]. A product that
/// overflows (`1e308` times `2`) is infinite and refused like any other too
/// high a rate; a negative or non-numeric input is [`check_rate`]'s to report.
fn check_trigger_peak(name: &str, model: &TriggerModel, out: &mut Problems) {
    let (rate, lift) = (model.per_day, model.click_lift);
    if !(rate >= 0.0 && rate.is_finite() && lift >= 0.0 && lift.is_finite()) {
        return;
    }
    let peak = rate * lift.max(1.0);
    if peak <= MAX_TRIGGERS_PER_DAY {
        return;
    }
    let how_often = if lift > 1.0 {
        let total = if peak.is_finite() {
            format!(", that is {} times a day", number(peak))
        } else {
            String::new()
        };
        format!(
            "{} times a day, and {} times as often after a click{total}",
            number(rate),
            number(lift),
        )
    } else {
        format!("{} times a day", number(rate))
    };
    out.journey(
        Severity::Error,
        ProblemKind::RateTooHigh,
        format!(
            "scenario: trigger '{name}' would happen {how_often}; the most Journey Designer simulates is {MAX_TRIGGERS_PER_DAY} times a day (once a minute)"
        ),
    );
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
        check_goal(goal, out);
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
        check_attribute(name, dist, out);
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
        check_trigger(name, model, out);
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

fn check_goal(goal: &Goal, out: &mut Problems) {
    if let Some(target) = goal.target_percent
        && !(0.0..=100.0).contains(&target)
    {
        out.journey(
            Severity::Error,
            ProblemKind::Probability,
            format!(
                "the goal's target is {}%, but a target must be between 0 and 100 percent",
                number(target)
            ),
        );
    }
    check_span("the goal's attribution window", goal.attribution, out);
}

fn check_trigger(name: &str, model: &TriggerModel, out: &mut Problems) {
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

/// Weights must be finite, not negative, and add up to more than 0 (a
/// finite sum: `1e308 + 1e308` overflows); a range's ends must be finite
/// and in order.
fn check_attribute(name: &str, dist: &Dist, out: &mut Problems) {
    let message = match dist {
        Dist::Choice(choices) => {
            let sum: f64 = choices.iter().map(|(_, w)| *w).sum();
            if let Some((value, weight)) =
                choices.iter().find(|(_, w)| !(*w >= 0.0 && w.is_finite()))
            {
                format!(
                    "scenario: attribute '{name}' gives '{value}' the weight {}: weights must be numbers of at least 0",
                    number(*weight)
                )
            } else if !(sum > 0.0 && sum.is_finite()) {
                format!(
                    "scenario: attribute '{name}' has weights that add up to {}: they must add up to more than 0 (and not be that large)",
                    number(sum)
                )
            } else {
                return;
            }
        }
        Dist::Range(low, high) => {
            if !low.is_finite() || !high.is_finite() {
                format!(
                    "scenario: attribute '{name}' ranges from {} to {}: both ends must be ordinary numbers",
                    number(*low),
                    number(*high)
                )
            } else if low > high {
                format!(
                    "scenario: attribute '{name}' ranges from {} to {}: the low end is above the high end",
                    number(*low),
                    number(*high)
                )
            } else {
                return;
            }
        }
    };
    let kind = match dist {
        Dist::Choice(_) => ProblemKind::ChoiceWeights,
        Dist::Range(..) => ProblemKind::RangeBounds,
    };
    out.journey(Severity::Error, kind, message);
}
