//! The compiled journey: names resolved to small integers, steps to indices,
//! spans and instants to seconds after `start.starts_at`. Built once per run
//! so the per-customer loop never touches a map or a string.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Action, Audience, Channel, ChannelModel, Condition, Dist, Event, Instant, Journey, StepId,
};

/// "No step": the end of a path.
pub const END: u32 = u32::MAX;

/// Seconds per hour, the timeline's resolution.
pub const HOUR: f64 = 3_600.0;

/// A condition with names resolved.
#[derive(Clone, Debug)]
pub enum Cond {
    /// Member of segment (index) at the instant.
    InSegment(usize),
    /// A choice attribute (index) equals choice number (`None`: never).
    ChoiceIs(usize, Option<usize>),
    /// A numeric attribute equals the number.
    NumEq(usize, f64),
    /// Attribute above the number (a choice attribute compares its value parsed as a number).
    Above(usize, f64),
    /// Attribute below the number.
    Below(usize, f64),
}

/// An attribute's distribution.
#[derive(Clone, Debug)]
pub enum AttrDist {
    /// Cumulative weights (last = total) and each choice's value parsed as a number (NaN if not).
    Choice { cum: Vec<f64>, numbers: Vec<f64> },
    /// Uniform between low and high.
    Range(f64, f64),
}

/// A segment model: member from the start by `when` or `share`, later joins at `join_rate`.
#[derive(Clone, Debug)]
pub struct SegModel {
    /// Probability of membership from the start.
    pub share: f64,
    /// Condition making a customer a member from the start.
    pub when: Option<Cond>,
    /// Joins per second for non-members.
    pub join_rate: f64,
    /// Every customer is a member (an audience segment the scenario does not model).
    pub always: bool,
}

/// A trigger model: Poisson rate per second, click lift and its duration.
#[derive(Clone, Copy, Debug)]
pub struct TrigModel {
    /// Occurrences per second without lift.
    pub rate: f64,
    /// Rate multiplier while lifted.
    pub lift: f64,
    /// Seconds a click lifts the rate for.
    pub lift_for: f64,
}

/// A channel's rates, as thresholds on one uniform draw.
#[derive(Clone, Copy, Debug)]
pub struct ChanRates {
    /// P(delivered).
    pub delivered: f64,
    /// P(delivered and opened).
    pub opened: f64,
    /// P(delivered, opened and clicked): the predicted click chance (S13).
    pub clicked: f64,
    /// Mean seconds from delivery to open.
    pub open_mean: f64,
    /// Seconds from open to click.
    pub click_delay: f64,
}

impl ChanRates {
    fn from_model(m: &ChannelModel) -> Self {
        ChanRates {
            delivered: m.delivered,
            opened: m.delivered * m.opened,
            clicked: m.delivered * m.opened * m.clicked,
            open_mean: m.open_delay.seconds() as f64,
            click_delay: m.click_delay.seconds() as f64,
        }
    }
}

/// A channel: its base rates and the segment overrides (segment index, rates) in name order.
#[derive(Clone, Debug)]
pub struct ChannelC {
    /// The channel.
    pub channel: Channel,
    /// Rates outside any override.
    pub base: ChanRates,
    /// Overrides for members of a segment; the first the customer belongs to wins.
    pub overrides: Vec<(usize, ChanRates)>,
}

/// What an if/then step waits for.
#[derive(Clone, Copy, Debug)]
pub enum EventC {
    /// A trigger (index).
    Trigger(usize),
    /// Joining a segment (index).
    Joined(usize),
    /// An interaction (0 delivered, 1 opened, 2 clicked) with the message in a slot.
    Interaction(usize, usize),
}

/// A step's action, compiled. Targets are step indices within the version, or [`END`].
#[derive(Clone, Debug)]
pub enum ActionC {
    /// Send on a channel; `slot` records interactions an if/then asks about.
    Message {
        channel: usize,
        slot: Option<usize>,
        next: u32,
    },
    /// Wait a number of seconds.
    Wait { secs: f64, next: u32 },
    /// Wait until an instant (seconds after the start).
    WaitUntil { at: f64, next: u32 },
    /// First matching rule, else `otherwise`.
    Branch {
        rules: Vec<(Cond, u32)>,
        otherwise: u32,
    },
    /// Wait up to `within` seconds for an event.
    IfThen {
        event: EventC,
        within: f64,
        yes: u32,
        no: u32,
    },
    /// A/B split: test index, cumulative shares (last = 1), targets.
    AbTest {
        ab: usize,
        cum: Vec<f64>,
        nexts: Vec<u32>,
    },
    /// Channel optimization: test index, channels (indices), slot, next.
    ChannelOpt {
        co: usize,
        channels: Vec<usize>,
        slot: Option<usize>,
        next: u32,
    },
}

/// A step, compiled.
#[derive(Clone, Debug)]
pub struct StepC {
    /// The step id in the file.
    pub id: StepId,
    /// The step's name.
    pub name: String,
    /// Index among all simulated steps (report order).
    pub global: usize,
    /// Index of its first output among all connections.
    pub conn: usize,
    /// Targets of its outputs, in output order.
    pub targets: Vec<Option<StepId>>,
    /// What it does.
    pub action: ActionC,
}

/// A simulated (published) version.
#[derive(Clone, Debug)]
pub struct VersionC {
    /// Number in the file, from 1.
    pub number: u32,
    /// Live from (seconds after the start).
    pub live: f64,
    /// Stopped at, or infinity.
    pub stopped: f64,
    /// Index of the first step.
    pub first: u32,
    /// Steps in id order.
    pub steps: Vec<StepC>,
    /// Which triggers an if/then of this version waits for.
    pub ifthen_triggers: Vec<bool>,
    /// Which triggers matter while a customer is in this version: exit, goal, if/then.
    pub in_journey_triggers: Vec<bool>,
}

/// An A/B test step.
#[derive(Clone, Debug)]
pub struct AbC {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// Variant names.
    pub names: Vec<String>,
    /// Decision instant (seconds after the start) and default variant index.
    pub decide: Option<(f64, usize)>,
    /// Index of variant 0's conversion credit.
    pub credit: usize,
}

/// A channel-optimization step.
#[derive(Clone, Debug)]
pub struct CoC {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// Channel indices, in the step's order.
    pub channels: Vec<usize>,
    /// Index of channel 0's conversion credit.
    pub credit: usize,
}

/// The goal, compiled.
#[derive(Clone, Copy, Debug)]
pub struct GoalC {
    /// The goal trigger's index.
    pub trigger: usize,
    /// Attribution window after completion, seconds.
    pub window: f64,
}

/// Everything the engine needs, resolved once per run.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The journey's name.
    pub name: String,
    /// `start.starts_at`.
    pub starts_at: Instant,
    /// Horizon in seconds.
    pub horizon: f64,
    /// Timeline rows (hour instants 0..rows).
    pub rows: usize,
    /// Arrival spread in seconds.
    pub arrivals_over: f64,
    /// End date in seconds, or infinity.
    pub end_date: f64,
    /// Whether re-entry is allowed.
    pub reentry: bool,
    /// Attributes the conditions use, in name order (names kept).
    pub attributes: Vec<(String, AttrDist)>,
    /// Segments the journey uses, in name order.
    pub segments: Vec<(String, SegModel)>,
    /// Triggers the journey uses, in name order.
    pub triggers: Vec<(String, TrigModel)>,
    /// Exclusion segments.
    pub exclude: Vec<usize>,
    /// Suppression segments, in the journey's order (report index = position).
    pub suppression: Vec<usize>,
    /// Exit triggers, in the journey's order (report index = position).
    pub exit_triggers: Vec<usize>,
    /// Goal.
    pub goal: Option<GoalC>,
    /// The audience trigger when the scenario models it (further arrivals).
    pub audience_trigger: Option<usize>,
    /// Channels in report order.
    pub channels: Vec<ChannelC>,
    /// Triggers whose rate a click lifts.
    pub lifted: Vec<usize>,
    /// Simulated versions, oldest first.
    pub versions: Vec<VersionC>,
    /// A/B tests in report order.
    pub abs: Vec<AbC>,
    /// Channel-optimization steps in report order.
    pub cos: Vec<CoC>,
    /// Number of simulated steps.
    pub n_steps: usize,
    /// Number of connections (outputs of simulated steps).
    pub n_conns: usize,
    /// Number of conversion credits (channels, A/B variants, optimized channels).
    pub n_credits: usize,
    /// Interaction slots per entry.
    pub n_slots: usize,
}

fn secs_after(start: Instant, at: Instant) -> f64 {
    (at - start).num_milliseconds() as f64 / 1000.0
}

/// Index lookup for names, built from a sorted set.
struct Names(BTreeMap<String, usize>);

impl Names {
    fn new(set: BTreeSet<String>) -> Self {
        Names(set.into_iter().enumerate().map(|(i, n)| (n, i)).collect())
    }
    fn get(&self, name: &str) -> usize {
        // Every name was inserted while collecting; fall back to 0 defensively.
        self.0.get(name).copied().unwrap_or(0)
    }
}

/// Names the design and scenario use, collected before indexing.
#[derive(Default)]
struct Used {
    segments: BTreeSet<String>,
    triggers: BTreeSet<String>,
    attributes: BTreeSet<String>,
}

impl Used {
    fn condition(&mut self, c: &Condition) {
        match c {
            Condition::InSegment(s) => {
                self.segments.insert(s.clone());
            }
            Condition::Equals(a, _) | Condition::Above(a, _) | Condition::Below(a, _) => {
                self.attributes.insert(a.clone());
            }
        }
    }
}

fn collect_used(j: &Journey, simulated: &[usize]) -> Used {
    let mut u = Used::default();
    u.segments.extend(j.start.exclude_segments.iter().cloned());
    u.segments
        .extend(j.end.suppression_segments.iter().cloned());
    u.triggers.extend(j.end.exit_triggers.iter().cloned());
    if let Some(g) = &j.goal {
        u.triggers.insert(g.trigger.clone());
    }
    if let Audience::Trigger(t) = &j.start.audience
        && j.scenario.triggers.contains_key(t)
    {
        u.triggers.insert(t.clone());
    }
    for (seg, chans) in &j.scenario.segment_channels {
        if !chans.is_empty() && j.scenario.segments.contains_key(seg) {
            u.segments.insert(seg.clone());
        }
    }
    for &vi in simulated {
        for step in j.versions[vi].steps.values() {
            match &step.action {
                Action::Branch { rules, .. } => rules.iter().for_each(|r| u.condition(&r.when)),
                Action::IfThen {
                    event: Event::Trigger(t),
                    ..
                } => {
                    u.triggers.insert(t.clone());
                }
                Action::IfThen {
                    event: Event::JoinedSegment(s),
                    ..
                } => {
                    u.segments.insert(s.clone());
                }
                _ => {}
            }
        }
    }
    // Segments whose `when` names other segments or attributes: close over them.
    loop {
        let before = (u.segments.len(), u.attributes.len());
        let segs: Vec<String> = u.segments.iter().cloned().collect();
        for s in segs {
            if let Some(Some(c)) = j.scenario.segments.get(&s).map(|m| m.when.clone()) {
                u.condition(&c);
            }
        }
        if (u.segments.len(), u.attributes.len()) == before {
            break;
        }
    }
    u
}

struct Ctx<'a> {
    segs: Names,
    attrs: Names,
    attr_dists: &'a BTreeMap<String, Dist>,
}

impl Ctx<'_> {
    fn cond(&self, c: &Condition) -> Cond {
        let attr = |a: &str| self.attrs.get(a);
        match c {
            Condition::InSegment(s) => Cond::InSegment(self.segs.get(s)),
            Condition::Equals(a, v) => match self.attr_dists.get(a) {
                Some(Dist::Choice(choices)) => {
                    Cond::ChoiceIs(attr(a), choices.iter().position(|(n, _)| n == v))
                }
                _ => Cond::NumEq(attr(a), v.trim().parse().unwrap_or(f64::NAN)),
            },
            Condition::Above(a, x) => Cond::Above(attr(a), *x),
            Condition::Below(a, x) => Cond::Below(attr(a), *x),
        }
    }
}

/// Compiles a validated journey for simulation with `horizon` seconds.
pub fn compile(j: &Journey) -> Compiled {
    let sc = &j.scenario;
    let start = j.start.starts_at;
    let simulated: Vec<usize> = (0..j.versions.len())
        .filter(|&i| j.live_at(i).is_some())
        .collect();
    let used = collect_used(j, &simulated);
    let ctx = Ctx {
        segs: Names::new(used.segments.clone()),
        attrs: Names::new(used.attributes.clone()),
        attr_dists: &sc.attributes,
    };
    let trigs = Names::new(used.triggers.clone());
    let attributes = used
        .attributes
        .iter()
        .map(|name| {
            let dist = match sc.attributes.get(name) {
                Some(Dist::Choice(choices)) => {
                    let mut acc = 0.0;
                    let cum = choices
                        .iter()
                        .map(|(_, w)| {
                            acc += w.max(0.0);
                            acc
                        })
                        .collect();
                    let numbers = choices
                        .iter()
                        .map(|(n, _)| n.trim().parse().unwrap_or(f64::NAN))
                        .collect();
                    AttrDist::Choice { cum, numbers }
                }
                Some(Dist::Range(lo, hi)) => AttrDist::Range(*lo, *hi),
                None => AttrDist::Range(f64::NAN, f64::NAN),
            };
            (name.clone(), dist)
        })
        .collect();
    let audience_segment = match &j.start.audience {
        Audience::Segment(s) => Some(s.as_str()),
        Audience::Trigger(_) => None,
    };
    let segments = used
        .segments
        .iter()
        .map(|name| {
            let model = match sc.segments.get(name) {
                Some(m) => SegModel {
                    share: m.share,
                    when: m.when.as_ref().map(|c| ctx.cond(c)),
                    join_rate: m.joins_per_day / 86_400.0,
                    always: false,
                },
                None => SegModel {
                    share: 0.0,
                    when: None,
                    join_rate: 0.0,
                    always: audience_segment == Some(name.as_str()),
                },
            };
            (name.clone(), model)
        })
        .collect();
    let triggers: Vec<(String, TrigModel)> = used
        .triggers
        .iter()
        .map(|name| {
            let m = sc.triggers.get(name).cloned().unwrap_or_default();
            let model = TrigModel {
                rate: m.per_day / 86_400.0,
                lift: m.click_lift,
                lift_for: m.lift_for.seconds() as f64,
            };
            (name.clone(), model)
        })
        .collect();
    let lifted = triggers
        .iter()
        .enumerate()
        .filter(|(_, (_, m))| m.lift != 1.0 && m.rate > 0.0 && m.lift_for > 0.0)
        .map(|(i, _)| i)
        .collect();
    let channels = collect_channels(j, &simulated, &ctx.segs);
    let chan_index = |c: &Channel| channels.iter().position(|x| &x.channel == c).unwrap_or(0);
    let mut out = Compiled {
        name: j.name.clone(),
        starts_at: start,
        horizon: sc.horizon.seconds() as f64,
        rows: (sc.horizon.seconds() as f64 / HOUR).ceil() as usize + 1,
        arrivals_over: sc.arrivals_over.seconds() as f64,
        end_date: j
            .end
            .end_date
            .map_or(f64::INFINITY, |d| secs_after(start, d)),
        reentry: j.start.reentry,
        attributes,
        segments,
        exclude: j
            .start
            .exclude_segments
            .iter()
            .map(|s| ctx.segs.get(s))
            .collect(),
        suppression: j
            .end
            .suppression_segments
            .iter()
            .map(|s| ctx.segs.get(s))
            .collect(),
        exit_triggers: j.end.exit_triggers.iter().map(|t| trigs.get(t)).collect(),
        goal: j.goal.as_ref().map(|g| GoalC {
            trigger: trigs.get(&g.trigger),
            window: g.attribution.seconds() as f64,
        }),
        audience_trigger: match &j.start.audience {
            Audience::Trigger(t) if sc.triggers.contains_key(t) => Some(trigs.get(t)),
            _ => None,
        },
        triggers,
        lifted,
        versions: Vec::new(),
        abs: Vec::new(),
        cos: Vec::new(),
        n_steps: 0,
        n_conns: 0,
        n_credits: 0,
        n_slots: 0,
        channels: Vec::new(),
    };
    let mut credit = channels.len();
    for &vi in &simulated {
        let v = &j.versions[vi];
        let live = j.live_at(vi).map_or(0.0, |at| secs_after(start, at));
        let index_of = |id: Option<StepId>| {
            id.and_then(|id| v.steps.keys().position(|k| *k == id))
                .map_or(END, |i| i as u32)
        };
        // Interaction slots: message steps an if/then of this version asks about.
        let mut slots: BTreeMap<StepId, usize> = BTreeMap::new();
        for step in v.steps.values() {
            if let Some(id) = step.action.event_step() {
                let n = slots.len();
                slots.entry(id).or_insert(n);
            }
        }
        out.n_slots = out.n_slots.max(slots.len());
        let mut ifthen_triggers = vec![false; out.triggers.len()];
        let mut steps = Vec::with_capacity(v.steps.len());
        for (&id, step) in &v.steps {
            let outputs = step.action.outputs();
            let action = match &step.action {
                Action::Message { channel, next, .. } => ActionC::Message {
                    channel: chan_index(channel),
                    slot: slots.get(&id).copied(),
                    next: index_of(*next),
                },
                Action::Wait { span, next } => ActionC::Wait {
                    secs: span.seconds() as f64,
                    next: index_of(*next),
                },
                Action::WaitUntil { instant, next } => ActionC::WaitUntil {
                    at: secs_after(start, *instant),
                    next: index_of(*next),
                },
                Action::Branch { rules, otherwise } => ActionC::Branch {
                    rules: rules
                        .iter()
                        .map(|r| (ctx.cond(&r.when), index_of(r.next)))
                        .collect(),
                    otherwise: index_of(*otherwise),
                },
                Action::IfThen {
                    event,
                    within,
                    yes,
                    no,
                } => {
                    let event = match event {
                        Event::Trigger(t) => {
                            let k = trigs.get(t);
                            ifthen_triggers[k] = true;
                            EventC::Trigger(k)
                        }
                        Event::JoinedSegment(s) => EventC::Joined(ctx.segs.get(s)),
                        Event::Delivered(m) => EventC::Interaction(0, slots[m]),
                        Event::Opened(m) => EventC::Interaction(1, slots[m]),
                        Event::Clicked(m) => EventC::Interaction(2, slots[m]),
                    };
                    ActionC::IfThen {
                        event,
                        within: within.seconds() as f64,
                        yes: index_of(*yes),
                        no: index_of(*no),
                    }
                }
                Action::AbTest { variants, decide } => {
                    let total: f64 = variants.iter().map(|x| x.percent.max(0.0)).sum();
                    let mut acc = 0.0;
                    let mut cum: Vec<f64> = variants
                        .iter()
                        .map(|x| {
                            acc += x.percent.max(0.0);
                            if total > 0.0 { acc / total } else { 1.0 }
                        })
                        .collect();
                    if let Some(last) = cum.last_mut() {
                        *last = f64::INFINITY; // rounding never leaves a draw unassigned
                    }
                    let ab = out.abs.len();
                    out.abs.push(AbC {
                        version: vi as u32 + 1,
                        step: id,
                        names: variants.iter().map(|x| x.name.clone()).collect(),
                        decide: decide.as_ref().map(|d| {
                            let default = variants.iter().position(|x| x.name == d.default_variant);
                            (live + d.after.seconds() as f64, default.unwrap_or(0))
                        }),
                        credit,
                    });
                    credit += variants.len();
                    ActionC::AbTest {
                        ab,
                        cum,
                        nexts: variants.iter().map(|x| index_of(x.next)).collect(),
                    }
                }
                Action::ChannelOptimization {
                    channels: list,
                    next,
                    ..
                } => {
                    let co = out.cos.len();
                    let list: Vec<usize> = list.iter().map(&chan_index).collect();
                    out.cos.push(CoC {
                        version: vi as u32 + 1,
                        step: id,
                        channels: list.clone(),
                        credit,
                    });
                    credit += list.len();
                    ActionC::ChannelOpt {
                        co,
                        channels: list,
                        slot: slots.get(&id).copied(),
                        next: index_of(*next),
                    }
                }
            };
            steps.push(StepC {
                id,
                name: step.name.clone(),
                global: out.n_steps,
                conn: out.n_conns,
                targets: outputs.iter().map(|o| o.target).collect(),
                action,
            });
            out.n_steps += 1;
            out.n_conns += outputs.len();
        }
        out.versions.push(VersionC {
            number: vi as u32 + 1,
            live,
            stopped: v.stopped_at.map_or(f64::INFINITY, |s| secs_after(start, s)),
            first: index_of(Some(v.first_step)),
            steps,
            in_journey_triggers: (0..out.triggers.len())
                .map(|k| {
                    ifthen_triggers[k]
                        || out.exit_triggers.contains(&k)
                        || out.goal.is_some_and(|g| g.trigger == k)
                })
                .collect(),
            ifthen_triggers,
        });
    }
    out.n_credits = credit;
    out.channels = channels;
    out
}

/// Channels the simulated versions send on, in report order (Email, Sms, Push, custom by name).
fn collect_channels(j: &Journey, simulated: &[usize], segs: &Names) -> Vec<ChannelC> {
    let mut set: BTreeSet<Channel> = BTreeSet::new();
    for &vi in simulated {
        for step in j.versions[vi].steps.values() {
            match &step.action {
                Action::Message { channel, .. } => {
                    set.insert(channel.clone());
                }
                Action::ChannelOptimization { channels, .. } => {
                    set.extend(channels.iter().cloned());
                }
                _ => {}
            }
        }
    }
    let sc = &j.scenario;
    set.into_iter()
        .map(|channel| {
            let base = ChanRates::from_model(&sc.channel_model(&channel));
            let overrides = sc
                .segment_channels
                .iter()
                .filter(|(seg, _)| sc.segments.contains_key(*seg) && segs.0.contains_key(*seg))
                .filter_map(|(seg, map)| {
                    map.get(&channel)
                        .map(|m| (segs.get(seg), ChanRates::from_model(m)))
                })
                .collect();
            ChannelC {
                channel,
                base,
                overrides,
            }
        })
        .collect()
}
