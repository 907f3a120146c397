//! Compiling a journey for the engine: built once per run so the per-customer
//! loop never touches a map or a string.
//!
//! In phases: the names the simulated versions use ([`names`]); the scenario's
//! models for those names ([`scenario`]: attributes, segments, triggers,
//! channels); the journey's settings (exclusion, suppression, exit triggers,
//! goal, audience); then each version's steps ([`version`]).

mod names;
mod scenario;
mod version;

use names::{Resolver, UsedNames};

use super::compiled::{Compiled, Goal, HOUR};
use crate::model::time_zone::TIME_ZONE_ATTRIBUTE;
use crate::model::{Audience, Instant, Journey};

/// Seconds from `start` to `at`.
fn secs_after(start: Instant, at: Instant) -> f64 {
    (at - start).num_milliseconds() as f64 / 1000.0
}

/// Compiles a validated journey for simulation.
pub fn compile(journey: &Journey) -> Compiled {
    let start = journey.start.starts_at;
    let simulated: Vec<usize> = (0..journey.versions.len())
        .filter(|&i| journey.live_at(i).is_some())
        .collect();
    let mut used = UsedNames::collect(journey, &simulated);
    // Without an attribute of that name, `time_zone` is the customer's zone (S22).
    if !journey
        .scenario
        .attributes
        .contains_key(TIME_ZONE_ATTRIBUTE)
    {
        used.attributes.remove(TIME_ZONE_ATTRIBUTE);
    }
    let names = Resolver::new(&used, &journey.scenario);
    let triggers = scenario::triggers(&used, &journey.scenario);
    let channels = scenario::channels(journey, &simulated, &names.segments);
    let settings = Settings::new(journey, &names);
    let context = version::Context {
        journey,
        names: &names,
        channels: &channels,
        journey_triggers: settings.journey_triggers(triggers.len()),
    };
    let steps = version::versions(&context, &simulated);
    let horizon = journey.scenario.horizon.seconds() as f64;
    let delivery = crate::sim::delivery::compile(journey, &channels, horizon);
    Compiled {
        name: journey.name.clone(),
        starts_at: start,
        horizon,
        timeline_rows: (horizon / HOUR).ceil() as usize + 1,
        arrivals_over: journey.scenario.arrivals_over.seconds() as f64,
        end_date: journey
            .end
            .end_date
            .map_or(f64::INFINITY, |at| secs_after(start, at)),
        reentry: journey.start.reentry,
        attributes: scenario::attributes(&used, &journey.scenario),
        segments: scenario::segments(journey, &used, &names),
        lifted_triggers: scenario::lifted(&triggers),
        triggers,
        exclusion_segments: settings.exclusion_segments,
        suppression_segments: settings.suppression_segments,
        exit_triggers: settings.exit_triggers,
        goal: settings.goal,
        audience_trigger: settings.audience_trigger,
        channels,
        versions: steps.versions,
        ab_tests: steps.ab_tests,
        channel_optimizations: steps.channel_optimizations,
        step_count: steps.step_count,
        connection_count: steps.connection_count,
        credit_count: steps.credit_count,
        slot_count: steps.slot_count,
        delivery,
    }
}

/// The journey's start and end settings and its goal, names resolved.
struct Settings {
    exclusion_segments: Vec<usize>,
    suppression_segments: Vec<usize>,
    exit_triggers: Vec<usize>,
    goal: Option<Goal>,
    audience_trigger: Option<usize>,
}

impl Settings {
    fn new(journey: &Journey, names: &Resolver<'_>) -> Self {
        let segments = |list: &[String]| list.iter().map(|s| names.segments.get(s)).collect();
        Settings {
            exclusion_segments: segments(&journey.start.exclude_segments),
            suppression_segments: segments(&journey.end.suppression_segments),
            exit_triggers: journey
                .end
                .exit_triggers
                .iter()
                .map(|t| names.triggers.get(t))
                .collect(),
            goal: journey.goal.as_ref().map(|goal| Goal {
                trigger: names.triggers.get(&goal.trigger),
                attribution_window: goal.attribution.seconds() as f64,
            }),
            audience_trigger: match &journey.start.audience {
                Audience::Trigger(t) if journey.scenario.triggers.contains_key(t) => {
                    Some(names.triggers.get(t))
                }
                _ => None,
            },
        }
    }

    /// Per trigger (of `count`): it matters in every version (an exit trigger, the goal).
    fn journey_triggers(&self, count: usize) -> Vec<bool> {
        (0..count)
            .map(|k| self.exit_triggers.contains(&k) || self.goal.is_some_and(|g| g.trigger == k))
            .collect()
    }
}
