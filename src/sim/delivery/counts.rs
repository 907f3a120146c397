//! Delivery counts of one worker, merged by addition like the rest (S14).

use super::report::MessageCounts;
use crate::sim::compiled::Compiled;

/// Messages per step and channel, sends over time, the holdout's groups.
#[derive(Clone, Debug, Default)]
pub struct DeliveryCounts {
    /// Per step (index among all steps).
    pub steps: Vec<MessageCounts>,
    /// Per compiled channel: skipped and capped messages.
    pub channels: Vec<MessageCounts>,
    /// Messages sent per timeline bucket (the hour that ends at the row).
    pub sent_per_hour: Vec<u64>,
    /// Per channel and UTC grid hour: `channel * hours + hour`.
    pub grid_utc: Vec<u64>,
    /// Per channel and local grid hour.
    pub grid_local: Vec<u64>,
    /// Grid hours per channel.
    pub grid_hours: usize,
    /// Entries held out (S23).
    pub held_out: u64,
    /// Entries held out per timeline bucket.
    pub held_out_per_hour: Vec<u64>,
    /// Entries treated (not held out, not suppressed at entry), when there is a holdout.
    pub treated: u64,
    /// Treated entries converted within the lift window.
    pub treated_converted: u64,
    /// Held-out entries converted within the lift window.
    pub held_out_converted: u64,
    /// A plain run (`Rules::plain`) whose step series is hourly: the messages sent in
    /// an hour are the visits of message steps in that row, so `sent_plain` leaves
    /// `sent_per_hour` to the report (`build::timeline` adds the visits).
    pub sent_from_visits: bool,
}

impl DeliveryCounts {
    /// Empty counts shaped for `c`, whose step series has `hours_per_row` hours a row.
    pub fn new(c: &Compiled, hours_per_row: usize) -> Self {
        let hours = c.delivery.grid.hours;
        DeliveryCounts {
            steps: vec![MessageCounts::default(); c.step_count],
            channels: vec![MessageCounts::default(); c.channels.len()],
            sent_per_hour: vec![0; c.timeline_rows],
            held_out_per_hour: vec![0; c.timeline_rows],
            grid_utc: vec![0; hours * c.channels.len()],
            grid_local: vec![0; hours * c.channels.len()],
            grid_hours: hours,
            sent_from_visits: c.delivery.plain && hours_per_row == 1,
            ..DeliveryCounts::default()
        }
    }

    /// A message sent at step `step` on `channel`, in timeline bucket `bucket` and grid
    /// hours `utc` and `local` (`None`: the same as UTC, see `Rules::plain`).
    #[inline]
    pub fn sent(
        &mut self,
        step: usize,
        channel: usize,
        bucket: usize,
        utc: usize,
        local: Option<usize>,
    ) {
        // Per channel, the report's `sent` is `Counts::channels` (counted in `send`):
        // only skipped and capped messages are counted here.
        self.steps[step].sent += 1;
        self.sent_per_hour[bucket] += 1;
        let base = channel * self.grid_hours;
        self.grid_utc[base + utc] += 1;
        if let Some(local) = local {
            self.grid_local[base + local] += 1;
        }
    }

    /// A message sent at once by a run without delivery rules (`Rules::plain`), in
    /// timeline bucket `bucket` and UTC grid hour `utc`. Its step's `sent` is not
    /// counted: without rules a message step sends exactly once per visit, so the
    /// report takes it from the step's `reached` (this runs for every message of every
    /// customer, and one scattered increment fewer is measurably faster). Nor is
    /// `sent_per_hour` when the step series is hourly (`sent_from_visits`).
    #[inline]
    pub fn sent_plain(&mut self, channel: usize, bucket: usize, utc: usize) {
        if !self.sent_from_visits {
            self.sent_per_hour[bucket] += 1;
        }
        self.grid_utc[channel * self.grid_hours + utc] += 1;
    }

    /// Adds another worker's counts.
    pub fn merge(&mut self, o: &DeliveryCounts) {
        for (a, b) in self.steps.iter_mut().zip(&o.steps) {
            a.add(b);
        }
        for (a, b) in self.channels.iter_mut().zip(&o.channels) {
            a.add(b);
        }
        add(&mut self.sent_per_hour, &o.sent_per_hour);
        add(&mut self.held_out_per_hour, &o.held_out_per_hour);
        add(&mut self.grid_utc, &o.grid_utc);
        add(&mut self.grid_local, &o.grid_local);
        self.held_out += o.held_out;
        self.treated += o.treated;
        self.treated_converted += o.treated_converted;
        self.held_out_converted += o.held_out_converted;
    }
}

fn add(a: &mut [u64], b: &[u64]) {
    a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
}
