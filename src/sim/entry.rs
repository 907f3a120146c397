//! Arrivals, entries and departures of one customer (S1, S2, S2b, S3, S4, S11, S17).

use super::counts::Exit;
use super::customer::{Customer, Entry};
use super::population::{CreditSpan, InteractionTimes, Window};

impl Customer<'_> {
    /// An arrival at `t`: refused (S1 order) or entered.
    #[inline]
    pub(super) fn arrive(&mut self, t: f64) {
        let journey = self.journey;
        let arrivals = &mut self.counts.arrivals;
        arrivals.arrived += 1;
        let Some(version) = journey.versions.iter().rposition(|v| v.live_from <= t) else {
            arrivals.after_stop += 1;
            return;
        };
        if journey.versions[version].stopped_at <= t {
            arrivals.after_stop += 1;
            return;
        }
        if t >= journey.end_date {
            arrivals.after_end_date += 1;
            return;
        }
        if !self.population_drawn {
            self.scratch.draw_population(journey, &mut self.rng);
            self.population_drawn = true;
        }
        if self.entry.is_some() || (self.entered_once && !journey.reentry) {
            self.counts.arrivals.not_reentered += 1;
        } else if journey
            .exclusion_segments
            .iter()
            .any(|&g| self.scratch.member_since[g] <= t)
        {
            self.counts.arrivals.excluded += 1;
        } else {
            self.enter(version, t);
        }
    }

    #[inline]
    fn enter(&mut self, version: usize, t: f64) {
        let journey = self.journey;
        // Not in the journey: only open windows refer to earlier entries.
        self.scratch.compact();
        self.entered_once = true;
        self.scratch.delivery.entries += 1;
        self.counts.enter(version, self.bucket);
        self.scratch.first_seen.fill(f64::INFINITY);
        self.scratch.interactions.fill(InteractionTimes::NONE);
        let (mut suppressed_at, mut suppression) = (f64::INFINITY, 0);
        for (position, &segment) in journey.suppression_segments.iter().enumerate() {
            if self.scratch.member_since[segment] < suppressed_at {
                (suppressed_at, suppression) = (self.scratch.member_since[segment], position);
            }
        }
        let entry = Entry {
            version,
            step: journey.versions[version].first_step,
            entered: t,
            timer: f64::INFINITY,
            yes_at: f64::INFINITY,
            suppressed_at: suppressed_at.max(t),
            suppression,
            stopped_at: journey.versions[version].stopped_at,
            converted: false,
            first_credit: self.scratch.credits.len(),
            reached_offset: self.scratch.reached_steps.len(),
        };
        let words = self.scratch.words_per_entry;
        self.scratch
            .reached_steps
            .resize(entry.reached_offset + words, 0);
        self.entry = Some(entry);
        if suppressed_at <= t {
            // S4: a member at entry enters and exits at once, at no step.
            self.entry = None;
            self.counts
                .exit(None, version, Exit::Suppressed(suppression), self.bucket);
            return;
        }
        if self.hold_out(t) {
            return;
        }
        self.run_from(journey.versions[version].first_step, t);
    }

    /// Leaves the journey now for `why`, from the current step.
    #[inline]
    pub(super) fn leave(&mut self, why: Exit) {
        let Some(entry) = self.entry.take() else {
            return;
        };
        let step = self.journey.versions[entry.version]
            .steps
            .get(entry.step as usize)
            .map(|s| s.index);
        self.counts.exit(step, entry.version, why, self.bucket);
    }

    /// The path ended at `t` (S3): completed; the goal window opens.
    #[inline]
    pub(super) fn complete_journey(&mut self, t: f64) {
        let Some(entry) = self.entry.take() else {
            return;
        };
        self.counts.finish(entry.version, self.bucket);
        if let Some(goal) = self.journey.goal
            && !entry.converted
            && goal.attribution_window > 0.0
        {
            debug_assert!(
                self.scratch
                    .windows
                    .back()
                    .is_none_or(|w| w.until <= t + goal.attribution_window),
                "windows are pushed in deadline order"
            );
            self.scratch.windows.push_back(Window {
                until: t + goal.attribution_window,
                credits: CreditSpan {
                    start: entry.first_credit,
                    end: self.scratch.credits.len(),
                },
                reached_offset: entry.reached_offset,
            });
        }
    }

    /// The goal trigger at `t`: the current entry and every open window convert (S11).
    #[inline]
    pub(super) fn convert(&mut self, t: f64) {
        if !self.scratch.delivery.lift.is_empty() {
            self.lift_conversion(t);
        }
        if let Some(entry) = self.entry.as_mut()
            && !entry.converted
            && t >= entry.entered
        {
            entry.converted = true;
            let credits = CreditSpan {
                start: entry.first_credit,
                end: self.scratch.credits.len(),
            };
            let reached_offset = entry.reached_offset;
            self.credit(credits, reached_offset, t);
        }
        // Windows closed before `t` are at the front; every other one converts.
        self.scratch.close_windows_before(t);
        while let Some(window) = self.scratch.windows.pop_front() {
            self.credit(window.credits, window.reached_offset, t);
        }
    }

    /// One conversion at `t` of the entry with `credits` and whose reached-steps bitset
    /// starts at `reached_offset`. Every step the entry reached so far gets one
    /// conversion: those reached at this instant come after the goal (S9), so they are not
    /// marked yet, and a completed entry's steps were all reached before.
    #[inline]
    fn credit(&mut self, credits: CreditSpan, reached_offset: usize, t: f64) {
        self.counts.convert(self.bucket);
        for credit in &self.scratch.credits[credits.start..credits.end] {
            if credit.at <= t {
                self.counts.credits[credit.index as usize] += 1;
            }
        }
        let words = self.scratch.words_per_entry;
        let bitset = &self.scratch.reached_steps[reached_offset..reached_offset + words];
        for (word, &bits) in bitset.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let step = word * 64 + bits.trailing_zeros() as usize;
                self.counts.step_converted(step, self.bucket);
                bits &= bits - 1;
            }
        }
    }
}
