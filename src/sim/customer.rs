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
//! Triggers are Poisson processes. By memorylessness the engine draws only
//! the next occurrence, from the last instant that changed the picture (an
//! occurrence, a click, the trigger starting to matter). A click at `c` lifts
//! the rate until `c + lift_for` (a click during a lift extends it, lifts do
//! not multiply: assets/docs/rules.md, Steps, Interactions); the next occurrence
//! under a piecewise constant rate is found by inverting the integrated rate.
//!
//! A customer's loop ends at the horizon, or earlier when nothing counted can
//! happen any more: out of the journey, no attribution window open (a window
//! is dropped once the next goal occurrence falls after it and no pending
//! click could bring it forward), and no audience trigger to arrive again.
//! Opens and clicks are counted when the message is sent (their instants are
//! known then), so they need no events of their own.

use std::sync::atomic::{AtomicBool, Ordering};

use super::acc::{Acc, Exit};
use super::compiled::{ActionC, Compiled, EventC};
use super::population::Scratch;
use super::rng::Stream;

/// Why a trigger's occurrences matter at the moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// In the journey (exit, goal, if/then) or as further arrivals.
    Always,
    /// Only as the goal of completed entries still in their attribution window.
    Windows,
}

/// Per-run parameters that are not part of the journey.
#[derive(Clone, Debug)]
pub struct RunParams {
    /// Seed of the streams.
    pub seed: u64,
    /// Nothing at or after this instant (seconds) happens.
    pub horizon: f64,
    /// Per A/B test: the decision instant and the variant chosen, once decided.
    pub decided: Vec<Option<(f64, usize)>>,
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
    /// Joining a suppression segment: instant and position.
    pub supp_at: f64,
    /// Which suppression segment.
    pub supp: usize,
    /// The version's stop instant (or infinity).
    pub stop: f64,
    /// The entry converted.
    pub converted: bool,
    /// Start of this entry's credits in the scratch.
    pub credits: usize,
    /// Start of this entry's reached-steps bitset in the scratch.
    pub marks: usize,
}

/// One customer being simulated.
pub struct Customer<'a> {
    /// The journey.
    pub c: &'a Compiled,
    /// Run parameters.
    pub run: &'a RunParams,
    /// Per-customer scratch.
    pub s: &'a mut Scratch,
    /// Counts.
    pub acc: &'a mut Acc,
    /// This customer's stream.
    pub rng: Stream,
    /// In the journey, or not.
    pub cur: Option<Entry>,
    /// The last instant processed.
    pub now: f64,
    /// The customer has entered at least once.
    pub entered_once: bool,
    /// Attributes and memberships are drawn.
    pub drawn: bool,
    /// The hour bucket of `now` (every count at this instant goes there).
    pub bucket: usize,
    /// The run's cancel flag, looked at now and then within one customer: a
    /// scenario with enormous rates gives one customer billions of events.
    pub cancel: Option<&'a AtomicBool>,
}

/// Events between two looks at the cancel flag within one customer.
const CANCEL_EVERY: u64 = 1 << 10;

/// The smaller of two instants (no NaN handling needed: NaN never reaches here).
#[inline]
fn earlier(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// Simulates customer `index` and adds its counts to `acc`.
pub fn simulate_customer(
    c: &Compiled,
    run: &RunParams,
    index: u64,
    s: &mut Scratch,
    acc: &mut Acc,
    cancel: Option<&AtomicBool>,
) {
    let mut rng = Stream::new(run.seed, index);
    let first = if c.arrivals_over > 0.0 {
        rng.uniform() * c.arrivals_over
    } else {
        0.0
    };
    s.reset();
    let mut cust = Customer {
        c,
        run,
        s,
        acc,
        rng,
        cur: None,
        now: 0.0,
        entered_once: false,
        drawn: false,
        bucket: 0,
        cancel,
    };
    cust.live(first);
}

impl Customer<'_> {
    fn live(&mut self, first: f64) {
        let horizon = self.run.horizon;
        let mut first_pending = true;
        loop {
            if !first_pending
                && self.cur.is_none()
                && self.s.windows.is_empty()
                && self.c.audience_trigger.is_none()
            {
                // Nothing can happen to this customer any more that the report counts.
                break;
            }
            let mut t = if first_pending { first } else { f64::INFINITY };
            let c = self.c;
            // Which triggers matter now (see `Role`), worked out once per instant.
            let in_journey: &[bool] = match &self.cur {
                Some(e) => &c.versions[e.version].in_journey_triggers,
                None => &[],
            };
            let audience = if first_pending {
                None
            } else {
                c.audience_trigger
            };
            let mut goal_windows = None;
            if !self.s.windows.is_empty() {
                let now = self.now;
                self.s.windows.retain(|w| w.until >= now);
                if !self.s.windows.is_empty() {
                    goal_windows = c.goal.map(|g| g.trigger);
                }
            }
            for k in 0..c.triggers.len() {
                let role = if audience == Some(k) || in_journey.get(k).copied().unwrap_or(false) {
                    Role::Always
                } else if goal_windows == Some(k) {
                    Role::Windows
                } else {
                    continue;
                };
                if self.s.next[k].is_nan() || self.s.next[k] < self.now {
                    self.s.next[k] = self.draw_next(k, self.now);
                }
                if role == Role::Windows {
                    let until = self
                        .s
                        .windows
                        .iter()
                        .fold(f64::NEG_INFINITY, |u, w| u.max(w.until));
                    let click_first = self.s.clicks.last().is_some_and(|&x| x <= until);
                    if !click_first && until < self.s.next[k] {
                        // The next goal occurrence comes after every open window closes,
                        // and no click before then can bring it forward.
                        self.s.windows.clear();
                        continue;
                    }
                }
                t = earlier(t, self.s.next[k]);
            }
            if let Some(&click) = self.s.clicks.last() {
                t = earlier(t, click);
            }
            if let Some(e) = &self.cur {
                t = earlier(
                    earlier(earlier(earlier(t, e.supp_at), e.stop), e.timer),
                    e.yes_at,
                );
            }
            if t >= horizon {
                break;
            }
            self.now = t;
            self.bucket = self.acc.bucket(t);
            self.acc.events += 1;
            if self.acc.events.is_multiple_of(CANCEL_EVERY)
                && self.cancel.is_some_and(|f| f.load(Ordering::Relaxed))
            {
                // The pass sees the flag too and reports the run cancelled.
                break;
            }
            self.instant(t, first_pending && first == t);
            if first_pending && first == t {
                first_pending = false;
            }
        }
    }

    /// The next occurrence of trigger `k` after `from`, under the current lift.
    fn draw_next(&mut self, k: usize, from: f64) -> f64 {
        let m = self.c.triggers[k].1;
        if m.rate <= 0.0 {
            return f64::INFINITY;
        }
        let mut budget = self.rng.unit_exponential();
        let lift_until = self.s.lift_until[k];
        let mut t = from;
        if lift_until > from {
            let lifted = m.rate * m.lift;
            let span = lift_until - from;
            if budget < lifted * span {
                return from + budget / lifted;
            }
            budget -= lifted * span;
            t = lift_until;
        }
        t + budget / m.rate
    }

    /// Applies everything due at `t`, in the order of S9.
    pub(super) fn instant(&mut self, t: f64, first_arrival: bool) {
        let c = self.c;
        let occurs = |s: &Scratch, k: usize| s.next[k] == t;
        // Goal (S11): before anything else at this instant.
        if let Some(g) = c.goal
            && occurs(self.s, g.trigger)
        {
            self.convert(t);
        }
        if let Some(e) = self.cur {
            // If/then triggers seen during this entry.
            if c.versions[e.version].waits_for_triggers {
                for k in 0..c.triggers.len() {
                    if occurs(self.s, k) && self.s.seen[k] > t {
                        self.s.seen[k] = t;
                    }
                }
            }
            if e.supp_at <= t {
                self.leave(Exit::Suppressed(e.supp));
            } else if let Some(pos) = c.exit_triggers.iter().position(|&k| occurs(self.s, k)) {
                self.leave(Exit::Trigger(pos));
            } else if e.stop <= t {
                self.leave(Exit::Stopped);
            } else {
                self.step_due(e, t);
            }
        }
        // Clicks at t lift rates from t on: occurrences are drawn afresh.
        while self.s.clicks.last().is_some_and(|&x| x <= t) {
            self.s.clicks.pop();
            for &k in &c.lifted {
                let until = t + c.triggers[k].1.lift_for;
                if until > self.s.lift_until[k] {
                    self.s.lift_until[k] = until;
                }
                self.s.next[k] = f64::NAN;
            }
        }
        let audience = c.audience_trigger.is_some_and(|k| occurs(self.s, k));
        // Occurrences at t are used: the next ones are drawn from t.
        for k in 0..c.triggers.len() {
            if occurs(self.s, k) {
                self.s.next[k] = f64::NAN;
            }
        }
        if first_arrival || audience {
            self.arrive(t);
        }
    }

    /// The current step's timer or event, if due at `t`.
    fn step_due(&mut self, e: Entry, t: f64) {
        let step = &self.c.versions[e.version].steps[e.step as usize];
        match &step.action {
            ActionC::IfThen { event, yes, no, .. } => {
                let trig = matches!(event, EventC::Trigger(k) if self.s.next[*k] == t);
                if trig || e.yes_at <= t {
                    self.pass(e.version, e.step, 0, *yes, t);
                } else if e.timer <= t {
                    self.pass(e.version, e.step, 1, *no, t);
                }
            }
            ActionC::Wait { next, .. } | ActionC::WaitUntil { next, .. } if e.timer <= t => {
                self.pass(e.version, e.step, 0, *next, t);
            }
            _ => {}
        }
    }
}
