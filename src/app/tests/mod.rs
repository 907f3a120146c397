//! The window as a person uses it (egui_kittest): find widgets by label,
//! click, drag, press keys, and check the journey after each step.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod autosave;
mod chooser;
mod crash;
mod file_menu;
mod files;
mod gestures;
mod hover;
mod instances;
mod layout;
mod legible;
mod reconnect;
mod robust;
mod runner;
mod shortcuts;
mod stable;
mod status;
mod words;

use super::{JourneyApp, ViewState};
use crate::edit::Document;
use crate::model::{Action, ActionKind, Journey, Step, StepId};

pub(super) fn welcome() -> Journey {
    super::sample::test_journey()
}

/// The window at 1280x800 with the whole journey in view (F, zoom to fit),
/// so every card can be found on screen. The view a journey opens with is
/// tested on its own (`legible.rs`, [`harness_as_opened`]).
pub(super) fn harness(journey: Journey) -> Harness<'static, JourneyApp> {
    let mut app = JourneyApp::new(Document::new(journey), ViewState::default());
    app.canvas.zoom_to_fit();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

/// The window at `size` as a journey opens in it (no fit asked for).
pub(super) fn harness_as_opened(
    journey: Journey,
    size: egui::Vec2,
) -> Harness<'static, JourneyApp> {
    let app = JourneyApp::new(Document::new(journey), ViewState::default());
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

pub(super) fn steps(h: &Harness<'_, JourneyApp>) -> Vec<(StepId, Step)> {
    let j = h.state().doc.journey();
    j.versions[0]
        .steps
        .iter()
        .map(|(id, s)| (*id, s.clone()))
        .collect()
}

pub(super) fn step_named(h: &Harness<'_, JourneyApp>, name: &str) -> (StepId, Step) {
    steps(h)
        .into_iter()
        .find(|(_, s)| s.name == name)
        .unwrap_or_else(|| panic!("no step named {name}"))
}

/// Clicks a step's card (selecting it) and runs the frame.
pub(super) fn select_card(h: &mut Harness<'_, JourneyApp>, name: &str) {
    h.get_by_role_and_label(egui::Role::Button, name).click();
    h.run();
}

/// The card of a step on screen.
pub(super) fn card(h: &Harness<'_, JourneyApp>, name: &str) -> Rect {
    h.get_by_role_and_label(egui::Role::Button, name).rect()
}

pub(super) fn button(h: &Harness<'_, JourneyApp>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

pub(super) fn click_at(h: &mut Harness<'_, JourneyApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    button(h, pos, true, Modifiers::NONE);
    button(h, pos, false, Modifiers::NONE);
    h.run();
}

/// Presses at `from`, moves to `to` in a few steps, releases.
pub(super) fn drag(h: &mut Harness<'_, JourneyApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    button(h, from, true, Modifiers::NONE);
    h.run();
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run();
    }
    button(h, to, false, Modifiers::NONE);
    h.run();
}

pub(super) fn key(h: &mut Harness<'_, JourneyApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn add_a_message_and_a_wait_from_the_palette_and_connect_them() {
    let mut h = harness(Journey::new_empty("Test", chrono::DateTime::UNIX_EPOCH));
    let first = card(&h, "First email");

    // Click "Message" in the palette, then click the canvas to place it.
    h.get_by_label("Message").click();
    h.run();
    click_at(&mut h, first.center() + vec2(-300.0, 150.0));
    assert_eq!(steps(&h).len(), 2);
    let (message_id, message) = step_named(&h, "Email");
    assert_eq!(message.action.kind(), ActionKind::Message);

    // Drag "Wait" from the palette onto the canvas.
    let wait_button = h.get_by_label("Wait").rect().center();
    drag(&mut h, wait_button, first.center() + vec2(0.0, 250.0));
    assert_eq!(steps(&h).len(), 3);
    let (wait_id, wait) = step_named(&h, "Wait 1 day");
    assert_eq!(wait.action.kind(), ActionKind::Wait);

    // Drag from the message's output port onto the wait card.
    let port = card(&h, "Email").right_center();
    let target = card(&h, "Wait 1 day").center();
    drag(&mut h, port, target);
    let (_, message) = step_named(&h, "Email");
    assert_eq!(message.action.targets(), vec![wait_id]);
    assert_eq!(h.state().doc.undo_label(), Some("Connect"));
    assert_ne!(message_id, wait_id);
}

#[test]
fn select_two_steps_and_delete_them_then_undo_and_redo_with_the_keyboard() {
    let mut h = harness(welcome());
    let original = h.state().doc.journey().clone();

    select_card(&mut h, "Offer email");
    h.get_by_role_and_label(egui::Role::Button, "Reminder SMS")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().canvas.selection, [StepId(4), StepId(5)].into());
    key(&mut h, Modifiers::NONE, Key::Delete);
    let deleted = h.state().doc.journey().clone();
    let names: Vec<String> = steps(&h).into_iter().map(|(_, s)| s.name).collect();
    assert!(!names.contains(&"Offer email".to_owned()));
    assert!(!names.contains(&"Reminder SMS".to_owned()));
    assert_eq!(names.len(), 7);
    // The if/then's yes and no now end the path instead of pointing at nothing.
    let (_, opened) = step_named(&h, "Opened welcome?");
    assert!(opened.action.targets().is_empty());
    assert_eq!(h.state().doc.undo_label(), Some("Delete 2 steps"));

    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.journey(), &original);
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().doc.journey(), &deleted);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.journey(), &original);
    key(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().doc.journey(), &deleted);
}

#[test]
fn copy_and_paste_a_step_with_the_keyboard_and_from_ron_text() {
    let mut h = harness(welcome());
    select_card(&mut h, "Wait 2 days");
    key(&mut h, Modifiers::COMMAND, Key::C);
    let copied = h.state().clipboard.clone().expect("copied");
    assert!(copied.starts_with("JourneySteps("), "{copied}");
    key(&mut h, Modifiers::COMMAND, Key::V);
    let waits: Vec<(StepId, Step)> = steps(&h)
        .into_iter()
        .filter(|(_, s)| s.name == "Wait 2 days")
        .collect();
    assert_eq!(waits.len(), 2);
    let (old, new) = (&waits[0].1, &waits[1].1);
    assert_eq!(new.at, (old.at.0 + 40.0, old.at.1 + 40.0));
    // The copy's link left the clip, so it ends the path.
    assert!(matches!(new.action, Action::Wait { next: None, .. }));
    assert_eq!(h.state().canvas.selection, [waits[1].0].into());

    // The same text pastes into another journey (as from a text editor).
    let mut other = harness(Journey::new_empty("Other", chrono::DateTime::UNIX_EPOCH));
    other.event(Event::Paste(copied));
    other.run();
    assert_eq!(step_named(&other, "Wait 2 days").0, StepId(2));
}

#[test]
fn dragging_a_selection_is_one_move_command() {
    let mut h = harness(welcome());
    select_card(&mut h, "Offer email");
    h.get_by_role_and_label(egui::Role::Button, "Reminder SMS")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    let before = (
        step_named(&h, "Offer email").1.at,
        step_named(&h, "Reminder SMS").1.at,
    );
    let from = card(&h, "Offer email").center();
    drag(&mut h, from, from + vec2(0.0, 120.0));
    let after = (
        step_named(&h, "Offer email").1.at,
        step_named(&h, "Reminder SMS").1.at,
    );
    assert_eq!(h.state().doc.undo_label(), Some("Move 2 steps"));
    let dy = after.0.1 - before.0.1;
    assert!(dy > 0.0 && dy % 20.0 == 0.0, "snapped to the grid: {dy}");
    assert_eq!(after.1.1 - before.1.1, dy);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(step_named(&h, "Offer email").1.at, before.0);
}

#[test]
fn edit_menu_says_what_undo_will_undo() {
    let mut h = harness(welcome());
    select_card(&mut h, "Wait 1 day");
    key(&mut h, Modifiers::COMMAND, Key::D);
    assert_eq!(steps(&h).len(), 10);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Duplicate step").click();
    h.run();
    assert_eq!(steps(&h).len(), 9);
}

#[test]
fn problems_list_selects_and_centres_the_step() {
    let mut j = welcome();
    if let Some(s) = j.versions[0].steps.get_mut(&StepId(7))
        && let Action::AbTest { variants, .. } = &mut s.action
    {
        variants[0].percent = 70.0;
    }
    let mut h = harness(j);
    let problem = h.get_by_label_contains("add up to");
    problem.click();
    h.run();
    assert_eq!(h.state().canvas.selection, [StepId(7)].into());
    h.run();
    let centre = h.state().canvas.scene_rect.center();
    let card = crate::ui::canvas::geometry::card_rect(
        &h.state().doc.journey().versions[0].steps[&StepId(7)],
    );
    assert!(centre.distance(card.center()) < 1.0);
}

#[test]
fn cut_then_paste_moves_a_step_through_the_clipboard() {
    let mut h = harness(welcome());
    select_card(&mut h, "Coupon push");
    key(&mut h, Modifiers::COMMAND, Key::X);
    assert!(steps(&h).iter().all(|(_, s)| s.name != "Coupon push"));
    assert_eq!(h.state().doc.undo_label(), Some("Cut step"));
    // The platform hands the text back on paste.
    let text = h.state().clipboard.clone().expect("cut copies");
    h.event(Event::Paste(text));
    h.run();
    let (_, pasted) = step_named(&h, "Coupon push");
    assert_eq!(pasted.action.kind(), ActionKind::Message);
    assert_eq!(steps(&h).len(), 9);
}
