//! Drawing the run on the canvas. Two parts:
//!
//! - [`paint_flows`], called by the canvas inside its scene (canvas units):
//!   connections thicken with the customers who passed along them.
//! - [`overlay_ui`], called by the app right after the canvas, in screen
//!   units on a layer just above the canvas: the counts under each card,
//!   the exit badges and the connection counts. Text is drawn at its screen
//!   size there: scaled down inside the zoomed scene, thin glyphs (1, r, t)
//!   vanish.

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, FontId, LayerId, Painter, Pos2, Rect, Sense, Stroke, Ui,
    UiBuilder, vec2,
};

use super::overlay::{Overlay, colours, count};
use crate::model::StepId;
use crate::ui::canvas::Cache;
use crate::ui::canvas::card::Palette;
use crate::ui::canvas::geometry::{CardGeometry, END_OFFSET, curve, curve_point, input_port};

/// Below this zoom the canvas draws blocks without text, and so does the overlay.
const DETAIL_SCALE: f32 = 0.3;

/// The width of a connection that `n` of at most `max` customers passed along.
fn flow_width(n: u64, max: u64) -> f32 {
    2.0 + 10.0 * (n as f32 / max.max(1) as f32).sqrt()
}

/// Thickens connections by their passes; called after the connections are
/// painted and before the cards, in canvas units.
pub fn paint_flows(
    painter: &Painter,
    overlay: &Overlay,
    cards: &[CardGeometry],
    rect_of: &dyn Fn(StepId) -> Option<Rect>,
) {
    let fade = if overlay.stale { 0.35 } else { 0.8 };
    let colour = colours::NOW.gamma_multiply(fade * 0.45);
    for card in cards {
        let Some(from) = rect_of(card.id) else {
            continue;
        };
        let delta = from.min - card.rect.min;
        for (o, (_, target, port)) in card.outputs.iter().enumerate() {
            let n = overlay.passes.get(&(card.id, o)).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let port = *port + delta;
            let stroke = Stroke::new(flow_width(n, overlay.max_passes), colour);
            if let Some(to) = target.and_then(rect_of) {
                painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
                    curve(port, input_port(to)),
                    false,
                    Color32::TRANSPARENT,
                    stroke,
                ));
            } else {
                painter.line_segment([port, port + vec2(END_OFFSET - 7.0, 0.0)], stroke);
            }
        }
    }
}

/// Draws the counts over the canvas drawn this frame (`cache` and
/// `to_screen` from the canvas). Each count is a hover area with the step's
/// full tile analytics and an accessible label ("Welcome email: 120 in it
/// now, 4,500 reached so far").
pub fn overlay_ui(ui: &mut Ui, overlay: &Overlay, cache: &Cache, to_screen: TSTransform) {
    let scale = to_screen.scaling;
    if scale < DETAIL_SCALE {
        return;
    }
    let layer = LayerId::new(ui.layer_id().order, ui.make_persistent_id("run-overlay"));
    ui.ctx().set_sublayer(ui.layer_id(), layer);
    let clip = ui.clip_rect();
    let mut ui = ui.new_child(UiBuilder::new().layer_id(layer).max_rect(clip));
    ui.set_clip_rect(clip);
    let painter = ui.painter().clone();
    let colors = Palette::of(ui.visuals());
    let text_px = (11.5 * scale).clamp(10.0, 14.0).round();
    let small_px = (10.5 * scale).clamp(9.5, 13.0).round();
    let fade = if overlay.stale { 0.45 } else { 1.0 };
    for card in &cache.cards {
        let rect = to_screen * card.rect;
        flow_labels(&painter, overlay, cache, card, to_screen, small_px, &colors);
        if !rect.expand(80.0).intersects(clip) {
            continue;
        }
        let Some(t) = overlay.steps.get(&card.id) else {
            continue;
        };
        let name = cache
            .index
            .get(&card.id)
            .map_or("", |&i| cache.info[i].name.as_str());
        let text = format!("{} now\n{} reached", count(t.now), count(t.reached));
        let galley = painter.layout_no_wrap(text, FontId::proportional(text_px), Color32::WHITE);
        let pad = vec2(6.0, 2.0);
        let pill = Align2::CENTER_TOP.anchor_size(
            rect.center_bottom() + vec2(0.0, 4.0),
            galley.size() + pad * 2.0,
        );
        painter.rect_filled(
            pill,
            CornerRadius::same(6),
            colours::NOW.gamma_multiply(fade),
        );
        painter.galley(pill.min + pad, galley, Color32::WHITE);
        let resp = ui.interact(
            pill,
            ui.make_persistent_id(("run-counts", card.id.0)),
            Sense::hover(),
        );
        let label = format!(
            "{name}: {} in it now, {} reached so far",
            count(t.now),
            count(t.reached)
        );
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        if let Some(tip) = overlay.tooltip(card.id) {
            resp.on_hover_text(format!("{name}\n{tip}"));
        }
        let badges = [
            (t.finished, "completed", colours::COMPLETED),
            (t.suppressed, "suppressed", colours::SUPPRESSED),
            (t.exit_trigger, "exit trigger", colours::EXIT_TRIGGER),
            (t.stopped, "stopped", colours::STOPPED),
        ];
        let cut = overlay
            .cut_off
            .get(&card.id)
            .map(|&n| (n, "cut off by the previewed stop", colours::STOPPED));
        // One badge per line, centred under the counts: neighbours never overlap.
        let mut y = pill.bottom() + 3.0;
        for (n, what, colour) in badges.into_iter().chain(cut) {
            if n == 0 {
                continue;
            }
            let galley = painter.layout_no_wrap(
                format!("{} {what}", count(n)),
                FontId::proportional(small_px),
                Color32::WHITE,
            );
            let pad = vec2(5.0, 1.5);
            let r = Align2::CENTER_TOP
                .anchor_size(Pos2::new(pill.center().x, y), galley.size() + pad * 2.0);
            painter.rect_filled(r, CornerRadius::same(6), colour.gamma_multiply(fade));
            painter.galley(r.min + pad, galley, Color32::WHITE);
            y = r.bottom() + 3.0;
        }
    }
}

/// The count on each connection out of `card`, above the line's middle
/// (clear of the arrowhead and of a branch's own label).
fn flow_labels(
    painter: &Painter,
    overlay: &Overlay,
    cache: &Cache,
    card: &CardGeometry,
    to_screen: TSTransform,
    px: f32,
    colors: &Palette,
) {
    let several = card.outputs.len() > 1;
    for (o, (_, target, port)) in card.outputs.iter().enumerate() {
        let n = overlay.passes.get(&(card.id, o)).copied().unwrap_or(0);
        if n == 0 {
            continue;
        }
        let width = flow_width(n, overlay.max_passes) * to_screen.scaling;
        let lift = vec2(
            0.0,
            -(px * 0.8 + width * 0.5 + if several { 8.0 } else { 2.0 }),
        );
        let target_rect = target
            .and_then(|t| cache.index.get(&t))
            .map(|&i| cache.cards[i].rect);
        let at = match target_rect {
            Some(to) => to_screen * curve_point(&curve(*port, input_port(to)), 0.5) + lift,
            None => to_screen * (*port + vec2(END_OFFSET * 0.5, 0.0)) + lift,
        };
        let galley = painter.layout_no_wrap(count(n), FontId::proportional(px), colors.text);
        let rect = Align2::CENTER_CENTER
            .anchor_size(at, galley.size())
            .expand2(vec2(4.0, 1.0));
        painter.rect_filled(rect, CornerRadius::same(5), colors.label_bg);
        painter.rect_stroke(
            rect,
            CornerRadius::same(5),
            Stroke::new(1.0, colours::NOW.gamma_multiply(0.5)),
            egui::StrokeKind::Inside,
        );
        painter.galley(rect.min + vec2(4.0, 1.0), galley, colors.text);
    }
}
