//! Arrivals, entries and departures of one customer (S1, S2, S2b, S3, S4, S11, S17).

use super::acc::{AFTER_END_DATE, AFTER_STOP, ARRIVED, EXCLUDED, Exit, NOT_REENTERED};
use super::customer::{Customer, Entry};
use super::population::Window;

impl Customer<'_> {
    /// An arrival at `t`: refused (S1 order) or entered.
    pub(super) fn arrive(&mut self, t: f64) {
        let c = self.c;
        self.acc.arrivals[ARRIVED] += 1;
        let Some(v) = c.versions.iter().rposition(|v| v.live <= t) else {
            self.acc.arrivals[AFTER_STOP] += 1;
            return;
        };
        if c.versions[v].stopped <= t {
            self.acc.arrivals[AFTER_STOP] += 1;
            return;
        }
        if t >= c.end_date {
            self.acc.arrivals[AFTER_END_DATE] += 1;
            return;
        }
        if !self.drawn {
            self.s.draw_population(c, &mut self.rng);
            self.drawn = true;
        }
        if self.cur.is_some() || (self.entered_once && !c.reentry) {
            self.acc.arrivals[NOT_REENTERED] += 1;
        } else if c.exclude.iter().any(|&g| self.s.since[g] <= t) {
            self.acc.arrivals[EXCLUDED] += 1;
        } else {
            self.enter(v, t);
        }
    }

    fn enter(&mut self, v: usize, t: f64) {
        let c = self.c;
        self.entered_once = true;
        self.acc.enter(v, self.bucket);
        self.s.seen.fill(f64::INFINITY);
        self.s.slots.fill([f64::INFINITY; 3]);
        let (mut supp_at, mut supp) = (f64::INFINITY, 0);
        for (pos, &g) in c.suppression.iter().enumerate() {
            if self.s.since[g] < supp_at {
                (supp_at, supp) = (self.s.since[g], pos);
            }
        }
        let entry = Entry {
            version: v,
            step: c.versions[v].first,
            entered: t,
            timer: f64::INFINITY,
            yes_at: f64::INFINITY,
            supp_at: supp_at.max(t),
            supp,
            stop: c.versions[v].stopped,
            converted: false,
            credits: self.s.credits.len(),
            marks: self.s.marks.len(),
        };
        let words = self.s.words;
        self.s.marks.resize(entry.marks + words, 0);
        self.cur = Some(entry);
        if supp_at <= t {
            // S4: a member at entry enters and exits at once, at no step.
            self.cur = None;
            self.acc.exit(None, v, Exit::Suppressed(supp), self.bucket);
            return;
        }
        self.run_from(c.versions[v].first, t);
    }

    /// Leaves the journey now for `why`, from the current step.
    pub(super) fn leave(&mut self, why: Exit) {
        let Some(e) = self.cur.take() else { return };
        let step = self.c.versions[e.version]
            .steps
            .get(e.step as usize)
            .map(|s| s.global);
        self.acc.exit(step, e.version, why, self.bucket);
    }

    /// The path ended at `t` (S3): completed; the goal window opens.
    pub(super) fn complete_journey(&mut self, t: f64) {
        let Some(e) = self.cur.take() else { return };
        self.acc.finish(e.version, self.bucket);
        if let Some(g) = self.c.goal
            && !e.converted
            && g.window > 0.0
        {
            self.s.windows.push(Window {
                until: t + g.window,
                credits: (e.credits, self.s.credits.len()),
                marks: e.marks,
            });
        }
    }

    /// The goal trigger at `t`: the current entry and every open window convert (S11).
    pub(super) fn convert(&mut self, t: f64) {
        if let Some(e) = self.cur.as_mut()
            && !e.converted
            && t >= e.entered
        {
            e.converted = true;
            let (range, marks) = ((e.credits, self.s.credits.len()), e.marks);
            self.credit(range, marks, t);
        }
        let mut i = 0;
        while i < self.s.windows.len() {
            let w = self.s.windows[i];
            if w.until >= t {
                self.credit(w.credits, w.marks, t);
                self.s.windows.swap_remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// One conversion at `t` of the entry whose credits are `from..to` and whose
    /// reached-steps bitset starts at `marks`. Every step the entry reached so far gets
    /// one conversion: those reached at this instant come after the goal (S9), so they
    /// are not marked yet, and a completed entry's steps were all reached before.
    fn credit(&mut self, (from, to): (usize, usize), marks: usize, t: f64) {
        self.acc.convert(self.bucket);
        for &(idx, at) in &self.s.credits[from..to] {
            if at <= t {
                self.acc.credits[idx as usize] += 1;
            }
        }
        let words = self.s.words;
        for (w, &bits) in self.s.marks[marks..marks + words].iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let step = w * 64 + bits.trailing_zeros() as usize;
                self.acc.step_converted(step, self.bucket);
                bits &= bits - 1;
            }
        }
    }
}
