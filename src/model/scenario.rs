//! The scenario: the synthetic population the built-in simulator runs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::span::Span;
use super::step::{Channel, Condition};

/// The most customers a scenario may ask for (the product's stated maximum).
pub const MAX_CUSTOMERS: u64 = 100_000_000;

/// Who arrives, when, and how they behave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scenario {
    /// How many customers arrive.
    pub customers: u64,
    /// Seed of the random streams (S14).
    pub seed: u64,
    /// Arrivals spread uniformly from the start over this span.
    pub arrivals_over: Span,
    /// How long after the start the simulation runs (S16).
    pub horizon: Span,
    /// Customer attributes and their distributions.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub attributes: BTreeMap<String, Dist>,
    /// Segment membership models.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub segments: BTreeMap<String, SegmentModel>,
    /// Trigger models.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub triggers: BTreeMap<String, TriggerModel>,
    /// Channel rates; a channel left out keeps [`ChannelModel::default_for`].
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::map"
    )]
    pub channels: BTreeMap<Channel, ChannelModel>,
    /// Channel rates for members of a segment.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::nested_map"
    )]
    pub segment_channels: BTreeMap<String, BTreeMap<Channel, ChannelModel>>,
    /// Where customers live: IANA time zone names with weights (S22); empty: UTC.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub time_zones: Vec<(String, f64)>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            customers: 10_000,
            seed: 1,
            arrivals_over: Span::Days(7),
            horizon: Span::Days(30),
            attributes: BTreeMap::new(),
            segments: BTreeMap::new(),
            triggers: BTreeMap::new(),
            channels: BTreeMap::new(),
            segment_channels: BTreeMap::new(),
            time_zones: Vec::new(),
        }
    }
}

impl Scenario {
    /// The rates of `channel` for a customer outside any segment override.
    pub fn channel_model(&self, channel: &Channel) -> ChannelModel {
        self.channels
            .get(channel)
            .cloned()
            .unwrap_or_else(|| ChannelModel::default_for(channel))
    }
}

/// A distribution of an attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dist {
    /// Values with weights.
    Choice(Vec<(String, f64)>),
    /// A number drawn uniformly between low and high.
    Range(f64, f64),
}

/// How customers belong to a segment.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SegmentModel {
    /// Probability a customer is a member from the start.
    #[serde(skip_serializing_if = "is_zero")]
    pub share: f64,
    /// A customer matching this is a member from the start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Rate per day at which a non-member joins later.
    #[serde(skip_serializing_if = "is_zero")]
    pub joins_per_day: f64,
}

/// How often customers perform a trigger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerModel {
    /// Rate of a Poisson process, per day.
    pub per_day: f64,
    /// Rate multiplier after a click on any message.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub click_lift: f64,
    /// How long the lift lasts after a click.
    #[serde(default = "one_day", skip_serializing_if = "is_one_day")]
    pub lift_for: Span,
}

impl Default for TriggerModel {
    fn default() -> Self {
        TriggerModel {
            per_day: 0.0,
            click_lift: 1.0,
            lift_for: Span::Days(1),
        }
    }
}

/// Delivery, open and click rates of a channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelModel {
    /// P(delivered | sent); delivery happens at the send instant.
    pub delivered: f64,
    /// P(opened | delivered).
    pub opened: f64,
    /// P(clicked | opened).
    pub clicked: f64,
    /// Mean of the exponential delay from delivery to open.
    #[serde(default = "four_hours", skip_serializing_if = "is_four_hours")]
    pub open_delay: Span,
    /// Fixed delay from open to click.
    #[serde(default = "five_minutes", skip_serializing_if = "is_five_minutes")]
    pub click_delay: Span,
}

impl ChannelModel {
    /// The documented defaults for a channel the scenario leaves out.
    pub fn default_for(channel: &Channel) -> ChannelModel {
        let (delivered, opened, clicked) = match channel {
            Channel::Email => (0.98, 0.25, 0.10),
            Channel::Sms => (0.99, 0.90, 0.05),
            Channel::Push => (0.90, 0.15, 0.05),
            Channel::Custom(_) => (1.0, 0.20, 0.05),
        };
        ChannelModel {
            delivered,
            opened,
            clicked,
            open_delay: four_hours(),
            click_delay: five_minutes(),
        }
    }
}

fn one() -> f64 {
    1.0
}
fn one_day() -> Span {
    Span::Days(1)
}
fn four_hours() -> Span {
    Span::Hours(4)
}
fn five_minutes() -> Span {
    Span::Minutes(5)
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one(x: &f64) -> bool {
    *x == 1.0
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_one_day(s: &Span) -> bool {
    *s == one_day()
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_four_hours(s: &Span) -> bool {
    *s == four_hours()
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_five_minutes(s: &Span) -> bool {
    *s == five_minutes()
}
