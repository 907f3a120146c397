//! The simulation report: plain data, everything of the format reference's JSON report
//! plus the per-step occupancy over time that the app animates.

use serde::{Deserialize, Serialize};

pub use super::delivery::report::{HoldoutReport, MessageCounts, SendVolume};
use crate::model::{Instant, StepId};

/// The result of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The journey's name.
    pub journey: String,
    /// The seed used.
    pub seed: u64,
    /// How many customers were simulated.
    pub customers: u64,
    /// Arrivals and refusals (S1).
    pub arrivals: Arrivals,
    /// How entries ended (S3–S7), and those still in progress at the horizon.
    pub outcomes: Outcomes,
    /// The goal (S11), if the journey has one.
    pub goal: Option<GoalReport>,
    /// Per step, by (version, step id).
    pub steps: Vec<StepReport>,
    /// A/B tests, by (version, step id).
    pub ab_tests: Vec<AbReport>,
    /// Channels: Email, Sms, Push, then custom names.
    pub channels: Vec<ChannelReport>,
    /// Channel-optimization steps, by (version, step id).
    pub channel_optimization: Vec<CoReport>,
    /// Per simulated version.
    pub versions: Vec<VersionReport>,
    /// One row per hour from `starts_at` to the horizon.
    pub timeline: Vec<TimelineRow>,
    /// What the app animates (not part of the JSON report).
    pub occupancy: Occupancy,
    /// Engine events processed (instants per customer plus step visits; not in the JSON).
    pub events: u64,
    /// The holdout's lift (S23), if the journey has a holdout.
    pub holdout: Option<HoldoutReport>,
    /// Sends per channel and hour, UTC and local, for the heatmap (not in the JSON).
    pub send_volume: SendVolume,
}

/// Arrival outcomes: `arrived = entered + excluded + after_end_date + after_stop + not_reentered`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrivals {
    /// Every arrival before the horizon.
    pub arrived: u64,
    /// Arrivals that entered.
    pub entered: u64,
    /// Refused: member of an exclusion segment (S2).
    pub excluded: u64,
    /// Refused: at or after the end date (S6).
    pub after_end_date: u64,
    /// Refused: the version was stopped (S7).
    pub after_stop: u64,
    /// Refused: already entered, or still in the journey (S2b, S17).
    pub not_reentered: u64,
}

/// How entries ended:
/// `entered = completed + suppressed + exit_trigger + stopped + held_out + in_progress`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcomes {
    /// Completed the journey (S3).
    pub completed: u64,
    /// Exits per suppression segment, in the journey's order.
    pub suppressed: Vec<(String, u64)>,
    /// Exits per exit trigger, in the journey's order.
    pub exit_trigger: Vec<(String, u64)>,
    /// Exits because the version was stopped.
    pub stopped: u64,
    /// Still in the journey at the horizon.
    pub in_progress: u64,
    /// Entries held out (S23): they left at once and reached no step.
    pub held_out: u64,
}

/// The goal's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalReport {
    /// The goal trigger.
    pub trigger: String,
    /// Entries that converted.
    pub converted: u64,
    /// converted / entered.
    pub rate: f64,
    /// The target, in percent.
    pub target_percent: Option<f64>,
    /// Whether `rate >= target_percent / 100`; `None` without a target.
    pub met: Option<bool>,
}

/// Exits by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exited {
    /// Left by a suppression segment.
    pub suppressed: u64,
    /// Left by an exit trigger.
    pub exit_trigger: u64,
    /// Left because the version was stopped.
    pub stopped: u64,
}

/// One step's tile analytics: `reached = completed + exited + in_progress`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepReport {
    /// Version number, from 1.
    pub version: u32,
    /// Step id.
    pub id: StepId,
    /// Step name.
    pub name: String,
    /// Visits.
    pub reached: u64,
    /// Left for the next step or the end.
    pub completed: u64,
    /// Left the journey while here.
    pub exited: Exited,
    /// Here at the horizon.
    pub in_progress: u64,
    /// Its messages: sent, held, skipped, capped (zero on steps that send nothing).
    pub messages: MessageCounts,
}

/// One A/B variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantReport {
    /// Variant name.
    pub name: String,
    /// Customers sent down it.
    pub assigned: u64,
    /// Of those, converted at or after assignment.
    pub converted: u64,
    /// converted / assigned.
    pub rate: f64,
    /// Wilson 95 % interval of the rate.
    pub ci95: [f64; 2],
}

/// One A/B test step (S12).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AbReport {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// Variants in the step's order.
    pub variants: Vec<VariantReport>,
    /// The significant winner, or `None` (inconclusive).
    pub winner: Option<String>,
    /// p-value of best vs runner-up (pooled two-proportion z-test).
    pub p_value: f64,
    /// The decision instant, when the step decided before the horizon.
    pub decided_at: Option<Instant>,
}

/// Messages on one channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelReport {
    /// `Email`, `Sms`, `Push` or `Custom:NAME`.
    pub channel: String,
    /// Messages sent.
    pub sent: u64,
    /// Delivered.
    pub delivered: u64,
    /// Opened before the horizon.
    pub opened: u64,
    /// Clicked before the horizon.
    pub clicked: u64,
    /// Entries that converted at or after their first send on the channel.
    pub converted: u64,
    /// Messages quiet hours dropped (S18).
    pub skipped: u64,
    /// Messages a frequency cap dropped (S19).
    pub capped: u64,
}

/// One channel of a channel-optimization step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoChannel {
    /// Channel name as in [`ChannelReport::channel`].
    pub channel: String,
    /// Customers sent on it.
    pub sent: u64,
    /// Their clicks before the horizon.
    pub clicked: u64,
    /// Converted at or after the send.
    pub converted: u64,
    /// converted / sent.
    pub rate: f64,
}

/// One channel-optimization step (S13).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoReport {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// The step's channels in its order.
    pub channels: Vec<CoChannel>,
    /// The channel with the best goal rate among those used.
    pub best: Option<String>,
}

/// One version's totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionReport {
    /// Version number.
    pub version: u32,
    /// Entries.
    pub entered: u64,
    /// Completions.
    pub completed: u64,
    /// Stopped exits.
    pub stopped: u64,
}

/// One hour of the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineRow {
    /// `starts_at + k hours`.
    pub at: Instant,
    /// In the journey after everything at this instant.
    pub in_progress: u64,
    /// Entries in the hour that ends here.
    pub entered: u64,
    /// Departures (completed or exited) in the hour that ends here.
    pub exited: u64,
    /// Messages sent, all channels, in the hour that ends here.
    pub sent: u64,
}

/// Per-step and per-connection counts over time, and conversions so far.
///
/// `conversions` has one value per timeline row (hour). The per-step and
/// per-connection series have one value per *series row* of `hours_per_row`
/// hours (1 unless the journey has many steps over a long horizon: the rows are
/// coarsened to keep the report small, see assets/docs/format.md); series row
/// `j` is the snapshot at timeline row `min(j × hours_per_row, last_hour)`, so
/// the last one is always the horizon's. Read them at a timeline row with
/// [`Occupancy::row_of_hour`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupancy {
    /// Per step, same order as [`Report::steps`].
    pub steps: Vec<StepSeries>,
    /// Per connection (version, step, output index).
    pub connections: Vec<ConnectionSeries>,
    /// Conversions so far, per timeline row.
    pub conversions: Vec<u64>,
    /// Entries held out so far (S23): they count in the timeline's `exited` at no step.
    pub held_out: Vec<u64>,
    /// Hours per row of the per-step and per-connection series (0 is read as 1).
    #[serde(default)]
    pub hours_per_row: usize,
    /// The last timeline row (the horizon's).
    #[serde(default)]
    pub last_hour: usize,
}

impl Occupancy {
    /// The series row to show at timeline row `hour`: the latest snapshot at or before
    /// it (the last row from the horizon's hour on).
    pub fn row_of_hour(&self, hour: usize) -> usize {
        let hours = self.hours_per_row.max(1);
        if hour >= self.last_hour {
            self.last_hour.div_ceil(hours)
        } else {
            hour / hours
        }
    }
}

/// One step over time (all cumulative except `at_step`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSeries {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub id: StepId,
    /// Customers at the step now.
    pub at_step: Vec<u64>,
    /// Visits so far.
    pub reached: Vec<u64>,
    /// Completions so far.
    pub completed: Vec<u64>,
    /// Suppressed here so far.
    pub suppressed: Vec<u64>,
    /// Exit-triggered here so far.
    pub exit_trigger: Vec<u64>,
    /// Stopped here so far.
    pub stopped: Vec<u64>,
    /// Conversions so far of customers who passed here (tile analytics, S11, S17): an
    /// entry counts once at this step when it reached the step (one or more times) and
    /// then converted, at the conversion instant — during the entry, or within the
    /// goal's attribution window after completing. The goal trigger at the very instant
    /// the step is reached comes first (S9) and does not count here. Each entry converts
    /// at most once, so it adds one to every step it reached before converting and
    /// nothing to the steps it never reached or reached only after. Not in the JSON report.
    pub converted: Vec<u64>,
    /// The final value of [`StepSeries::converted`]: every such conversion before the horizon.
    pub converted_total: u64,
}

/// Passes along one connection so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionSeries {
    /// Version number.
    pub version: u32,
    /// The step the connection leaves.
    pub step: StepId,
    /// Its output index (see `Action::outputs`).
    pub output: usize,
    /// The step it leads to, or the end.
    pub target: Option<StepId>,
    /// Passes so far, per series row ([`Occupancy::row_of_hour`]).
    pub passes: Vec<u64>,
}
