//! Right-click menus: on a card (duplicate, copy, cut, delete, make first),
//! on a connection (disconnect) and on empty canvas (add a step here, paste,
//! auto-layout, zoom to fit).

use egui::{Pos2, Response};

use super::geometry::{curve, distance_to_curve, hit_card, input_port};
use super::gestures::place_at;
use super::{Cache, Canvas, CanvasAction};
use crate::model::{ActionKind, StepId};

/// What was under the pointer when the menu opened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MenuTarget {
    /// Empty canvas.
    Background,
    /// A card.
    Step(StepId),
    /// A connection: its step and output.
    Connection(StepId, usize),
}

/// What is at canvas position `p`: a card, a connection (within 6 units), or nothing.
pub fn target_at(cache: &Cache, p: Pos2) -> MenuTarget {
    if let Some(id) = hit_card(&cache.cards, p) {
        return MenuTarget::Step(id);
    }
    for card in &cache.cards {
        for (o, (_, target, port)) in card.outputs.iter().enumerate() {
            let Some(to) = target.and_then(|t| cache.index.get(&t)) else {
                continue;
            };
            let c = curve(*port, input_port(cache.cards[*to].rect));
            if distance_to_curve(&c, p) < 6.0 {
                return MenuTarget::Connection(card.id, o);
            }
        }
    }
    MenuTarget::Background
}

/// The menu of a card.
pub fn card_menu(
    resp: &Response,
    canvas: &mut Canvas,
    id: StepId,
    read_only: bool,
    actions: &mut Vec<CanvasAction>,
) {
    resp.context_menu(|ui| {
        // The menu acts on the selection if the card is in it, else on the card.
        let ids = if canvas.selection.contains(&id) {
            canvas.selection.clone()
        } else {
            [id].into()
        };
        let n = ids.len();
        let what = if n == 1 {
            "step".to_owned()
        } else {
            format!("{n} steps")
        };
        if ui.button(format!("Copy {what}")).clicked() {
            actions.push(CanvasAction::Copy(ids.clone()));
            ui.close();
        }
        if read_only {
            return;
        }
        if ui.button(format!("Duplicate {what}")).clicked() {
            actions.push(CanvasAction::Duplicate(ids.clone()));
            ui.close();
        }
        if ui.button(format!("Cut {what}")).clicked() {
            actions.push(CanvasAction::Cut(ids.clone()));
            ui.close();
        }
        if ui.button(format!("Delete {what}")).clicked() {
            actions.push(CanvasAction::Delete(ids.clone()));
            ui.close();
        }
        ui.separator();
        if ui.button("Make this the first step").clicked() {
            actions.push(CanvasAction::SetFirst(id));
            ui.close();
        }
    });
}

/// The menu of the empty canvas or of a connection.
pub fn background_menu(
    resp: &Response,
    canvas: &mut Canvas,
    read_only: bool,
    actions: &mut Vec<CanvasAction>,
) {
    let Some((at, target)) = canvas.menu_at else {
        return;
    };
    resp.context_menu(|ui| {
        if read_only {
            if ui.button("Zoom to fit (F)").clicked() {
                canvas.zoom_to_fit();
                ui.close();
            }
            return;
        }
        if let MenuTarget::Connection(from, output) = target {
            if ui.button("Disconnect").clicked() {
                actions.push(CanvasAction::Connect {
                    from,
                    output,
                    to: None,
                });
                ui.close();
            }
            ui.separator();
        }
        ui.menu_button("Add step here", |ui| {
            for kind in ActionKind::ALL {
                if ui.button(kind.label()).clicked() {
                    let p = place_at(canvas, at);
                    actions.push(CanvasAction::Add {
                        kind,
                        at: (p.x, p.y),
                    });
                    ui.close();
                }
            }
        });
        if ui.button("Paste here").clicked() {
            actions.push(CanvasAction::Paste {
                text: None,
                at: Some((at.x, at.y)),
            });
            ui.close();
        }
        ui.separator();
        if ui.button("Auto-layout").clicked() {
            actions.push(CanvasAction::AutoLayout);
            ui.close();
        }
        if ui.button("Zoom to fit (F)").clicked() {
            canvas.zoom_to_fit();
            ui.close();
        }
    });
}
