//! The compiled journey: names resolved to small integers, steps to indices,
//! spans and instants to seconds after `start.starts_at` (see `compile`).
//!
//! Several types here mirror a model type of the same name (a [`Step`] is a
//! `model::Step` ready for the engine); code that sees both says
//! `compiled::Step`.

use crate::model::{self, ChannelModel, Instant, StepId};

/// "No step": the end of a path.
pub const END: u32 = u32::MAX;

/// Seconds per hour, the timeline's resolution.
pub const HOUR: f64 = 3_600.0;

/// Seconds per day, the unit of the scenario's rates.
pub const DAY: f64 = 86_400.0;

/// A condition with names resolved to indices.
#[derive(Clone, Debug)]
pub enum Condition {
    /// Member of the segment at the instant.
    InSegment { segment: usize },
    /// A choice attribute equals the choice (`None`: a choice it does not have, never).
    ChoiceIs {
        attribute: usize,
        choice: Option<usize>,
    },
    /// A numeric attribute equals the number.
    Equals { attribute: usize, number: f64 },
    /// Attribute above the number (a choice attribute compares its value parsed as a number).
    Above { attribute: usize, number: f64 },
    /// Attribute below the number.
    Below { attribute: usize, number: f64 },
    /// The customer lives in the zone (`None`: a zone no customer lives in), S22.
    ZoneIs { zone: Option<usize> },
}

/// An attribute's distribution.
#[derive(Clone, Debug)]
pub enum Distribution {
    /// One of the choices, by weight.
    Choice {
        /// Running sums of the weights (last = total).
        cumulative_weights: Vec<f64>,
        /// Each choice's value parsed as a number (NaN if it is not one).
        numbers: Vec<f64>,
    },
    /// Uniform between low and high.
    Range { low: f64, high: f64 },
}

/// A segment model: member from the start by `when` or `share`, later joins at
/// `joins_per_second`.
#[derive(Clone, Debug)]
pub struct SegmentModel {
    /// Probability of membership from the start.
    pub share: f64,
    /// Condition making a customer a member from the start.
    pub when: Option<Condition>,
    /// Joins per second for non-members.
    pub joins_per_second: f64,
    /// Every customer is a member (an audience segment the scenario does not model).
    pub always: bool,
}

/// A trigger model: Poisson rate per second, click lift and its duration.
#[derive(Clone, Debug)]
pub struct TriggerModel {
    /// Occurrences per second without lift.
    pub rate: f64,
    /// Rate multiplier while lifted.
    pub lift: f64,
    /// Seconds a click lifts the rate for.
    pub lift_for: f64,
}

/// A channel's rates, as thresholds on one uniform draw.
#[derive(Clone, Copy, Debug)]
pub struct ChannelRates {
    /// P(delivered).
    pub delivered: f64,
    /// P(delivered and opened).
    pub opened: f64,
    /// P(delivered, opened and clicked): the predicted click chance (S13).
    pub clicked: f64,
    /// Mean seconds from delivery to open.
    pub mean_open_delay: f64,
    /// Seconds from open to click.
    pub click_delay: f64,
}

impl ChannelRates {
    /// The thresholds of a channel model.
    pub fn from_model(m: &ChannelModel) -> Self {
        ChannelRates {
            delivered: m.delivered,
            opened: m.delivered * m.opened,
            clicked: m.delivered * m.opened * m.clicked,
            mean_open_delay: m.open_delay.seconds() as f64,
            click_delay: m.click_delay.seconds() as f64,
        }
    }
}

/// A channel's rates for the members of one segment.
#[derive(Clone, Copy, Debug)]
pub struct SegmentRates {
    /// The segment (index).
    pub segment: usize,
    /// Its members' rates.
    pub rates: ChannelRates,
}

/// A channel: its base rates and the segment overrides, in segment name order.
#[derive(Clone, Debug)]
pub struct Channel {
    /// The channel as the journey names it.
    pub id: model::Channel,
    /// Rates outside any override.
    pub base: ChannelRates,
    /// Overrides for members of a segment; the first the customer belongs to wins.
    pub overrides: Vec<SegmentRates>,
}

/// What happened to a message a customer was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interaction {
    /// It was delivered.
    Delivered,
    /// It was opened.
    Opened,
    /// It was clicked.
    Clicked,
}

/// What an if/then step waits for.
#[derive(Clone, Copy, Debug)]
pub enum Event {
    /// A trigger (index).
    Trigger(usize),
    /// Joining a segment (index).
    Joined(usize),
    /// An interaction with the message whose instants are kept in `slot`.
    Interaction { kind: Interaction, slot: usize },
}

/// A branch rule: the first whose condition holds picks the path.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The rule's condition.
    pub condition: Condition,
    /// Where it leads.
    pub next: u32,
}

/// A step's action. Targets are step indices within the version, or [`END`].
#[derive(Clone, Debug)]
pub enum Action {
    /// Send on a channel (index); `slot` records interactions an if/then asks about.
    Message {
        channel: usize,
        slot: Option<usize>,
        transactional: bool,
        next: u32,
    },
    /// Wait a number of seconds.
    Wait { seconds: f64, next: u32 },
    /// Wait until an instant (seconds after the start).
    WaitUntil { at: f64, next: u32 },
    /// Wait until a local second of the day on some weekdays (bit 0 Monday; 0: any), S21.
    WaitUntilTime {
        second_of_day: f64,
        weekdays: u8,
        next: u32,
    },
    /// First matching rule, else `otherwise`.
    Branch { rules: Vec<Rule>, otherwise: u32 },
    /// Wait up to `within` seconds for an event.
    IfThen {
        event: Event,
        within: f64,
        yes: u32,
        no: u32,
    },
    /// A/B split: the test (index in [`Compiled::ab_tests`]), cumulative shares per variant
    /// (last = infinity), each variant's target.
    AbTest {
        test: usize,
        cumulative_shares: Vec<f64>,
        next_per_variant: Vec<u32>,
    },
    /// Channel optimization: the step (index in [`Compiled::channel_optimizations`]), its
    /// channels (indices), slot, next.
    ChannelOptimization {
        optimization: usize,
        channels: Vec<usize>,
        slot: Option<usize>,
        next: u32,
    },
}

/// A step.
#[derive(Clone, Debug)]
pub struct Step {
    /// The step id in the file.
    pub id: StepId,
    /// The step's name.
    pub name: String,
    /// Index among all simulated steps (report order).
    pub index: usize,
    /// Index of its first output among all connections.
    pub first_connection: usize,
    /// Targets of its outputs, in output order.
    pub targets: Vec<Option<StepId>>,
    /// What it does.
    pub action: Action,
    /// What its timer does when due, resolved from `action` so that the customer loop
    /// needs no match on the action for it.
    pub on_timer: OnTimer,
}

/// What a step's timer leads to (`Step::on_timer`), outside an if/then's own wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OnTimer {
    /// The step to go to (output 0) when the timer is due, `None` for steps whose
    /// timer, if any, does nothing here.
    pub next: Option<u32>,
    /// A message held by quiet hours (S18) is released before going on.
    pub releases: bool,
}

impl OnTimer {
    /// The timer behaviour of `action`: waits go on, messages and channel optimization
    /// release a held message (S18) and go on; if/then handles its own wait.
    pub fn of(action: &Action) -> Self {
        let (next, releases) = match action {
            Action::Wait { next, .. }
            | Action::WaitUntil { next, .. }
            | Action::WaitUntilTime { next, .. } => (Some(*next), false),
            Action::Message { next, .. } | Action::ChannelOptimization { next, .. } => {
                (Some(*next), true)
            }
            _ => (None, false),
        };
        OnTimer { next, releases }
    }
}

/// A simulated (published) version.
#[derive(Clone, Debug)]
pub struct Version {
    /// Number in the file, from 1.
    pub number: u32,
    /// Live from (seconds after the start).
    pub live_from: f64,
    /// Stopped at, or infinity.
    pub stopped_at: f64,
    /// Index of the first step.
    pub first_step: u32,
    /// Steps in id order.
    pub steps: Vec<Step>,
    /// Per trigger: it matters while a customer is in this version (exit, goal, if/then).
    pub in_journey_triggers: Vec<bool>,
    /// Some if/then of this version waits for a trigger.
    pub waits_for_triggers: bool,
}

/// When an A/B test decides.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    /// The decision instant (seconds after the start).
    pub at: f64,
    /// The variant (index) taken when no variant wins.
    pub default_variant: usize,
}

/// An A/B test step.
#[derive(Clone, Debug)]
pub struct AbTest {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// Variant names.
    pub variants: Vec<String>,
    /// When it decides, if it does.
    pub decision: Option<Decision>,
    /// Index of variant 0's conversion credit.
    pub first_credit: usize,
}

/// A channel-optimization step.
#[derive(Clone, Debug)]
pub struct ChannelOptimization {
    /// Version number.
    pub version: u32,
    /// Step id.
    pub step: StepId,
    /// Channel indices, in the step's order.
    pub channels: Vec<usize>,
    /// Index of channel 0's conversion credit.
    pub first_credit: usize,
}

/// The goal.
#[derive(Clone, Copy, Debug)]
pub struct Goal {
    /// The goal trigger's index.
    pub trigger: usize,
    /// Attribution window after completion, seconds.
    pub attribution_window: f64,
}

/// Everything the engine needs, resolved once per run.
///
/// Conversion credits count conversions per channel, per A/B variant and per optimized
/// channel in one array: the channels first, then each test's variants and each
/// optimization's channels from their `first_credit` on.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The journey's name.
    pub name: String,
    /// `start.starts_at`.
    pub starts_at: Instant,
    /// Horizon in seconds.
    pub horizon: f64,
    /// Timeline rows (hour instants 0..timeline_rows).
    pub timeline_rows: usize,
    /// Arrival spread in seconds.
    pub arrivals_over: f64,
    /// End date in seconds, or infinity.
    pub end_date: f64,
    /// Whether re-entry is allowed.
    pub reentry: bool,
    /// The distributions of the attributes conditions use, in attribute name order.
    pub attributes: Vec<Distribution>,
    /// Segments the journey uses, in name order.
    pub segments: Vec<SegmentModel>,
    /// Triggers the journey uses, in name order.
    pub triggers: Vec<TriggerModel>,
    /// Exclusion segments.
    pub exclusion_segments: Vec<usize>,
    /// Suppression segments, in the journey's order (report index = position).
    pub suppression_segments: Vec<usize>,
    /// Exit triggers, in the journey's order (report index = position).
    pub exit_triggers: Vec<usize>,
    /// Goal.
    pub goal: Option<Goal>,
    /// The audience trigger when the scenario models it (further arrivals).
    pub audience_trigger: Option<usize>,
    /// Channels in report order.
    pub channels: Vec<Channel>,
    /// Triggers whose rate a click lifts.
    pub lifted_triggers: Vec<usize>,
    /// Simulated versions, oldest first.
    pub versions: Vec<Version>,
    /// A/B tests in report order.
    pub ab_tests: Vec<AbTest>,
    /// Channel-optimization steps in report order.
    pub channel_optimizations: Vec<ChannelOptimization>,
    /// Number of simulated steps.
    pub step_count: usize,
    /// Number of connections (outputs of simulated steps).
    pub connection_count: usize,
    /// Number of conversion credits (channels, A/B variants, optimized channels).
    pub credit_count: usize,
    /// Interaction slots per entry.
    pub slot_count: usize,
    /// Delivery rules, time zones and the holdout (format 2).
    pub delivery: super::delivery::Rules,
}
