//! The cards and their ports on the scene: each card's widget (selection,
//! drag, hover text, menu, accessible name), its face and problem badge;
//! then the output ports, above every card.

use egui::emath::TSTransform;
use egui::{Modifiers, Rect, Sense, Ui, Vec2, vec2};

use super::SceneFrame;
use crate::model::StepId;
use crate::ui::canvas::cache::CardInfo;
use crate::ui::canvas::card::{
    CardLook, badge_rect, paint_badge, paint_card, paint_card_block, paint_port,
};
use crate::ui::canvas::gestures::{Grip, card_gesture, connect_gesture, reconnect_grip_ui};
use crate::ui::canvas::hover::{card_hover_lines, card_hover_ui};
use crate::ui::canvas::menus::{self, MenuTarget};
use crate::ui::canvas::{Canvas, CanvasAction, Gesture};

/// Card `i`: its widget, hover text, gestures and menu, then its face.
/// Returns how far it is drawn from its place, if it is drawn at all.
pub(super) fn card_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    f: &SceneFrame<'_>,
    i: usize,
    modifiers: Modifiers,
    actions: &mut Vec<CanvasAction>,
) -> Option<Vec2> {
    let card = &f.cache.cards[i];
    let delta = f.offset_of(card.id);
    let rect = card.rect.translate(delta);
    let selected = canvas.selection.contains(&card.id);
    if !rect.expand(20.0).intersects(f.visible) && !selected {
        return None;
    }
    let info = &f.cache.info[i];
    let sense = if f.input.read_only {
        Sense::click()
    } else {
        Sense::click_and_drag()
    };
    let resp = ui.interact(rect, ui.make_persistent_id(("card", card.id.0)), sense);
    label_for_access(ui, &resp, &info.name, f.to_global);
    if f.detailed && canvas.gesture == Gesture::Idle && resp.hovered() {
        let run = f.input.overlay.and_then(|o| o.tooltip(card.id));
        let lines = card_hover_lines(f.cache, card, info, f.input.overlay.is_some());
        card_hover_ui(&resp, &lines, run);
    }
    card_gesture(canvas, card.id, &resp, modifiers);
    if resp.secondary_clicked() {
        canvas.menu_at = Some((rect.center(), MenuTarget::Step(card.id)));
    }
    menus::card_menu(&resp, canvas, card.id, f.input.read_only, actions);
    let look = CardLook {
        selected,
        hovered: resp.hovered(),
        first: card.id == f.cache.first_step,
        counts: f.input.overlay.is_some(),
    };
    card_face_ui(ui, f, card.id, rect, info, look);
    Some(delta)
}

/// A card's painting (in full, or a block when zoomed out) and its problem
/// badge, which says the problems on hover.
fn card_face_ui(
    ui: &Ui,
    f: &SceneFrame<'_>,
    id: StepId,
    rect: Rect,
    info: &CardInfo,
    look: CardLook,
) {
    if f.detailed {
        paint_card(&f.painter, rect, info, look, &f.colors);
    } else {
        paint_card_block(&f.painter, rect, info, look.selected, &f.colors);
    }
    if let Some((severity, message)) = &info.problems {
        paint_badge(&f.painter, rect, *severity);
        ui.interact(
            badge_rect(rect),
            ui.make_persistent_id(("badge", id.0)),
            Sense::hover(),
        )
        .on_hover_text(message.as_str());
    }
}

/// The output ports of the cards drawn (`shown`: index and drag offset),
/// after every card so that a port is never hidden under a neighbour.
pub(super) fn ports_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    f: &SceneFrame<'_>,
    shown: &[(usize, Vec2)],
    actions: &mut Vec<CanvasAction>,
) {
    for &(i, delta) in shown {
        let card = &f.cache.cards[i];
        for (o, (_, target, port)) in card.outputs.iter().enumerate() {
            let port = *port + delta;
            if let Some(to) = target.and_then(|t| f.rect_of(t)) {
                let grip = Grip {
                    from: (card.id, o),
                    port,
                    to,
                    sense: f.port_sense(),
                };
                reconnect_grip_ui(ui, canvas, f.cache, grip, actions);
            }
            let resp = ui.interact(
                Rect::from_center_size(port, vec2(16.0, 16.0)),
                ui.make_persistent_id(("port", card.id.0, o)),
                f.port_sense(),
            );
            if f.detailed {
                paint_port(&f.painter, port, resp.hovered(), &f.colors);
            }
            connect_gesture(canvas, f.cache, &resp, Some((card.id, o)), actions);
        }
    }
}

/// Tells assistive technology (and UI tests) the card's name and where it is on screen.
fn label_for_access(ui: &Ui, resp: &egui::Response, name: &str, to_global: TSTransform) {
    // A step may have no name in the file; it still needs one to be found.
    let name = if name.trim().is_empty() {
        "Unnamed step"
    } else {
        name
    };
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    let global = to_global * resp.rect;
    ui.ctx().accesskit_node_builder(resp.id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: global.min.x.into(),
            y0: global.min.y.into(),
            x1: global.max.x.into(),
            y1: global.max.y.into(),
        });
    });
}
