//! The journey: start, end rules, goal, versions and scenario.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::delivery::{Delivery, Holdout};
use super::scenario::Scenario;
use super::span::{Instant, Span};
use super::step::{Step, StepId};

/// The file format version this release writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest file format this release reads.
pub const OLDEST_FORMAT: u32 = 1;

/// A whole journey, as saved in a `.journey.ron` file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// File format version; always the first field.
    pub format: u32,
    /// The journey's name.
    pub name: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Who enters, and from when.
    pub start: Start,
    /// Exit rules and end date.
    #[serde(default, skip_serializing_if = "End::is_empty")]
    pub end: End,
    /// The goal trigger (S11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// Quiet hours and frequency caps (S18, S19), for every version.
    #[serde(default, skip_serializing_if = "Delivery::is_empty")]
    pub delivery: Delivery,
    /// The share of entries held out to measure the journey's lift (S23).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holdout: Option<Holdout>,
    /// Versions, oldest first; the last is the one the canvas edits.
    pub versions: Vec<Version>,
    /// The population the simulator runs by default.
    #[serde(default)]
    pub scenario: Scenario,
}

/// Who arrives and when the journey goes live.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// Members of a segment, or those who perform a trigger.
    pub audience: Audience,
    /// When version 1 goes live.
    pub starts_at: Instant,
    /// Members of these at arrival do not enter (S2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_segments: Vec<String>,
    /// Whether a customer may enter more than once (S2b, S17).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reentry: bool,
}

/// The start audience.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Audience {
    /// Members of a segment.
    Segment(String),
    /// Customers who perform a trigger.
    Trigger(String),
}

impl Audience {
    /// The segment or trigger name.
    pub fn name(&self) -> &str {
        match self {
            Audience::Segment(s) | Audience::Trigger(s) => s,
        }
    }
}

/// The journey's exit rules.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct End {
    /// Performing any of these exits the journey (S5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exit_triggers: Vec<String>,
    /// Being or becoming a member of any of these exits the journey (S4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppression_segments: Vec<String>,
    /// No one enters at or after this instant (S6).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Instant>,
}

impl End {
    /// True when no exit rule and no end date is set.
    pub fn is_empty(&self) -> bool {
        *self == End::default()
    }
}

/// The journey goal (S11).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The trigger that counts as a conversion.
    pub trigger: String,
    /// Target goal rate in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_percent: Option<f64>,
    /// How long after completing the journey a conversion still counts.
    #[serde(default = "three_days", skip_serializing_if = "is_three_days")]
    pub attribution: Span,
}

impl Goal {
    /// A goal on `trigger` with no target and the default attribution window.
    pub fn new(trigger: impl Into<String>) -> Self {
        Goal {
            trigger: trigger.into(),
            target_percent: None,
            attribution: three_days(),
        }
    }
}

fn three_days() -> Span {
    Span::Days(3)
}
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_three_days(s: &Span) -> bool {
    *s == three_days()
}

/// One published (or draft) version of the journey's steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// When it went live; `None` for version 1 means `start.starts_at`, later a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<Instant>,
    /// When it was stopped (S7), final.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<Instant>,
    /// The step customers enter on.
    pub first_step: StepId,
    /// The steps, by id.
    #[serde(deserialize_with = "super::unique::map")]
    pub steps: BTreeMap<StepId, Step>,
}

impl Version {
    /// The id for a new step: one past the largest (1 in an empty version),
    /// or, when the largest is `u32::MAX` (a file may say so), the smallest unused.
    pub fn next_free_id(&self) -> StepId {
        self.free_ids(1)
            .first()
            .copied()
            .unwrap_or(StepId(u32::MAX))
    }

    /// `n` distinct ids no step uses: past the largest while they last, then
    /// the unused ones below it (fewer than `n` only if every id is taken).
    pub fn free_ids(&self, n: usize) -> Vec<StepId> {
        let largest = self.steps.keys().next_back().map_or(0, |id| id.0);
        let above = largest
            .checked_add(1)
            .map(|a| a..=u32::MAX)
            .into_iter()
            .flatten();
        let below = (1..largest).filter(|i| !self.steps.contains_key(&StepId(*i)));
        above.chain(below).take(n).map(StepId).collect()
    }
}

/// Where a version stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionState {
    /// Not published: edited on the canvas, not simulated.
    Draft,
    /// Live from the instant.
    Live(Instant),
    /// Went live, then stopped; final.
    Stopped {
        /// When it went live.
        live: Instant,
        /// When it was stopped.
        stopped: Instant,
    },
}

impl Journey {
    /// The instant version `index` (0-based) went live, or `None` for a draft.
    pub fn live_at(&self, index: usize) -> Option<Instant> {
        let version = self.versions.get(index)?;
        match (index, version.published_at) {
            (0, None) => Some(self.start.starts_at),
            (_, at) => at,
        }
    }

    /// The state of version `index` (0-based).
    pub fn version_state(&self, index: usize) -> VersionState {
        match (
            self.live_at(index),
            self.versions.get(index).and_then(|v| v.stopped_at),
        ) {
            (None, _) => VersionState::Draft,
            (Some(live), None) => VersionState::Live(live),
            (Some(live), Some(stopped)) => VersionState::Stopped { live, stopped },
        }
    }

    /// The index (0-based) of the version the canvas edits: the last one,
    /// `None` when the journey has no version.
    pub fn current_index(&self) -> Option<usize> {
        self.versions.len().checked_sub(1)
    }

    /// The version the canvas edits (the last one).
    pub fn current_version(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// Every segment name the journey's design uses (not the scenario's), sorted.
    pub fn segment_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        if let Audience::Segment(s) = &self.start.audience {
            names.push(s.clone());
        }
        names.extend(self.start.exclude_segments.iter().cloned());
        names.extend(self.end.suppression_segments.iter().cloned());
        for version in &self.versions {
            for step in version.steps.values() {
                match &step.action {
                    super::Action::Branch { rules, .. } => {
                        for rule in rules {
                            if let super::Condition::InSegment(s) = &rule.when {
                                names.push(s.clone());
                            }
                        }
                    }
                    super::Action::IfThen {
                        event: super::Event::JoinedSegment(s),
                        ..
                    } => names.push(s.clone()),
                    _ => {}
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// Every trigger name the journey's design uses, sorted.
    pub fn trigger_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        if let Audience::Trigger(t) = &self.start.audience {
            names.push(t.clone());
        }
        names.extend(self.end.exit_triggers.iter().cloned());
        if let Some(goal) = &self.goal {
            names.push(goal.trigger.clone());
        }
        for version in &self.versions {
            for step in version.steps.values() {
                if let super::Action::IfThen {
                    event: super::Event::Trigger(t),
                    ..
                } = &step.action
                {
                    names.push(t.clone());
                }
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// A new, valid journey with one email step, starting at `starts_at`.
    pub fn new_empty(name: impl Into<String>, starts_at: Instant) -> Journey {
        let mut steps = BTreeMap::new();
        steps.insert(
            StepId(1),
            Step {
                name: "First email".to_owned(),
                at: (0.0, 0.0),
                action: super::Action::Message {
                    channel: super::Channel::Email,
                    content: String::new(),
                    transactional: false,
                    next: None,
                },
            },
        );
        let mut scenario = Scenario::default();
        scenario.segments.insert(
            "everyone".to_owned(),
            super::SegmentModel {
                share: 1.0,
                ..Default::default()
            },
        );
        Journey {
            format: FORMAT_VERSION,
            name: name.into(),
            description: String::new(),
            start: Start {
                audience: Audience::Segment("everyone".to_owned()),
                starts_at,
                exclude_segments: Vec::new(),
                reentry: false,
            },
            end: End::default(),
            goal: None,
            delivery: Delivery::default(),
            holdout: None,
            versions: vec![Version {
                published_at: None,
                stopped_at: None,
                first_step: StepId(1),
                steps,
            }],
            scenario,
        }
    }
}
