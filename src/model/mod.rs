//! The journey as data (`assets/docs/format.md`) and its validation. No egui, no files.

mod journey;
mod scenario;
mod span;
mod step;
mod unique;
mod validate;

pub use journey::{Audience, End, FORMAT_VERSION, Goal, Journey, Start, Version, VersionState};
pub use scenario::{ChannelModel, Dist, MAX_CUSTOMERS, Scenario, SegmentModel, TriggerModel};
pub use span::{Instant, MAX_SPAN, Span};
pub use step::{
    Action, ActionKind, Channel, Condition, Decide, Event, Output, Rule, Step, StepId, Variant,
    trim_float,
};
pub use validate::{MAX_TRIGGERS_PER_DAY, Problem, ProblemKind, Severity, validate};
