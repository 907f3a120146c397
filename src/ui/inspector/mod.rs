//! The inspector: the side panel's forms for the journey, its start, end
//! rules, goal, scenario and the selected step.
//!
//! It reads the journey and returns [`Command`]s; the app applies them to its
//! `edit::Document`, which gives undo. Each finished field edit (Enter, focus
//! lost, drag released, a choice made) is one command, never one per keystroke.
//! Every form is written the same way: it edits a draft of its part of the
//! journey with the field builders of [`widgets`] and hands the draft to its
//! `Form` context, which turns it into one command (see `form.rs`).
//!
//! ```ignore
//! let input = InspectorInput { journey: doc.journey(), problems: &problems, version, selected };
//! for command in inspector_ui(ui, &mut self.inspector, &input) {
//!     if let Err(e) = doc.apply(command) { /* show e to the user */ }
//! }
//! ```

mod clock;
mod conditions;
mod delivery;
mod end;
mod form;
mod goal;
mod holdout;
mod journey;
mod models;
mod scenario;
mod scenario_tables;
mod segment_channels;
mod start;
mod step;
pub mod widgets;
mod zones;

#[cfg(test)]
mod tests;

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};

use crate::edit::Command;
use crate::model::{Journey, Problem, ProblemKind, StepId};
use form::{Form, Names};
pub use step::{PLAN, PLAN_AGAIN, PlannerIntent, PlannerView, sentence, winners_text};

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
    /// Goal trigger, target, attribution window, holdout.
    Goal,
    /// Quiet hours and frequency caps.
    Delivery,
    /// The simulated population.
    Scenario,
    /// The selected step.
    Step,
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Tab; 7] = [
        Tab::Journey,
        Tab::Start,
        Tab::End,
        Tab::Goal,
        Tab::Delivery,
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
            Tab::Delivery => "Delivery",
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
        ProblemKind::QuietHoursEmpty
        | ProblemKind::QuietHoursUnusedChannel
        | ProblemKind::CapMax
        | ProblemKind::CapWindow
        | ProblemKind::CapUnreachable => Tab::Delivery,
        ProblemKind::HoldoutPercent
        | ProblemKind::HoldoutWindow
        | ProblemKind::HoldoutWithReentry
        | ProblemKind::HoldoutWithoutGoal => Tab::Goal,
        _ => Tab::Scenario,
    })
}

/// What the inspector shows.
#[derive(Clone, Debug)]
pub struct InspectorInput<'a> {
    /// The journey.
    pub journey: &'a Journey,
    /// The journey's problems, as [`crate::model::validate`] returns them.
    /// The caller computes them (once per document revision), so that the
    /// inspector does not validate the journey every frame.
    pub problems: &'a [Problem],
    /// The version shown (0-based, normally the last one).
    pub version: usize,
    /// The step selected on the canvas.
    pub selected: Option<StepId>,
    /// What the selected step's A/B planner shows (the app's plan of it).
    pub planner: Option<PlannerView<'a>>,
}

/// What the user did in the inspector.
#[derive(Debug, Default)]
pub struct InspectorOutput {
    /// The edits, as commands for the document, in order.
    pub commands: Vec<Command>,
    /// What the A/B planner asked for, if anything.
    pub planner: Option<PlannerIntent>,
}

impl InspectorInput<'_> {
    /// True when `tab` shows `problem`.
    fn shows(&self, tab: Tab, problem: &Problem) -> bool {
        tab_of(problem, self.version) == Some(tab)
            && (tab != Tab::Step || problem.step == self.selected)
    }
}

/// Draws the inspector and returns the commands the user's edits produced
/// and what the A/B planner asked for.
///
/// When the selection changes to a step, the Step tab opens. A stopped
/// version's step form is read-only, and when the newest version is stopped
/// the start, end and goal are too (S7: a stop is final).
pub fn inspector_ui(
    ui: &mut Ui,
    state: &mut InspectorState,
    input: &InspectorInput<'_>,
) -> InspectorOutput {
    state.follow(input.selected);
    // A tab click takes effect after this frame's form, so that a field being
    // edited still sees its focus leave and commits.
    let next_tab = tab_bar_ui(ui, state.tab, input);
    ui.separator();
    let here: Vec<&Problem> = (input.problems.iter())
        .filter(|p| input.shows(state.tab, p))
        .collect();
    let names = Names::of(input.journey);
    let mut form = Form::new(input.journey, &names, &here);
    form.planner.clone_from(&input.planner);
    egui::ScrollArea::vertical()
        .id_salt(("inspector-scroll", state.tab))
        .auto_shrink([false, false])
        .show(ui, |ui| tab_ui(ui, state, input, &mut form));
    if let Some(tab) = next_tab {
        state.tab = tab;
    }
    let planner = form.planner_intent.take();
    InspectorOutput {
        commands: form.into_commands(),
        planner,
    }
}

impl InspectorState {
    /// Opens the Step tab when a step gets selected, and leaves it when none is.
    fn follow(&mut self, selected: Option<StepId>) {
        if selected != self.last_selected {
            if selected.is_some() {
                self.tab = Tab::Step;
            } else if self.tab == Tab::Step {
                self.tab = Tab::Journey;
            }
            self.last_selected = selected;
        }
    }
}

/// The form of the tab shown.
fn tab_ui(ui: &mut Ui, state: &mut InspectorState, input: &InspectorInput<'_>, form: &mut Form) {
    let final_stop = (input.journey.current_version()).is_some_and(|v| v.stopped_at.is_some());
    let journey_wide = matches!(state.tab, Tab::Start | Tab::End | Tab::Goal | Tab::Delivery);
    if final_stop && journey_wide {
        ui.label(
            RichText::new(
                "This journey is stopped. A stop is final: copy the design into a new journey to change it.",
            )
            .strong(),
        );
    }
    ui.add_enabled_ui(!(final_stop && journey_wide), |ui| match state.tab {
        Tab::Journey => journey::journey_ui(ui, form),
        Tab::Start => start::start_ui(ui, form),
        Tab::End => end::end_ui(ui, form),
        Tab::Goal => goal::goal_ui(ui, form),
        Tab::Delivery => delivery::delivery_ui(ui, form),
        Tab::Scenario => scenario::scenario_ui(ui, form, &mut state.scenario_tables_open),
        Tab::Step => step::step_ui(ui, form, input.version, input.selected),
    });
}

/// The row of tabs; a tab with an error is marked with a red dot, with a
/// warning an amber one. Returns the tab clicked.
fn tab_bar_ui(ui: &mut Ui, shown: Tab, input: &InspectorInput<'_>) -> Option<Tab> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        ui.spacing_mut().button_padding.x = 5.0;
        for tab in Tab::ALL {
            let mine = input.problems.iter().filter(|p| input.shows(tab, p));
            let errors = mine.clone().filter(|p| p.is_error()).count();
            let warnings = mine.count() - errors;
            if ui.selectable_label(shown == tab, tab.title()).clicked() {
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
