//! `validate()`: every rule of the Validation section of `assets/docs/format.md`.
//!
//! Errors make the simulator refuse a journey; warnings are shown and the
//! design is kept and simulated. Each problem names the version and step it
//! concerns, in the marketer's words.

mod delivery;
mod names;
mod scenario;
mod steps;
mod versions;

pub use scenario::MAX_TRIGGERS_PER_DAY;

use super::journey::{FORMAT_VERSION, Journey, Version};
use super::span::{MAX_SPAN, Span};
use super::step::StepId;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The design is kept and simulated.
    Warning,
    /// The simulator refuses the journey.
    Error,
}

/// Which rule a problem breaks (one per rule of the format's Validation section).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// `format` is not one this release knows.
    UnsupportedFormat,
    /// The journey has no version.
    NoVersions,
    /// `first_step` names no step.
    MissingFirstStep,
    /// A `next` (or yes/no/otherwise/variant target) names no step.
    MissingNext,
    /// An event names a step that is missing or not a message.
    EventNotMessage,
    /// A cycle with no `Wait` of positive span.
    InstantCycle,
    /// A/B percentages do not add up to 100.
    AbPercentSum,
    /// An A/B percentage below 0 or above 100.
    AbPercentRange,
    /// An A/B step with no variant.
    AbNoVariants,
    /// Two variants with the same name.
    AbDuplicateVariant,
    /// The decision's default variant is not a variant.
    AbUnknownDefault,
    /// A channel-optimization step with no channel.
    NoChannels,
    /// The end date is before the start.
    EndBeforeStart,
    /// Version 1 published at another instant than the start.
    FirstVersionPublishedElsewhere,
    /// Versions whose `published_at` do not increase.
    VersionsNotIncreasing,
    /// A draft that is not the last version.
    DraftNotLast,
    /// A version published after the newest one was stopped.
    PublishedAfterStop,
    /// A version stopped before it was published (or a stopped draft).
    StoppedBeforePublished,
    /// A probability outside 0..=1.
    Probability,
    /// A negative (or non-numeric) rate.
    NegativeRate,
    /// A trigger rate above the product's maximum ([`MAX_TRIGGERS_PER_DAY`](scenario::MAX_TRIGGERS_PER_DAY)).
    RateTooHigh,
    /// Choice weights negative or summing to 0.
    ChoiceWeights,
    /// A range whose low end is above its high end.
    RangeBounds,
    /// More customers than the product's maximum.
    TooManyCustomers,
    /// A step no path reaches (warning).
    Unreachable,
    /// `arrivals_over` longer than `horizon` (warning).
    ArrivalsLongerThanHorizon,
    /// A name the scenario does not model (warning; the simulator refuses).
    Unmodelled,
    /// A span longer than [`MAX_SPAN`], the longest the product handles.
    SpanTooLong,
    /// Quiet hours whose start and end are the same time (S18).
    QuietHoursEmpty,
    /// A quiet-hours rule names a channel no message of the journey uses (warning).
    QuietHoursUnusedChannel,
    /// A frequency cap with `max` 0 (S19).
    CapMax,
    /// A frequency cap with a zero (or too long) window (S19).
    CapWindow,
    /// A frequency cap no message reaches: every message it covers is transactional,
    /// or none is on its channels (warning).
    CapUnreachable,
    /// A holdout percent outside 0 < p < 100 (S23).
    HoldoutPercent,
    /// A holdout with a zero (or too long) measuring window (S23).
    HoldoutWindow,
    /// A holdout with re-entry mixes the groups (warning).
    HoldoutWithReentry,
    /// A holdout without a goal measures nothing (warning).
    HoldoutWithoutGoal,
    /// A time zone name that is not in the time zone database (S22).
    UnknownTimeZone,
    /// Time-zone weights negative or summing to 0 (S22).
    TimeZoneWeights,
    /// An attribute named `time_zone` together with `time_zones` (S22).
    TimeZoneAttribute,
    /// An instant outside the years 1 to 9999 (a file may hold any year
    /// chrono reads; the simulator counts hours past them).
    InstantOutOfRange,
}

/// One problem found by [`validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The rule broken.
    pub kind: ProblemKind,
    /// The version concerned, numbered from 1.
    pub version: Option<usize>,
    /// The step concerned.
    pub step: Option<StepId>,
    /// That step's name.
    pub step_name: Option<String>,
    /// What is wrong, in the marketer's words.
    pub message: String,
}

impl Problem {
    /// Where the problem is: "version 2, step 7 'Coupon'", "step 7 'Coupon'", "journey".
    ///
    /// The version is named only when the journey has several (`several_versions`).
    pub fn location(&self, several_versions: bool) -> String {
        let mut parts = Vec::new();
        if let (true, Some(v)) = (several_versions, self.version) {
            parts.push(format!("version {v}"));
        }
        if let Some(id) = self.step {
            match &self.step_name {
                Some(name) => parts.push(format!("step {id} '{name}'")),
                None => parts.push(format!("step {id}")),
            }
        }
        if parts.is_empty() {
            "journey".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// True for an error (the simulator refuses).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let several = self.version.is_some_and(|v| v > 1);
        let prefix = if self.is_error() { "" } else { "warning: " };
        write!(f, "{}: {prefix}{}", self.location(several), self.message)
    }
}

/// Checks a journey against every rule of the Validation section of `assets/docs/format.md`.
pub fn validate(journey: &Journey) -> Vec<Problem> {
    let mut out = Problems::default();
    if journey.format == 0 || journey.format > FORMAT_VERSION {
        out.journey(
            Severity::Error,
            ProblemKind::UnsupportedFormat,
            format!(
                "format {} is not one this release reads (it reads format {FORMAT_VERSION})",
                journey.format
            ),
        );
    }
    versions::check_dates_and_versions(journey, &mut out);
    for (index, version) in journey.versions.iter().enumerate() {
        steps::check_version(index + 1, version, &mut out);
    }
    scenario::check_scenario(journey, &mut out);
    names::check_names(journey, &mut out);
    delivery::check_delivery(journey, &mut out);
    delivery::check_time_zones(journey, &mut out);
    out.list
}

/// The problems found so far; the checks in the submodules push onto it.
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// A problem of the journey as a whole.
    fn journey(&mut self, severity: Severity, kind: ProblemKind, message: String) {
        self.list.push(Problem {
            severity,
            kind,
            version: None,
            step: None,
            step_name: None,
            message,
        });
    }

    /// An error of one version (numbered from 1).
    fn version(&mut self, version: usize, kind: ProblemKind, message: String) {
        self.list.push(Problem {
            severity: Severity::Error,
            kind,
            version: Some(version),
            step: None,
            step_name: None,
            message,
        });
    }

    /// A problem of one step of one version.
    fn step(
        &mut self,
        severity: Severity,
        kind: ProblemKind,
        (version_no, version): (usize, &Version),
        id: StepId,
        message: String,
    ) {
        self.list.push(Problem {
            severity,
            kind,
            version: Some(version_no),
            step: Some(id),
            step_name: version.steps.get(&id).map(|s| s.name.clone()),
            message,
        });
    }
}

/// True for a span longer than [`MAX_SPAN`].
fn too_long(span: Span) -> bool {
    span.seconds() > MAX_SPAN.seconds()
}

/// Why a span is refused, for the message.
fn too_long_reason() -> String {
    format!("longer than {MAX_SPAN}, the longest span Journey Designer handles")
}

/// Flags a journey-level span longer than [`MAX_SPAN`].
fn check_span(what: &str, span: Span, out: &mut Problems) {
    if too_long(span) {
        out.journey(
            Severity::Error,
            ProblemKind::SpanTooLong,
            format!("{what} is {span}: {}", too_long_reason()),
        );
    }
}
