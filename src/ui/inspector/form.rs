//! What every form reads (the journey, names, its problems) and the one
//! place its commands go.
//!
//! A form edits a draft of its part of the journey with the field builders
//! of [`super::widgets`], then commits the draft: one finished field edit is
//! one [`Command`], hence one undo step.
//!
//! ```ignore
//! let old = &form.journey.end;
//! let mut end = old.clone();
//! ListEditor::new("exit trigger")
//!     .known(&form.names.known_triggers)
//!     .show(ui, &mut end.exit_triggers);
//! form.commit(old, end, Command::SetEnd);
//! ```
//!
//! Sub-forms (`*_ui` taking `&mut` a part of the draft) edit in place the
//! same way; they never push commands. Actions that are not field edits
//! (stop a version, make a step the first) use [`Form::push`].

use std::collections::BTreeMap;

use egui::Ui;

use super::step::{PlannerIntent, PlannerView};
use super::widgets::{differs, problems_ui};
use crate::edit::{Command, ModelUse};
use crate::model::{Dist, Journey, Problem, Scenario};

/// A form's context: what it reads, and the commands its edits produced.
pub(crate) struct Form<'a> {
    /// The journey shown.
    pub journey: &'a Journey,
    /// The names to suggest and check.
    pub names: &'a Names,
    /// The problems this form shows.
    pub problems: &'a [&'a Problem],
    /// A draft of the scenario for "Model it" and the rates shown in place
    /// (`super::models`); committed last, as one `SetScenario`.
    pub scenario: Scenario,
    /// What the selected step's A/B planner shows.
    pub planner: Option<PlannerView<'a>>,
    /// What the A/B planner asked for this frame.
    pub planner_intent: Option<PlannerIntent>,
    /// The commands so far, in order.
    out: Vec<Command>,
}

impl<'a> Form<'a> {
    /// A form of `journey` showing `problems`.
    pub fn new(journey: &'a Journey, names: &'a Names, problems: &'a [&'a Problem]) -> Self {
        Form {
            journey,
            names,
            problems,
            scenario: journey.scenario.clone(),
            planner: None,
            planner_intent: None,
            out: Vec::new(),
        }
    }

    /// Shows the form's problems (errors red, warnings amber).
    pub fn problems_ui(&self, ui: &mut Ui) {
        problems_ui(ui, self.problems);
    }

    /// An action that is not a field edit (stop a version, make a step the first).
    pub fn push(&mut self, command: Command) {
        self.out.push(command);
    }

    /// Pushes `command(new)` when the draft `new` differs from `old`.
    pub fn commit<T: PartialEq + serde::Serialize>(
        &mut self,
        old: &T,
        new: T,
        command: impl FnOnce(T) -> Command,
    ) {
        if differs(&new, old) {
            self.out.push(command(new));
        }
    }

    /// The commands the edits produced, in order (a change to the scenario
    /// draft last).
    pub fn into_commands(mut self) -> Vec<Command> {
        let scenario = std::mem::take(&mut self.scenario);
        self.commit(&self.journey.scenario, scenario, Command::SetScenario);
        self.out
    }
}

/// Names the forms suggest and check: those used in the design and those
/// the scenario models.
pub(crate) struct Names {
    /// Segment names used anywhere (design and scenario), sorted.
    pub segments: Vec<String>,
    /// Trigger names used anywhere, sorted.
    pub triggers: Vec<String>,
    /// Segment names the scenario models.
    pub known_segments: Vec<String>,
    /// Trigger names the scenario models.
    pub known_triggers: Vec<String>,
    /// Attribute names the scenario models.
    pub attributes: Vec<String>,
    /// The values of each attribute that is a choice.
    pub attribute_values: BTreeMap<String, Vec<String>>,
    /// The goal trigger, exit triggers and suppression segments: the names
    /// whose model starts other than a plain trigger's or segment's.
    special: BTreeMap<String, ModelUse>,
}

impl Names {
    /// How a trigger (`trigger`) or segment named `name` is used, for the
    /// model the Scenario tab's "Add" starts it with.
    pub fn usage(&self, name: &str, trigger: bool) -> ModelUse {
        match self.special.get(name) {
            Some(usage) if usage.is_trigger() == trigger => *usage,
            _ if trigger => ModelUse::EventTrigger,
            _ => ModelUse::Segment,
        }
    }

    /// The names of `journey`.
    pub fn of(journey: &Journey) -> Names {
        let known_segments: Vec<String> = journey.scenario.segments.keys().cloned().collect();
        let known_triggers: Vec<String> = journey.scenario.triggers.keys().cloned().collect();
        let merge = |mut a: Vec<String>, b: &[String]| {
            a.extend(b.iter().cloned());
            a.retain(|n| !n.trim().is_empty());
            a.sort();
            a.dedup();
            a
        };
        let mut special = BTreeMap::new();
        for name in &journey.end.suppression_segments {
            special.insert(name.clone(), ModelUse::SuppressionSegment);
        }
        for name in &journey.end.exit_triggers {
            special.insert(name.clone(), ModelUse::ExitTrigger);
        }
        if let Some(goal) = &journey.goal {
            special.insert(goal.trigger.clone(), ModelUse::GoalTrigger);
        }
        Names {
            special,
            segments: merge(journey.segment_names(), &known_segments),
            triggers: merge(journey.trigger_names(), &known_triggers),
            known_segments,
            known_triggers,
            attributes: journey.scenario.attributes.keys().cloned().collect(),
            attribute_values: journey
                .scenario
                .attributes
                .iter()
                .filter_map(|(name, dist)| match dist {
                    Dist::Choice(values) => Some((
                        name.clone(),
                        values.iter().map(|(v, _)| v.clone()).collect(),
                    )),
                    Dist::Range(..) => None,
                })
                .collect(),
        }
    }
}
