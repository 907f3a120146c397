//! Pointer gestures on the canvas: select and move cards, drag connections
//! out of ports or by their arrowheads, and on empty canvas deselect, place,
//! rubber-band select, take drops from the palette and open the right-click
//! menu.

use egui::{Pos2, Rect, Ui, Vec2};

use super::geometry::{self, cards_in, hit_card, snap};
use super::menus;
use super::palette::PaletteDrag;
use super::{Cache, Canvas, CanvasAction, CanvasInput, Gesture};
use crate::model::StepId;

/// Click selects (Shift/Ctrl toggles); a drag moves the selection.
pub fn card_gesture(
    canvas: &mut Canvas,
    id: StepId,
    resp: &egui::Response,
    modifiers: egui::Modifiers,
) {
    let toggle = modifiers.shift || modifiers.command;
    if resp.clicked() {
        if toggle {
            if !canvas.selection.remove(&id) {
                canvas.selection.insert(id);
            }
        } else {
            canvas.selection = [id].into();
        }
    }
    if resp.drag_started() {
        if !canvas.selection.contains(&id) {
            if !toggle {
                canvas.selection.clear();
            }
            canvas.selection.insert(id);
        }
        canvas.gesture = Gesture::Move {
            grabbed: id,
            delta: Vec2::ZERO,
        };
    }
    if resp.dragged()
        && let Gesture::Move { delta, .. } = &mut canvas.gesture
    {
        // From where the button went down, so the card keeps under the pointer.
        *delta = resp
            .total_drag_delta()
            .unwrap_or(*delta + resp.drag_delta());
    }
    if resp.drag_stopped()
        && let Gesture::Move { grabbed, delta } = canvas.gesture
    {
        // `finish_move` emits it as one command this frame.
        canvas.finished_move = Some((grabbed, delta));
        canvas.gesture = Gesture::Idle;
    }
}

/// The drag of the grabbed card, snapped so that it lands on the grid.
pub fn snapped_delta(canvas: &Canvas, cache: &Cache, grabbed: StepId, delta: Vec2) -> Vec2 {
    let Some(&i) = cache.index.get(&grabbed) else {
        return delta;
    };
    if !canvas.grid_snap {
        return delta;
    }
    let from = cache.cards[i].rect.min;
    snap(from + delta) - from
}

/// Emits the finished drag as one move of every selected step.
pub fn finish_move(canvas: &mut Canvas, cache: &Cache, actions: &mut Vec<CanvasAction>) {
    let Some((grabbed, delta)) = canvas.finished_move.take() else {
        return;
    };
    let d = snapped_delta(canvas, cache, grabbed, delta);
    if d == Vec2::ZERO {
        return;
    }
    let moves = canvas
        .selection
        .iter()
        .filter_map(|id| {
            let r = cache.cards[*cache.index.get(id)?].rect.min + d;
            Some((*id, (r.x, r.y)))
        })
        .collect();
    actions.push(CanvasAction::Move(moves));
}

/// Dragging out of an output port (or Start's) and dropping on a card connects;
/// dropping a connected output on empty canvas disconnects it.
pub fn connect_gesture(
    canvas: &mut Canvas,
    cache: &Cache,
    resp: &egui::Response,
    from: Option<(StepId, usize)>,
    actions: &mut Vec<CanvasAction>,
) {
    if resp.drag_started()
        && let Some(p) = resp.interact_pointer_pos()
    {
        canvas.gesture = Gesture::Connect { from, pointer: p };
    }
    let Gesture::Connect {
        from: active,
        pointer,
    } = &mut canvas.gesture
    else {
        return;
    };
    if *active != from {
        return;
    }
    if let Some(p) = resp.interact_pointer_pos() {
        *pointer = p;
    }
    if !resp.drag_stopped() {
        return;
    }
    let target = hit_card(&cache.cards, *pointer);
    match (from, target) {
        (None, Some(t)) => actions.push(CanvasAction::SetFirst(t)),
        (Some((id, o)), Some(t)) => actions.push(CanvasAction::Connect {
            from: id,
            output: o,
            to: Some(t),
        }),
        (Some((id, o)), None) => {
            let connected = cache
                .index
                .get(&id)
                .and_then(|&i| cache.cards[i].outputs.get(o))
                .is_some_and(|out| out.1.is_some());
            if connected {
                actions.push(CanvasAction::Connect {
                    from: id,
                    output: o,
                    to: None,
                });
            }
        }
        (None, None) => {}
    }
    canvas.gesture = Gesture::Idle;
}

/// Where the grip of a connection from `port` into the card `to` sits: on
/// the curve just before its arrowhead (canvas units).
pub fn arrowhead_grip(port: Pos2, to: Rect) -> Pos2 {
    let c = geometry::curve(port, geometry::input_port(to));
    geometry::curve_point(&c, 0.88)
}

/// The grip of output `from`'s connection into `to`, drawn from `port`:
/// dragging it by the arrowhead and dropping it on another card reconnects
/// the output there, dropping it on empty canvas disconnects it (one command
/// each, like dragging the port).
pub fn reconnect_grip_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    grip: Grip,
    actions: &mut Vec<CanvasAction>,
) {
    let (id, output) = grip.from;
    let at = arrowhead_grip(grip.port, grip.to);
    let resp = ui
        .interact(
            Rect::from_center_size(at, Vec2::splat(14.0)),
            ui.make_persistent_id(("arrowhead", id.0, output)),
            grip.sense,
        )
        .on_hover_cursor(egui::CursorIcon::Grab)
        .on_hover_text("Drag the arrowhead onto another step to reconnect");
    connect_gesture(canvas, cache, &resp, Some(grip.from), actions);
}

/// A connection's arrowhead grip: whose output, where it starts and ends.
#[derive(Clone, Copy, Debug)]
pub struct Grip {
    /// The step and output the connection leaves from.
    pub from: (StepId, usize),
    /// Its output port (canvas units).
    pub port: Pos2,
    /// The card it leads into, as drawn.
    pub to: Rect,
    /// What the grip senses (drags, or hovers on a read-only version).
    pub sense: egui::Sense,
}

/// The empty canvas this frame: its response, the pointer (canvas units)
/// and the modifiers held.
pub struct Background<'r> {
    /// The scene's own response (the canvas behind the cards).
    pub response: &'r egui::Response,
    /// The pointer, in canvas units.
    pub pointer: Option<Pos2>,
    /// The modifiers held.
    pub modifiers: egui::Modifiers,
}

impl Background<'_> {
    /// Shift or Ctrl (Cmd) held: add to the selection, select by band.
    fn adding(&self) -> bool {
        self.modifiers.shift || self.modifiers.command
    }
}

/// Clicks and drags on empty canvas: deselect, place a step, rubber band,
/// drops from the palette, the right-click menu.
pub fn background_gesture(
    ui: &Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    input: &CanvasInput<'_>,
    bg: &Background<'_>,
    actions: &mut Vec<CanvasAction>,
) {
    let resp = bg.response;
    if resp.clicked() {
        if let (Some(kind), Some(p)) = (canvas.placing.take(), resp.interact_pointer_pos()) {
            let at = place_at(canvas, p);
            actions.push(CanvasAction::Add {
                kind,
                at: (at.x, at.y),
            });
        } else if !bg.adding() {
            canvas.selection.clear();
        }
    }
    band_gesture(ui, canvas, cache, bg);
    if let (Some(drop), Some(p)) = (resp.dnd_release_payload::<PaletteDrag>(), bg.pointer)
        && !input.read_only
    {
        let at = place_at(canvas, p);
        actions.push(CanvasAction::Add {
            kind: drop.0,
            at: (at.x, at.y),
        });
    }
    if resp.secondary_clicked()
        && let Some(p) = resp.interact_pointer_pos()
    {
        let target = menus::target_at(cache, p);
        canvas.menu_at = Some((p, target));
    }
    menus::background_menu(resp, canvas, input.read_only, actions);
}

/// Shift or Ctrl and drag on empty canvas: select the cards in a band.
fn band_gesture(ui: &Ui, canvas: &mut Canvas, cache: &Cache, bg: &Background<'_>) {
    // The band starts where the button went down, not where the drag was recognised.
    let press_origin = ui
        .input(|i| i.pointer.press_origin())
        .map(|p| canvas.to_screen.inverse() * p);
    if bg.response.drag_started_by(egui::PointerButton::Primary)
        && bg.adding()
        && let Some(p) = press_origin.or_else(|| bg.response.interact_pointer_pos())
    {
        canvas.gesture = Gesture::Band {
            start: p,
            now: bg.pointer.unwrap_or(p),
        };
    }
    if let Gesture::Band { start, now } = &mut canvas.gesture {
        if let Some(p) = bg.pointer {
            *now = p;
        }
        if !ui.input(|i| i.pointer.primary_down()) {
            let band = Rect::from_two_pos(*start, *now);
            if !bg.adding() {
                canvas.selection.clear();
            }
            canvas.selection.extend(cards_in(&cache.cards, band));
            canvas.gesture = Gesture::Idle;
        }
    }
}

/// Where a card dropped with the pointer at `p` goes (centred under it, snapped).
pub fn place_at(canvas: &Canvas, p: Pos2) -> Pos2 {
    let size = geometry::card_size(1);
    let min = p - size / 2.0;
    if canvas.grid_snap { snap(min) } else { min }
}
