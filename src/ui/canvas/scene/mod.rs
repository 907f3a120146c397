//! Inside the `egui::Scene`: paint the grid, connections and cards, give
//! them widgets, and hand their responses to `gestures.rs`.

mod cards;

use std::collections::BTreeSet;

use egui::containers::DragPanButtons;
use egui::emath::TSTransform;
use egui::{Painter, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::card::{Palette, paint_port, paint_start};
use super::counts::paint_flows;
use super::edges::{EdgeStyle, paint_curve, paint_outputs};
use super::geometry::{self, GRID, curve, hit_card, input_port};
use super::gestures::{
    Background, background_gesture, connect_gesture, finish_move, place_at, snapped_delta,
};
use super::palette::PaletteDrag;
use super::{Cache, Canvas, CanvasAction, CanvasInput, Gesture};
use crate::model::StepId;
use crate::ui::style::DETAIL_SCALE;
use cards::{card_ui, ports_ui};

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

/// What every part of one frame's scene reads: the data, where cards are
/// drawn now and how.
struct SceneFrame<'a> {
    cache: &'a Cache,
    input: &'a CanvasInput<'a>,
    painter: Painter,
    colors: Palette,
    /// Canvas to screen.
    to_global: TSTransform,
    /// The visible part of the canvas.
    visible: Rect,
    /// Zoomed far out, text is unreadable: cards become coloured blocks.
    detailed: bool,
    /// The selection's drag, snapped, while a move is in progress.
    moving: Option<Vec2>,
    /// The steps that move with it.
    moved: BTreeSet<StepId>,
}

impl<'a> SceneFrame<'a> {
    fn new(ui: &Ui, canvas: &Canvas, cache: &'a Cache, input: &'a CanvasInput<'a>) -> Self {
        let to_global = canvas.to_screen;
        let moving = match &canvas.gesture {
            Gesture::Move { grabbed, delta } => {
                Some(snapped_delta(canvas, cache, *grabbed, *delta))
            }
            _ => None,
        };
        SceneFrame {
            cache,
            input,
            painter: ui.painter().clone(),
            colors: Palette::of(ui.visuals()),
            to_global,
            visible: ui.clip_rect(),
            detailed: to_global.scaling >= DETAIL_SCALE,
            moving,
            moved: if moving.is_some() {
                canvas.selection.clone()
            } else {
                BTreeSet::default()
            },
        }
    }

    /// How far a card is drawn from where it is: moved ones follow the drag.
    fn offset_of(&self, id: StepId) -> Vec2 {
        match self.moving {
            Some(d) if self.moved.contains(&id) => d,
            _ => Vec2::ZERO,
        }
    }

    /// Where a step's card is drawn now.
    fn rect_of(&self, id: StepId) -> Option<Rect> {
        self.cache
            .index
            .get(&id)
            .map(|&i| self.cache.cards[i].rect.translate(self.offset_of(id)))
    }

    /// What a port senses: drags, or only hovers on a read-only version.
    fn port_sense(&self) -> Sense {
        if self.input.read_only {
            Sense::hover()
        } else {
            Sense::drag()
        }
    }
}

/// Everything drawn in canvas coordinates, back to front.
fn contents_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    input: &CanvasInput<'_>,
    actions: &mut Vec<CanvasAction>,
) {
    let to_global = ui
        .ctx()
        .layer_transform_to_global(ui.layer_id())
        .unwrap_or_default();
    canvas.to_screen = to_global;
    let pointer = ui
        .input(|i| i.pointer.latest_pos())
        .map(|p| to_global.inverse() * p);
    let background = ui.response();
    let f = SceneFrame::new(ui, canvas, cache, input);
    f.painter.rect_filled(f.visible, 0.0, f.colors.background);
    paint_grid(&f.painter, f.visible, to_global.scaling, &f.colors);
    let start_port = start_ui(ui, canvas, &f, actions);
    paint_connections(&f);
    let modifiers = ui.input(|i| i.modifiers);
    let shown: Vec<(usize, Vec2)> = (0..cache.cards.len())
        .filter_map(|i| Some((i, card_ui(ui, canvas, &f, i, modifiers, actions)?)))
        .collect();
    ports_ui(ui, canvas, &f, &shown, actions);
    finish_move(canvas, cache, actions);
    paint_connection_preview(canvas, &f, start_port);
    let background = Background {
        response: &background,
        pointer,
        modifiers,
    };
    background_gesture(ui, canvas, cache, input, &background, actions);
    paint_band(canvas, &f);
    paint_ghost(ui.ctx(), canvas, &f, pointer);
}

/// The Start card, its connection to the first step, and its port (dragged
/// out to choose the first step); returns where the port is.
fn start_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    f: &SceneFrame<'_>,
    actions: &mut Vec<CanvasAction>,
) -> Pos2 {
    let cache = f.cache;
    paint_start(
        &f.painter,
        cache.start,
        &cache.start_lines,
        f.detailed,
        &f.colors,
    );
    let start_port = cache.start.right_center();
    if let Some(first) = f.rect_of(cache.first_step) {
        paint_curve(
            &f.painter,
            curve(start_port, input_port(first)),
            f.colors.wire,
        );
    }
    let resp = ui.interact(
        Rect::from_center_size(start_port, vec2(16.0, 16.0)),
        ui.make_persistent_id("start-port"),
        f.port_sense(),
    );
    paint_port(&f.painter, start_port, resp.hovered(), &f.colors);
    connect_gesture(canvas, cache, &resp, None, actions);
    start_port
}

/// Every connection, thickened by a run's passes when there is one.
fn paint_connections(f: &SceneFrame<'_>) {
    // Zoomed out there are no labels, so no cards to keep them off.
    let cards: Vec<Rect> = if f.detailed {
        f.cache
            .cards
            .iter()
            .filter_map(|c| f.rect_of(c.id))
            .filter(|r| r.intersects(f.visible))
            .collect()
    } else {
        Vec::new()
    };
    let style = EdgeStyle {
        visible: f.visible,
        detailed: f.detailed,
        colors: &f.colors,
        cards: &cards,
    };
    let rect_of = |id| f.rect_of(id);
    for card in &f.cache.cards {
        paint_outputs(&f.painter, card, f.offset_of(card.id), &rect_of, &style);
    }
    if let Some(overlay) = f.input.overlay {
        paint_flows(&f.painter, overlay, &f.cache.cards, &rect_of);
    }
}

/// A connection being dragged: a curve to the pointer, the target lit up.
fn paint_connection_preview(canvas: &Canvas, f: &SceneFrame<'_>, start_port: Pos2) {
    let Gesture::Connect { from, pointer } = &canvas.gesture else {
        return;
    };
    let cache = f.cache;
    let from_port = match from {
        None => Some(start_port),
        // The output may be gone: an undo during the drag can remove it.
        Some((id, o)) => cache
            .index
            .get(id)
            .and_then(|&i| cache.cards[i].outputs.get(*o))
            .map(|out| out.2),
    };
    let Some(p) = from_port else {
        return;
    };
    let end = hit_card(&cache.cards, *pointer)
        .and_then(|t| {
            let r = f.rect_of(t)?;
            f.painter.rect_stroke(
                r.expand(3.0),
                9.0,
                Stroke::new(2.0, f.colors.selected),
                StrokeKind::Outside,
            );
            Some(input_port(r))
        })
        .unwrap_or(*pointer);
    paint_curve(&f.painter, curve(p, end), f.colors.selected);
}

/// The rubber band, while selecting with it.
fn paint_band(canvas: &Canvas, f: &SceneFrame<'_>) {
    if let Gesture::Band { start, now } = canvas.gesture {
        let band = Rect::from_two_pos(start, now);
        let selected = f.colors.selected;
        f.painter
            .rect_filled(band, 0.0, selected.gamma_multiply(0.12));
        f.painter
            .rect_stroke(band, 0.0, Stroke::new(1.0, selected), StrokeKind::Inside);
    }
}

/// A step from the palette being dragged or placed: a ghost at the pointer.
fn paint_ghost(ctx: &egui::Context, canvas: &Canvas, f: &SceneFrame<'_>, pointer: Option<Pos2>) {
    let carried = egui::DragAndDrop::payload::<PaletteDrag>(ctx)
        .map(|p| p.0)
        .or(canvas.placing);
    let (Some(kind), Some(p)) = (carried, pointer) else {
        return;
    };
    if !f.visible.contains(p) {
        return;
    }
    let ghost = Rect::from_min_size(place_at(canvas, p), geometry::card_size(1));
    f.painter.rect_stroke(
        ghost,
        8.0,
        Stroke::new(1.5, f.colors.selected),
        StrokeKind::Inside,
    );
    f.painter.text(
        ghost.center(),
        egui::Align2::CENTER_CENTER,
        kind.label(),
        egui::FontId::proportional(13.0),
        f.colors.weak,
    );
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
