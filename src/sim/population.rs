//! The synthetic population: one customer's attributes and segment memberships.
//!
//! Modelling choices (assets/docs/format.md leaves room):
//! - Only what the journey can observe is drawn: attributes named by a
//!   condition (branch rules, segment `when`), segments named by the design,
//!   by `segment_channels`, or by the `when` of such a segment. Unused parts of
//!   the scenario cost nothing and cannot change the result.
//! - Attributes in name order: a `Choice` by its weights, a `Range` uniformly.
//! - Segments in name order. A customer is a member from `starts_at` when the
//!   segment's `when` matches (an `InSegment` inside `when` sees only segments
//!   earlier in name order) or a uniform draw is below `share`; otherwise they
//!   join after an exponential time with rate `joins_per_day` from `starts_at`
//!   (never, at rate 0). Membership, once gained, is kept, so one instant
//!   (`member_since`) describes it: member at `t` iff `member_since <= t`.
//! - An audience segment the scenario does not model (allowed: assets/docs/format.md,
//!   Arrivals) counts every customer as a member.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};

/// Credits and reached-step words below which `Scratch::compact` never copies.
const COMPACT_FROM: usize = 4096;

use super::compiled::{Compiled, Condition, Distribution, Interaction};
use super::rng::Stream;

/// Per-customer values reused from customer to customer (no allocation per customer).
#[derive(Debug, Default)]
pub struct Scratch {
    /// Per segment: the instant the customer is a member from (infinity: never).
    pub member_since: Vec<f64>,
    /// Per attribute: the number, or the choice's index.
    pub attribute_values: Vec<f64>,
    /// Per trigger: the next occurrence, NaN when it must be drawn afresh.
    pub next_occurrence: Vec<f64>,
    /// Per trigger: the rate is lifted before this instant.
    pub lift_until: Vec<f64>,
    /// Per trigger: its first occurrence during the current entry (for if/then).
    pub first_seen: Vec<f64>,
    /// Clicks still to come (they lift trigger rates), the earliest on top: a heap, so a
    /// click costs the same however many are pending.
    pub pending_clicks: BinaryHeap<Reverse<Click>>,
    /// Per interaction slot: first delivery, open and click during this entry.
    pub interactions: Vec<InteractionTimes>,
    /// Conversion credits of this customer's entries, each entry's from its `first_credit`.
    pub credits: Vec<Credit>,
    /// Attribution windows still open after completed entries, in deadline order: every
    /// window lasts the goal's attribution and opens at its entry's completion, so they
    /// are pushed in that order, closed ones leave from the front and a conversion takes
    /// them all. No instant looks at more windows than it closes or credits.
    pub windows: VecDeque<Window>,
    /// Steps reached, one bitset of [`Scratch::words_per_entry`] words per entry (bit =
    /// the step's index among all steps).
    pub reached_steps: Vec<u64>,
    /// Words per entry in [`Scratch::reached_steps`].
    pub words_per_entry: usize,
    /// Zone, sends that caps count, lift windows, a held message (format 2).
    pub delivery: super::delivery::State,
}

/// The first instants of the interactions with one message during an entry (infinity:
/// not yet).
#[derive(Clone, Copy, Debug)]
pub struct InteractionTimes {
    /// First delivery.
    pub delivered: f64,
    /// First open.
    pub opened: f64,
    /// First click.
    pub clicked: f64,
}

impl InteractionTimes {
    /// Nothing happened yet.
    pub const NONE: InteractionTimes = InteractionTimes {
        delivered: f64::INFINITY,
        opened: f64::INFINITY,
        clicked: f64::INFINITY,
    };

    /// The first instant of `kind`.
    #[inline]
    pub fn at(&self, kind: Interaction) -> f64 {
        match kind {
            Interaction::Delivered => self.delivered,
            Interaction::Opened => self.opened,
            Interaction::Clicked => self.clicked,
        }
    }
}

/// A conversion credit an entry earned: it counts if the entry converts at or after `at`.
#[derive(Clone, Copy, Debug)]
pub struct Credit {
    /// The credit (index into the run's credits: channel, A/B variant, optimized channel).
    pub index: u32,
    /// When the entry earned it.
    pub at: f64,
}

/// Where an entry's credits are in [`Scratch::credits`]: `start..end`.
#[derive(Clone, Copy, Debug)]
pub struct CreditSpan {
    /// First credit.
    pub start: usize,
    /// One past the last credit.
    pub end: usize,
}

/// The instant of a pending click, ordered by [`f64::total_cmp`] (instants are finite).
#[derive(Clone, Copy, Debug)]
pub struct Click(pub f64);

impl PartialEq for Click {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Click {}

impl PartialOrd for Click {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Click {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// A completed entry that may still convert (S11).
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Last instant a conversion counts.
    pub until: f64,
    /// The entry's credits.
    pub credits: CreditSpan,
    /// Start of the entry's reached-steps bitset in [`Scratch::reached_steps`].
    pub reached_offset: usize,
}

impl Scratch {
    /// Scratch space shaped for `compiled`.
    pub fn new(compiled: &Compiled) -> Self {
        let words_per_entry = compiled.step_count.div_ceil(64);
        Scratch {
            member_since: vec![f64::INFINITY; compiled.segments.len()],
            attribute_values: vec![0.0; compiled.attributes.len()],
            next_occurrence: vec![f64::NAN; compiled.triggers.len()],
            lift_until: vec![f64::NEG_INFINITY; compiled.triggers.len()],
            first_seen: vec![f64::INFINITY; compiled.triggers.len()],
            pending_clicks: BinaryHeap::with_capacity(8),
            interactions: vec![InteractionTimes::NONE; compiled.slot_count],
            credits: Vec::with_capacity(16),
            windows: VecDeque::with_capacity(2),
            reached_steps: Vec::with_capacity(4 * words_per_entry),
            words_per_entry,
            delivery: super::delivery::State::default(),
        }
    }

    /// The earliest pending click, if any.
    #[inline]
    pub fn next_click(&self) -> Option<f64> {
        self.pending_clicks.peek().map(|click| click.0.0)
    }

    /// Drops the attribution windows closed before `t` (they are at the front).
    #[inline]
    pub fn close_windows_before(&mut self, t: f64) {
        while self.windows.front().is_some_and(|w| w.until < t) {
            self.windows.pop_front();
        }
    }

    /// Forgets the credits and reached steps of entries nothing refers to any more (those
    /// before the oldest open window), once they are most of the buffers. Called between
    /// entries: a customer who enters millions of times keeps only what open windows need,
    /// at the cost of one copy per halving.
    #[inline]
    pub fn compact(&mut self) {
        // Floors are at most the lengths: below this nothing is ever compacted.
        if self.credits.len() + self.reached_steps.len() < COMPACT_FROM {
            return;
        }
        self.compact_now();
    }

    #[cold]
    fn compact_now(&mut self) {
        let (credit_floor, reached_floor) = self
            .windows
            .front()
            .map_or((self.credits.len(), self.reached_steps.len()), |w| {
                (w.credits.start, w.reached_offset)
            });
        let floor = credit_floor + reached_floor;
        if floor < COMPACT_FROM || 2 * floor < self.credits.len() + self.reached_steps.len() {
            return;
        }
        self.credits.drain(..credit_floor);
        self.reached_steps.drain(..reached_floor);
        for window in &mut self.windows {
            window.credits.start -= credit_floor;
            window.credits.end -= credit_floor;
            window.reached_offset -= reached_floor;
        }
    }

    /// Clears what the previous customer left.
    pub fn reset(&mut self) {
        self.next_occurrence.fill(f64::NAN);
        self.lift_until.fill(f64::NEG_INFINITY);
        self.pending_clicks.clear();
        self.credits.clear();
        self.windows.clear();
        self.reached_steps.clear();
    }

    /// Draws the customer's attributes and memberships. The engine calls this at the first
    /// arrival that is not refused by a stop or the end date: arrivals refused for those
    /// reasons need no population, which saves the draws for them.
    pub fn draw_population(&mut self, compiled: &Compiled, rng: &mut Stream) {
        if compiled.delivery.draw_zone {
            // From its own stream (S22): the main stream's draws are unchanged.
            self.delivery.zone = super::delivery::draw_zone(&compiled.delivery, &self.delivery);
        }
        for (value, distribution) in self.attribute_values.iter_mut().zip(&compiled.attributes) {
            *value = match distribution {
                Distribution::Choice {
                    cumulative_weights, ..
                } => {
                    let total = cumulative_weights.last().copied().unwrap_or(0.0);
                    let x = rng.uniform() * total;
                    cumulative_weights
                        .iter()
                        .position(|&w| x < w)
                        .unwrap_or(cumulative_weights.len().saturating_sub(1))
                        as f64
                }
                Distribution::Range { low, high } => low + rng.uniform() * (high - low),
            };
        }
        self.member_since.fill(f64::INFINITY);
        for (segment, model) in compiled.segments.iter().enumerate() {
            let member = model.always
                || model
                    .when
                    .as_ref()
                    .is_some_and(|w| self.holds(compiled, w, 0.0))
                || (model.share > 0.0 && rng.uniform() < model.share);
            self.member_since[segment] = if member {
                0.0
            } else {
                rng.exponential(model.joins_per_second)
            };
        }
    }

    /// Whether `condition` holds for this customer at instant `t`.
    pub fn holds(&self, compiled: &Compiled, condition: &Condition, t: f64) -> bool {
        match *condition {
            Condition::InSegment { segment } => self.member_since[segment] <= t,
            Condition::ChoiceIs {
                attribute,
                choice: Some(choice),
            } => self.attribute_values[attribute] == choice as f64,
            Condition::ChoiceIs { choice: None, .. } => false,
            Condition::Equals { attribute, number } => self.number(compiled, attribute) == number,
            Condition::Above { attribute, number } => self.number(compiled, attribute) > number,
            Condition::Below { attribute, number } => self.number(compiled, attribute) < number,
            Condition::ZoneIs { zone } => zone == Some(self.delivery.zone),
        }
    }

    /// Attribute `attribute` as a number (a choice's value parsed, NaN if it is not a
    /// number).
    fn number(&self, compiled: &Compiled, attribute: usize) -> f64 {
        let value = self.attribute_values[attribute];
        match &compiled.attributes[attribute] {
            Distribution::Choice { numbers, .. } => {
                numbers.get(value as usize).copied().unwrap_or(f64::NAN)
            }
            Distribution::Range { .. } => value,
        }
    }
}
