//! The inspector: the side panel's forms for the journey, its start, end
//! rules, goal, scenario and the selected step.
//!
//! It reads the journey and returns [`Command`]s; the app applies them to its
//! `edit::Document`, which gives undo. Each finished field edit (Enter, focus
//! lost, drag released, a choice made) is one command, never one per keystroke.
//!
//! ```ignore
//! let commands = inspector_ui(ui, &mut self.inspector, doc.journey(), version, selected);
//! for command in commands {
//!     if let Err(e) = doc.apply(command) { /* show e to the user */ }
//! }
//! ```

mod conditions;
mod end;
mod goal;
mod journey;
mod scenario;
mod scenario_tables;
mod start;
mod step;
mod step_outputs;
pub mod widgets;

#[cfg(test)]
mod tests;

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::edit::Command;
use crate::model::{Journey, Problem, ProblemKind, StepId, validate};

/// The inspector's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    /// Name, description, versions.
    #[default]
    Journey,
    /// Audience, exclusion, re-entry, start date.
    Start,
    /// Exit triggers, suppression segments, end date, stop.
    End,
    /// Goal trigger, target, attribution window.
    Goal,
    /// The simulated population.
    Scenario,
    /// The selected step.
    Step,
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Tab; 6] = [
        Tab::Journey,
        Tab::Start,
        Tab::End,
        Tab::Goal,
        Tab::Scenario,
        Tab::Step,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::Journey => "Journey",
            Tab::Start => "Start",
            Tab::End => "End",
            Tab::Goal => "Goal",
            Tab::Scenario => "Scenario",
            Tab::Step => "Step",
        }
    }
}

/// The inspector's view state, owned by the app between frames (it may be
/// persisted with eframe storage; it is never part of the journey file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InspectorState {
    /// The tab shown.
    pub tab: Tab,
    /// Which scenario tables are open: attributes, segments, triggers, channel rates.
    pub scenario_tables_open: [bool; 4],
    /// The step selected last frame, to switch to the Step tab when it changes.
    #[serde(skip)]
    last_selected: Option<StepId>,
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
    pub attribute_values: std::collections::BTreeMap<String, Vec<String>>,
}

impl Names {
    fn of(journey: &Journey) -> Names {
        let known_segments: Vec<String> = journey.scenario.segments.keys().cloned().collect();
        let known_triggers: Vec<String> = journey.scenario.triggers.keys().cloned().collect();
        let merge = |mut a: Vec<String>, b: &[String]| {
            a.extend(b.iter().cloned());
            a.retain(|n| !n.trim().is_empty());
            a.sort();
            a.dedup();
            a
        };
        Names {
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
                    crate::model::Dist::Choice(values) => Some((
                        name.clone(),
                        values.iter().map(|(v, _)| v.clone()).collect(),
                    )),
                    crate::model::Dist::Range(..) => None,
                })
                .collect(),
        }
    }
}

/// Which tab shows a problem (`None`: a step of another version).
fn tab_of(problem: &Problem, version_index: usize) -> Option<Tab> {
    if problem.step.is_some() {
        return (problem.version == Some(version_index + 1)).then_some(Tab::Step);
    }
    if problem.version.is_some() {
        return Some(Tab::Journey);
    }
    Some(match problem.kind {
        ProblemKind::EndBeforeStart => Tab::End,
        ProblemKind::UnsupportedFormat | ProblemKind::NoVersions => Tab::Journey,
        _ => Tab::Scenario,
    })
}

/// Draws the inspector and returns the commands the user's edits produced.
///
/// `version_index` is the version shown (0-based, normally the last one);
/// `selected` the step selected on the canvas. When the selection changes to
/// a step, the Step tab opens. A stopped version's step form is read-only,
/// and when the newest version is stopped the start, end and goal are too
/// (S7: a stop is final).
pub fn inspector_ui(
    ui: &mut Ui,
    state: &mut InspectorState,
    journey: &Journey,
    version_index: usize,
    selected: Option<StepId>,
) -> Vec<Command> {
    if selected != state.last_selected {
        if selected.is_some() {
            state.tab = Tab::Step;
        } else if state.tab == Tab::Step {
            state.tab = Tab::Journey;
        }
        state.last_selected = selected;
    }
    let problems = validate(journey);
    let mut out = Vec::new();
    // A tab click takes effect after this frame's form, so that a field being
    // edited still sees its focus leave and commits.
    let next_tab = tab_bar_ui(ui, state, &problems, version_index, selected);
    ui.separator();
    let final_stop = journey
        .versions
        .last()
        .is_some_and(|v| v.stopped_at.is_some());
    egui::ScrollArea::vertical()
        .id_salt(("inspector-scroll", state.tab))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let here: Vec<&Problem> = problems
                .iter()
                .filter(|p| tab_of(p, version_index) == Some(state.tab))
                .filter(|p| state.tab != Tab::Step || p.step == selected)
                .collect();
            let names = Names::of(journey);
            if final_stop && matches!(state.tab, Tab::Start | Tab::End | Tab::Goal) {
                ui.label(
                    RichText::new(
                        "This journey is stopped. A stop is final: copy the design into a new journey to change it.",
                    )
                    .strong(),
                );
            }
            let read_only = final_stop;
            match state.tab {
                Tab::Journey => journey::journey_ui(ui, journey, &here, &mut out),
                Tab::Start => ui
                    .add_enabled_ui(!read_only, |ui| {
                        start::start_ui(ui, journey, &names, &here, &mut out);
                    })
                    .inner,
                Tab::End => ui
                    .add_enabled_ui(!read_only, |ui| {
                        end::end_ui(ui, journey, &names, &here, &mut out);
                    })
                    .inner,
                Tab::Goal => ui
                    .add_enabled_ui(!read_only, |ui| {
                        goal::goal_ui(ui, journey, &names, &here, &mut out);
                    })
                    .inner,
                Tab::Scenario => scenario::scenario_ui(
                    ui,
                    journey,
                    &names,
                    &here,
                    &mut state.scenario_tables_open,
                    &mut out,
                ),
                Tab::Step => step::step_ui(
                    ui,
                    journey,
                    version_index,
                    selected,
                    &names,
                    &here,
                    &mut out,
                ),
            }
        });
    if let Some(tab) = next_tab {
        state.tab = tab;
    }
    out
}

/// The row of tabs; a tab with an error is marked with a red dot, with a
/// warning an amber one. Returns the tab clicked.
fn tab_bar_ui(
    ui: &mut Ui,
    state: &InspectorState,
    problems: &[Problem],
    version_index: usize,
    selected: Option<StepId>,
) -> Option<Tab> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.spacing_mut().button_padding.x = 5.0;
        for tab in Tab::ALL {
            let mine = problems.iter().filter(|p| {
                tab_of(p, version_index) == Some(tab) && (tab != Tab::Step || p.step == selected)
            });
            let (mut errors, mut warnings) = (0, 0);
            for p in mine {
                if p.is_error() {
                    errors += 1;
                } else {
                    warnings += 1;
                }
            }
            if ui.selectable_label(state.tab == tab, tab.title()).clicked() {
                clicked = Some(tab);
            }
            if errors > 0 {
                ui.label(RichText::new("•").color(widgets::ERROR_COLOR).strong())
                    .on_hover_text(format!("{errors} error(s) in {}", tab.title()));
            } else if warnings > 0 {
                ui.label(RichText::new("•").color(widgets::WARNING_COLOR).strong())
                    .on_hover_text(format!("{warnings} warning(s) in {}", tab.title()));
            }
        }
    });
    clicked
}
