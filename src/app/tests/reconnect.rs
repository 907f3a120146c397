//! Reconnecting a connection by dragging its arrowhead onto another card.

use egui_kittest::Harness;

use super::{card, drag, harness, step_named, welcome};
use crate::app::JourneyApp;
use crate::model::StepId;
use crate::ui::canvas::geometry::{input_port, output_port};
use crate::ui::canvas::gestures::arrowhead_grip;

/// Issue 11: "Wait 2 days" leads to "Opened welcome?"; dragging that
/// arrow's head onto "Wait 1 day" reconnects it there in one command, and
/// Undo puts it back.
#[test]
fn dragging_an_arrowhead_onto_another_card_reconnects_it() {
    let mut h = harness(welcome());
    let (_, wait) = step_named(&h, "Wait 2 days");
    assert_eq!(wait.action.targets(), [StepId(3)]);
    let to_screen = h.state().canvas.to_screen();
    let from_screen = to_screen.inverse();
    let canvas_rect = |h: &Harness<'_, JourneyApp>, name| from_screen.mul_rect(card(h, name));
    let source = canvas_rect(&h, "Wait 2 days");
    let target = canvas_rect(&h, "Opened welcome?");
    let grip = arrowhead_grip(output_port(source, 0, 1), target);
    assert!(
        grip.x < input_port(target).x,
        "the grip sits before the arrowhead"
    );
    let drop_on = card(&h, "Wait 1 day").center();
    drag(&mut h, to_screen * grip, drop_on);
    let (_, wait) = step_named(&h, "Wait 2 days");
    assert_eq!(wait.action.targets(), [StepId(6)]);
    assert_eq!(h.state().doc.undo_label(), Some("Connect"));
    assert!(h.state_mut().doc.undo());
    let (_, wait) = step_named(&h, "Wait 2 days");
    assert_eq!(wait.action.targets(), [StepId(3)]);
}
