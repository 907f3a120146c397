//! Drawing a run's [`Overlay`] on the canvas. Two parts:
//!
//! - [`paint_flows`], inside the scene (canvas units): connections thicken
//!   with the customers who passed along them.
//! - [`counts_ui`], right after the scene, on a layer just above the
//!   canvas: the counts inside each card (in the summary's place), the Start
//!   card's arrivals under it, and each connection's count where it covers
//!   nothing (`count_layout.rs` places them in canvas units; they are drawn
//!   at the zoomed size, so they keep their place at every zoom).

use egui::emath::TSTransform;
use egui::{
    Align2, Color32, CornerRadius, LayerId, Painter, Rect, Sense, Stroke, Ui, UiBuilder, vec2,
};

use super::Cache;
use super::card::{Palette, one_line};
use super::count_layout::{
    DETAIL_FONT, FLOW_FONT, FlowLabel, KEY_FONT, START_ROW, card_rows, flow_labels, start_box,
};
use super::geometry::{CardGeometry, END_OFFSET, curve, input_port};
use super::overlay::{Overlay, TileAt, share_text};
use crate::model::StepId;
use crate::ui::compare::{CardDiff, tone_colour};
use crate::ui::style::{DETAIL_SCALE, colours, count};

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
    /// Canvas units to screen points.
    scale: f32,
    /// How strongly the counts are coloured (faded when the run is stale).
    fade: f32,
}

/// Draws the counts over the canvas drawn this frame (`cache` and
/// `to_screen` from the canvas). Each card's counts are a hover area with
/// the step's full tile analytics and an accessible label ("Welcome email:
/// 120 in it now, 4,500 reached so far").
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
        scale,
        fade: if overlay.stale { 0.45 } else { 1.0 },
    };
    let start_lines = match &overlay.compared {
        Some(compared) => compared.legend.clone(),
        None => overlay
            .entry
            .as_ref()
            .map(super::overlay::EntryCounts::lines)
            .unwrap_or_default(),
    };
    let start = start_box(cache.start, start_lines.len());
    for label in flow_labels(&cache.cards, &[cache.start, start], overlay) {
        paint_flow_label(&counts, &label);
    }
    paint_start_box(&counts, start, &start_lines);
    for card in &cache.cards {
        if !(to_screen * card.rect).intersects(clip) {
            continue;
        }
        if let Some(compared) = &overlay.compared {
            if let Some(diff) = compared.steps.get(&card.id) {
                diff_counts_ui(&mut ui, &counts, card, diff);
            }
        } else if let Some(tile) = overlay.steps.get(&card.id) {
            step_counts_ui(&mut ui, &counts, card, tile);
        }
    }
}

/// One line of text at canvas size `font`, cut with "…" to `row` (screen).
fn paint_row(counts: &Counts<'_>, row: Rect, text: &str, font: f32, colour: Color32) {
    let g = one_line(
        &counts.painter,
        text,
        font * counts.scale,
        colour,
        row.width(),
    );
    counts.painter.galley(row.left_top(), g, colour);
}

/// The second row of a card: who is there, who finished the journey
/// from it, who left early (the reasons are in its hover text).
fn details(t: &TileAt, cut: Option<u64>) -> String {
    let left = t.suppressed + t.exit_trigger + t.stopped;
    let parts: Vec<String> = [
        (t.now, "here now"),
        (t.finished, "finished the journey"),
        (left, "left early"),
        (cut.unwrap_or(0), "would be cut off"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{} {what}", count(*n)))
    .collect();
    if parts.is_empty() {
        format!("{} moved on", count(t.completed))
    } else {
        parts.join(" · ")
    }
}

/// The second row of a message card: when quiet hours or a cap changed its
/// sends, those (the delivery story, S18–S19; who left early is in the hover
/// text), else the details and the messages sent.
fn detail_row(
    details: String,
    totals: Option<&super::overlay::MessageTotals>,
    words: Option<&str>,
) -> String {
    let Some(words) = words else {
        return details;
    };
    let words = words.replace('\n', " · ");
    if totals.is_some_and(|m| m.held + m.skipped + m.capped > 0) {
        words
    } else {
        format!("{details} · {words}")
    }
}

/// A card's two count rows (key figure with its share of the previous
/// steps, then the details), with hover text and accessible label.
fn step_counts_ui(ui: &mut Ui, counts: &Counts<'_>, card: &CardGeometry, t: &TileAt) {
    let (cache, overlay) = (counts.cache, counts.overlay);
    let name = cache
        .index
        .get(&card.id)
        .map_or("", |&i| cache.info[i].name.as_str());
    let [key, more] = card_rows(card.rect).map(|r| counts.to_screen * r);
    let share = overlay
        .shares
        .get(&card.id)
        .map(|s| format!(" · {}", share_text(*s)))
        .unwrap_or_default();
    let strong = colours::NOW.gamma_multiply(counts.fade);
    paint_row(
        counts,
        key,
        &format!("{} reached{share}", count(t.reached)),
        KEY_FONT,
        strong,
    );
    let cut = overlay.cut_off.get(&card.id).copied();
    // A message step's sent, held, skipped and capped (whole run, non-zero only).
    let totals = overlay.messages.get(&card.id);
    let messages = totals.and_then(super::overlay::MessageTotals::words);
    let detail = detail_row(details(t, cut), totals, messages.as_deref());
    paint_row(counts, more, &detail, DETAIL_FONT, counts.colors.weak);
    let resp = ui.interact(
        key.union(more),
        ui.make_persistent_id(("run-counts", card.id.0)),
        Sense::hover(),
    );
    // The message totals are in the row drawn above and in the hover text.
    let label = format!(
        "{name}: {} in it now, {} reached so far",
        count(t.now),
        count(t.reached)
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    let explained = overlay
        .messages
        .get(&card.id)
        .filter(|_| messages.is_some())
        .map(|m| format!("\nMessages over the whole run:\n{}", m.explained()))
        .unwrap_or_default();
    if let Some(tip) = overlay.tooltip(card.id) {
        resp.on_hover_text(format!("{name}\n{tip}{explained}"));
    }
}

/// A card's two rows in a comparison: B − A of its reached count with the
/// interval (coloured by whether it excludes zero), then A and B; with hover
/// text and accessible label ("Welcome email: +312 reached (+120…+505)").
fn diff_counts_ui(ui: &mut Ui, counts: &Counts<'_>, card: &CardGeometry, diff: &CardDiff) {
    let name = counts
        .cache
        .index
        .get(&card.id)
        .map_or("", |&i| counts.cache.info[i].name.as_str());
    let [key, more] = card_rows(card.rect).map(|r| counts.to_screen * r);
    let colour = tone_colour(diff.tone).gamma_multiply(counts.fade);
    paint_row(counts, key, &diff.key, KEY_FONT, colour);
    paint_row(counts, more, &diff.detail, DETAIL_FONT, counts.colors.weak);
    let resp = ui.interact(
        key.union(more),
        ui.make_persistent_id(("compare-counts", card.id.0)),
        Sense::hover(),
    );
    let label = format!("{name}: {}", diff.key);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    let stale = if counts.overlay.stale {
        "\n(the design changed since this comparison)"
    } else {
        ""
    };
    resp.on_hover_text(format!("{name}\n{}{stale}", diff.explained));
}

/// The Start card's arrivals and entries, in a box under it.
fn paint_start_box(counts: &Counts<'_>, rect: Rect, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let screen = counts.to_screen * rect;
    let c = &counts.colors;
    counts
        .painter
        .rect_filled(screen, CornerRadius::same(6), c.label_bg);
    counts.painter.rect_stroke(
        screen,
        CornerRadius::same(6),
        Stroke::new(1.0, colours::GOOD),
        egui::StrokeKind::Inside,
    );
    for (i, line) in lines.iter().enumerate() {
        let top = rect.top() + 4.0 + i as f32 * START_ROW;
        let row = Rect::from_min_size(
            egui::pos2(rect.left() + 8.0, top),
            vec2(rect.width() - 12.0, START_ROW),
        );
        let colour = if i < 2 { c.text } else { c.weak };
        paint_row(counts, counts.to_screen * row, line, DETAIL_FONT, colour);
    }
}

/// One connection's count on its pill.
fn paint_flow_label(counts: &Counts<'_>, label: &FlowLabel) {
    let rect = counts.to_screen * label.rect;
    let radius = CornerRadius::same(5);
    counts
        .painter
        .rect_filled(rect, radius, counts.colors.label_bg);
    counts.painter.rect_stroke(
        rect,
        radius,
        Stroke::new(1.0, colours::NOW.gamma_multiply(0.5 * counts.fade)),
        egui::StrokeKind::Inside,
    );
    counts.painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        &label.text,
        egui::FontId::proportional(FLOW_FONT * counts.scale),
        counts.colors.text,
    );
}

#[cfg(test)]
mod tests {
    use super::detail_row;
    use crate::ui::canvas::overlay::MessageTotals;

    #[test]
    fn s18_s19_a_held_or_capped_message_card_shows_its_sends_before_its_details() {
        let held = MessageTotals {
            sent: 9_945,
            held: 4_650,
            skipped: 0,
            capped: 12,
        };
        let words = held.words();
        let row = detail_row("12 left early".into(), Some(&held), words.as_deref());
        assert_eq!(row, "9,945 sent · 4,650 held · 12 capped");
        let plain = MessageTotals {
            sent: 500,
            held: 0,
            skipped: 0,
            capped: 0,
        };
        let words = plain.words();
        let row = detail_row("500 moved on".into(), Some(&plain), words.as_deref());
        assert_eq!(row, "500 moved on · 500 sent");
        assert_eq!(detail_row("3 here now".into(), None, None), "3 here now");
    }
}
