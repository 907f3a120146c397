//! Steps of a journey version and what each one does.

use serde::{Deserialize, Serialize};

use super::delivery::{LocalTime, Weekday};
use super::span::{Instant, Span};

/// Identifies a step within one version; written as a bare number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StepId(pub u32);

impl std::fmt::Display for StepId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// One step on the canvas: a name, a position and an action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The marketer's name for the step.
    pub name: String,
    /// Position of the card on the canvas (document, part of the design).
    pub at: (f32, f32),
    /// What the step does.
    pub action: Action,
}

/// What a step does, and where customers go next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Action {
    /// Send a message on a channel.
    Message {
        /// The channel it is sent on.
        channel: Channel,
        /// A short description of the content.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        content: String,
        /// A receipt or password reset: quiet hours and caps do not apply (S20).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        transactional: bool,
        /// The step after it, or the end of the path.
        next: Option<StepId>,
    },
    /// Wait for a span.
    Wait {
        /// How long to wait.
        span: Span,
        /// The step after it.
        next: Option<StepId>,
    },
    /// Wait until an instant (no wait if it has passed).
    WaitUntil {
        /// The instant to wait for.
        instant: Instant,
        /// The step after it.
        next: Option<StepId>,
    },
    /// Wait until a time of day on the customer's local clock, on some weekdays (S21).
    WaitUntilTime {
        /// The local time of day.
        time: LocalTime,
        /// The local weekdays it may be on; empty: any day.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weekdays: Vec<Weekday>,
        /// The step after it.
        next: Option<StepId>,
    },
    /// The first matching rule decides the path, else `otherwise`.
    Branch {
        /// Rules, tried in order.
        rules: Vec<Rule>,
        /// Where customers go when no rule matches.
        otherwise: Option<StepId>,
    },
    /// Wait up to `within` for an event: yes if it happens, no if time runs out.
    IfThen {
        /// The event waited for.
        event: Event,
        /// How long to wait for it.
        within: Span,
        /// Where customers go when it happens.
        yes: Option<StepId>,
        /// Where customers go when the span runs out.
        no: Option<StepId>,
    },
    /// Split customers between variants by percentage (S12).
    AbTest {
        /// The variants, with their shares.
        variants: Vec<Variant>,
        /// When and how a winner is chosen, if ever before the horizon.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decide: Option<Decide>,
    },
    /// Send one message on the channel each customer is most likely to click (S13).
    ChannelOptimization {
        /// The channels to choose from, in order of preference on ties.
        channels: Vec<Channel>,
        /// A short description of the content.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        content: String,
        /// The step after it.
        next: Option<StepId>,
    },
}

/// The kind of a step, without its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// [`Action::Message`]
    Message,
    /// [`Action::Wait`]
    Wait,
    /// [`Action::WaitUntil`]
    WaitUntil,
    /// [`Action::WaitUntilTime`]
    WaitUntilTime,
    /// [`Action::Branch`]
    Branch,
    /// [`Action::IfThen`]
    IfThen,
    /// [`Action::AbTest`]
    AbTest,
    /// [`Action::ChannelOptimization`]
    ChannelOptimization,
}

impl ActionKind {
    /// The kinds the palette offers, in palette order (every kind; the same
    /// list as [`ActionKind::EVERY`]).
    pub const ALL: [ActionKind; 8] = [
        ActionKind::Message,
        ActionKind::Wait,
        ActionKind::WaitUntil,
        ActionKind::WaitUntilTime,
        ActionKind::Branch,
        ActionKind::IfThen,
        ActionKind::AbTest,
        ActionKind::ChannelOptimization,
    ];

    /// Every kind there is.
    pub const EVERY: [ActionKind; 8] = [
        ActionKind::Message,
        ActionKind::Wait,
        ActionKind::WaitUntil,
        ActionKind::WaitUntilTime,
        ActionKind::Branch,
        ActionKind::IfThen,
        ActionKind::AbTest,
        ActionKind::ChannelOptimization,
    ];

    /// The kind's name in the marketer's words.
    pub fn label(self) -> &'static str {
        match self {
            ActionKind::Message => "Message",
            ActionKind::Wait => "Wait",
            ActionKind::WaitUntil => "Wait until",
            ActionKind::WaitUntilTime => "Wait until time of day",
            ActionKind::Branch => "Attribute branch",
            ActionKind::IfThen => "If/then",
            ActionKind::AbTest => "A/B test",
            ActionKind::ChannelOptimization => "Channel optimization",
        }
    }
}

/// One way out of a step: a label for the canvas and the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// "next", "yes", "no", a variant name, a rule, or "otherwise".
    pub label: String,
    /// The step it leads to, or `None` for the end of the path.
    pub target: Option<StepId>,
}

impl Action {
    /// The kind of this action.
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Message { .. } => ActionKind::Message,
            Action::Wait { .. } => ActionKind::Wait,
            Action::WaitUntil { .. } => ActionKind::WaitUntil,
            Action::WaitUntilTime { .. } => ActionKind::WaitUntilTime,
            Action::Branch { .. } => ActionKind::Branch,
            Action::IfThen { .. } => ActionKind::IfThen,
            Action::AbTest { .. } => ActionKind::AbTest,
            Action::ChannelOptimization { .. } => ActionKind::ChannelOptimization,
        }
    }

    /// The outputs of this step in a fixed order (the order of the ports).
    pub fn outputs(&self) -> Vec<Output> {
        let out = |label: &str, target: Option<StepId>| Output {
            label: label.to_owned(),
            target,
        };
        match self {
            Action::Message { next, .. }
            | Action::Wait { next, .. }
            | Action::WaitUntil { next, .. }
            | Action::WaitUntilTime { next, .. }
            | Action::ChannelOptimization { next, .. } => vec![out("next", *next)],
            Action::Branch { rules, otherwise } => {
                let mut v: Vec<Output> = rules
                    .iter()
                    .map(|r| out(&r.when.describe(), r.next))
                    .collect();
                v.push(out("otherwise", *otherwise));
                v
            }
            Action::IfThen { yes, no, .. } => vec![out("yes", *yes), out("no", *no)],
            Action::AbTest { variants, .. } => variants
                .iter()
                .map(|v| out(&format!("{} {}%", v.name, trim_float(v.percent)), v.next))
                .collect(),
        }
    }

    /// The target of output `index` (see [`Action::outputs`]), mutably.
    pub fn output_mut(&mut self, index: usize) -> Option<&mut Option<StepId>> {
        match self {
            Action::Message { next, .. }
            | Action::Wait { next, .. }
            | Action::WaitUntil { next, .. }
            | Action::WaitUntilTime { next, .. }
            | Action::ChannelOptimization { next, .. } => (index == 0).then_some(next),
            Action::Branch { rules, otherwise } => match index.cmp(&rules.len()) {
                std::cmp::Ordering::Less => rules.get_mut(index).map(|r| &mut r.next),
                std::cmp::Ordering::Equal => Some(otherwise),
                std::cmp::Ordering::Greater => None,
            },
            Action::IfThen { yes, no, .. } => match index {
                0 => Some(yes),
                1 => Some(no),
                _ => None,
            },
            Action::AbTest { variants, .. } => variants.get_mut(index).map(|v| &mut v.next),
        }
    }

    /// Every step this step can lead to (with repeats, in output order).
    pub fn targets(&self) -> Vec<StepId> {
        self.outputs()
            .into_iter()
            .filter_map(|o| o.target)
            .collect()
    }

    /// The step this action's event refers to, if any (if/then on a message).
    pub fn event_step(&self) -> Option<StepId> {
        match self {
            Action::IfThen { event, .. } => event.step(),
            _ => None,
        }
    }
}

/// Formats a float without a trailing `.0` ("50", "33.5").
pub fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A message channel.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// Email.
    Email,
    /// Text message.
    Sms,
    /// Mobile push notification.
    Push,
    /// A channel of the user's own, by name.
    Custom(String),
}

impl Channel {
    /// The name used in the JSON report: `Email`, `Sms`, `Push` or `Custom:NAME`.
    pub fn json_name(&self) -> String {
        match self {
            Channel::Email => "Email".to_owned(),
            Channel::Sms => "Sms".to_owned(),
            Channel::Push => "Push".to_owned(),
            Channel::Custom(name) => format!("Custom:{name}"),
        }
    }

    /// The name shown to the marketer.
    pub fn label(&self) -> String {
        match self {
            Channel::Email => "Email".to_owned(),
            Channel::Sms => "SMS".to_owned(),
            Channel::Push => "Push".to_owned(),
            Channel::Custom(name) => name.clone(),
        }
    }
}

/// Something an if/then step waits for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The customer performs a trigger.
    Trigger(String),
    /// The customer joins a segment (or already is a member).
    JoinedSegment(String),
    /// A message of an earlier step was delivered.
    Delivered(StepId),
    /// A message of an earlier step was opened.
    Opened(StepId),
    /// A message of an earlier step was clicked.
    Clicked(StepId),
}

impl Event {
    /// The message step the event refers to, if it is an interaction.
    pub fn step(&self) -> Option<StepId> {
        match self {
            Event::Delivered(id) | Event::Opened(id) | Event::Clicked(id) => Some(*id),
            Event::Trigger(_) | Event::JoinedSegment(_) => None,
        }
    }
}

/// A rule of an attribute branch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The condition on the customer.
    pub when: Condition,
    /// Where matching customers go.
    pub next: Option<StepId>,
}

/// A condition on a customer's attributes or segments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Member of the segment.
    InSegment(String),
    /// Attribute equals the text.
    Equals(String, String),
    /// Numeric attribute strictly above the number.
    Above(String, f64),
    /// Numeric attribute strictly below the number.
    Below(String, f64),
}

impl Condition {
    /// The condition in words, e.g. "country = DE".
    pub fn describe(&self) -> String {
        match self {
            Condition::InSegment(s) => format!("in {s}"),
            Condition::Equals(a, v) => format!("{a} = {v}"),
            Condition::Above(a, x) => format!("{a} > {}", trim_float(*x)),
            Condition::Below(a, x) => format!("{a} < {}", trim_float(*x)),
        }
    }
}

/// One variant of an A/B test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// The variant's name (unique within the step).
    pub name: String,
    /// Share of customers, in percent.
    pub percent: f64,
    /// Where its customers go.
    pub next: Option<StepId>,
}

/// When an A/B test picks its winner (S12).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decide {
    /// The span after the version goes live.
    pub after: Span,
    /// The variant used when the result is inconclusive.
    pub default_variant: String,
}
