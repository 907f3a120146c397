//! Compiling a journey for the engine: built once per run so the per-customer
//! loop never touches a map or a string.

use std::collections::BTreeMap;

use super::compiled::{
    AbC, ActionC, AttrDist, CoC, Compiled, END, EventC, GoalC, HOUR, SegModel, StepC, TrigModel,
    VersionC,
};
use super::names::{Ctx, Names, collect_channels, collect_used, secs_after};
use crate::model::{Action, Audience, Channel, Dist, Event, Journey, StepId};

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
            waits_for_triggers: ifthen_triggers.iter().any(|&w| w),
        });
    }
    out.n_credits = credit;
    out.channels = channels;
    out
}
