//! The simulated versions' steps, compiled: step ids to indices, actions to
//! [`compiled::Action`]s, A/B tests and channel optimizations to their report
//! entries and conversion credits.

use std::collections::BTreeMap;

use super::names::Resolver;
use super::secs_after;
use crate::model::{self, Journey, StepId, Variant};
use crate::sim::compiled::{self, AbTest, ChannelOptimization, Decision, END, Rule};

/// What compiling steps needs from the rest of the journey.
pub struct Context<'a> {
    /// The journey.
    pub journey: &'a Journey,
    /// Name lookups.
    pub names: &'a Resolver<'a>,
    /// The compiled channels (a message's channel becomes an index into these).
    pub channels: &'a [compiled::Channel],
    /// Per trigger: it matters in every version (exit triggers, the goal).
    pub journey_triggers: Vec<bool>,
}

impl Context<'_> {
    fn channel_index(&self, channel: &model::Channel) -> usize {
        self.channels
            .iter()
            .position(|c| &c.id == channel)
            .unwrap_or(0)
    }
}

/// The compiled versions and what their steps add up to.
pub struct JourneySteps {
    /// Simulated versions, oldest first.
    pub versions: Vec<compiled::Version>,
    /// A/B tests in report order.
    pub ab_tests: Vec<AbTest>,
    /// Channel-optimization steps in report order.
    pub channel_optimizations: Vec<ChannelOptimization>,
    /// Steps over all versions.
    pub step_count: usize,
    /// Connections (outputs) over all versions.
    pub connection_count: usize,
    /// Conversion credits: the channels' first, then A/B variants and optimized channels.
    pub credit_count: usize,
    /// Interaction slots of the version that needs the most.
    pub slot_count: usize,
}

/// The version being compiled.
struct Scope<'a> {
    /// Its number, from 1.
    number: u32,
    /// Live from (seconds after the start).
    live_from: f64,
    /// The version in the file.
    version: &'a model::Version,
    /// Interaction slots: message steps an if/then of this version asks about.
    slots: BTreeMap<StepId, usize>,
    /// Per trigger: an if/then of this version waits for it.
    waited_triggers: Vec<bool>,
}

impl Scope<'_> {
    /// The index of step `id` in the version, or [`END`].
    fn index_of(&self, id: Option<StepId>) -> u32 {
        id.and_then(|id| self.version.steps.keys().position(|k| *k == id))
            .map_or(END, |i| i as u32)
    }
}

/// Compiles the `simulated` versions (indices in the file), oldest first.
pub fn versions(context: &Context<'_>, simulated: &[usize]) -> JourneySteps {
    let mut out = JourneySteps {
        versions: Vec::with_capacity(simulated.len()),
        ab_tests: Vec::new(),
        channel_optimizations: Vec::new(),
        step_count: 0,
        connection_count: 0,
        credit_count: context.channels.len(),
        slot_count: 0,
    };
    for &index in simulated {
        let version = out.version(context, index);
        out.versions.push(version);
    }
    out
}

/// Numbers the message steps an if/then of `version` asks about.
fn interaction_slots(version: &model::Version) -> BTreeMap<StepId, usize> {
    let mut slots = BTreeMap::new();
    for step in version.steps.values() {
        if let Some(id) = step.action.event_step() {
            let next = slots.len();
            slots.entry(id).or_insert(next);
        }
    }
    slots
}

impl JourneySteps {
    fn version(&mut self, context: &Context<'_>, index: usize) -> compiled::Version {
        let journey = context.journey;
        let start = journey.start.starts_at;
        let version = &journey.versions[index];
        let mut scope = Scope {
            number: index as u32 + 1,
            live_from: journey
                .live_at(index)
                .map_or(0.0, |at| secs_after(start, at)),
            version,
            slots: interaction_slots(version),
            waited_triggers: vec![false; context.journey_triggers.len()],
        };
        self.slot_count = self.slot_count.max(scope.slots.len());
        let steps = version
            .steps
            .iter()
            .map(|(&id, step)| self.step(context, &mut scope, id, step))
            .collect();
        let in_journey_triggers = scope
            .waited_triggers
            .iter()
            .zip(&context.journey_triggers)
            .map(|(&waited, &always)| waited || always)
            .collect();
        compiled::Version {
            number: scope.number,
            live_from: scope.live_from,
            stopped_at: version
                .stopped_at
                .map_or(f64::INFINITY, |at| secs_after(start, at)),
            first_step: scope.index_of(Some(version.first_step)),
            steps,
            in_journey_triggers,
            waits_for_triggers: scope.waited_triggers.iter().any(|&w| w),
        }
    }

    fn step(
        &mut self,
        context: &Context<'_>,
        scope: &mut Scope<'_>,
        id: StepId,
        step: &model::Step,
    ) -> compiled::Step {
        let outputs = step.action.outputs();
        let action = self.action(context, scope, id, &step.action);
        let compiled = compiled::Step {
            id,
            name: step.name.clone(),
            index: self.step_count,
            first_connection: self.connection_count,
            targets: outputs.iter().map(|o| o.target).collect(),
            on_timer: compiled::OnTimer::of(&action),
            action,
        };
        self.step_count += 1;
        self.connection_count += outputs.len();
        compiled
    }

    fn action(
        &mut self,
        context: &Context<'_>,
        scope: &mut Scope<'_>,
        id: StepId,
        action: &model::Action,
    ) -> compiled::Action {
        let start = context.journey.start.starts_at;
        match action {
            model::Action::Message {
                channel,
                transactional,
                next,
                ..
            } => compiled::Action::Message {
                channel: context.channel_index(channel),
                slot: scope.slots.get(&id).copied(),
                transactional: *transactional,
                next: scope.index_of(*next),
            },
            model::Action::Wait { span, next } => compiled::Action::Wait {
                seconds: span.seconds() as f64,
                next: scope.index_of(*next),
            },
            model::Action::WaitUntil { instant, next } => compiled::Action::WaitUntil {
                at: secs_after(start, *instant),
                next: scope.index_of(*next),
            },
            model::Action::WaitUntilTime {
                time,
                weekdays,
                next,
            } => compiled::Action::WaitUntilTime {
                second_of_day: f64::from(time.minutes_of_day()) * 60.0,
                weekdays: weekdays.iter().fold(0, |mask, d| mask | (1 << d.index())),
                next: scope.index_of(*next),
            },
            model::Action::Branch { rules, otherwise } => compiled::Action::Branch {
                rules: rules
                    .iter()
                    .map(|rule| Rule {
                        condition: context.names.condition(&rule.when),
                        next: scope.index_of(rule.next),
                    })
                    .collect(),
                otherwise: scope.index_of(*otherwise),
            },
            model::Action::IfThen {
                event,
                within,
                yes,
                no,
            } => compiled::Action::IfThen {
                event: if_then_event(context.names, scope, event),
                within: within.seconds() as f64,
                yes: scope.index_of(*yes),
                no: scope.index_of(*no),
            },
            model::Action::AbTest { variants, decide } => {
                self.ab_test(scope, id, variants, decide.as_ref())
            }
            model::Action::ChannelOptimization { channels, next, .. } => {
                self.channel_optimization(context, scope, id, channels, *next)
            }
        }
    }

    fn ab_test(
        &mut self,
        scope: &Scope<'_>,
        id: StepId,
        variants: &[Variant],
        decide: Option<&model::Decide>,
    ) -> compiled::Action {
        let test = self.ab_tests.len();
        self.ab_tests.push(AbTest {
            version: scope.number,
            step: id,
            variants: variants.iter().map(|v| v.name.clone()).collect(),
            decision: decide.map(|d| Decision {
                at: scope.live_from + d.after.seconds() as f64,
                default_variant: variants
                    .iter()
                    .position(|v| v.name == d.default_variant)
                    .unwrap_or(0),
            }),
            first_credit: self.credit_count,
        });
        self.credit_count += variants.len();
        compiled::Action::AbTest {
            test,
            cumulative_shares: cumulative_shares(variants),
            next_per_variant: variants.iter().map(|v| scope.index_of(v.next)).collect(),
        }
    }

    fn channel_optimization(
        &mut self,
        context: &Context<'_>,
        scope: &Scope<'_>,
        id: StepId,
        channels: &[model::Channel],
        next: Option<StepId>,
    ) -> compiled::Action {
        let optimization = self.channel_optimizations.len();
        let channels: Vec<usize> = channels.iter().map(|c| context.channel_index(c)).collect();
        self.channel_optimizations.push(ChannelOptimization {
            version: scope.number,
            step: id,
            channels: channels.clone(),
            first_credit: self.credit_count,
        });
        self.credit_count += channels.len();
        compiled::Action::ChannelOptimization {
            optimization,
            channels,
            slot: scope.slots.get(&id).copied(),
            next: scope.index_of(next),
        }
    }
}

/// An if/then's event with names resolved; notes a trigger it waits for in `scope`.
fn if_then_event(
    names: &Resolver<'_>,
    scope: &mut Scope<'_>,
    event: &model::Event,
) -> compiled::Event {
    use compiled::Interaction::{Clicked, Delivered, Opened};
    let interaction = |kind, message: &StepId| compiled::Event::Interaction {
        kind,
        slot: scope.slots[message],
    };
    match event {
        model::Event::Trigger(name) => {
            let trigger = names.triggers.get(name);
            scope.waited_triggers[trigger] = true;
            compiled::Event::Trigger(trigger)
        }
        model::Event::JoinedSegment(name) => compiled::Event::Joined(names.segments.get(name)),
        model::Event::Delivered(message) => interaction(Delivered, message),
        model::Event::Opened(message) => interaction(Opened, message),
        model::Event::Clicked(message) => interaction(Clicked, message),
    }
}

/// Each variant's cumulative share of the total, the last one infinity.
fn cumulative_shares(variants: &[Variant]) -> Vec<f64> {
    let total: f64 = variants.iter().map(|v| v.percent.max(0.0)).sum();
    let mut sum = 0.0;
    let mut shares: Vec<f64> = variants
        .iter()
        .map(|v| {
            sum += v.percent.max(0.0);
            if total > 0.0 { sum / total } else { 1.0 }
        })
        .collect();
    if let Some(last) = shares.last_mut() {
        *last = f64::INFINITY; // rounding never leaves a draw unassigned
    }
    shares
}
