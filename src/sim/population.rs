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
//!   (`since`) describes it: member at `t` iff `since <= t`.
//! - An audience segment the scenario does not model (allowed: assets/docs/format.md,
//!   Arrivals) counts every customer as a member.

use super::compiled::{AttrDist, Compiled, Cond};
use super::rng::Stream;

/// Per-customer values reused from customer to customer (no allocation per customer).
#[derive(Debug, Default)]
pub struct Scratch {
    /// Per segment: the instant the customer is a member from (infinity: never).
    pub since: Vec<f64>,
    /// Per attribute: the number, or the choice's index.
    pub attr: Vec<f64>,
    /// Per trigger: the next occurrence, NaN when it must be drawn afresh.
    pub next: Vec<f64>,
    /// Per trigger: the rate is lifted before this instant.
    pub lift_until: Vec<f64>,
    /// Per trigger: its first occurrence during the current entry (for if/then).
    pub seen: Vec<f64>,
    /// Clicks still to come (they lift trigger rates), latest first.
    pub clicks: Vec<f64>,
    /// Per interaction slot: first delivered, opened, clicked during this entry.
    pub slots: Vec<[f64; 3]>,
    /// Conversion credits of this customer's entries: (credit index, first instant).
    pub credits: Vec<(u32, f64)>,
    /// Attribution windows still open after completed entries.
    pub windows: Vec<Window>,
    /// Steps reached, one bitset of [`Scratch::words`] words per entry (global step index).
    pub marks: Vec<u64>,
    /// Words per entry in [`Scratch::marks`].
    pub words: usize,
}

/// A completed entry that may still convert (S11).
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Last instant a conversion counts.
    pub until: f64,
    /// The entry's credits in [`Scratch::credits`].
    pub credits: (usize, usize),
    /// Start of the entry's reached-steps bitset in [`Scratch::marks`].
    pub marks: usize,
}

impl Scratch {
    /// Scratch space shaped for `c`.
    pub fn new(c: &Compiled) -> Self {
        Scratch {
            since: vec![f64::INFINITY; c.segments.len()],
            attr: vec![0.0; c.attributes.len()],
            next: vec![f64::NAN; c.triggers.len()],
            lift_until: vec![f64::NEG_INFINITY; c.triggers.len()],
            seen: vec![f64::INFINITY; c.triggers.len()],
            clicks: Vec::with_capacity(8),
            slots: vec![[f64::INFINITY; 3]; c.n_slots],
            credits: Vec::with_capacity(16),
            windows: Vec::with_capacity(2),
            marks: Vec::with_capacity(4 * c.n_steps.div_ceil(64)),
            words: c.n_steps.div_ceil(64),
        }
    }

    /// Clears what the previous customer left.
    pub fn reset(&mut self) {
        self.next.fill(f64::NAN);
        self.lift_until.fill(f64::NEG_INFINITY);
        self.clicks.clear();
        self.credits.clear();
        self.windows.clear();
        self.marks.clear();
    }

    /// Draws the customer's attributes and memberships. The engine calls this at the first
    /// arrival that is not refused by a stop or the end date: arrivals refused for those
    /// reasons need no population, which saves the draws for them.
    pub fn draw_population(&mut self, c: &Compiled, rng: &mut Stream) {
        for (value, (_, dist)) in self.attr.iter_mut().zip(&c.attributes) {
            *value = match dist {
                AttrDist::Choice { cum, .. } => {
                    let total = cum.last().copied().unwrap_or(0.0);
                    let x = rng.uniform() * total;
                    cum.iter()
                        .position(|&w| x < w)
                        .unwrap_or(cum.len().saturating_sub(1)) as f64
                }
                AttrDist::Range(lo, hi) => lo + rng.uniform() * (hi - lo),
            };
        }
        self.since.fill(f64::INFINITY);
        for (g, (_, m)) in c.segments.iter().enumerate() {
            let member = m.always
                || m.when.as_ref().is_some_and(|w| self.holds(c, w, 0.0))
                || (m.share > 0.0 && rng.uniform() < m.share);
            self.since[g] = if member {
                0.0
            } else {
                rng.exponential(m.join_rate)
            };
        }
    }

    /// Whether condition `cond` holds for this customer at instant `t`.
    pub fn holds(&self, c: &Compiled, cond: &Cond, t: f64) -> bool {
        match *cond {
            Cond::InSegment(g) => self.since[g] <= t,
            Cond::ChoiceIs(a, Some(k)) => self.attr[a] == k as f64,
            Cond::ChoiceIs(_, None) => false,
            Cond::NumEq(a, x) => self.number(c, a) == x,
            Cond::Above(a, x) => self.number(c, a) > x,
            Cond::Below(a, x) => self.number(c, a) < x,
        }
    }

    /// Attribute `a` as a number (a choice's value parsed, NaN if it is not a number).
    fn number(&self, c: &Compiled, a: usize) -> f64 {
        match &c.attributes[a].1 {
            AttrDist::Choice { numbers, .. } => numbers
                .get(self.attr[a] as usize)
                .copied()
                .unwrap_or(f64::NAN),
            AttrDist::Range(..) => self.attr[a],
        }
    }
}
