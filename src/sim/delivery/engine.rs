//! The engine's side of delivery rules: quiet hours (S18), caps (S19), transactional
//! messages (S20), the time-of-day wait (S21), zones (S22) and the holdout (S23).

use super::{Held, LiftWindow, Message, Sent};
use crate::sim::customer::{Customer, Entry};
use crate::sim::rng::{Purpose, Stream};

/// Iterations after which a hold gives up (quiet hours that cover the whole day).
const MAX_QUIET_STEPS: usize = 100_000;

/// What quiet hours say about a send at an instant (point 2 of the precise points).
enum Quiet {
    /// No covering rule is quiet: send now.
    Clear,
    /// A covering Skip rule is quiet: skip.
    Skip,
    /// Only Hold rules are quiet: send at this instant.
    Hold(f64),
}

impl Customer<'_> {
    /// A message reached at `t`: sent, skipped or capped now (true: the step is left
    /// now), or held by quiet hours (false: the entry's timer is the release).
    #[inline]
    pub(in crate::sim) fn message(&mut self, m: Message, entry: &mut Entry, t: f64) -> bool {
        let rules = &self.journey.delivery;
        if !rules.plain && !m.transactional && !rules.quiet_by_channel[m.channel].is_empty() {
            match self.quiet(m.channel, t) {
                Quiet::Clear => {}
                Quiet::Skip => {
                    self.counts.delivery.steps[m.step].skipped += 1;
                    self.counts.delivery.channels[m.channel].skipped += 1;
                    return true;
                }
                Quiet::Hold(release) => {
                    self.counts.delivery.steps[m.step].held += 1;
                    self.counts.delivery.channels[m.channel].held += 1;
                    self.scratch.delivery.held = Some(Held { message: m });
                    entry.timer = release;
                    return false;
                }
            }
        }
        self.send_or_cap(m, t, entry.first_credit);
        true
    }

    /// A message of a plain run (`Rules::plain`) at `t`: counted and sent.
    #[inline]
    pub(in crate::sim) fn send_plain(
        &mut self,
        channel: usize,
        slot: Option<usize>,
        t: f64,
        first_credit: usize,
    ) {
        let utc = self.journey.delivery.grid.hour(t, 0.0);
        self.counts
            .delivery
            .sent_plain(channel, self.bucket.hour, utc);
        self.send(channel, slot, None, t, first_credit);
    }

    /// The held message's release at `t`: exits, stop and suppression came first (S9),
    /// now the caps (S19).
    pub(in crate::sim) fn release(&mut self, first_credit: usize, t: f64) {
        if let Some(held) = self.scratch.delivery.held.take() {
            self.send_or_cap(held.message, t, first_credit);
        }
    }

    /// Sends `m` at `t` unless a cap covering its channel is full.
    #[inline]
    fn send_or_cap(&mut self, m: Message, t: f64, first_credit: usize) {
        let journey = self.journey;
        let rules = &journey.delivery;
        let counted = !m.transactional && !rules.caps.is_empty();
        if counted && self.capped(m.channel, t) {
            self.counts.delivery.steps[m.step].capped += 1;
            self.counts.delivery.channels[m.channel].capped += 1;
            return;
        }
        if let Some(credit) = m.optimized {
            self.counts.assigned[credit] += 1;
            self.add_credit(credit, t, first_credit);
        }
        if counted {
            // Sends no cap window can reach any more (instants only grow) are dropped.
            let longest = rules.caps.iter().fold(0.0, |p: f64, cap| p.max(cap.per));
            let sends = &mut self.scratch.delivery.sends;
            while sends.front().is_some_and(|s| s.at <= t - longest) {
                sends.pop_front();
            }
            sends.push_back(Sent {
                at: t,
                channel: m.channel,
            });
        }
        let utc = rules.grid.hour(t, 0.0);
        let local = if rules.plain {
            None
        } else {
            let offset = rules.zones[self.scratch.delivery.zone].offset(t);
            Some(rules.grid.hour(t, offset))
        };
        self.counts
            .delivery
            .sent(m.step, m.channel, self.bucket.hour, utc, local);
        self.send(m.channel, m.slot, m.optimized, t, first_credit);
    }

    /// Whether a cap covering `channel` has reached its maximum in `(t - per, t]`.
    fn capped(&self, channel: usize, t: f64) -> bool {
        let rules = &self.journey.delivery;
        let sends = &self.scratch.delivery.sends;
        rules.caps_by_channel[channel].iter().any(|&k| {
            let cap = &rules.caps[k];
            let from = t - cap.per;
            let n = sends
                .iter()
                .filter(|s| s.at > from && s.at <= t && cap.channels[s.channel])
                .count();
            n >= cap.max as usize
        })
    }

    /// Quiet hours on `channel` at `t`.
    fn quiet(&self, channel: usize, t: f64) -> Quiet {
        let rules = &self.journey.delivery;
        let covering = &rules.quiet_by_channel[channel];
        let local = rules.zones[self.scratch.delivery.zone].local(t);
        let mut quiet = false;
        for &r in covering {
            let rule = &rules.quiet[r];
            if rule.is_quiet(local.second_of_day) {
                if rule.skip {
                    return Quiet::Skip;
                }
                quiet = true;
            }
        }
        if quiet {
            Quiet::Hold(self.quiet_end(covering, t))
        } else {
            Quiet::Clear
        }
    }

    /// The first instant at or after `t` at which no rule of `covering` is quiet (or an
    /// instant at or after the horizon, when that comes first).
    fn quiet_end(&self, covering: &[usize], t: f64) -> f64 {
        let rules = &self.journey.delivery;
        let clock = &rules.zones[self.scratch.delivery.zone];
        let mut u = t;
        for _ in 0..MAX_QUIET_STEPS {
            if u >= self.run.horizon {
                return u;
            }
            let local = clock.local(u);
            let mut end: Option<f64> = None;
            for &r in covering {
                let rule = &rules.quiet[r];
                if rule.is_quiet(local.second_of_day) {
                    let day = if rule.to > local.second_of_day {
                        local.day
                    } else {
                        local.day + 1
                    };
                    let until = local.instant_at(day, rule.to);
                    end = Some(end.map_or(until, |e: f64| e.max(until)));
                }
            }
            match end {
                None => return u,
                // The offset may change first: look again from there.
                Some(e) => u = e.min(local.changes_at),
            }
        }
        f64::INFINITY
    }

    /// S21: the first instant at or after `t` at which the customer's clock shows
    /// `second_of_day` on a weekday of `weekdays` (bit 0 Monday; 0: any day).
    pub(in crate::sim) fn time_of_day(&self, second_of_day: f64, weekdays: u8, t: f64) -> f64 {
        let clock = &self.journey.delivery.zones[self.scratch.delivery.zone];
        let local = clock.local(t);
        for ahead in 0..=8 {
            let weekday = (local.weekday + ahead) % 7;
            if weekdays != 0 && weekdays & (1 << weekday) == 0 {
                continue;
            }
            let at = clock.instant_of(local.day + ahead as i64, second_of_day);
            if at >= t {
                return at;
            }
        }
        f64::INFINITY
    }

    /// S23 at an entry at `t` that was not suppressed at entry: true when it is held out
    /// (it has then left the journey). Both groups open a lift window.
    #[inline]
    pub(in crate::sim) fn hold_out(&mut self, t: f64) -> bool {
        let Some(holdout) = self.journey.delivery.holdout else {
            return false;
        };
        let state = &self.scratch.delivery;
        let entry = state.entries.saturating_sub(1);
        let u = Stream::keyed(state.seed, state.customer, entry, Purpose::Holdout).uniform();
        let held_out = u < holdout.share;
        if self.journey.goal.is_some() {
            self.scratch.delivery.lift.push_back(LiftWindow {
                until: t + holdout.measure_for,
                held_out,
            });
        }
        if held_out {
            self.counts.delivery.held_out += 1;
            self.counts.delivery.held_out_per_hour[self.bucket.hour] += 1;
            self.counts.exited_per_hour[self.bucket.hour] += 1;
            self.entry = None;
        } else {
            self.counts.delivery.treated += 1;
        }
        held_out
    }

    /// The goal trigger at `t`: every open lift window converts (S23, point 8).
    pub(in crate::sim) fn lift_conversion(&mut self, t: f64) {
        for window in self.scratch.delivery.lift.drain(..) {
            if window.until >= t {
                if window.held_out {
                    self.counts.delivery.held_out_converted += 1;
                } else {
                    self.counts.delivery.treated_converted += 1;
                }
            }
        }
    }
}

/// The customer's time zone (S22), from its own stream.
pub fn draw_zone(rules: &super::Rules, state: &super::State) -> usize {
    let total = rules.zone_weights.last().copied().unwrap_or(0.0);
    let x = Stream::keyed(state.seed, state.customer, 0, Purpose::TimeZone).uniform() * total;
    rules
        .zone_weights
        .iter()
        .position(|&w| x < w)
        .unwrap_or(rules.zone_weights.len().saturating_sub(1))
}
