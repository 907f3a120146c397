//! Inside the `egui::Scene`: paint the grid, connections and cards, give
//! them widgets, and hand their responses to `gestures.rs`.

use egui::containers::DragPanButtons;
use egui::emath::TSTransform;
use egui::{Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::card::{
    Palette, badge_rect, paint_badge, paint_card, paint_card_block, paint_port, paint_start,
};
use super::counts::paint_flows;
use super::edges::{EdgeStyle, paint_curve, paint_outputs};
use super::geometry::{self, GRID, curve, hit_card, input_port};
use super::gestures::{
    background_gesture, card_gesture, connect_gesture, finish_move, place_at, snapped_delta,
};
use super::menus::{self, MenuTarget};
use super::palette::PaletteDrag;
use super::{Cache, Canvas, CanvasAction, CanvasInput, Gesture};
use crate::model::StepId;
use crate::ui::style::DETAIL_SCALE;

/// Shows the scene: everything on the canvas, with pan and zoom.
pub fn scene_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    input: &CanvasInput<'_>,
    actions: &mut Vec<CanvasAction>,
) {
    let band_mode = matches!(canvas.gesture, Gesture::Band { .. })
        || ui.input(|i| i.modifiers.shift || i.modifiers.command);
    let buttons = if band_mode {
        DragPanButtons::MIDDLE
    } else {
        DragPanButtons::PRIMARY | DragPanButtons::MIDDLE
    };
    let mut scene_rect = canvas.scene_rect;
    egui::Scene::new()
        .zoom_range(0.05..=2.0)
        .drag_pan_buttons(buttons)
        .show(ui, &mut scene_rect, |ui| {
            contents_ui(ui, canvas, cache, input, actions);
        });
    canvas.scene_rect = scene_rect;
}

/// Everything drawn in canvas coordinates.
fn contents_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    input: &CanvasInput<'_>,
    actions: &mut Vec<CanvasAction>,
) {
    let colors = Palette::of(ui.visuals());
    let visible = ui.clip_rect();
    let to_global = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .unwrap_or_default();
    canvas.to_screen = to_global;
    let pointer = ui
        .input(|i| i.pointer.latest_pos())
        .map(|p| to_global.inverse() * p);
    let background = ui.response();
    let painter = ui.painter().clone();
    painter.rect_filled(visible, 0.0, colors.background);
    paint_grid(&painter, visible, to_global.scaling, &colors);

    // Where each card is drawn now: moved ones follow the drag.
    let moving = match &canvas.gesture {
        Gesture::Move { grabbed, delta } => Some(snapped_delta(canvas, cache, *grabbed, *delta)),
        _ => None,
    };
    let moved_ids = if moving.is_some() {
        canvas.selection.clone()
    } else {
        std::collections::BTreeSet::default()
    };
    let offset_of = |id: StepId| match moving {
        Some(d) if moved_ids.contains(&id) => d,
        _ => Vec2::ZERO,
    };
    let rect_of = |id: StepId| {
        cache
            .index
            .get(&id)
            .map(|&i| cache.cards[i].rect.translate(offset_of(id)))
    };

    // Zoomed far out, text is unreadable: cards become coloured blocks.
    let detailed = to_global.scaling >= DETAIL_SCALE;

    // Start card and its connection to the first step.
    paint_start(&painter, cache.start, &cache.start_lines, detailed, &colors);
    let start_port = cache.start.right_center();
    if let Some(first) = rect_of(cache.first_step) {
        paint_curve(&painter, curve(start_port, input_port(first)), colors.wire);
    }
    let start_port_resp = ui.interact(
        Rect::from_center_size(start_port, vec2(16.0, 16.0)),
        ui.make_persistent_id("start-port"),
        if input.read_only {
            Sense::hover()
        } else {
            Sense::drag()
        },
    );
    paint_port(&painter, start_port, start_port_resp.hovered(), &colors);
    connect_gesture(canvas, cache, &start_port_resp, None, actions);

    let edge_style = EdgeStyle {
        visible,
        detailed,
        colors: &colors,
    };
    for card in &cache.cards {
        paint_outputs(&painter, card, offset_of(card.id), &rect_of, &edge_style);
    }
    if let Some(overlay) = input.overlay {
        paint_flows(&painter, overlay, &cache.cards, &rect_of);
    }

    let modifiers = ui.input(|i| i.modifiers);
    let mut shown = Vec::new();
    for (i, card) in cache.cards.iter().enumerate() {
        let delta = offset_of(card.id);
        let rect = card.rect.translate(delta);
        let selected = canvas.selection.contains(&card.id);
        if !rect.expand(20.0).intersects(visible) && !selected {
            continue;
        }
        let info = &cache.info[i];
        let sense = if input.read_only {
            Sense::click()
        } else {
            Sense::click_and_drag()
        };
        let resp = ui.interact(rect, ui.make_persistent_id(("card", card.id.0)), sense);
        label_for_access(ui, &resp, &info.name, to_global);
        let resp = if detailed && canvas.gesture == Gesture::Idle && resp.hovered() {
            let run = input.overlay.and_then(|o| o.tooltip(card.id));
            resp.on_hover_ui_at_pointer(|ui| {
                ui.strong(&info.name);
                ui.label(&info.summary);
                if let Some(run) = run {
                    ui.separator();
                    ui.label(run);
                }
            })
        } else {
            resp
        };
        card_gesture(canvas, card.id, &resp, modifiers);
        if resp.secondary_clicked() {
            canvas.menu_at = Some((rect.center(), MenuTarget::Step(card.id)));
        }
        menus::card_menu(&resp, canvas, card.id, input.read_only, actions);
        if detailed {
            paint_card(
                &painter,
                rect,
                info,
                selected,
                resp.hovered(),
                card.id == cache.first_step,
                &colors,
            );
        } else {
            paint_card_block(&painter, rect, info, selected, &colors);
        }
        if let Some((severity, message)) = &info.problems {
            paint_badge(&painter, rect, *severity);
            ui.interact(
                badge_rect(rect),
                ui.make_persistent_id(("badge", card.id.0)),
                Sense::hover(),
            )
            .on_hover_text(message.as_str());
        }
        shown.push((i, delta));
    }
    // Ports after every card, so a port is never hidden under a neighbour.
    for (i, delta) in shown {
        let card = &cache.cards[i];
        for (o, (_, _, port)) in card.outputs.iter().enumerate() {
            let port = *port + delta;
            let sense = if input.read_only {
                Sense::hover()
            } else {
                Sense::drag()
            };
            let port_resp = ui.interact(
                Rect::from_center_size(port, vec2(16.0, 16.0)),
                ui.make_persistent_id(("port", card.id.0, o)),
                sense,
            );
            if detailed {
                paint_port(&painter, port, port_resp.hovered(), &colors);
            }
            connect_gesture(canvas, cache, &port_resp, Some((card.id, o)), actions);
        }
    }
    finish_move(canvas, cache, actions);

    // Connection being dragged: a curve to the pointer, the target lit up.
    if let Gesture::Connect { from, pointer } = &canvas.gesture {
        let from_port = match from {
            None => Some(start_port),
            // The output may be gone: an undo during the drag can remove it.
            Some((id, o)) => cache
                .index
                .get(id)
                .and_then(|&i| cache.cards[i].outputs.get(*o))
                .map(|out| out.2),
        };
        if let Some(p) = from_port {
            let end = hit_card(&cache.cards, *pointer)
                .and_then(|t| {
                    let r = rect_of(t)?;
                    painter.rect_stroke(
                        r.expand(3.0),
                        9.0,
                        Stroke::new(2.0, colors.selected),
                        StrokeKind::Outside,
                    );
                    Some(input_port(r))
                })
                .unwrap_or(*pointer);
            paint_curve(&painter, curve(p, end), colors.selected);
        }
    }
    background_gesture(
        ui,
        canvas,
        cache,
        input,
        &background,
        pointer,
        modifiers,
        actions,
    );
    if let Gesture::Band { start, now } = canvas.gesture {
        let band = Rect::from_two_pos(start, now);
        painter.rect_filled(band, 0.0, colors.selected.gamma_multiply(0.12));
        painter.rect_stroke(
            band,
            0.0,
            Stroke::new(1.0, colors.selected),
            StrokeKind::Inside,
        );
    }
    // A step from the palette being dragged or placed: a ghost at the pointer.
    let carried = egui::DragAndDrop::payload::<PaletteDrag>(ui.ctx())
        .map(|p| p.0)
        .or(canvas.placing);
    if let (Some(kind), Some(p)) = (carried, pointer)
        && visible.contains(p)
    {
        let ghost = Rect::from_min_size(place_at(canvas, p), geometry::card_size(1));
        painter.rect_stroke(
            ghost,
            8.0,
            Stroke::new(1.5, colors.selected),
            StrokeKind::Inside,
        );
        painter.text(
            ghost.center(),
            egui::Align2::CENTER_CENTER,
            kind.label(),
            egui::FontId::proportional(13.0),
            colors.weak,
        );
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

/// Dots every grid step; coarser when zoomed out so it stays light.
fn paint_grid(painter: &egui::Painter, visible: Rect, scale: f32, colors: &Palette) {
    let mut spacing = GRID;
    while spacing * scale < 12.0 {
        spacing *= 5.0;
    }
    let x0 = (visible.left() / spacing).floor() as i64;
    let x1 = (visible.right() / spacing).ceil() as i64;
    let y0 = (visible.top() / spacing).floor() as i64;
    let y1 = (visible.bottom() / spacing).ceil() as i64;
    // Saturating: a far-off view (huge positions in a file) must not overflow.
    if x1.saturating_sub(x0).saturating_mul(y1.saturating_sub(y0)) > 40_000 {
        return;
    }
    let r = 1.0 / scale.max(0.01);
    for x in x0..=x1 {
        for y in y0..=y1 {
            painter.circle_filled(pos2(x as f32 * spacing, y as f32 * spacing), r, colors.grid);
        }
    }
}
