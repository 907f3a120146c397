//! Triggers in the engine: which matter at an instant, their next
//! occurrences, and the lift clicks give their rates.
//!
//! Triggers are Poisson processes. By memorylessness the engine draws only
//! the next occurrence, from the last instant that changed the picture (an
//! occurrence, a click, the trigger starting to matter). A click at `c` lifts
//! the rate until `c + lift_for` (a click during a lift extends it, lifts do
//! not multiply: assets/docs/rules.md, Steps, Interactions); the next occurrence
//! under a piecewise constant rate is found by inverting the integrated rate.

use super::customer::{Customer, earlier};

/// Why a trigger's occurrences matter at the moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// In the journey (exit, goal, if/then) or as further arrivals.
    Always,
    /// Only as the goal of completed entries still in their attribution window.
    Windows,
}

impl Customer<'_> {
    /// Whether `trigger` (an index) occurs at `t`.
    #[inline]
    pub(super) fn occurs(&self, trigger: usize, t: f64) -> bool {
        self.scratch.next_occurrence[trigger] == t
    }

    /// `t`, or the next occurrence of a trigger that matters now if that is earlier.
    /// Occurrences in the past are drawn afresh; attribution windows the goal can no
    /// longer reach are dropped.
    #[inline]
    pub(super) fn earliest_trigger(&mut self, mut t: f64, first_pending: bool) -> f64 {
        let journey = self.journey;
        // Which triggers matter now (see `Role`), worked out once per instant.
        let in_journey: &[bool] = match &self.entry {
            Some(entry) => &journey.versions[entry.version].in_journey_triggers,
            None => &[],
        };
        let audience = if first_pending {
            None
        } else {
            journey.audience_trigger
        };
        let goal_windows = self.goal_with_open_windows();
        for trigger in 0..journey.triggers.len() {
            let role =
                if audience == Some(trigger) || in_journey.get(trigger).copied().unwrap_or(false) {
                    Role::Always
                } else if goal_windows == Some(trigger) {
                    Role::Windows
                } else {
                    continue;
                };
            let next = self.scratch.next_occurrence[trigger];
            if next.is_nan() || next < self.now {
                self.scratch.next_occurrence[trigger] = self.draw_next(trigger, self.now);
            }
            if role == Role::Windows && self.windows_close_first(trigger) {
                self.scratch.windows.clear();
                self.scratch.delivery.lift.clear();
                continue;
            }
            t = earlier(t, self.scratch.next_occurrence[trigger]);
        }
        t
    }

    /// The goal trigger, when some attribution window is still open now (closed ones are
    /// dropped).
    #[inline]
    fn goal_with_open_windows(&mut self) -> Option<usize> {
        if self.scratch.windows.is_empty() && self.scratch.delivery.lift.is_empty() {
            return None;
        }
        let now = self.now;
        self.scratch.close_windows_before(now);
        // Lift windows (S23) want the goal too, also for held-out entries.
        let lift = &mut self.scratch.delivery.lift;
        while lift.front().is_some_and(|w| w.until < now) {
            lift.pop_front();
        }
        if self.scratch.windows.is_empty() && self.scratch.delivery.lift.is_empty() {
            None
        } else {
            self.journey.goal.map(|g| g.trigger)
        }
    }

    /// Whether the next occurrence of the goal trigger comes after every open window
    /// closes, with no click before then that could bring it forward.
    fn windows_close_first(&self, goal_trigger: usize) -> bool {
        // The last window closes last (deadline order).
        let until = self
            .scratch
            .windows
            .back()
            .map_or(f64::NEG_INFINITY, |w| w.until);
        let until = self
            .scratch
            .delivery
            .lift
            .back()
            .map_or(until, |w| until.max(w.until));
        let click_first = self.scratch.next_click().is_some_and(|x| x <= until);
        !click_first && until < self.scratch.next_occurrence[goal_trigger]
    }

    /// The next occurrence of `trigger` after `from`, under the current lift.
    fn draw_next(&mut self, trigger: usize, from: f64) -> f64 {
        let model = &self.journey.triggers[trigger];
        if model.rate <= 0.0 {
            return f64::INFINITY;
        }
        let mut budget = self.rng.unit_exponential();
        let lift_until = self.scratch.lift_until[trigger];
        let mut t = from;
        if lift_until > from {
            let lifted = model.rate * model.lift;
            let span = lift_until - from;
            if budget < lifted * span {
                return from + budget / lifted;
            }
            budget -= lifted * span;
            t = lift_until;
        }
        t + budget / model.rate
    }

    /// Notes triggers occurring at `t` as seen during this entry (for if/then).
    #[inline]
    pub(super) fn note_seen_triggers(&mut self, t: f64) {
        for trigger in 0..self.journey.triggers.len() {
            if self.occurs(trigger, t) && self.scratch.first_seen[trigger] > t {
                self.scratch.first_seen[trigger] = t;
            }
        }
    }

    /// Clicks at `t` lift rates from `t` on: occurrences are drawn afresh.
    #[inline]
    pub(super) fn apply_clicks(&mut self, t: f64) {
        let journey = self.journey;
        while self.scratch.next_click().is_some_and(|x| x <= t) {
            self.scratch.pending_clicks.pop();
            for &trigger in &journey.lifted_triggers {
                let until = t + journey.triggers[trigger].lift_for;
                if until > self.scratch.lift_until[trigger] {
                    self.scratch.lift_until[trigger] = until;
                }
                self.scratch.next_occurrence[trigger] = f64::NAN;
            }
        }
    }

    /// Occurrences at `t` are used: the next ones are drawn from `t`.
    #[inline]
    pub(super) fn use_occurrences(&mut self, t: f64) {
        for trigger in 0..self.journey.triggers.len() {
            if self.occurs(trigger, t) {
                self.scratch.next_occurrence[trigger] = f64::NAN;
            }
        }
    }
}
