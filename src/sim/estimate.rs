//! Before a run: how much work it is and about how long it takes, from the
//! journey and its scenario alone, without simulating (issue 14).
//!
//! The model counts what the engine counts as events (`Report::events`: the
//! instants at which something happens to a customer, plus step visits):
//! - Arrivals: the first one (uniform over `arrivals_over`, if before the horizon),
//!   then the audience trigger's occurrences from there to the horizon.
//! - Entries: every eligible arrival without re-entry at most once; with
//!   re-entry, one per cycle "in the journey, then out until the next arrival"
//!   (an exit by the audience trigger itself re-enters at once).
//! - Per entry: expected step visits along the paths (A/B shares, branch rules
//!   equally likely, if/then yes by the trigger's chance or one in two), each
//!   waiting step ending in one more instant; the entry is cut short by exit
//!   triggers, suppression joins and the horizon (as exponential killing, so
//!   loops stay finite); occurrences of the triggers that matter in the journey
//!   while in it; clicks; releases of messages held by quiet hours.
//! - After a completion: goal occurrences while an attribution window is open.
//! - A/B decision passes re-run customers up to their decision instant.
//!
//! The engine's cost per event ([`SECONDS_PER_EVENT`]) was measured on the
//! 2-core development machine with a release build, busy with other work; it
//! varies by a factor of about two between journeys. Customers run in chunks
//! of 8,192 over the cores, so small runs use one core.

use std::collections::VecDeque;

use super::compiled::{Action, Compiled, END, Event, Version};
use super::run::CHUNK;
use super::{SimOptions, compile, refusals};
use crate::model::{Journey, MAX_CUSTOMERS};

/// Seconds of one core per engine event (release build): 24–28 ns measured on the
/// re-entry and welcome-series benchmarks (tests/bench/RESULTS.md), rounded up.
pub const SECONDS_PER_EVENT: f64 = 30e-9;

/// Above this many seconds a run is worth a word before it starts.
pub const WARN_ABOVE_SECONDS: f64 = 3.0;

/// Rounds of the visit walk before the rest is extrapolated (loops).
const ROUNDS: usize = 400;

/// What a run of a journey is expected to cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// Customers of the run.
    pub customers: u64,
    /// Worker threads of the run.
    pub threads: usize,
    /// Expected entries into the journey, all customers.
    pub entries: f64,
    /// Expected engine events per customer (as counted in `Report::events`).
    pub events_per_customer: f64,
    /// Expected wall time on this machine, in seconds (release build).
    pub seconds: f64,
}

impl Estimate {
    /// Expected engine events per entry (all events over all entries).
    pub fn events_per_entry(&self) -> f64 {
        self.events_per_customer * self.customers as f64 / self.entries.max(1.0)
    }

    /// True when the run may take longer than [`WARN_ABOVE_SECONDS`].
    pub fn is_long(&self) -> bool {
        self.seconds > WARN_ABOVE_SECONDS
    }

    /// "about 40 s", "about 12 min": the expected wall time in words.
    pub fn duration(&self) -> String {
        duration_words(self.seconds)
    }

    /// "This run may take about 40 s (about 2.1 million entries, 90 events each)".
    pub fn sentence(&self) -> String {
        format!(
            "This run may take {} (about {} entries, {} events each)",
            duration_words(self.seconds),
            about(self.entries),
            about(self.events_per_entry())
        )
    }

    /// The most customers (a round number) whose run stays under `seconds`, if fewer
    /// than this run's.
    pub fn customers_within(&self, seconds: f64) -> Option<u64> {
        let per_customer = self.seconds / self.customers.max(1) as f64;
        // One core for runs of one chunk, so per customer it is no cheaper below.
        let n = (seconds / per_customer.max(f64::MIN_POSITIVE)).floor() as u64;
        let n = round_down(n.max(1));
        (n < self.customers).then_some(n)
    }
}

/// The estimate of simulating `journey` with `options` (customers and threads as
/// [`super::simulate`] takes them); `None` when the simulator would refuse it.
pub fn estimate(journey: &Journey, options: &SimOptions) -> Option<Estimate> {
    let customers = options.customers.unwrap_or(journey.scenario.customers);
    if customers > MAX_CUSTOMERS || !refusals(journey).is_empty() {
        return None;
    }
    let compiled = compile::compile(journey);
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let (entries, events) = per_customer(&compiled);
    let passes = passes(&compiled);
    let cpu = events * passes * customers as f64 * SECONDS_PER_EVENT;
    // Chunks are shared out over the threads: the slowest thread does ceil(chunks/threads).
    let chunks = customers.div_ceil(CHUNK).max(1);
    let busy = chunks as f64 / chunks.div_ceil(threads as u64) as f64;
    Some(Estimate {
        customers,
        threads,
        entries: entries * customers as f64,
        events_per_customer: events,
        seconds: cpu / busy,
    })
}

/// One plus, per A/B decision before the horizon, the share of the horizon before it.
fn passes(c: &Compiled) -> f64 {
    let mut instants: Vec<f64> = c
        .ab_tests
        .iter()
        .filter_map(|t| t.decision.map(|d| d.at))
        .filter(|&at| at < c.horizon)
        .collect();
    instants.sort_by(f64::total_cmp);
    instants.dedup();
    1.0 + instants.iter().map(|at| at / c.horizon).sum::<f64>()
}

/// Expected entries and events of one customer: the dearest version's.
fn per_customer(c: &Compiled) -> (f64, f64) {
    c.versions
        .iter()
        .map(|v| Customer::new(c, v).entries_and_events())
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0.0, 0.0))
}

/// What one entry into a version does, on average.
#[derive(Clone, Copy, Debug, Default)]
struct EntryCost {
    /// Events: step visits, timer instants, clicks, held messages released.
    events: f64,
    /// Seconds in the journey.
    seconds: f64,
    /// Chance it ends by an exit trigger or a suppression join.
    exited: f64,
    /// Chance it completes its path.
    completed: f64,
    /// Clicks.
    clicks: f64,
}

/// The arrival picture of one customer for one version.
struct Customer<'a> {
    c: &'a Compiled,
    version: &'a Version,
    /// Chance the first arrival falls before the horizon.
    arrives: f64,
    /// Seconds from the first arrival to the horizon (on average).
    after_first: f64,
    /// Audience trigger occurrences per second (further arrivals).
    audience: f64,
    /// Exit trigger occurrences plus suppression joins per second.
    exits: f64,
}

impl<'a> Customer<'a> {
    fn new(c: &'a Compiled, version: &'a Version) -> Self {
        let spread = c.arrivals_over.min(c.horizon);
        let arrives = if c.arrivals_over > 0.0 {
            (c.horizon / c.arrivals_over).min(1.0)
        } else {
            1.0
        };
        let exits = c
            .exit_triggers
            .iter()
            .map(|&t| c.triggers[t].rate)
            .chain(
                c.suppression_segments
                    .iter()
                    .map(|&s| c.segments[s].joins_per_second),
            )
            .sum();
        Customer {
            c,
            version,
            arrives,
            after_first: (c.horizon - spread / 2.0).max(0.0),
            audience: c.audience_trigger.map_or(0.0, |t| c.triggers[t].rate),
            exits,
        }
    }

    fn entries_and_events(&self) -> (f64, f64) {
        let c = self.c;
        let arrivals = self.arrives * (1.0 + self.audience * self.after_first);
        let eligible = self.arrives * (1.0 - excluded(c));
        // Seconds after the first arrival during which an arrival can still enter.
        let open = (c.end_date.min(c.horizon) - (c.horizon - self.after_first)).max(0.0);
        let kill = self.exits + 1.0 / self.after_first.max(1.0);
        let entry = walk(c, self.version, kill, self.exits);
        let entries = if c.reentry && self.audience > 0.0 {
            let audience_exits = if c
                .audience_trigger
                .is_some_and(|t| c.exit_triggers.contains(&t))
            {
                entry.exited * self.audience / self.exits.max(f64::MIN_POSITIVE)
            } else {
                0.0
            };
            let out = (1.0 - audience_exits).max(0.0) / self.audience;
            eligible * (1.0 + open / (entry.seconds + out).max(1.0))
        } else {
            eligible
        };
        // Audience occurrences are arrivals, counted above.
        let in_journey: f64 = (0..c.triggers.len())
            .filter(|&t| {
                self.version
                    .in_journey_triggers
                    .get(t)
                    .copied()
                    .unwrap_or(false)
            })
            .filter(|&t| c.audience_trigger != Some(t))
            .map(|t| c.triggers[t].rate)
            .sum();
        let per_entry = entry.events + in_journey * entry.seconds;
        let goal = self.goal_events(entries, &entry);
        (entries, arrivals + entries * per_entry + goal)
    }

    /// Goal occurrences while attribution windows are open (after completions).
    fn goal_events(&self, entries: f64, entry: &EntryCost) -> f64 {
        let Some(goal) = self.c.goal else {
            return 0.0;
        };
        let model = &self.c.triggers[goal.trigger];
        let span = self.after_first.max(1.0);
        let covered =
            span * (1.0 - (-entries * entry.completed * goal.attribution_window / span).exp());
        let lifted = (entries * entry.clicks * model.lift_for / span).min(1.0);
        model.rate * (1.0 + (model.lift - 1.0).max(0.0) * lifted) * covered
    }
}

/// The share of arrivals an exclusion segment keeps out (those modelled by share).
fn excluded(c: &Compiled) -> f64 {
    let kept: f64 = c
        .exclusion_segments
        .iter()
        .map(|&s| 1.0 - c.segments[s].share.clamp(0.0, 1.0))
        .product();
    1.0 - kept
}

/// One step's way out: where to, how likely, after how many seconds in it.
struct Out {
    next: u32,
    chance: f64,
}

/// A step's outputs, its expected seconds in it, whether it ends in a timer instant,
/// and its expected clicks and held releases.
fn step_shape(c: &Compiled, action: &Action) -> (Vec<Out>, f64, bool, f64) {
    let one = |next: u32| vec![Out { next, chance: 1.0 }];
    let message = |channel: usize| {
        let clicked = c.channels[channel].base.clicked;
        let held = if c
            .delivery
            .quiet_by_channel
            .get(channel)
            .is_some_and(|q| !q.is_empty())
        {
            0.5
        } else {
            0.0
        };
        clicked + held
    };
    match action {
        Action::Message { channel, next, .. } => (one(*next), 0.0, false, message(*channel)),
        Action::ChannelOptimization { channels, next, .. } => {
            let extra = channels.iter().map(|&ch| message(ch)).fold(0.0, f64::max);
            (one(*next), 0.0, false, extra)
        }
        Action::Wait { seconds, next } => (one(*next), *seconds, true, 0.0),
        Action::WaitUntil { next, .. } => (one(*next), 0.0, true, 0.0),
        Action::WaitUntilTime { next, .. } => (one(*next), 43_200.0, true, 0.0),
        Action::Branch { rules, otherwise } => {
            let chance = 1.0 / (rules.len() + 1) as f64;
            let outs = rules
                .iter()
                .map(|r| r.next)
                .chain([*otherwise])
                .map(|next| Out { next, chance })
                .collect();
            (outs, 0.0, false, 0.0)
        }
        Action::IfThen {
            event,
            within,
            yes,
            no,
        } => {
            let (yes_chance, seconds) = match event {
                Event::Trigger(t) => if_then_trigger(c.triggers[*t].rate, *within),
                Event::Joined(s) => if_then_trigger(c.segments[*s].joins_per_second, *within),
                Event::Interaction { .. } => (0.5, within * 0.75),
            };
            let outs = vec![
                Out {
                    next: *yes,
                    chance: yes_chance,
                },
                Out {
                    next: *no,
                    chance: 1.0 - yes_chance,
                },
            ];
            (outs, seconds, true, 0.0)
        }
        Action::AbTest {
            cumulative_shares,
            next_per_variant,
            ..
        } => {
            let mut before = 0.0;
            let outs = cumulative_shares
                .iter()
                .zip(next_per_variant)
                .map(|(&upto, &next)| {
                    let chance = (upto.min(1.0) - before).max(0.0);
                    before = upto.min(1.0);
                    Out { next, chance }
                })
                .collect();
            (outs, 0.0, false, 0.0)
        }
    }
}

/// An if/then waiting `within` seconds for a Poisson event at `rate`: chance of yes, and
/// expected seconds waited.
fn if_then_trigger(rate: f64, within: f64) -> (f64, f64) {
    if rate <= 0.0 {
        return (0.0, within);
    }
    let yes = 1.0 - (-rate * within).exp();
    (yes, yes / rate)
}

/// The expected cost of one entry into `version`: visits spread along the outputs, each
/// step left alive with chance `exp(-kill × seconds)`; `exits` of `kill` are exits.
fn walk(c: &Compiled, version: &Version, kill: f64, exits: f64) -> EntryCost {
    let steps = &version.steps;
    let shapes: Vec<_> = steps.iter().map(|s| step_shape(c, &s.action)).collect();
    let mut cost = EntryCost::default();
    let mut frontier = vec![0.0; steps.len()];
    if let Some(first) = frontier.get_mut(version.first_step as usize) {
        *first = 1.0;
    }
    // Mass of the last rounds, to extrapolate loops that are still going.
    let mut window: VecDeque<f64> = VecDeque::new();
    let mut tail = vec![0.0; steps.len()];
    for round in 0..ROUNDS {
        let mass: f64 = frontier.iter().sum();
        if mass < 1e-12 {
            return cost;
        }
        window.push_back(mass);
        if round >= ROUNDS - 100 {
            tail.iter_mut().zip(&frontier).for_each(|(t, f)| *t += f);
        }
        frontier = spread(&shapes, &frontier, kill, exits, &mut cost, 1.0);
    }
    // Loops: the last 100 rounds against the 100 before give the ratio per 100 rounds.
    let last: f64 = window.iter().rev().take(100).sum();
    let before: f64 = window.iter().rev().skip(100).take(100).sum();
    let ratio = (last / before.max(f64::MIN_POSITIVE)).min(1.0 - 1e-9);
    spread(
        &shapes,
        &tail,
        kill,
        exits,
        &mut cost,
        ratio / (1.0 - ratio),
    );
    cost
}

/// Adds the cost of `mass` visits per step (times `weight`) to `cost`; returns where the
/// visits go next.
fn spread(
    shapes: &[(Vec<Out>, f64, bool, f64)],
    mass: &[f64],
    kill: f64,
    exits: f64,
    cost: &mut EntryCost,
    weight: f64,
) -> Vec<f64> {
    let mut next = vec![0.0; shapes.len()];
    for ((outs, seconds, timer, extra), &m) in shapes.iter().zip(mass) {
        if m == 0.0 {
            continue;
        }
        let base = m;
        let m = m * weight;
        let alive = (-kill * seconds).exp();
        let stayed = if kill > 0.0 {
            (1.0 - alive) / kill
        } else {
            *seconds
        };
        cost.events += m * (1.0 + extra + if *timer { alive } else { 0.0 });
        cost.seconds += m * stayed;
        cost.exited += m * (1.0 - alive) * exits / kill.max(f64::MIN_POSITIVE);
        cost.clicks += m * extra.min(1.0);
        for out in outs {
            if out.next == END {
                cost.completed += m * alive * out.chance;
            } else if let Some(n) = next.get_mut(out.next as usize) {
                *n += base * alive * out.chance;
            }
        }
    }
    next
}

/// "about 40 s", "about 12 min", "about 3 h", "about 2 days".
fn duration_words(seconds: f64) -> String {
    match seconds {
        s if s < 90.0 => format!("about {s:.0} s"),
        s if s < 5_400.0 => format!("about {:.0} min", s / 60.0),
        s if s < 172_800.0 => format!("about {:.0} h", s / 3_600.0),
        s => format!("about {:.0} days", s / 86_400.0),
    }
}

/// A count in words: "90", "12,000", "2.1 million", "3.4 billion".
fn about(n: f64) -> String {
    match n {
        n if n >= 1e9 => format!("{:.1} billion", n / 1e9),
        n if n >= 1e6 => format!("{:.1} million", n / 1e6),
        n if n >= 1e4 => {
            let thousands = (n / 1e3).round() as u64;
            format!("{thousands},000")
        }
        n => format!("{:.0}", n.max(0.0)),
    }
}

/// `n` rounded down to one or two leading digits (1, 20, 150, 3,000, 45,000).
fn round_down(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n / unit).max(1) * unit
}
