//! The report's delivery parts: messages per step, the holdout's lift (S23) and the
//! send-volume grid the window draws as a heatmap.

use serde::{Deserialize, Serialize};

use super::counts::DeliveryCounts;
use crate::model::Instant;
use crate::sim::compiled::Compiled;
use crate::sim::stats::{rate, two_proportion_p};

/// The normal quantile of the lift's 95 % interval (precise point 9).
const Z95: f64 = 1.959_964;

/// What happened to the messages of one step (or one channel).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageCounts {
    /// Messages sent.
    pub sent: u64,
    /// Messages whose send quiet hours delayed (sent later, or never).
    pub held: u64,
    /// Messages quiet hours dropped.
    pub skipped: u64,
    /// Messages a frequency cap dropped.
    pub capped: u64,
}

impl MessageCounts {
    /// Adds `o` to these counts.
    pub fn add(&mut self, o: &MessageCounts) {
        self.sent += o.sent;
        self.held += o.held;
        self.skipped += o.skipped;
        self.capped += o.capped;
    }
}

/// The holdout's result (S23).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HoldoutReport {
    /// The share held out, in percent.
    pub percent: f64,
    /// Entries treated.
    pub treated: u64,
    /// Entries held out.
    pub held_out: u64,
    /// Treated entries that converted within the measuring window.
    pub treated_converted: u64,
    /// Held-out entries that converted within the measuring window.
    pub held_out_converted: u64,
    /// treated_converted / treated.
    pub treated_rate: f64,
    /// held_out_converted / held_out.
    pub held_out_rate: f64,
    /// treated_rate - held_out_rate.
    pub lift: f64,
    /// 95 % interval of the lift (unpooled normal), clamped to [-1, 1].
    pub ci95: [f64; 2],
    /// Two-sided pooled two-proportion z-test.
    pub p_value: f64,
}

/// Sends per channel and hour, in UTC and on the customers' local clocks: hour `h` of
/// a row is the hour starting at `first + h hours` (whole days from UTC midnight, so
/// row `h` is day `h / 24`, hour of day `h % 24`). Not in the JSON report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendVolume {
    /// The first hour: UTC midnight of the day before the start.
    pub first: Option<Instant>,
    /// Hours per row.
    pub hours: usize,
    /// Channel names, as in the channels report.
    pub channels: Vec<String>,
    /// Per channel: sends per UTC hour.
    pub utc: Vec<Vec<u64>>,
    /// Per channel: sends per hour of the customers' local clocks (local date and hour).
    pub local: Vec<Vec<u64>>,
}

/// The holdout report, when the journey has a holdout.
pub fn holdout(journey: &crate::model::Journey, counts: &DeliveryCounts) -> Option<HoldoutReport> {
    let holdout = journey.holdout.as_ref()?;
    let (nt, nh) = (counts.treated, counts.held_out);
    let (kt, kh) = (counts.treated_converted, counts.held_out_converted);
    let (rt, rh) = (rate(kt, nt), rate(kh, nh));
    let lift = rt - rh;
    let ci95 = if journey.goal.is_none() {
        [0.0, 0.0]
    } else if nt == 0 || nh == 0 {
        [-1.0, 1.0]
    } else {
        let se = (rt * (1.0 - rt) / nt as f64 + rh * (1.0 - rh) / nh as f64).sqrt();
        [
            (lift - Z95 * se).clamp(-1.0, 1.0),
            (lift + Z95 * se).clamp(-1.0, 1.0),
        ]
    };
    Some(HoldoutReport {
        percent: holdout.percent,
        treated: nt,
        held_out: nh,
        treated_converted: kt,
        held_out_converted: kh,
        treated_rate: rt,
        held_out_rate: rh,
        lift,
        ci95,
        p_value: two_proportion_p(kt, nt, kh, nh),
    })
}

/// The send-volume grid.
pub fn send_volume(c: &Compiled, counts: &DeliveryCounts) -> SendVolume {
    let hours = counts.grid_hours;
    let rows = |grid: &[u64]| -> Vec<Vec<u64>> {
        (0..c.channels.len())
            .map(|i| grid[i * hours..(i + 1) * hours].to_vec())
            .collect()
    };
    SendVolume {
        first: Some(c.delivery.grid.first),
        hours,
        channels: c.channels.iter().map(|ch| ch.id.json_name()).collect(),
        utc: rows(&counts.grid_utc),
        // A plain run counts only UTC hours: its local clock is UTC.
        local: rows(if c.delivery.plain {
            &counts.grid_utc
        } else {
            &counts.grid_local
        }),
    }
}
