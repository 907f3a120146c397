//! More gestures: the right-click menus, the rubber band, disconnecting,
//! connecting from Start, and a stopped version that cannot be changed.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{button, card, click_at, drag, harness, key, select_card, step_named, steps, welcome};
use crate::app::JourneyApp;
use crate::model::{ActionKind, StepId};

fn right_click_at(h: &mut Harness<'_, JourneyApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// A point of empty canvas below the welcome series' cards.
fn empty_spot(h: &Harness<'_, JourneyApp>) -> Pos2 {
    card(h, "Wait 2 days").center() + vec2(0.0, 200.0)
}

/// Presses at `from` with `modifiers`, moves to `to` in `steps` frames and
/// releases there (the caller runs the frame after).
fn press_move_release(
    h: &mut Harness<'_, JourneyApp>,
    from: Pos2,
    to: Pos2,
    steps: usize,
    modifiers: Modifiers,
) {
    button(h, from, true, modifiers);
    h.run();
    for i in 1..=steps {
        h.hover_at(from + (to - from) * (i as f32 / steps as f32));
        h.run();
    }
    button(h, to, false, modifiers);
}

#[test]
fn right_click_on_empty_canvas_adds_a_step_there() {
    let mut h = harness(welcome());
    let spot = empty_spot(&h);
    right_click_at(&mut h, spot);
    h.get_by_label("Add step here").click();
    h.run();
    // The submenu's entry is the last one; the palette has the first.
    let entries = h.get_all_by_label("Attribute branch").collect::<Vec<_>>();
    entries.last().expect("a menu entry").click();
    h.run();
    assert_eq!(steps(&h).len(), 10);
    let (id, branch) = step_named(&h, "Branch");
    assert_eq!(id, StepId(10));
    assert_eq!(branch.action.kind(), ActionKind::Branch);
    // It lands under the pointer.
    let on_screen = card(&h, "Branch");
    assert!(
        on_screen.expand(20.0).contains(spot),
        "{on_screen:?} {spot:?}"
    );
}

#[test]
fn shift_drag_on_the_background_selects_with_a_rubber_band() {
    let mut h = harness(welcome());
    let a = card(&h, "Offer email");
    let b = card(&h, "Reminder SMS");
    let from = a.left_top() - vec2(10.0, 10.0);
    let to = b.right_bottom() + vec2(10.0, 10.0);
    h.hover_at(from);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    press_move_release(&mut h, from, to, 5, Modifiers::SHIFT);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    h.run();
    assert_eq!(h.state().canvas.selection, [StepId(4), StepId(5)].into());
    // Nothing moved: a band selects, it does not pan or drag.
    assert_eq!(h.state().doc.undo_label(), None);
}

#[test]
fn dropping_a_connected_output_on_empty_canvas_disconnects_it() {
    let mut h = harness(welcome());
    let port = card(&h, "Wait 2 days").right_center();
    let spot = empty_spot(&h);
    drag(&mut h, port, spot);
    assert_eq!(h.state().doc.undo_label(), Some("Disconnect"));
    assert!(step_named(&h, "Wait 2 days").1.action.targets().is_empty());
}

#[test]
fn right_click_on_a_connection_offers_disconnect() {
    let mut h = harness(welcome());
    // The straight connection from "Welcome email" to "Wait 2 days".
    let a = card(&h, "Welcome email").right_center();
    let b = card(&h, "Wait 2 days").left_center();
    right_click_at(&mut h, a + (b - a) * 0.5);
    h.get_by_label("Disconnect").click();
    h.run();
    assert!(
        step_named(&h, "Welcome email")
            .1
            .action
            .targets()
            .is_empty()
    );
}

#[test]
fn dragging_from_start_onto_a_step_makes_it_the_first_step() {
    let mut h = harness(welcome());
    let first = card(&h, "Welcome email");
    // The Start card's port sits 60 canvas units left of the first card.
    let port = h.state().canvas.to_screen()
        * (crate::ui::canvas::geometry::start_rect(&h.state().doc.journey().versions[0])
            .right_center());
    let target = card(&h, "Wait 2 days").center();
    drag(&mut h, port, target);
    assert_eq!(h.state().doc.journey().versions[0].first_step, StepId(2));
    assert!(first.is_positive());
}

#[test]
fn s7_a_stopped_version_is_shown_but_cannot_be_changed() {
    let mut j = welcome();
    j.versions[0].stopped_at = Some("2026-03-05T00:00:00Z".parse().expect("instant"));
    let mut h = harness(j);
    let before = h.state().doc.journey().clone();
    h.get_by_label_contains("version is stopped");
    select_card(&mut h, "Offer email");
    key(&mut h, Modifiers::NONE, Key::Delete);
    let from = card(&h, "Offer email").center();
    drag(&mut h, from, from + vec2(0.0, 100.0));
    let spot = empty_spot(&h);
    click_at(&mut h, spot);
    assert_eq!(h.state().doc.journey(), &before);
    assert_eq!(h.state().doc.undo_label(), None);
}

#[test]
fn ctrl_wheel_zooms_arrow_keys_pan_and_f_fits() {
    let mut h = harness(welcome());
    let fitted = h.state().canvas.scene_rect;
    let over = card(&h, "Wait 1 day").center();
    h.hover_at(over);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::COMMAND));
    h.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: vec2(0.0, 3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::COMMAND,
    });
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    // The zoom is smoothed over a few frames.
    h.run_steps(20);
    let zoomed = h.state().canvas.scene_rect;
    assert!(zoomed.width() < fitted.width(), "{zoomed:?} vs {fitted:?}");
    // Zooming keeps the point under the pointer in place.
    let still_over = card(&h, "Wait 1 day");
    assert!(still_over.contains(over), "{still_over:?} {over:?}");

    key(&mut h, Modifiers::NONE, Key::ArrowRight);
    let panned = h.state().canvas.scene_rect;
    assert!(panned.center().x > zoomed.center().x);
    assert_eq!(panned.size(), zoomed.size());

    key(&mut h, Modifiers::NONE, Key::F);
    h.run();
    let refitted = h.state().canvas.scene_rect;
    let bounds = h.state().canvas.cache().expect("drawn").bounds;
    assert!(refitted.contains_rect(bounds));
    assert!(refitted.center().distance(fitted.center()) < 1.0);
}

#[test]
fn zoomed_out_a_drag_from_just_beside_a_card_edge_takes_the_port() {
    let mut h = harness(welcome());
    assert!(h.state().canvas.to_screen().scaling < 0.7);
    let port = card(&h, "Welcome email").right_center() + vec2(1.0, 0.0);
    let target = card(&h, "Offer email").center();
    drag(&mut h, port, target);
    assert_eq!(h.state().doc.undo_label(), Some("Connect"));
    assert_eq!(
        step_named(&h, "Welcome email").1.action.targets(),
        vec![StepId(4)]
    );
}

#[test]
fn a_press_right_after_a_jump_of_the_pointer_still_takes_the_port() {
    let mut h = harness(welcome());
    let port = card(&h, "Welcome email").right_center() + vec2(1.0, 0.0);
    let target = card(&h, "Offer email").center();
    h.hover_at(target + vec2(300.0, 100.0));
    h.run();
    // Move and press in the same frame, as a fast hand (or xdotool) does.
    h.hover_at(port);
    press_move_release(&mut h, port, target, 4, Modifiers::NONE);
    h.run();
    assert_eq!(h.state().doc.undo_label(), Some("Connect"));
}

#[test]
fn replacing_the_document_never_shows_the_old_ones_cards() {
    let mut h = harness(welcome());
    // Both documents are at revision 0; the canvas must still notice.
    h.state_mut().doc = crate::edit::Document::new(crate::model::Journey::new_empty(
        "Other",
        chrono::DateTime::UNIX_EPOCH,
    ));
    h.run();
    assert!(h.query_by_label("Welcome email").is_none());
    card(&h, "First email");
}
