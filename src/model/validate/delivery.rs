//! Delivery rules, time zones and the holdout (format 2, S18–S23).

use super::{ProblemKind, Problems, Severity, too_long, too_long_reason};
use crate::model::time_zone::{TIME_ZONE_ATTRIBUTE, nearest_zones, zone};
use crate::model::{Action, Channel, Journey};

/// Quiet hours, frequency caps and the holdout.
pub(super) fn check_delivery(journey: &Journey, out: &mut Problems) {
    let used = used_channels(journey);
    for rule in &journey.delivery.quiet_hours {
        if rule.from == rule.to {
            out.journey(
                Severity::Error,
                ProblemKind::QuietHoursEmpty,
                format!(
                    "Quiet hours {}–{} cover no time: give different start and end",
                    rule.from, rule.to
                ),
            );
        }
        for channel in rule.channels.iter().filter(|c| !used.contains(c)) {
            out.journey(
                Severity::Warning,
                ProblemKind::QuietHoursUnusedChannel,
                format!(
                    "Quiet hours {}–{} name {}, but no message of the journey is sent on it",
                    rule.from,
                    rule.to,
                    channel.label()
                ),
            );
        }
    }
    check_caps(journey, out);
    check_holdout(journey, out);
}

/// The channels the journey's messages (and channel optimizations) send on, with
/// whether each message is transactional.
fn messages(journey: &Journey) -> Vec<(Channel, bool)> {
    let mut list = Vec::new();
    for version in &journey.versions {
        for step in version.steps.values() {
            match &step.action {
                Action::Message {
                    channel,
                    transactional,
                    ..
                } => list.push((channel.clone(), *transactional)),
                Action::ChannelOptimization { channels, .. } => {
                    list.extend(channels.iter().map(|c| (c.clone(), false)));
                }
                _ => {}
            }
        }
    }
    list
}

fn used_channels(journey: &Journey) -> Vec<Channel> {
    messages(journey).into_iter().map(|(c, _)| c).collect()
}

fn check_caps(journey: &Journey, out: &mut Problems) {
    let messages = messages(journey);
    for cap in &journey.delivery.frequency_caps {
        let what = format!("The frequency cap of {} per {}", cap.max, cap.per);
        if cap.max == 0 {
            out.journey(
                Severity::Error,
                ProblemKind::CapMax,
                format!("{what} would block every message: allow at least 1 message"),
            );
        }
        if cap.per.is_zero() {
            out.journey(
                Severity::Error,
                ProblemKind::CapWindow,
                format!("{what} counts over no time: give it a period longer than 0"),
            );
        } else if too_long(cap.per) {
            out.journey(
                Severity::Error,
                ProblemKind::CapWindow,
                format!("{what}: the period is {}", too_long_reason()),
            );
        }
        let covered: Vec<bool> = messages
            .iter()
            .filter(|(c, _)| cap.covers(c))
            .map(|(_, transactional)| *transactional)
            .collect();
        if covered.is_empty() {
            out.journey(
                Severity::Warning,
                ProblemKind::CapUnreachable,
                format!("{what} limits nothing: no message of the journey is on its channels"),
            );
        } else if covered.iter().all(|&t| t) {
            out.journey(
                Severity::Warning,
                ProblemKind::CapUnreachable,
                format!(
                    "{what} limits nothing: every message it covers is transactional, and caps never hold those back"
                ),
            );
        }
    }
}

fn check_holdout(journey: &Journey, out: &mut Problems) {
    let Some(holdout) = &journey.holdout else {
        return;
    };
    let p = holdout.percent;
    if !(p > 0.0 && p < 100.0) {
        out.journey(
            Severity::Error,
            ProblemKind::HoldoutPercent,
            format!(
                "The holdout of {p}% is not a share one can hold out: give a percent above 0 and below 100"
            ),
        );
    }
    if holdout.measure_for.is_zero() {
        out.journey(
            Severity::Error,
            ProblemKind::HoldoutWindow,
            "The holdout measures conversions over no time: give it a period longer than 0"
                .to_owned(),
        );
    } else if too_long(holdout.measure_for) {
        out.journey(
            Severity::Error,
            ProblemKind::HoldoutWindow,
            format!("The holdout's measuring period is {}", too_long_reason()),
        );
    }
    if journey.start.reentry {
        out.journey(
            Severity::Warning,
            ProblemKind::HoldoutWithReentry,
            "A holdout with re-entry mixes the groups: a customer held out once may be treated on the next entry, so the lift understates the journey's effect".to_owned(),
        );
    }
    if journey.goal.is_none() {
        out.journey(
            Severity::Warning,
            ProblemKind::HoldoutWithoutGoal,
            "The holdout measures nothing without a goal: set a goal to see the journey's lift"
                .to_owned(),
        );
    }
}

/// The scenario's time zones (S22).
pub(super) fn check_time_zones(journey: &Journey, out: &mut Problems) {
    let zones = &journey.scenario.time_zones;
    for (name, _) in zones {
        if zone(name).is_none() {
            let near = nearest_zones(name, 3);
            out.journey(
                Severity::Error,
                ProblemKind::UnknownTimeZone,
                format!(
                    "scenario: the time zone '{name}' is not in the time zone database: did you mean {}?",
                    near.join(", ")
                ),
            );
        }
    }
    let sum: f64 = zones.iter().map(|(_, w)| *w).sum();
    let negative = zones.iter().any(|(_, w)| !(*w >= 0.0 && w.is_finite()));
    if !zones.is_empty() && (negative || !(sum > 0.0 && sum.is_finite())) {
        out.journey(
            Severity::Error,
            ProblemKind::TimeZoneWeights,
            "scenario: the time zones have weights that are negative or add up to 0: give each zone a share of at least 0, and some zone more than 0".to_owned(),
        );
    }
    if !zones.is_empty()
        && journey
            .scenario
            .attributes
            .contains_key(TIME_ZONE_ATTRIBUTE)
    {
        out.journey(
            Severity::Error,
            ProblemKind::TimeZoneAttribute,
            format!(
                "scenario: an attribute named '{TIME_ZONE_ATTRIBUTE}' and a list of time zones both say where customers live: keep only one"
            ),
        );
    }
}
