//! The engine: one customer at a time, from first arrival to the horizon.
//!
//! A customer's life is a short sequence of instants. At each loop the
//! engine finds the earliest pending instant among: the first arrival, the
//! next occurrence of every trigger that matters now (goal, exit trigger,
//! if/then trigger, audience trigger), pending clicks (they lift trigger
//! rates), and, in the journey, joining a suppression segment, the version's
//! stop and the current step's timer. It then applies everything due at
//! that instant in the order of S9: goal, suppression, exit trigger, stop,
//! the step's own action; then clicks, then arrivals (so a customer who left
//! at `t` can re-enter at `t`). Nothing at or after the horizon happens (S16).
//!
//! Triggers (which matter when, their next occurrences, click lifts) are in
//! `triggers`.
//!
//! A customer's loop ends at the horizon, or earlier when nothing counted can
//! happen any more: out of the journey, no attribution window open (a window
//! is dropped once the next goal occurrence falls after it and no pending
//! click could bring it forward), and no audience trigger to arrive again.
//! Opens and clicks are counted when the message is sent (their instants are
//! known then), so they need no events of their own.
//!
//! Speed: the loop is split into short functions for reading, but it should
//! compile as one. `live` and `instant` are `#[inline(always)]` and the
//! helpers they call from other files `#[inline]`: without that, LLVM keeps
//! them apart and the run does about 5 % more instructions (measured with
//! cachegrind on the welcome series).

use std::sync::atomic::{AtomicBool, Ordering};

use super::compiled::{self, Compiled};
use super::counts::{Bucket, Counts, Exit};
use super::population::Scratch;
use super::rng::Stream;

/// Per-run parameters that are not part of the journey.
#[derive(Clone, Debug)]
pub struct RunParams {
    /// Seed of the streams.
    pub seed: u64,
    /// Nothing at or after this instant (seconds) happens.
    pub horizon: f64,
    /// Per A/B test: its decision, once made.
    pub decided: Vec<Option<Decided>>,
}

/// An A/B test's decision.
#[derive(Clone, Copy, Debug)]
pub struct Decided {
    /// The decision instant (seconds after the start).
    pub at: f64,
    /// The variant every arrival from then on takes.
    pub variant: usize,
}

/// The current entry of a customer in the journey.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// Index of the version (among simulated versions).
    pub version: usize,
    /// Index of the current step in the version.
    pub step: u32,
    /// Instant of entry.
    pub entered: f64,
    /// The step's timer: wait end or if/then deadline.
    pub timer: f64,
    /// If/then: instant of a known event that takes the yes path.
    pub yes_at: f64,
    /// Joining a suppression segment: the instant (or infinity).
    pub suppressed_at: f64,
    /// Which suppression segment (position in the journey's list).
    pub suppression: usize,
    /// The version's stop instant (or infinity).
    pub stopped_at: f64,
    /// The entry converted.
    pub converted: bool,
    /// Start of this entry's credits in [`Scratch::credits`].
    pub first_credit: usize,
    /// Start of this entry's reached-steps bitset in [`Scratch::reached_steps`].
    pub reached_offset: usize,
}

/// One customer being simulated.
pub struct Customer<'a> {
    /// The journey.
    pub journey: &'a Compiled,
    /// Run parameters.
    pub run: &'a RunParams,
    /// Per-customer scratch.
    pub scratch: &'a mut Scratch,
    /// Where the counts go.
    pub counts: &'a mut Counts,
    /// This customer's stream.
    pub rng: Stream,
    /// In the journey, or not.
    pub entry: Option<Entry>,
    /// The last instant processed.
    pub now: f64,
    /// The customer has entered at least once.
    pub entered_once: bool,
    /// Attributes and memberships are drawn.
    pub population_drawn: bool,
    /// The buckets of `now` (every count at this instant goes there).
    pub bucket: Bucket,
    /// The run's cancel flag, looked at now and then within one customer: a
    /// scenario with enormous rates gives one customer billions of events.
    pub cancel: Option<&'a AtomicBool>,
    /// The event count at which to look at the cancel flag next.
    pub next_look: u64,
}

/// Events between two looks at the cancel flag within one customer.
const CANCEL_EVERY: u64 = 1 << 10;

/// The smaller of two instants (no NaN handling needed: NaN never reaches here).
#[inline]
pub(super) fn earlier(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// Simulates customer `index` and adds its counts to `counts`.
#[inline]
pub fn simulate_customer(
    journey: &Compiled,
    run: &RunParams,
    index: u64,
    scratch: &mut Scratch,
    counts: &mut Counts,
    cancel: Option<&AtomicBool>,
) {
    let counts_events = counts.events;
    let mut rng = Stream::new(run.seed, index);
    let first = if journey.arrivals_over > 0.0 {
        rng.uniform() * journey.arrivals_over
    } else {
        0.0
    };
    scratch.reset();
    if journey.delivery.per_customer {
        scratch.delivery.begin(run.seed, index);
    }
    let mut customer = Customer {
        journey,
        run,
        scratch,
        counts,
        rng,
        entry: None,
        now: 0.0,
        entered_once: false,
        population_drawn: false,
        bucket: Bucket::default(),
        cancel,
        next_look: counts_events + CANCEL_EVERY,
    };
    customer.live(first);
}

impl Customer<'_> {
    /// Processes instant after instant, the first arrival at `first`, until nothing
    /// counted can happen any more or the horizon.
    #[expect(
        clippy::inline_always,
        reason = "kept in the customer loop, see the module doc"
    )]
    #[inline(always)]
    fn live(&mut self, first: f64) {
        let horizon = self.run.horizon;
        let mut first_pending = true;
        loop {
            if !first_pending
                && self.entry.is_none()
                && self.scratch.windows.is_empty()
                && self.scratch.delivery.lift.is_empty()
                && self.journey.audience_trigger.is_none()
            {
                // Nothing can happen to this customer any more that the report counts.
                break;
            }
            let t = self.next_instant(first_pending, first);
            if t >= horizon {
                break;
            }
            self.now = t;
            self.bucket = self.counts.bucket(t);
            self.counts.events += 1;
            // Step visits count too, so the count can pass a multiple unseen: a threshold.
            if self.counts.events >= self.next_look {
                self.next_look = self.counts.events + CANCEL_EVERY;
                if self.cancel.is_some_and(|f| f.load(Ordering::Relaxed)) {
                    // The pass sees the flag too and reports the run cancelled.
                    break;
                }
            }
            let first_arrival = first_pending && first == t;
            self.instant(t, first_arrival);
            if first_arrival {
                first_pending = false;
            }
        }
    }

    /// The earliest pending instant: the first arrival (while pending at `first`), a
    /// trigger that matters, a pending click, and in the journey: joining a suppression
    /// segment, the stop, the step's timer or a known yes event.
    #[inline]
    fn next_instant(&mut self, first_pending: bool, first: f64) -> f64 {
        let mut t = if first_pending { first } else { f64::INFINITY };
        t = self.earliest_trigger(t, first_pending);
        if let Some(click) = self.scratch.next_click() {
            t = earlier(t, click);
        }
        if let Some(entry) = &self.entry {
            t = earlier(
                earlier(
                    earlier(earlier(t, entry.suppressed_at), entry.stopped_at),
                    entry.timer,
                ),
                entry.yes_at,
            );
        }
        t
    }

    /// Applies everything due at `t`, in the order of S9.
    #[expect(
        clippy::inline_always,
        reason = "kept in the customer loop, see the module doc"
    )]
    #[inline(always)]
    pub(super) fn instant(&mut self, t: f64, first_arrival: bool) {
        let journey = self.journey;
        // Goal (S11): before anything else at this instant.
        if let Some(goal) = journey.goal
            && self.occurs(goal.trigger, t)
        {
            self.convert(t);
        }
        if let Some(entry) = self.entry {
            if journey.versions[entry.version].waits_for_triggers {
                self.note_seen_triggers(t);
            }
            if entry.suppressed_at <= t {
                self.leave(Exit::Suppressed(entry.suppression));
            } else if let Some(position) = journey
                .exit_triggers
                .iter()
                .position(|&trigger| self.occurs(trigger, t))
            {
                self.leave(Exit::Trigger(position));
            } else if entry.stopped_at <= t {
                self.leave(Exit::Stopped);
            } else {
                self.step_due(entry, t);
            }
        }
        self.apply_clicks(t);
        let audience = journey
            .audience_trigger
            .is_some_and(|trigger| self.occurs(trigger, t));
        self.use_occurrences(t);
        if first_arrival || audience {
            self.arrive(t);
        }
    }

    /// The current step's timer or event, if due at `t`.
    #[expect(
        clippy::inline_always,
        reason = "kept in the customer loop, see the module doc"
    )]
    #[inline(always)]
    fn step_due(&mut self, entry: Entry, t: f64) {
        let step = &self.journey.versions[entry.version].steps[entry.step as usize];
        if let compiled::Action::IfThen { event, yes, no, .. } = &step.action {
            let occurred =
                matches!(event, compiled::Event::Trigger(trigger) if self.occurs(*trigger, t));
            if occurred || entry.yes_at <= t {
                self.pass(entry.version, entry.step, 0, *yes, t);
            } else if entry.timer <= t {
                self.pass(entry.version, entry.step, 1, *no, t);
            }
        } else if entry.timer <= t
            && let Some(next) = step.on_timer.next
        {
            // Waits go on; a message held by quiet hours (S18) is released first.
            if step.on_timer.releases {
                self.release(entry.first_credit, t);
            }
            self.pass(entry.version, entry.step, 0, next, t);
        }
    }
}
