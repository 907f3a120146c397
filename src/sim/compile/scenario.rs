//! The scenario's models, compiled for the names the journey uses: attributes,
//! segments, triggers and channels.

use std::collections::BTreeSet;

use super::names::{NameIndex, Resolver, UsedNames};
use crate::model::{Action, Audience, Dist, Journey, Scenario};
use crate::sim::compiled::{self, ChannelRates, DAY, Distribution, SegmentRates, TriggerModel};

/// The distributions of the attributes conditions use, in name order.
pub fn attributes(used: &UsedNames, scenario: &Scenario) -> Vec<Distribution> {
    used.attributes
        .iter()
        .map(|name| distribution(scenario.attributes.get(name)))
        .collect()
}

/// An attribute's distribution (one the scenario does not model gives NaN).
fn distribution(dist: Option<&Dist>) -> Distribution {
    match dist {
        Some(Dist::Choice(choices)) => {
            let mut total = 0.0;
            let cumulative_weights = choices
                .iter()
                .map(|(_, weight)| {
                    total += weight.max(0.0);
                    total
                })
                .collect();
            let numbers = choices
                .iter()
                .map(|(choice, _)| choice.trim().parse().unwrap_or(f64::NAN))
                .collect();
            Distribution::Choice {
                cumulative_weights,
                numbers,
            }
        }
        Some(Dist::Range(low, high)) => Distribution::Range {
            low: *low,
            high: *high,
        },
        None => Distribution::Range {
            low: f64::NAN,
            high: f64::NAN,
        },
    }
}

/// The segments the journey uses, in name order. A segment the scenario does not model
/// has no members, except the audience segment: everyone is in it.
pub fn segments(
    journey: &Journey,
    used: &UsedNames,
    names: &Resolver<'_>,
) -> Vec<compiled::SegmentModel> {
    let audience_segment = match &journey.start.audience {
        Audience::Segment(segment) => Some(segment.as_str()),
        Audience::Trigger(_) => None,
    };
    used.segments
        .iter()
        .map(|name| match journey.scenario.segments.get(name) {
            Some(model) => compiled::SegmentModel {
                share: model.share,
                when: model.when.as_ref().map(|c| names.condition(c)),
                joins_per_second: model.joins_per_day / DAY,
                always: false,
            },
            None => compiled::SegmentModel {
                share: 0.0,
                when: None,
                joins_per_second: 0.0,
                always: audience_segment == Some(name.as_str()),
            },
        })
        .collect()
}

/// The triggers the journey uses, in name order (one the scenario does not model never
/// occurs).
pub fn triggers(used: &UsedNames, scenario: &Scenario) -> Vec<TriggerModel> {
    used.triggers
        .iter()
        .map(|name| {
            let model = scenario.triggers.get(name).cloned().unwrap_or_default();
            TriggerModel {
                rate: model.per_day / DAY,
                lift: model.click_lift,
                lift_for: model.lift_for.seconds() as f64,
            }
        })
        .collect()
}

/// The triggers (indices) whose rate a click changes.
pub fn lifted(triggers: &[TriggerModel]) -> Vec<usize> {
    triggers
        .iter()
        .enumerate()
        .filter(|(_, m)| m.lift != 1.0 && m.rate > 0.0 && m.lift_for > 0.0)
        .map(|(index, _)| index)
        .collect()
}

/// Channels the simulated versions send on, in report order (Email, Sms, Push, custom by
/// name), with the rates of each segment that overrides them.
pub fn channels(
    journey: &Journey,
    simulated: &[usize],
    segments: &NameIndex,
) -> Vec<compiled::Channel> {
    let mut used = BTreeSet::new();
    for &version in simulated {
        for step in journey.versions[version].steps.values() {
            match &step.action {
                Action::Message { channel, .. } => {
                    used.insert(channel.clone());
                }
                Action::ChannelOptimization { channels, .. } => {
                    used.extend(channels.iter().cloned());
                }
                _ => {}
            }
        }
    }
    let scenario = &journey.scenario;
    used.into_iter()
        .map(|channel| {
            let base = ChannelRates::from_model(&scenario.channel_model(&channel));
            let overrides = scenario
                .segment_channels
                .iter()
                .filter(|(segment, _)| {
                    scenario.segments.contains_key(*segment) && segments.contains(segment)
                })
                .filter_map(|(segment, models)| {
                    models.get(&channel).map(|model| SegmentRates {
                        segment: segments.get(segment),
                        rates: ChannelRates::from_model(model),
                    })
                })
                .collect();
            compiled::Channel {
                id: channel,
                base,
                overrides,
            }
        })
        .collect()
}
