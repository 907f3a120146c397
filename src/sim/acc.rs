//! Count accumulators: one per worker, merged by addition.
//!
//! Every count is an integer, so merging accumulators in any order gives the
//! same totals: the report does not depend on how customers were spread over
//! threads (S14). Counts over time are kept per hour bucket as deltas: an
//! event at `t` seconds after the start goes to bucket `ceil(t / 3600)`, so the
//! cumulative sum up to row `k` is everything at or before `starts_at + k h`
//! ("a snapshot after everything at that instant").

use super::compiled::{Compiled, HOUR};

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
    /// Index of the reason in per-step exit counts: suppressed, exit_trigger, stopped.
    pub fn reason(self) -> usize {
        match self {
            Exit::Suppressed(_) => 0,
            Exit::Trigger(_) => 1,
            Exit::Stopped => 2,
        }
    }
}

/// Per-step hourly fields.
pub const F_REACHED: usize = 0;
/// Completed (left for the next step or the end).
pub const F_COMPLETED: usize = 1;
/// First exit field; reasons follow in [`Exit::reason`] order.
pub const F_EXITED: usize = 2;
/// Fields per step.
pub const STEP_FIELDS: usize = 5;

/// Arrival outcome indices.
pub const ARRIVED: usize = 0;
/// Entered.
pub const ENTERED: usize = 1;
/// Refused: exclusion segment.
pub const EXCLUDED: usize = 2;
/// Refused: end date.
pub const AFTER_END_DATE: usize = 3;
/// Refused: stopped version.
pub const AFTER_STOP: usize = 4;
/// Refused: already entered.
pub const NOT_REENTERED: usize = 5;

/// Counts of one worker (or of the whole run, once merged).
#[derive(Clone, Debug, Default)]
pub struct Acc {
    /// Timeline rows.
    pub rows: usize,
    /// Steps per hour row.
    pub n_steps: usize,
    /// Connections per hour row.
    pub n_conns: usize,
    /// Per hour, step and field: `(hour * n_steps + step) * STEP_FIELDS + field`. Hour-major,
    /// so the counts one instant touches (a chain of zero-time steps) share cache lines.
    pub steps: Vec<u64>,
    /// Per hour and connection: `hour * n_conns + conn`.
    pub conns: Vec<u64>,
    /// Entries per hour.
    pub entered_h: Vec<u64>,
    /// Departures (completion or exit) per hour.
    pub exited_h: Vec<u64>,
    /// Conversions per hour.
    pub converted_h: Vec<u64>,
    /// Per hour and step: conversions of entries that reached the step (`hour * n_steps +
    /// step`), see [`crate::sim::StepSeries::converted`].
    pub step_conv: Vec<u64>,
    /// Arrival outcomes (see the index constants).
    pub arrivals: [u64; 6],
    /// Entries that completed.
    pub completed: u64,
    /// Entries stopped.
    pub stopped: u64,
    /// Exits per suppression segment.
    pub suppressed: Vec<u64>,
    /// Exits per exit trigger.
    pub exit_trigger: Vec<u64>,
    /// Per version: entered, completed, stopped.
    pub versions: Vec<[u64; 3]>,
    /// Per channel: sent, delivered, opened, clicked.
    pub channels: Vec<[u64; 4]>,
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
}

impl Acc {
    /// An empty accumulator shaped for `c`.
    pub fn new(c: &Compiled) -> Self {
        let rows = c.rows;
        Acc {
            rows,
            n_steps: c.n_steps,
            n_conns: c.n_conns,
            steps: vec![0; c.n_steps * STEP_FIELDS * rows],
            conns: vec![0; c.n_conns * rows],
            entered_h: vec![0; rows],
            exited_h: vec![0; rows],
            converted_h: vec![0; rows],
            step_conv: vec![0; c.n_steps * rows],
            arrivals: [0; 6],
            completed: 0,
            stopped: 0,
            suppressed: vec![0; c.suppression.len()],
            exit_trigger: vec![0; c.exit_triggers.len()],
            versions: vec![[0; 3]; c.versions.len()],
            channels: vec![[0; 4]; c.channels.len()],
            credits: vec![0; c.n_credits],
            assigned: vec![0; c.n_credits],
            clicked: vec![0; c.n_credits],
            converted: 0,
            events: 0,
        }
    }

    /// The hour bucket of an instant `t` seconds after the start.
    #[inline]
    pub fn bucket(&self, t: f64) -> usize {
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

    /// A step visit in hour bucket `b`.
    #[inline]
    pub fn reach(&mut self, step: usize, b: usize) {
        self.steps[(b * self.n_steps + step) * STEP_FIELDS + F_REACHED] += 1;
        self.events += 1;
    }

    /// A step completed along connection `conn` in hour bucket `b`.
    #[inline]
    pub fn complete(&mut self, step: usize, conn: usize, b: usize) {
        self.steps[(b * self.n_steps + step) * STEP_FIELDS + F_COMPLETED] += 1;
        self.conns[b * self.n_conns + conn] += 1;
    }

    /// A customer left the journey while at `step` (if any) for `why`, in hour bucket `b`.
    pub fn exit(&mut self, step: Option<usize>, version: usize, why: Exit, b: usize) {
        if let Some(step) = step {
            self.steps[(b * self.n_steps + step) * STEP_FIELDS + F_EXITED + why.reason()] += 1;
        }
        self.exited_h[b] += 1;
        match why {
            Exit::Suppressed(i) => self.suppressed[i] += 1,
            Exit::Trigger(i) => self.exit_trigger[i] += 1,
            Exit::Stopped => {
                self.stopped += 1;
                self.versions[version][2] += 1;
            }
        }
    }

    /// A customer completed the journey (hour bucket `b`).
    pub fn finish(&mut self, version: usize, b: usize) {
        self.exited_h[b] += 1;
        self.completed += 1;
        self.versions[version][1] += 1;
    }

    /// A customer entered `version` (hour bucket `b`).
    pub fn enter(&mut self, version: usize, b: usize) {
        self.entered_h[b] += 1;
        self.arrivals[ENTERED] += 1;
        self.versions[version][0] += 1;
    }

    /// An entry converted (hour bucket `b`).
    pub fn convert(&mut self, b: usize) {
        self.converted_h[b] += 1;
        self.converted += 1;
    }

    /// A conversion of an entry that reached `step`, in hour bucket `b`.
    #[inline]
    pub fn step_converted(&mut self, step: usize, b: usize) {
        self.step_conv[b * self.n_steps + step] += 1;
    }

    /// Adds another accumulator's counts to this one.
    pub fn merge(&mut self, o: &Acc) {
        fn add(a: &mut [u64], b: &[u64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        add(&mut self.steps, &o.steps);
        add(&mut self.conns, &o.conns);
        add(&mut self.entered_h, &o.entered_h);
        add(&mut self.exited_h, &o.exited_h);
        add(&mut self.converted_h, &o.converted_h);
        add(&mut self.step_conv, &o.step_conv);
        add(&mut self.arrivals, &o.arrivals);
        self.completed += o.completed;
        self.stopped += o.stopped;
        add(&mut self.suppressed, &o.suppressed);
        add(&mut self.exit_trigger, &o.exit_trigger);
        for (a, b) in self.versions.iter_mut().zip(&o.versions) {
            add(a, b);
        }
        for (a, b) in self.channels.iter_mut().zip(&o.channels) {
            add(a, b);
        }
        add(&mut self.credits, &o.credits);
        add(&mut self.assigned, &o.assigned);
        add(&mut self.clicked, &o.clicked);
        self.converted += o.converted;
        self.events += o.events;
    }
}
