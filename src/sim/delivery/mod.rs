//! Delivery rules, time zones and the holdout in the engine (assets/docs/rules.md
//! S18–S23): compiled once per run, per-customer state, counts and report.
//!
//! Modelling choices, in one place (assets/docs/format.md lists them for users):
//! - Rules belong to the journey and apply to every version.
//! - A message step with no rule for its channel (or a transactional message) sends at
//!   the instant it is reached, exactly as in format 1: journeys without delivery rules
//!   give the same numbers as before.
//! - The time-zone draw and the holdout draw use keyed streams (`rng::Stream::keyed`),
//!   so adding either never shifts another draw; the A/B draw stays on the customer's
//!   main stream, where format 1 put it (changing that would change every format-1 A/B
//!   result).
//! - The send-volume grid counts sends by whole clock hour (a send at 08:00:00 is in
//!   the 08:00–09:00 hour), in UTC and on the customer's local clock.

pub mod clock;
mod compile;
mod counts;
mod engine;
pub mod report;

pub use compile::compile;
pub use counts::DeliveryCounts;
pub use engine::draw_zone;

use std::collections::VecDeque;

use clock::ZoneClock;

/// A quiet-hours rule, in seconds of the local day.
#[derive(Clone, Copy, Debug)]
pub struct QuietRule {
    /// Start of the quiet time.
    pub from: f64,
    /// End of the quiet time (before `from`: past midnight).
    pub to: f64,
    /// Skip rather than hold.
    pub skip: bool,
}

impl QuietRule {
    /// Whether a local second of the day is quiet.
    #[inline]
    pub fn is_quiet(&self, second_of_day: f64) -> bool {
        if self.from <= self.to {
            second_of_day >= self.from && second_of_day < self.to
        } else {
            second_of_day >= self.from || second_of_day < self.to
        }
    }
}

/// A frequency cap.
#[derive(Clone, Debug)]
pub struct Cap {
    /// The most messages in the window.
    pub max: u32,
    /// The window, seconds.
    pub per: f64,
    /// Per compiled channel: its messages count.
    pub channels: Vec<bool>,
}

/// The holdout.
#[derive(Clone, Copy, Debug)]
pub struct HoldoutRule {
    /// Probability an entry is held out.
    pub share: f64,
    /// Seconds after entry a conversion counts for the lift.
    pub measure_for: f64,
}

/// The hours of the send-volume grid: whole UTC hours from midnight (UTC) of the day
/// before the start, long enough for every local clock.
#[derive(Clone, Copy, Debug)]
pub struct Grid {
    /// Seconds from the grid's first hour to the start.
    pub lead: f64,
    /// Number of hours.
    pub hours: usize,
    /// The grid's first hour.
    pub first: crate::model::Instant,
}

impl Grid {
    /// The grid hour of local (or UTC, `offset` 0) instant `t + offset`.
    #[inline]
    pub fn hour(&self, t: f64, offset: f64) -> usize {
        let h = (t + offset + self.lead) * (1.0 / 3_600.0);
        // floor() without a libm call or a branch (sends come in no order): through i64
        // (one instruction, where a float-to-usize cast takes several) the cast
        // truncates, saturating and NaN to 0, which is the floor from 0 up; below,
        // `max` makes it hour 0, as for NaN.
        let hour = (h as i64).max(0) as usize;
        hour.min(self.hours - 1)
    }
}

/// Everything the engine needs about delivery, resolved once per run.
#[derive(Clone, Debug)]
pub struct Rules {
    /// Quiet-hours rules.
    pub quiet: Vec<QuietRule>,
    /// Per compiled channel: the quiet rules covering it.
    pub quiet_by_channel: Vec<Vec<usize>>,
    /// Frequency caps.
    pub caps: Vec<Cap>,
    /// Per compiled channel: the caps covering it.
    pub caps_by_channel: Vec<Vec<usize>>,
    /// The holdout.
    pub holdout: Option<HoldoutRule>,
    /// Each zone's clock.
    pub zones: Vec<ZoneClock>,
    /// Running sums of the zones' weights.
    pub zone_weights: Vec<f64>,
    /// Customers draw a zone (several zones).
    pub draw_zone: bool,
    /// The send-volume grid.
    pub grid: Grid,
    /// No quiet hours, no caps and one zone on UTC: every message goes out the
    /// instant it is reached and its local hour is its UTC hour, so only the UTC
    /// grid is counted (the report copies it). Journeys without delivery rules run
    /// this way, at format 1's speed.
    pub plain: bool,
    /// Customers need their [`State`] reset ([`State::begin`]): a message can be held or
    /// capped, a zone is drawn (all three only outside plain runs) or entries are held
    /// out. Plain runs without a holdout never look at it.
    pub per_customer: bool,
}

/// A customer's delivery state, kept in `Scratch`.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The customer's index (keyed streams).
    pub customer: u64,
    /// The run's seed (keyed streams).
    pub seed: u64,
    /// The customer's zone (index into [`Rules::zones`]).
    pub zone: usize,
    /// Entries so far (the entry number of keyed streams).
    pub entries: u64,
    /// Messages sent that caps count: instant and channel, oldest first; those older
    /// than the longest cap's window are dropped, so a cap looks at no more sends than
    /// its window holds however long the customer lives.
    pub sends: VecDeque<Sent>,
    /// Open lift windows of this customer's entries (S23), in deadline order (each lasts
    /// the holdout's `measure_for` from its entry): closed ones leave from the front.
    pub lift: VecDeque<LiftWindow>,
    /// The message held by quiet hours at the current step, if any.
    pub held: Option<Held>,
}

impl State {
    /// A new customer.
    pub fn begin(&mut self, seed: u64, customer: u64) {
        self.customer = customer;
        self.seed = seed;
        self.zone = 0;
        self.entries = 0;
        // Most customers send nothing a cap counts and open no lift window: clearing an
        // empty deque is not free, and this runs once per customer.
        if !self.sends.is_empty() {
            self.sends.clear();
        }
        if !self.lift.is_empty() {
            self.lift.clear();
        }
        self.held = None;
    }
}

/// One message a cap counts.
#[derive(Clone, Copy, Debug)]
pub struct Sent {
    /// When it was sent.
    pub at: f64,
    /// Its compiled channel.
    pub channel: usize,
}

/// An entry whose conversions count for the lift until `until`.
#[derive(Clone, Copy, Debug)]
pub struct LiftWindow {
    /// The last instant a conversion counts.
    pub until: f64,
    /// The entry was held out.
    pub held_out: bool,
}

/// A message waiting for quiet hours to end.
#[derive(Clone, Copy, Debug)]
pub struct Held {
    /// The message.
    pub message: Message,
}

/// One message about to go out: what the step knows at the send.
#[derive(Clone, Copy, Debug)]
pub struct Message {
    /// Compiled channel.
    pub channel: usize,
    /// Interaction slot.
    pub slot: Option<usize>,
    /// The channel-optimization credit that chose the channel.
    pub optimized: Option<usize>,
    /// The step's index among all steps.
    pub step: usize,
    /// Quiet hours and caps do not apply (S20).
    pub transactional: bool,
}
