//! UI tests of the inspector, driven as a person would: find a field by its
//! label, click, type, press Enter; a small host applies the commands to an
//! `edit::Document`, like the app does.

mod delivery;
mod editing;
mod forms;
mod models;
mod steps;

use chrono::TimeZone;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{InspectorInput, InspectorState, Tab, inspector_ui};
use crate::edit::Document;
use crate::model::{Action, Instant, Journey, Step, StepId, Variant};

/// What the app would hold: the document, the inspector's state, the selection.
pub(super) struct Host {
    pub doc: Document,
    pub state: InspectorState,
    pub version: usize,
    pub selected: Option<StepId>,
    pub commands: usize,
}

pub(super) fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
    chrono::Utc
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("valid instant")
}

pub(super) fn host_harness(
    journey: Journey,
    selected: Option<StepId>,
    check: bool,
) -> Harness<'static, Host> {
    let host = Host {
        version: journey.versions.len() - 1,
        doc: Document::new(journey),
        state: InspectorState::default(),
        selected,
        commands: 0,
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(340.0, 800.0))
        .with_accessibility_check(check)
        .build_ui_state(
            |ui, host: &mut Host| {
                let problems = crate::model::validate(host.doc.journey());
                let input = InspectorInput {
                    journey: host.doc.journey(),
                    problems: &problems,
                    version: host.version,
                    selected: host.selected,
                    planner: None,
                };
                let output = inspector_ui(ui, &mut host.state, &input);
                for command in output.commands {
                    host.commands += 1;
                    host.doc
                        .apply(command)
                        .expect("the inspector's command applies");
                }
            },
            host,
        );
    harness.run();
    harness
}

/// Brings the widget named `label` into view and clicks it.
pub(super) fn click(harness: &mut Harness<'_, Host>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the field named `label`, replaces its text with `text`, presses Enter.
pub(super) fn fill(harness: &mut Harness<'_, Host>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

pub(super) fn open_tab(harness: &mut Harness<'_, Host>, tab: Tab) {
    harness
        .get_by_role_and_label(Role::Button, tab.title())
        .click();
    harness.run();
    assert_eq!(harness.state().state.tab, tab);
}

/// Widgets that stick out of the 340-point-wide panel (cut off on screen).
pub(super) fn overflowing(harness: &Harness<'_, Host>) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| n.rect().max.x > 340.5 || n.rect().min.x < -0.5)
        .map(|n| {
            format!(
                "{:?} {:?} {:?}",
                n.accesskit_node().role(),
                n.accesskit_node().label(),
                n.rect()
            )
        })
        .collect()
}

pub(super) fn ab_journey(percents: [f64; 2]) -> Journey {
    let mut journey = Journey::new_empty("A/B", at(2026, 3, 2, 9, 0));
    let version = &mut journey.versions[0];
    version.steps.insert(
        StepId(2),
        Step {
            name: "Coupon test".to_owned(),
            at: (200.0, 0.0),
            action: Action::AbTest {
                variants: vec![
                    Variant {
                        name: "A".to_owned(),
                        percent: percents[0],
                        next: None,
                    },
                    Variant {
                        name: "B".to_owned(),
                        percent: percents[1],
                        next: None,
                    },
                ],
                decide: None,
            },
        },
    );
    if let Some(Step {
        action: Action::Message { next, .. },
        ..
    }) = version.steps.get_mut(&StepId(1))
    {
        *next = Some(StepId(2));
    }
    journey
}
