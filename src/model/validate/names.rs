//! Names the design uses that the scenario does not model (warnings).

use std::collections::BTreeSet;

use super::{ProblemKind, Problems, Severity};
use crate::model::time_zone::TIME_ZONE_ATTRIBUTE;
use crate::model::{Action, Audience, Condition, Event, Journey, StepId};

/// A design name the scenario must model, and where it is used.
struct NameUse {
    kind: &'static str,
    name: String,
    version: Option<usize>,
    step: Option<StepId>,
}

pub(super) fn check_names(journey: &Journey, out: &mut Problems) {
    let scenario = &journey.scenario;
    let audience = match &journey.start.audience {
        Audience::Segment(s) => ("segment", s.as_str()),
        Audience::Trigger(t) => ("trigger", t.as_str()),
    };
    let mut reported = BTreeSet::new();
    for u in name_uses(journey) {
        let modelled = match u.kind {
            "segment" => scenario.segments.contains_key(&u.name),
            "trigger" => scenario.triggers.contains_key(&u.name),
            // Every customer has a time zone (UTC without `time_zones`, S22).
            _ => scenario.attributes.contains_key(&u.name) || u.name == TIME_ZONE_ATTRIBUTE,
        };
        let is_audience = (u.kind, u.name.as_str()) == audience;
        if modelled || is_audience || !reported.insert((u.kind, u.name.clone(), u.version, u.step))
        {
            continue;
        }
        let message = format!(
            "the {} '{}' is not in the scenario: add a model for it to simulate the journey",
            u.kind, u.name
        );
        match (u.version, u.step) {
            (Some(no), Some(id)) => {
                let version = &journey.versions[no - 1];
                out.step(
                    Severity::Warning,
                    ProblemKind::Unmodelled,
                    (no, version),
                    id,
                    message,
                );
            }
            _ => out.journey(Severity::Warning, ProblemKind::Unmodelled, message),
        }
    }
}

/// Every name the design uses: the journey's own (start, end, goal, segment
/// conditions of the scenario), then each step's, version by version.
fn name_uses(journey: &Journey) -> Vec<NameUse> {
    let mut uses: Vec<NameUse> = Vec::new();
    let journey_use = |kind, name: &String| NameUse {
        kind,
        name: name.clone(),
        version: None,
        step: None,
    };
    for s in &journey.start.exclude_segments {
        uses.push(journey_use("segment", s));
    }
    for s in &journey.end.suppression_segments {
        uses.push(journey_use("segment", s));
    }
    for t in &journey.end.exit_triggers {
        uses.push(journey_use("trigger", t));
    }
    if let Some(goal) = &journey.goal {
        uses.push(journey_use("trigger", &goal.trigger));
    }
    for model in journey.scenario.segments.values() {
        if let Some(condition) = &model.when {
            push_condition(condition, None, None, &mut uses);
        }
    }
    for (index, version) in journey.versions.iter().enumerate() {
        for (&id, step) in &version.steps {
            push_step(&step.action, index + 1, id, &mut uses);
        }
    }
    uses
}

/// The names one step's action uses.
fn push_step(action: &Action, version: usize, step: StepId, uses: &mut Vec<NameUse>) {
    let (v, s) = (Some(version), Some(step));
    let (kind, name) = match action {
        Action::Branch { rules, .. } => {
            for rule in rules {
                push_condition(&rule.when, v, s, uses);
            }
            return;
        }
        Action::IfThen {
            event: Event::Trigger(t),
            ..
        } => ("trigger", t),
        Action::IfThen {
            event: Event::JoinedSegment(g),
            ..
        } => ("segment", g),
        _ => return,
    };
    uses.push(NameUse {
        kind,
        name: name.clone(),
        version: v,
        step: s,
    });
}

fn push_condition(
    condition: &Condition,
    version: Option<usize>,
    step: Option<StepId>,
    uses: &mut Vec<NameUse>,
) {
    let (kind, name) = match condition {
        Condition::InSegment(s) => ("segment", s),
        Condition::Equals(a, _) | Condition::Above(a, _) | Condition::Below(a, _) => {
            ("attribute", a)
        }
    };
    uses.push(NameUse {
        kind,
        name: name.clone(),
        version,
        step,
    });
}
