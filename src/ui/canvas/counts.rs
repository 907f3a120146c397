//! Drawing a run's [`Overlay`] on the canvas. Two parts:
//!
//! - [`paint_flows`], inside the scene (canvas units): connections thicken
//!   with the customers who passed along them.
//! - [`counts_ui`], right after the scene, in screen units on a layer just
//!   above the canvas: the counts under each card, the exit badges and the
//!   connection counts. Text is drawn at its screen size there: scaled down
//!   inside the zoomed scene, thin glyphs (1, r, t) vanish.

use egui::emath::TSTransform;
use egui::{Align2, Color32, LayerId, Painter, Pos2, Rect, Sense, Stroke, Ui, UiBuilder, vec2};

use super::Cache;
use super::card::Palette;
use super::geometry::{CardGeometry, END_OFFSET, curve, curve_point, input_port};
use super::overlay::{Overlay, TileAt};
use crate::model::StepId;
use crate::ui::style::{DETAIL_SCALE, Pill, colours, count, paint_pill};

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
            let n = overlay.passes_of(card.id, o);
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

/// What every count of one frame needs.
struct Counts<'a> {
    overlay: &'a Overlay,
    cache: &'a Cache,
    to_screen: TSTransform,
    painter: Painter,
    colors: Palette,
    /// Font size of the counts under a card.
    text_px: f32,
    /// Font size of the badges and connection counts.
    small_px: f32,
    /// How strongly the pills are coloured (faded when the run is stale).
    fade: f32,
}

/// Draws the counts over the canvas drawn this frame (`cache` and
/// `to_screen` from the canvas). Each count is a hover area with the step's
/// full tile analytics and an accessible label ("Welcome email: 120 in it
/// now, 4,500 reached so far").
pub fn counts_ui(ui: &mut Ui, overlay: &Overlay, cache: &Cache, to_screen: TSTransform) {
    let scale = to_screen.scaling;
    if scale < DETAIL_SCALE {
        return;
    }
    let layer = LayerId::new(ui.layer_id().order, ui.make_persistent_id("run-overlay"));
    ui.ctx().set_sublayer(ui.layer_id(), layer);
    let clip = ui.clip_rect();
    let mut ui = ui.new_child(UiBuilder::new().layer_id(layer).max_rect(clip));
    ui.set_clip_rect(clip);
    let counts = Counts {
        overlay,
        cache,
        to_screen,
        painter: ui.painter().clone(),
        colors: Palette::of(ui.visuals()),
        text_px: (11.5 * scale).clamp(10.0, 14.0).round(),
        small_px: (10.5 * scale).clamp(9.5, 13.0).round(),
        fade: if overlay.stale { 0.45 } else { 1.0 },
    };
    for card in &cache.cards {
        let rect = to_screen * card.rect;
        paint_flow_labels(&counts, card);
        if !rect.expand(80.0).intersects(clip) {
            continue;
        }
        if let Some(tile) = overlay.steps.get(&card.id) {
            let under = step_counts_ui(&mut ui, &counts, card.id, rect, tile);
            paint_exit_badges(&counts, card.id, tile, under);
        }
    }
}

/// The "now / reached" pill under a card, with its hover text and
/// accessible label; returns the pill.
fn step_counts_ui(ui: &mut Ui, counts: &Counts<'_>, id: StepId, rect: Rect, t: &TileAt) -> Rect {
    let cache = counts.cache;
    let name = cache
        .index
        .get(&id)
        .map_or("", |&i| cache.info[i].name.as_str());
    let pill = paint_pill(
        &counts.painter,
        rect.center_bottom() + vec2(0.0, 4.0),
        Align2::CENTER_TOP,
        format!("{} now\n{} reached", count(t.now), count(t.reached)),
        &Pill {
            font: counts.text_px,
            text: Color32::WHITE,
            fill: colours::NOW.gamma_multiply(counts.fade),
            stroke: Stroke::NONE,
            pad: vec2(6.0, 2.0),
            radius: 6,
        },
    );
    let resp = ui.interact(
        pill,
        ui.make_persistent_id(("run-counts", id.0)),
        Sense::hover(),
    );
    let label = format!(
        "{name}: {} in it now, {} reached so far",
        count(t.now),
        count(t.reached)
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    if let Some(tip) = counts.overlay.tooltip(id) {
        resp.on_hover_text(format!("{name}\n{tip}"));
    }
    pill
}

/// One badge per exit reason (and per previewed cut-off) under the counts
/// pill `under`, one per line and centred: neighbours never overlap.
fn paint_exit_badges(counts: &Counts<'_>, id: StepId, t: &TileAt, under: Rect) {
    let badges = [
        (t.finished, "completed", colours::COMPLETED),
        (t.suppressed, "suppressed", colours::SUPPRESSED),
        (t.exit_trigger, "exit trigger", colours::EXIT_TRIGGER),
        (t.stopped, "stopped", colours::STOPPED),
    ];
    let cut = counts
        .overlay
        .cut_off
        .get(&id)
        .map(|&n| (n, "cut off by the previewed stop", colours::STOPPED));
    let mut y = under.bottom() + 3.0;
    for (n, what, colour) in badges.into_iter().chain(cut) {
        if n == 0 {
            continue;
        }
        let r = paint_pill(
            &counts.painter,
            Pos2::new(under.center().x, y),
            Align2::CENTER_TOP,
            format!("{} {what}", count(n)),
            &Pill {
                font: counts.small_px,
                text: Color32::WHITE,
                fill: colour.gamma_multiply(counts.fade),
                stroke: Stroke::NONE,
                pad: vec2(5.0, 1.5),
                radius: 6,
            },
        );
        y = r.bottom() + 3.0;
    }
}

/// The count on each connection out of `card`, above the line's middle
/// (clear of the arrowhead and of a branch's own label).
fn paint_flow_labels(counts: &Counts<'_>, card: &CardGeometry) {
    let (overlay, cache, to_screen, px) = (
        counts.overlay,
        counts.cache,
        counts.to_screen,
        counts.small_px,
    );
    let several = card.outputs.len() > 1;
    for (o, (_, target, port)) in card.outputs.iter().enumerate() {
        let n = overlay.passes_of(card.id, o);
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
        paint_pill(
            &counts.painter,
            at,
            Align2::CENTER_CENTER,
            count(n),
            &Pill {
                font: px,
                text: counts.colors.text,
                fill: counts.colors.label_bg,
                stroke: Stroke::new(1.0, colours::NOW.gamma_multiply(0.5)),
                pad: vec2(4.0, 1.0),
                radius: 5,
            },
        );
    }
}
