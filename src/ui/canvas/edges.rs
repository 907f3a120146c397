//! Painting connections: curves with arrowheads, labelled where a step has
//! several outputs, and End markers where a path ends.

use egui::epaint::CubicBezierShape;
use egui::{Align2, Color32, Painter, Rect, Shape, Stroke, vec2};

use super::card::{Palette, paint_end};
use super::geometry::{CardGeometry, END_OFFSET, arrowhead, curve, curve_point, input_port};
use crate::ui::style::{Pill, paint_pill};

/// How to paint connections: the view, the zoom detail and the colours.
pub struct EdgeStyle<'a> {
    /// The visible part of the canvas (connections outside are skipped).
    pub visible: Rect,
    /// False when zoomed far out: no labels, End markers as dots.
    pub detailed: bool,
    /// The colours.
    pub colors: &'a Palette,
    /// The cards in view: an output's label goes where it covers none.
    pub cards: &'a [Rect],
}

/// Paints every connection out of `card` (drawn moved by `delta`), given
/// where each card is now.
pub fn paint_outputs(
    painter: &Painter,
    card: &CardGeometry,
    delta: egui::Vec2,
    target_rect: &dyn Fn(crate::model::StepId) -> Option<Rect>,
    style: &EdgeStyle<'_>,
) {
    let colors = style.colors;
    let labelled = style.detailed && card.outputs.len() > 1;
    for (label, target, port) in &card.outputs {
        let port = *port + delta;
        let Some(to) = target.and_then(target_rect) else {
            // A path ends here (or points at a missing step, which validation reports).
            let end = port + vec2(END_OFFSET, 0.0);
            if style.visible.contains(end) {
                painter.line_segment([port, end - vec2(7.0, 0.0)], Stroke::new(1.5, colors.wire));
                if style.detailed {
                    paint_end(painter, end, colors);
                } else {
                    painter.circle_filled(end, 7.0, colors.weak);
                }
                if labelled {
                    paint_label(painter, port + vec2(END_OFFSET * 0.5, -9.0), label, colors);
                }
            }
            continue;
        };
        let c = curve(port, input_port(to));
        let bbox = Rect::from_points(&c);
        if !bbox.intersects(style.visible) {
            continue;
        }
        paint_curve(painter, c, colors.wire);
        if labelled {
            paint_label(painter, label_place(&c, label, style.cards), label, colors);
        }
    }
}

/// Where an output's label goes along its curve `c`: the middle, or the
/// nearest place to it that covers no card (the middle if none is free;
/// the places are those the run's counts try, `count_layout.rs`).
fn label_place(c: &[egui::Pos2; 4], label: &str, cards: &[Rect]) -> egui::Pos2 {
    let size = super::count_layout::text_size(label, 11.0) + vec2(10.0, 4.0);
    [0.5, 0.35, 0.65, 0.2, 0.8]
        .iter()
        .map(|&t| curve_point(c, t))
        .find(|&at| {
            let r = Rect::from_center_size(at, size);
            !cards.iter().any(|card| card.expand(2.0).intersects(r))
        })
        .unwrap_or_else(|| curve_point(c, 0.5))
}

/// Paints one curve with an arrowhead at its end.
pub fn paint_curve(painter: &Painter, c: [egui::Pos2; 4], colour: Color32) {
    let stroke = Stroke::new(1.8, colour);
    // Stop the line short of the tip so the arrowhead stays sharp.
    let tip = c[3];
    let dir = c[3] - c[2];
    let [a, b, d] = arrowhead(tip, dir, 9.0);
    let mut shortened = c;
    shortened[3] = tip - dir.normalized() * 6.0;
    painter.add(CubicBezierShape::from_points_stroke(
        shortened,
        false,
        Color32::TRANSPARENT,
        stroke,
    ));
    painter.add(Shape::convex_polygon(vec![a, b, d], colour, Stroke::NONE));
}

/// A small label on a background pill, centred at `at`.
pub fn paint_label(painter: &Painter, at: egui::Pos2, text: &str, colors: &Palette) {
    let pill = Pill {
        font: 11.0,
        text: colors.text,
        fill: colors.label_bg,
        stroke: Stroke::new(1.0, colors.border),
        pad: vec2(5.0, 2.0),
        radius: 6,
    };
    paint_pill(painter, at, Align2::CENTER_CENTER, text.to_owned(), &pill);
}
