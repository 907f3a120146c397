//! The compiled journey: names resolved to small integers, steps to indices,
//! spans and instants to seconds after `start.starts_at` (see `compile`).

use crate::model::{Channel, ChannelModel, Instant, StepId};

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
    /// The thresholds of a channel model.
    pub fn from_model(m: &ChannelModel) -> Self {
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
    /// Which triggers matter while a customer is in this version: exit, goal, if/then.
    pub in_journey_triggers: Vec<bool>,
    /// Some if/then of this version waits for a trigger.
    pub waits_for_triggers: bool,
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
