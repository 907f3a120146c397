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

use std::cmp::Reverse;

use super::compiled::{self, ChannelRates, END, Rule};
use super::customer::{Customer, Entry};
use super::delivery::Message;
use super::population::{Click, Credit};

/// What a step did at the instant it was reached.
enum Outcome {
    /// It is left through output `output` towards `next`, at the same instant.
    Pass { output: usize, next: u32 },
    /// It waits: its timer or event is in the entry.
    Stay,
}

impl Outcome {
    /// A message step: left towards `next` when its message went out (or was skipped or
    /// capped), staying while quiet hours hold it.
    #[inline]
    fn after(left: bool, next: u32) -> Outcome {
        if left {
            Outcome::Pass { output: 0, next }
        } else {
            Outcome::Stay
        }
    }
}

impl Customer<'_> {
    /// Leaves step `step` of `version` through output `output` towards `next`, at `t`.
    #[inline]
    pub(super) fn pass(&mut self, version: usize, step: u32, output: usize, next: u32, t: f64) {
        let step = &self.journey.versions[version].steps[step as usize];
        self.counts
            .complete(step.index, step.first_connection + output, self.bucket);
        self.run_from(next, t);
    }

    /// Reaches `first` at `t` and runs zero-time steps until one waits or the path ends.
    pub(super) fn run_from(&mut self, first: u32, t: f64) {
        let journey = self.journey;
        let Some(mut entry) = self.entry else { return };
        let version = &journey.versions[entry.version];
        let mut index = first;
        let bucket = self.bucket;
        let mut guard = 4 * version.steps.len() + 16;
        loop {
            if index == END {
                self.entry = Some(entry);
                self.complete_journey(t);
                return;
            }
            guard -= 1;
            let step = &version.steps[index as usize];
            entry.step = index;
            entry.timer = f64::INFINITY;
            entry.yes_at = f64::INFINITY;
            self.counts.reach(step.index, bucket);
            self.scratch.reached_steps[entry.reached_offset + step.index / 64] |=
                1 << (step.index % 64);
            if guard == 0 {
                // TODO(validation): unreachable for valid journeys; the customer stays put.
                self.entry = Some(entry);
                return;
            }
            match self.act(&step.action, step.index, &mut entry, t) {
                Outcome::Pass { output, next } => {
                    self.counts
                        .complete(step.index, step.first_connection + output, bucket);
                    index = next;
                }
                Outcome::Stay => {
                    self.entry = Some(entry);
                    return;
                }
            }
        }
    }

    /// Does `action` of the step `entry` just reached, at `t`.
    #[inline]
    fn act(
        &mut self,
        action: &compiled::Action,
        step: usize,
        entry: &mut Entry,
        t: f64,
    ) -> Outcome {
        match action {
            compiled::Action::Message {
                channel,
                slot,
                transactional,
                next,
            } => {
                if self.journey.delivery.plain {
                    // No rule can hold or drop it: sent now, as in format 1.
                    self.send_plain(*channel, *slot, t, entry.first_credit);
                    return Outcome::Pass {
                        output: 0,
                        next: *next,
                    };
                }
                let message = Message {
                    channel: *channel,
                    slot: *slot,
                    optimized: None,
                    step,
                    transactional: *transactional,
                };
                Outcome::after(self.message(message, entry, t), *next)
            }
            compiled::Action::Wait { seconds, .. } => {
                entry.timer = t + seconds;
                Outcome::Stay
            }
            compiled::Action::WaitUntilTime {
                second_of_day,
                weekdays,
                next,
            } => {
                let at = self.time_of_day(*second_of_day, *weekdays, t);
                if at > t {
                    entry.timer = at;
                    Outcome::Stay
                } else {
                    Outcome::Pass {
                        output: 0,
                        next: *next,
                    }
                }
            }
            compiled::Action::WaitUntil { at, next } => {
                if *at > t {
                    entry.timer = *at;
                    Outcome::Stay
                } else {
                    Outcome::Pass {
                        output: 0,
                        next: *next,
                    }
                }
            }
            compiled::Action::Branch { rules, otherwise } => self.branch(rules, *otherwise, t),
            compiled::Action::IfThen {
                event, within, yes, ..
            } => self.if_then(*event, *within, *yes, entry, t),
            compiled::Action::AbTest {
                test,
                cumulative_shares,
                next_per_variant,
            } => self.ab_test(*test, cumulative_shares, next_per_variant, entry, t),
            compiled::Action::ChannelOptimization {
                optimization,
                channels,
                slot,
                next,
            } => {
                let sent = self.optimize_channel(*optimization, channels, *slot, step, entry, t);
                Outcome::after(sent, *next)
            }
        }
    }

    /// A branch: the first rule whose condition holds at `t`, else `otherwise` (the last
    /// output).
    #[inline]
    fn branch(&self, rules: &[Rule], otherwise: u32, t: f64) -> Outcome {
        let holds = |rule: &Rule| self.scratch.holds(self.journey, &rule.condition, t);
        match rules.iter().position(holds) {
            Some(output) => Outcome::Pass {
                output,
                next: rules[output].next,
            },
            None => Outcome::Pass {
                output: rules.len(),
                next: otherwise,
            },
        }
    }

    /// An if/then: yes at once if `event` already happened in this entry, else wait up to
    /// `within` (noting the event's instant if it is known to come in time).
    #[inline]
    fn if_then(
        &self,
        event: compiled::Event,
        within: f64,
        yes: u32,
        entry: &mut Entry,
        t: f64,
    ) -> Outcome {
        let happened = match event {
            compiled::Event::Trigger(trigger) => self.scratch.first_seen[trigger],
            compiled::Event::Joined(segment) => self.scratch.member_since[segment],
            compiled::Event::Interaction { kind, slot } => self.scratch.interactions[slot].at(kind),
        };
        if happened <= t {
            return Outcome::Pass {
                output: 0,
                next: yes,
            };
        }
        entry.timer = t + within;
        if happened <= entry.timer {
            entry.yes_at = happened;
        }
        Outcome::Stay
    }

    /// An A/B split: the decided variant once the test decided, else a variant by share.
    #[inline]
    fn ab_test(
        &mut self,
        test: usize,
        cumulative_shares: &[f64],
        next_per_variant: &[u32],
        entry: &Entry,
        t: f64,
    ) -> Outcome {
        // The draw is always made, so streams stay aligned across decision passes.
        let u = self.rng.uniform();
        let variant = match self.run.decided[test] {
            Some(decided) if t >= decided.at => decided.variant,
            _ => cumulative_shares.iter().position(|&x| u < x).unwrap_or(0),
        };
        let credit = self.journey.ab_tests[test].first_credit + variant;
        self.counts.assigned[credit] += 1;
        self.add_credit(credit, t, entry.first_credit);
        Outcome::Pass {
            output: variant,
            next: next_per_variant[variant],
        }
    }

    /// Channel optimization: sends on the channel with the highest predicted click
    /// chance for this customer at `t` (ties: list order); quiet hours and caps then
    /// apply to that channel (false: the message is held).
    #[inline]
    fn optimize_channel(
        &mut self,
        optimization: usize,
        channels: &[usize],
        slot: Option<usize>,
        step: usize,
        entry: &mut Entry,
        t: f64,
    ) -> bool {
        let (mut best, mut best_chance) = (0, f64::NEG_INFINITY);
        for (i, &channel) in channels.iter().enumerate() {
            let chance = self.rates(channel, t).clicked;
            if chance > best_chance {
                (best, best_chance) = (i, chance);
            }
        }
        let credit = self.journey.channel_optimizations[optimization].first_credit + best;
        let message = Message {
            channel: channels[best],
            slot,
            optimized: Some(credit),
            step,
            transactional: false,
        };
        self.message(message, entry, t)
    }

    /// The rates of channel `channel` for this customer at `t`.
    fn rates(&self, channel: usize, t: f64) -> ChannelRates {
        let channel = &self.journey.channels[channel];
        channel
            .overrides
            .iter()
            .find(|o| self.scratch.member_since[o.segment] <= t)
            .map_or(channel.base, |o| o.rates)
    }

    /// Sends one message on channel `channel` at `t`; `optimized` is the credit of the
    /// channel-optimization step that chose it, `first_credit` the entry's.
    pub(super) fn send(
        &mut self,
        channel: usize,
        slot: Option<usize>,
        optimized: Option<usize>,
        t: f64,
        first_credit: usize,
    ) {
        let rates = self.rates(channel, t);
        let horizon = self.run.horizon;
        self.counts.channels[channel].sent += 1;
        self.add_credit(channel, t, first_credit);
        let u = self.rng.uniform();
        if u >= rates.delivered {
            return;
        }
        self.counts.channels[channel].delivered += 1;
        if let Some(slot) = slot {
            let times = &mut self.scratch.interactions[slot];
            times.delivered = times.delivered.min(t);
        }
        if u >= rates.opened {
            return;
        }
        let open = t + rates.mean_open_delay * self.rng.unit_exponential();
        if open < horizon {
            self.counts.channels[channel].opened += 1;
            if let Some(slot) = slot {
                let times = &mut self.scratch.interactions[slot];
                times.opened = times.opened.min(open);
            }
        }
        if u >= rates.clicked {
            return;
        }
        let click = open + rates.click_delay;
        if click < horizon {
            self.click(channel, slot, optimized, click);
        }
    }

    /// A click at `click` (before the horizon) on a message sent on `channel`.
    fn click(&mut self, channel: usize, slot: Option<usize>, optimized: Option<usize>, click: f64) {
        self.counts.channels[channel].clicked += 1;
        if let Some(credit) = optimized {
            self.counts.clicked[credit] += 1;
        }
        if let Some(slot) = slot {
            let times = &mut self.scratch.interactions[slot];
            times.clicked = times.clicked.min(click);
        }
        if !self.journey.lifted_triggers.is_empty() {
            self.scratch.pending_clicks.push(Reverse(Click(click)));
        }
    }

    /// Records the first instant of a conversion credit in the current entry (whose
    /// credits start at `first_credit`).
    pub(super) fn add_credit(&mut self, credit: usize, t: f64, first_credit: usize) {
        let index = credit as u32;
        let credits = &mut self.scratch.credits;
        if !credits[first_credit..].iter().any(|c| c.index == index) {
            credits.push(Credit { index, at: t });
        }
    }
}
