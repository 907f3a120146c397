//! The journey as data (`assets/docs/format.md`) and its validation. No egui, no files.

mod delivery;
mod journey;
mod scenario;
mod span;
mod step;
pub mod time_zone;
mod unique;
mod validate;

pub use delivery::{Delivery, FrequencyCap, Holdout, LocalTime, QuietAction, QuietHours, Weekday};
pub use journey::{
    Audience, End, FORMAT_VERSION, Goal, Journey, OLDEST_FORMAT, Start, Version, VersionState,
};
pub use scenario::{ChannelModel, Dist, MAX_CUSTOMERS, Scenario, SegmentModel, TriggerModel};
pub use span::{Instant, MAX_SPAN, Span, end_of_day};
pub use step::{
    Action, ActionKind, Channel, Condition, Decide, Event, Output, Rule, Step, StepId, Variant,
    trim_float,
};
pub use validate::{MAX_TRIGGERS_PER_DAY, Problem, ProblemKind, Severity, validate};
