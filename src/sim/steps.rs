//! Step actions (the format reference's step kinds) and message sends.
//!
//! A step is reached, does its action and is completed at the same instant
//! unless it waits (Wait, WaitUntil in the future, If/then without its
//! event yet). Zero-time steps chain within one instant; validation forbids
//! cycles without a positive wait, and a guard stops a runaway chain anyway.
//!
//! Messages (modelling choices): delivery, open and click are decided with
//! one uniform draw at the send (`u < delivered`, `u < delivered × opened`,
//! `u < delivered × opened × clicked`), delivery happens at the send, the
//! open after an exponential delay with mean `open_delay`, the click a fixed
//! `click_delay` after the open. Interactions keep happening after the
//! customer left; they are counted when before the horizon. A customer's
//! rates come from the first segment in name order they belong to at send
//! time that overrides the channel in `segment_channels`, else the channel's.

use super::compiled::{ActionC, ChanRates, END, EventC};
use super::customer::Customer;

impl Customer<'_> {
    /// Leaves step `step` of `version` through output `out` towards `next`, at `t`.
    pub(super) fn pass(&mut self, version: usize, step: u32, out: usize, next: u32, t: f64) {
        let st = &self.c.versions[version].steps[step as usize];
        self.acc.complete(st.global, st.conn + out, self.bucket);
        self.run_from(next, t);
    }

    /// Reaches `first` at `t` and runs zero-time steps until one waits or the path ends.
    pub(super) fn run_from(&mut self, first: u32, t: f64) {
        let c = self.c;
        let Some(mut e) = self.cur else { return };
        let version = &c.versions[e.version];
        let mut idx = first;
        let bucket = self.bucket;
        let mut guard = 4 * version.steps.len() + 16;
        loop {
            if idx == END {
                self.cur = Some(e);
                self.complete_journey(t);
                return;
            }
            guard -= 1;
            let st = &version.steps[idx as usize];
            e.step = idx;
            e.timer = f64::INFINITY;
            e.yes_at = f64::INFINITY;
            self.acc.reach(st.global, bucket);
            self.s.marks[e.marks + st.global / 64] |= 1 << (st.global % 64);
            if guard == 0 {
                // TODO(validation): unreachable for valid journeys; the customer stays put.
                self.cur = Some(e);
                return;
            }
            let (out, next) = match &st.action {
                ActionC::Message {
                    channel,
                    slot,
                    next,
                } => {
                    self.send(*channel, *slot, None, t, e.credits);
                    (0, *next)
                }
                ActionC::Wait { secs, .. } => {
                    e.timer = t + secs;
                    self.cur = Some(e);
                    return;
                }
                ActionC::WaitUntil { at, next } => {
                    if *at > t {
                        e.timer = *at;
                        self.cur = Some(e);
                        return;
                    }
                    (0, *next)
                }
                ActionC::Branch { rules, otherwise } => {
                    match rules.iter().position(|(cond, _)| self.s.holds(c, cond, t)) {
                        Some(i) => (i, rules[i].1),
                        None => (rules.len(), *otherwise),
                    }
                }
                ActionC::IfThen {
                    event, within, yes, ..
                } => {
                    let happened = match *event {
                        EventC::Trigger(k) => self.s.seen[k],
                        EventC::Joined(g) => self.s.since[g],
                        EventC::Interaction(kind, slot) => self.s.slots[slot][kind],
                    };
                    if happened <= t {
                        (0, *yes)
                    } else {
                        e.timer = t + within;
                        if happened <= e.timer {
                            e.yes_at = happened;
                        }
                        self.cur = Some(e);
                        return;
                    }
                }
                ActionC::AbTest { ab, cum, nexts } => {
                    // The draw is always made, so streams stay aligned across decision passes.
                    let u = self.rng.uniform();
                    let variant = match self.run.decided[*ab] {
                        Some((at, chosen)) if t >= at => chosen,
                        _ => cum.iter().position(|&x| u < x).unwrap_or(0),
                    };
                    let credit = c.abs[*ab].credit + variant;
                    self.acc.assigned[credit] += 1;
                    self.add_credit(credit, t, e.credits);
                    (variant, nexts[variant])
                }
                ActionC::ChannelOpt {
                    co,
                    channels,
                    slot,
                    next,
                } => {
                    let mut best = (0, f64::NEG_INFINITY);
                    for (i, &ch) in channels.iter().enumerate() {
                        let p = self.rates(ch, t).clicked;
                        if p > best.1 {
                            best = (i, p);
                        }
                    }
                    let credit = c.cos[*co].credit + best.0;
                    self.acc.assigned[credit] += 1;
                    self.add_credit(credit, t, e.credits);
                    self.send(channels[best.0], *slot, Some(credit), t, e.credits);
                    (0, *next)
                }
            };
            self.acc.complete(st.global, st.conn + out, bucket);
            idx = next;
        }
    }

    /// The rates of channel `ch` for this customer at `t`.
    fn rates(&self, ch: usize, t: f64) -> ChanRates {
        let chan = &self.c.channels[ch];
        chan.overrides
            .iter()
            .find(|(g, _)| self.s.since[*g] <= t)
            .map_or(chan.base, |(_, r)| *r)
    }

    /// Sends one message on channel `ch` at `t`.
    fn send(&mut self, ch: usize, slot: Option<usize>, co: Option<usize>, t: f64, entry: usize) {
        let r = self.rates(ch, t);
        let horizon = self.run.horizon;
        self.acc.channels[ch][0] += 1;
        self.add_credit(ch, t, entry);
        let u = self.rng.uniform();
        if u >= r.delivered {
            return;
        }
        self.acc.channels[ch][1] += 1;
        if let Some(s) = slot {
            self.s.slots[s][0] = self.s.slots[s][0].min(t);
        }
        if u >= r.opened {
            return;
        }
        let open = t + r.open_mean * self.rng.unit_exponential();
        if open < horizon {
            self.acc.channels[ch][2] += 1;
            if let Some(s) = slot {
                self.s.slots[s][1] = self.s.slots[s][1].min(open);
            }
        }
        if u >= r.clicked {
            return;
        }
        let click = open + r.click_delay;
        if click < horizon {
            self.acc.channels[ch][3] += 1;
            if let Some(credit) = co {
                self.acc.clicked[credit] += 1;
            }
            if let Some(s) = slot {
                self.s.slots[s][2] = self.s.slots[s][2].min(click);
            }
            if !self.c.lifted.is_empty() {
                // Keep pending clicks latest first; the earliest is popped from the end.
                let pos = self
                    .s
                    .clicks
                    .iter()
                    .position(|&x| x < click)
                    .unwrap_or(self.s.clicks.len());
                self.s.clicks.insert(pos, click);
            }
        }
    }

    /// Records the first instant of a conversion credit in the current entry.
    fn add_credit(&mut self, credit: usize, t: f64, entry: usize) {
        let credit = credit as u32;
        if !self.s.credits[entry..].iter().any(|&(i, _)| i == credit) {
            self.s.credits.push((credit, t));
        }
    }
}
