//! Counts: one set per worker, merged by addition.
//!
//! Every count is an integer, so merging in any order gives the same totals:
//! the report does not depend on how customers were spread over threads
//! (S14). Counts over time are kept per hour bucket as deltas: an event at `t`
//! seconds after the start goes to bucket `ceil(t / 3600)`, so the cumulative
//! sum up to row `k` is everything at or before `starts_at + k h` ("a snapshot
//! after everything at that instant").
//!
//! The per-step and per-connection counts (what the app animates) are kept in
//! rows of [`Resolution::hours`] hours each: hourly while the steps and
//! connections times the hourly rows stay within [`SERIES_BUDGET`] cells, else the
//! finest of 2, 3, 4, 6, 8, 12, 24, 48, 72 hours or whole weeks that does. So a
//! 300-step journey over ten years keeps weekly rows (a few megabytes per
//! worker) instead of hourly ones (a gigabyte per worker). The whole-journey
//! series (entries, departures, conversions: the JSON timeline) stay hourly.

use super::compiled::{Compiled, HOUR};
use super::delivery::DeliveryCounts;
use super::report::Arrivals;

/// Cells (rows times steps and connections) the per-step series may use at most:
/// about 28 MB of counts per worker and 32 MB of series in the report.
pub const SERIES_BUDGET: usize = 500_000;

/// Hours per row of the per-step series, finest first (then whole weeks).
const ROW_HOURS: [usize; 11] = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168];

/// How the per-step series are cut into rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// Hours per row: row `j` is the snapshot at hour `min(j × hours, last_hour)`.
    pub hours: usize,
    /// Rows: `last_hour.div_ceil(hours) + 1`.
    pub rows: usize,
}

impl Resolution {
    /// The finest resolution that keeps `timeline_rows` hourly rows of `cells` counts
    /// each (steps plus connections) within [`SERIES_BUDGET`].
    pub fn for_series(timeline_rows: usize, cells: usize) -> Resolution {
        let last_hour = timeline_rows.saturating_sub(1);
        let rows_for = |hours: usize| last_hour.div_ceil(hours) + 1;
        let fits = |hours: usize| rows_for(hours).saturating_mul(cells) <= SERIES_BUDGET;
        let hours = ROW_HOURS.into_iter().find(|&h| fits(h)).unwrap_or_else(|| {
            let week = 168;
            let weeks_max = (SERIES_BUDGET / cells.max(1)).saturating_sub(1).max(1);
            week * last_hour.div_ceil(week * weeks_max).max(1)
        });
        Resolution {
            hours,
            rows: rows_for(hours),
        }
    }
}

impl Default for Resolution {
    /// Hourly, no rows.
    fn default() -> Self {
        Resolution { hours: 1, rows: 0 }
    }
}

/// Where the counts of one instant go: its hour row and its per-step series row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Row of the hourly series: `ceil(t / 1 h)`.
    pub hour: usize,
    /// Row of the per-step series: `ceil(hour / Resolution::hours)`.
    pub row: usize,
}

/// Why a customer left the journey other than by completing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Suppression segment (position in the journey's list).
    Suppressed(usize),
    /// Exit trigger (position in the journey's list).
    Trigger(usize),
    /// The version was stopped.
    Stopped,
}

impl Exit {
    /// Index of the reason in [`StepCounts::exited`]: suppressed, exit trigger, stopped.
    pub fn reason(self) -> usize {
        match self {
            Exit::Suppressed(_) => 0,
            Exit::Trigger(_) => 1,
            Exit::Stopped => 2,
        }
    }
}

/// One step's counts in one hour bucket.
#[derive(Clone, Copy, Debug, Default)]
pub struct StepCounts {
    /// Visits.
    pub reached: u64,
    /// Left for the next step or the end.
    pub completed: u64,
    /// Left the journey while at the step, by [`Exit::reason`].
    pub exited: [u64; 3],
}

/// One version's counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct VersionCounts {
    /// Entries.
    pub entered: u64,
    /// Entries that completed.
    pub completed: u64,
    /// Entries stopped.
    pub stopped: u64,
}

/// One channel's counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChannelCounts {
    /// Messages sent.
    pub sent: u64,
    /// Of those, delivered.
    pub delivered: u64,
    /// Opened before the horizon.
    pub opened: u64,
    /// Clicked before the horizon.
    pub clicked: u64,
}

/// Counts of one worker (or of the whole run, once merged).
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Timeline rows.
    pub rows: usize,
    /// The rows of the per-step series.
    pub resolution: Resolution,
    /// Steps per series row.
    pub step_count: usize,
    /// Connections per series row.
    pub connection_count: usize,
    /// Per series row and step: `row * step_count + step`. Row-major, so the counts one
    /// instant touches (a chain of zero-time steps) share cache lines.
    pub steps: Vec<StepCounts>,
    /// Passes per series row and connection: `row * connection_count + connection`.
    pub connections: Vec<u64>,
    /// Entries per hour.
    pub entered_per_hour: Vec<u64>,
    /// Departures (completion or exit) per hour.
    pub exited_per_hour: Vec<u64>,
    /// Conversions per hour.
    pub converted_per_hour: Vec<u64>,
    /// Per series row and step: conversions of entries that reached the step (`row *
    /// step_count + step`), see [`crate::sim::StepSeries::converted`].
    pub step_conversions: Vec<u64>,
    /// Arrival outcomes.
    pub arrivals: Arrivals,
    /// Entries that completed.
    pub completed: u64,
    /// Entries stopped.
    pub stopped: u64,
    /// Exits per suppression segment.
    pub suppressed: Vec<u64>,
    /// Exits per exit trigger.
    pub exit_trigger: Vec<u64>,
    /// Per version.
    pub versions: Vec<VersionCounts>,
    /// Per channel.
    pub channels: Vec<ChannelCounts>,
    /// Conversions per credit (channel, A/B variant, optimized channel).
    pub credits: Vec<u64>,
    /// Assignments per credit (A/B variants; sends per optimized channel).
    pub assigned: Vec<u64>,
    /// Clicks per optimized channel credit.
    pub clicked: Vec<u64>,
    /// Entries that converted.
    pub converted: u64,
    /// Engine events: instants processed per customer plus step visits.
    pub events: u64,
    /// Messages sent, held, skipped and capped; the holdout's groups (format 2).
    pub delivery: DeliveryCounts,
}

impl Counts {
    /// Empty counts shaped for `compiled`.
    pub fn new(compiled: &Compiled) -> Self {
        let rows = compiled.timeline_rows;
        let resolution =
            Resolution::for_series(rows, compiled.step_count + compiled.connection_count);
        Counts {
            rows,
            resolution,
            step_count: compiled.step_count,
            connection_count: compiled.connection_count,
            steps: vec![StepCounts::default(); compiled.step_count * resolution.rows],
            connections: vec![0; compiled.connection_count * resolution.rows],
            entered_per_hour: vec![0; rows],
            exited_per_hour: vec![0; rows],
            converted_per_hour: vec![0; rows],
            step_conversions: vec![0; compiled.step_count * resolution.rows],
            arrivals: Arrivals::default(),
            completed: 0,
            stopped: 0,
            suppressed: vec![0; compiled.suppression_segments.len()],
            exit_trigger: vec![0; compiled.exit_triggers.len()],
            versions: vec![VersionCounts::default(); compiled.versions.len()],
            channels: vec![ChannelCounts::default(); compiled.channels.len()],
            credits: vec![0; compiled.credit_count],
            assigned: vec![0; compiled.credit_count],
            clicked: vec![0; compiled.credit_count],
            converted: 0,
            events: 0,
            delivery: DeliveryCounts::new(compiled, resolution.hours),
        }
    }

    /// The buckets of an instant `t` seconds after the start.
    #[inline]
    pub fn bucket(&self, t: f64) -> Bucket {
        let hour = self.hour(t);
        let hours = self.resolution.hours;
        let row = if hours == 1 {
            hour
        } else {
            hour.div_ceil(hours)
        };
        Bucket { hour, row }
    }

    /// The hour bucket of an instant `t` seconds after the start.
    #[inline]
    fn hour(&self, t: f64) -> usize {
        // ceil(t / 3600) without a division or a libm call: t >= 0, and an event at a
        // whole hour stays in that hour's bucket (b * 3600 is exact in f64).
        // Signed integers convert to and from f64 in one instruction each.
        let mut b = (t * (1.0 / HOUR)) as i64;
        if (b as f64) * HOUR < t {
            b += 1;
        } else if b > 0 && ((b - 1) as f64) * HOUR >= t {
            b -= 1;
        }
        (b as usize).min(self.rows - 1)
    }

    /// Step `step`'s counts in series row `row`.
    #[inline]
    fn step_mut(&mut self, step: usize, row: usize) -> &mut StepCounts {
        &mut self.steps[row * self.step_count + step]
    }

    /// A step visit in `bucket`.
    #[inline]
    pub fn reach(&mut self, step: usize, bucket: Bucket) {
        self.step_mut(step, bucket.row).reached += 1;
        self.events += 1;
    }

    /// A step completed along connection `connection` in `bucket`.
    #[inline]
    pub fn complete(&mut self, step: usize, connection: usize, bucket: Bucket) {
        self.step_mut(step, bucket.row).completed += 1;
        self.connections[bucket.row * self.connection_count + connection] += 1;
    }

    /// A customer left the journey while at `step` (if any) for `why`, in `bucket`.
    pub fn exit(&mut self, step: Option<usize>, version: usize, why: Exit, bucket: Bucket) {
        if let Some(step) = step {
            self.step_mut(step, bucket.row).exited[why.reason()] += 1;
        }
        self.exited_per_hour[bucket.hour] += 1;
        match why {
            Exit::Suppressed(position) => self.suppressed[position] += 1,
            Exit::Trigger(position) => self.exit_trigger[position] += 1,
            Exit::Stopped => {
                self.stopped += 1;
                self.versions[version].stopped += 1;
            }
        }
    }

    /// A customer completed the journey (in `bucket`).
    pub fn finish(&mut self, version: usize, bucket: Bucket) {
        self.exited_per_hour[bucket.hour] += 1;
        self.completed += 1;
        self.versions[version].completed += 1;
    }

    /// A customer entered `version` (in `bucket`).
    pub fn enter(&mut self, version: usize, bucket: Bucket) {
        self.entered_per_hour[bucket.hour] += 1;
        self.arrivals.entered += 1;
        self.versions[version].entered += 1;
    }

    /// An entry converted (in `bucket`).
    pub fn convert(&mut self, bucket: Bucket) {
        self.converted_per_hour[bucket.hour] += 1;
        self.converted += 1;
    }

    /// A conversion of an entry that reached `step`, in `bucket`.
    #[inline]
    pub fn step_converted(&mut self, step: usize, bucket: Bucket) {
        self.step_conversions[bucket.row * self.step_count + step] += 1;
    }

    /// Adds another worker's counts to these.
    pub fn merge(&mut self, other: &Counts) {
        for (mine, theirs) in self.steps.iter_mut().zip(&other.steps) {
            mine.add(theirs);
        }
        add(&mut self.connections, &other.connections);
        add(&mut self.entered_per_hour, &other.entered_per_hour);
        add(&mut self.exited_per_hour, &other.exited_per_hour);
        add(&mut self.converted_per_hour, &other.converted_per_hour);
        add(&mut self.step_conversions, &other.step_conversions);
        add_arrivals(&mut self.arrivals, &other.arrivals);
        self.completed += other.completed;
        self.stopped += other.stopped;
        add(&mut self.suppressed, &other.suppressed);
        add(&mut self.exit_trigger, &other.exit_trigger);
        for (mine, theirs) in self.versions.iter_mut().zip(&other.versions) {
            mine.add(theirs);
        }
        for (mine, theirs) in self.channels.iter_mut().zip(&other.channels) {
            mine.add(theirs);
        }
        add(&mut self.credits, &other.credits);
        add(&mut self.assigned, &other.assigned);
        add(&mut self.clicked, &other.clicked);
        self.converted += other.converted;
        self.events += other.events;
        self.delivery.merge(&other.delivery);
    }
}

impl StepCounts {
    fn add(&mut self, other: &StepCounts) {
        self.reached += other.reached;
        self.completed += other.completed;
        add(&mut self.exited, &other.exited);
    }
}

impl VersionCounts {
    fn add(&mut self, other: &VersionCounts) {
        self.entered += other.entered;
        self.completed += other.completed;
        self.stopped += other.stopped;
    }
}

impl ChannelCounts {
    fn add(&mut self, other: &ChannelCounts) {
        self.sent += other.sent;
        self.delivered += other.delivered;
        self.opened += other.opened;
        self.clicked += other.clicked;
    }
}

/// Adds `other` to `mine` element by element.
fn add(mine: &mut [u64], other: &[u64]) {
    mine.iter_mut().zip(other).for_each(|(x, y)| *x += y);
}

fn add_arrivals(mine: &mut Arrivals, other: &Arrivals) {
    mine.arrived += other.arrived;
    mine.entered += other.entered;
    mine.excluded += other.excluded;
    mine.after_end_date += other.after_end_date;
    mine.after_stop += other.after_stop;
    mine.not_reentered += other.not_reentered;
}
