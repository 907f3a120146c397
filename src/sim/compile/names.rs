//! Names the design and scenario use, resolved to indices for the compiled journey.
//!
//! Only what the journey can observe gets an index (see `population`): segments and
//! triggers the design names, segments `segment_channels` overrides a channel for, and
//! whatever the `when` of such a segment names in turn. Indices follow name order.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::time_zone::{TIME_ZONE_ATTRIBUTE, UTC_NAME};
use crate::model::{Action, Audience, Condition, Dist, Event, Journey, Scenario};
use crate::sim::compiled;

/// Index lookup for names, built from a sorted set.
pub struct NameIndex(BTreeMap<String, usize>);

impl NameIndex {
    /// Indices in name order.
    pub fn new(set: BTreeSet<String>) -> Self {
        NameIndex(set.into_iter().enumerate().map(|(i, n)| (n, i)).collect())
    }

    /// The index of `name`.
    pub fn get(&self, name: &str) -> usize {
        // Every name was inserted while collecting; fall back to 0 defensively.
        self.0.get(name).copied().unwrap_or(0)
    }

    /// Whether `name` has an index.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

/// Names the design and scenario use, collected before indexing.
#[derive(Default)]
pub struct UsedNames {
    /// Segment names.
    pub segments: BTreeSet<String>,
    /// Trigger names.
    pub triggers: BTreeSet<String>,
    /// Attribute names.
    pub attributes: BTreeSet<String>,
}

impl UsedNames {
    /// Every name the simulated versions, the journey and the scenario's segment models use.
    pub fn collect(journey: &Journey, simulated: &[usize]) -> Self {
        let mut used = UsedNames::default();
        used.journey_settings(journey);
        for &version in simulated {
            for step in journey.versions[version].steps.values() {
                used.action(&step.action);
            }
        }
        used.close_over_segment_conditions(journey);
        used
    }

    /// Exclusion and suppression segments, exit triggers, the goal, the audience trigger
    /// and the segments with channel overrides.
    fn journey_settings(&mut self, journey: &Journey) {
        let scenario = &journey.scenario;
        self.segments
            .extend(journey.start.exclude_segments.iter().cloned());
        self.segments
            .extend(journey.end.suppression_segments.iter().cloned());
        self.triggers
            .extend(journey.end.exit_triggers.iter().cloned());
        if let Some(goal) = &journey.goal {
            self.triggers.insert(goal.trigger.clone());
        }
        if let Audience::Trigger(trigger) = &journey.start.audience
            && scenario.triggers.contains_key(trigger)
        {
            self.triggers.insert(trigger.clone());
        }
        for (segment, channels) in &scenario.segment_channels {
            if !channels.is_empty() && scenario.segments.contains_key(segment) {
                self.segments.insert(segment.clone());
            }
        }
    }

    /// What a step's conditions and events name.
    fn action(&mut self, action: &Action) {
        match action {
            Action::Branch { rules, .. } => rules.iter().for_each(|r| self.condition(&r.when)),
            Action::IfThen {
                event: Event::Trigger(trigger),
                ..
            } => {
                self.triggers.insert(trigger.clone());
            }
            Action::IfThen {
                event: Event::JoinedSegment(segment),
                ..
            } => {
                self.segments.insert(segment.clone());
            }
            _ => {}
        }
    }

    /// Segments whose `when` names other segments or attributes: adds those, until
    /// nothing new comes in.
    fn close_over_segment_conditions(&mut self, journey: &Journey) {
        loop {
            let before = (self.segments.len(), self.attributes.len());
            let segments: Vec<String> = self.segments.iter().cloned().collect();
            for segment in segments {
                if let Some(Some(when)) = journey.scenario.segments.get(&segment).map(|m| &m.when) {
                    self.condition(when);
                }
            }
            if (self.segments.len(), self.attributes.len()) == before {
                break;
            }
        }
    }

    fn condition(&mut self, condition: &Condition) {
        match condition {
            Condition::InSegment(segment) => {
                self.segments.insert(segment.clone());
            }
            Condition::Equals(attribute, _)
            | Condition::Above(attribute, _)
            | Condition::Below(attribute, _) => {
                self.attributes.insert(attribute.clone());
            }
        }
    }
}

/// Name lookups: segments, attributes and triggers to indices, conditions to compiled ones.
pub struct Resolver<'a> {
    /// Segments.
    pub segments: NameIndex,
    /// Attributes.
    pub attributes: NameIndex,
    /// Triggers.
    pub triggers: NameIndex,
    /// The scenario's attribute distributions.
    pub distributions: &'a BTreeMap<String, Dist>,
    /// The zones customers live in ("UTC" without `time_zones`), S22.
    pub zones: Vec<String>,
}

impl<'a> Resolver<'a> {
    /// Indices for the `used` names.
    pub fn new(used: &UsedNames, scenario: &'a Scenario) -> Self {
        let zones = if scenario.time_zones.is_empty() {
            vec![UTC_NAME.to_owned()]
        } else {
            scenario.time_zones.iter().map(|(z, _)| z.clone()).collect()
        };
        Resolver {
            segments: NameIndex::new(used.segments.clone()),
            attributes: NameIndex::new(used.attributes.clone()),
            triggers: NameIndex::new(used.triggers.clone()),
            distributions: &scenario.attributes,
            zones,
        }
    }

    /// A condition on the customer's zone, when `name` means it (S22): `time_zone`
    /// without an attribute of that name. Only equality can hold.
    fn zone_condition(&self, condition: &Condition) -> Option<compiled::Condition> {
        let (name, zone) = match condition {
            Condition::Equals(name, value) => (name, self.zones.iter().position(|z| z == value)),
            Condition::Above(name, _) | Condition::Below(name, _) => (name, None),
            Condition::InSegment(_) => return None,
        };
        (name == TIME_ZONE_ATTRIBUTE && !self.distributions.contains_key(name))
            .then_some(compiled::Condition::ZoneIs { zone })
    }

    /// A condition with names resolved.
    pub fn condition(&self, condition: &Condition) -> compiled::Condition {
        if let Some(zone) = self.zone_condition(condition) {
            return zone;
        }
        let attribute = |name: &str| self.attributes.get(name);
        match condition {
            Condition::InSegment(segment) => compiled::Condition::InSegment {
                segment: self.segments.get(segment),
            },
            Condition::Equals(name, value) => match self.distributions.get(name) {
                Some(Dist::Choice(choices)) => compiled::Condition::ChoiceIs {
                    attribute: attribute(name),
                    choice: choices.iter().position(|(choice, _)| choice == value),
                },
                _ => compiled::Condition::Equals {
                    attribute: attribute(name),
                    number: value.trim().parse().unwrap_or(f64::NAN),
                },
            },
            Condition::Above(name, number) => compiled::Condition::Above {
                attribute: attribute(name),
                number: *number,
            },
            Condition::Below(name, number) => compiled::Condition::Below {
                attribute: attribute(name),
                number: *number,
            },
        }
    }
}
