//! The scenario assumptions a journey uses, each one a number that
//! `sensitivity` scales by ×0.8 and ×1.2.

use crate::model::{Action, Channel, ChannelModel, Journey, Scenario};

/// One assumption of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// P(delivered | sent) of a channel.
    Delivered(Channel),
    /// P(opened | delivered) of a channel.
    Opened(Channel),
    /// P(clicked | opened) of a channel.
    Clicked(Channel),
    /// A trigger's rate per day.
    TriggerRate(String),
    /// A trigger's rate multiplier after a click.
    ClickLift(String),
    /// A segment's share at the start.
    Share(String),
    /// A segment's join rate per day.
    JoinRate(String),
}

impl Param {
    /// The key in the JSON: `channel:Email:opened`, `trigger:purchased:per_day`, …
    pub fn key(&self) -> String {
        match self {
            Param::Delivered(c) => format!("channel:{}:delivered", c.json_name()),
            Param::Opened(c) => format!("channel:{}:opened", c.json_name()),
            Param::Clicked(c) => format!("channel:{}:clicked", c.json_name()),
            Param::TriggerRate(t) => format!("trigger:{t}:per_day"),
            Param::ClickLift(t) => format!("trigger:{t}:click_lift"),
            Param::Share(s) => format!("segment:{s}:share"),
            Param::JoinRate(s) => format!("segment:{s}:joins_per_day"),
        }
    }

    /// The assumption in a marketer's words.
    pub fn label(&self) -> String {
        match self {
            Param::Delivered(c) => format!("{} delivered", c.label()),
            Param::Opened(c) => format!("{} opened", c.label()),
            Param::Clicked(c) => format!("{} clicked", c.label()),
            Param::TriggerRate(t) => format!("how often customers do \"{t}\""),
            Param::ClickLift(t) => format!("how much a click lifts \"{t}\""),
            Param::Share(s) => format!("share of \"{s}\" at the start"),
            Param::JoinRate(s) => format!("how fast customers join \"{s}\""),
        }
    }

    /// Its value in `scenario` (channel defaults when the scenario leaves a channel out).
    pub fn value(&self, scenario: &Scenario) -> f64 {
        let channel = |c: &Channel| {
            scenario
                .channels
                .get(c)
                .cloned()
                .unwrap_or_else(|| ChannelModel::default_for(c))
        };
        match self {
            Param::Delivered(c) => channel(c).delivered,
            Param::Opened(c) => channel(c).opened,
            Param::Clicked(c) => channel(c).clicked,
            Param::TriggerRate(t) => scenario.triggers.get(t).map_or(0.0, |m| m.per_day),
            Param::ClickLift(t) => scenario.triggers.get(t).map_or(0.0, |m| m.click_lift),
            Param::Share(s) => scenario.segments.get(s).map_or(0.0, |m| m.share),
            Param::JoinRate(s) => scenario.segments.get(s).map_or(0.0, |m| m.joins_per_day),
        }
    }

    /// Multiplies it by `factor` in `scenario` (probabilities stay at most 1).
    pub fn scale(&self, scenario: &mut Scenario, factor: f64) {
        let p = |x: &mut f64| *x = (*x * factor).min(1.0);
        match self {
            Param::Delivered(c) => p(&mut channel_mut(scenario, c).delivered),
            Param::Opened(c) => p(&mut channel_mut(scenario, c).opened),
            Param::Clicked(c) => p(&mut channel_mut(scenario, c).clicked),
            Param::TriggerRate(t) => {
                if let Some(m) = scenario.triggers.get_mut(t) {
                    m.per_day *= factor;
                }
            }
            Param::ClickLift(t) => {
                if let Some(m) = scenario.triggers.get_mut(t) {
                    m.click_lift *= factor;
                }
            }
            Param::Share(s) => {
                if let Some(m) = scenario.segments.get_mut(s) {
                    p(&mut m.share);
                }
            }
            Param::JoinRate(s) => {
                if let Some(m) = scenario.segments.get_mut(s) {
                    m.joins_per_day *= factor;
                }
            }
        }
    }
}

/// The scenario's model of `c`, added with the defaults when it has none.
fn channel_mut<'a>(scenario: &'a mut Scenario, c: &Channel) -> &'a mut ChannelModel {
    scenario
        .channels
        .entry(c.clone())
        .or_insert_with(|| ChannelModel::default_for(c))
}

/// The channels the journey's steps send on, in first-use order.
fn channels_used(journey: &Journey) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    let mut add = |c: &Channel| {
        if !out.contains(c) {
            out.push(c.clone());
        }
    };
    for version in &journey.versions {
        for step in version.steps.values() {
            match &step.action {
                Action::Message { channel, .. } => add(channel),
                Action::ChannelOptimization { channels, .. } => channels.iter().for_each(&mut add),
                _ => {}
            }
        }
    }
    out
}

/// Every assumption the journey uses whose value is not 0 (scaling 0 changes nothing).
pub fn params(journey: &Journey) -> Vec<Param> {
    let mut out = Vec::new();
    for c in channels_used(journey) {
        out.extend([
            Param::Delivered(c.clone()),
            Param::Opened(c.clone()),
            Param::Clicked(c),
        ]);
    }
    for t in journey.trigger_names() {
        out.extend([Param::TriggerRate(t.clone()), Param::ClickLift(t)]);
    }
    for s in journey.segment_names() {
        out.extend([Param::Share(s.clone()), Param::JoinRate(s)]);
    }
    out.retain(|p| p.value(&journey.scenario) != 0.0);
    out
}
