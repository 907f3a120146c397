//! Names the design and scenario use, resolved to indices for the compiled journey.

use std::collections::{BTreeMap, BTreeSet};

use super::compiled::{ChanRates, ChannelC, Cond};
use crate::model::{Action, Audience, Channel, Condition, Dist, Event, Instant, Journey};

pub fn secs_after(start: Instant, at: Instant) -> f64 {
    (at - start).num_milliseconds() as f64 / 1000.0
}

/// Index lookup for names, built from a sorted set.
pub struct Names(pub BTreeMap<String, usize>);

impl Names {
    /// Indices in name order.
    pub fn new(set: BTreeSet<String>) -> Self {
        Names(set.into_iter().enumerate().map(|(i, n)| (n, i)).collect())
    }
    /// The index of `name`.
    pub fn get(&self, name: &str) -> usize {
        // Every name was inserted while collecting; fall back to 0 defensively.
        self.0.get(name).copied().unwrap_or(0)
    }
}

/// Names the design and scenario use, collected before indexing.
#[derive(Default)]
pub struct Used {
    /// Segment names.
    pub segments: BTreeSet<String>,
    /// Trigger names.
    pub triggers: BTreeSet<String>,
    /// Attribute names.
    pub attributes: BTreeSet<String>,
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

/// Every name the simulated versions, the journey and the scenario's segment models use.
pub fn collect_used(j: &Journey, simulated: &[usize]) -> Used {
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

/// Name lookups for conditions.
pub struct Ctx<'a> {
    /// Segments.
    pub segs: Names,
    /// Attributes.
    pub attrs: Names,
    /// The scenario's attribute distributions.
    pub attr_dists: &'a BTreeMap<String, Dist>,
}

impl Ctx<'_> {
    /// A condition with names resolved.
    pub fn cond(&self, c: &Condition) -> Cond {
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

/// Channels the simulated versions send on, in report order (Email, Sms, Push, custom by name).
pub fn collect_channels(j: &Journey, simulated: &[usize], segs: &Names) -> Vec<ChannelC> {
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
