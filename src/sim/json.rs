//! The JSON report of assets/docs/format.md (`simulate --json`): exactly its keys, in
//! its order, every count written even when zero; the occupancy the app
//! animates and the engine's event count stay out.

use std::collections::BTreeMap;

use serde::Serialize;

use super::report::{
    AbReport, Arrivals, ChannelReport, CoReport, GoalReport, HoldoutReport, Report, StepReport,
    TimelineRow, VersionReport,
};

/// The report's JSON keys, borrowed from a report.
#[derive(Serialize)]
pub(in crate::sim) struct JsonReport<'a> {
    journey: &'a str,
    seed: u64,
    customers: u64,
    arrivals: &'a Arrivals,
    outcomes: JsonOutcomes<'a>,
    goal: &'a Option<GoalReport>,
    steps: &'a [StepReport],
    ab_tests: &'a [AbReport],
    channels: &'a [ChannelReport],
    channel_optimization: &'a [CoReport],
    versions: &'a [VersionReport],
    timeline: &'a [TimelineRow],
    holdout: &'a Option<HoldoutReport>,
}

#[derive(Serialize)]
struct JsonOutcomes<'a> {
    completed: u64,
    suppressed: BTreeMap<&'a str, u64>,
    exit_trigger: BTreeMap<&'a str, u64>,
    stopped: u64,
    in_progress: u64,
    held_out: u64,
}

fn by_name(list: &[(String, u64)]) -> BTreeMap<&str, u64> {
    let mut map = BTreeMap::new();
    for (name, n) in list {
        *map.entry(name.as_str()).or_insert(0) += n;
    }
    map
}

impl Report {
    /// The report as its JSON keys, in the documented order.
    pub(in crate::sim) fn json_view(&self) -> JsonReport<'_> {
        JsonReport {
            journey: &self.journey,
            seed: self.seed,
            customers: self.customers,
            arrivals: &self.arrivals,
            outcomes: JsonOutcomes {
                completed: self.outcomes.completed,
                suppressed: by_name(&self.outcomes.suppressed),
                exit_trigger: by_name(&self.outcomes.exit_trigger),
                stopped: self.outcomes.stopped,
                in_progress: self.outcomes.in_progress,
                held_out: self.outcomes.held_out,
            },
            goal: &self.goal,
            steps: &self.steps,
            ab_tests: &self.ab_tests,
            channels: &self.channels,
            channel_optimization: &self.channel_optimization,
            versions: &self.versions,
            timeline: &self.timeline,
            holdout: &self.holdout,
        }
    }

    /// The JSON report of assets/docs/format.md as a value.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(self.json_view()).unwrap_or(serde_json::Value::Null)
    }

    /// The JSON report of assets/docs/format.md, pretty-printed, keys in the documented order.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string_pretty(&self.json_view()).unwrap_or_default()
    }
}
