//! Where the report's drawing puts each card, port and connection: the
//! canvas's geometry (`ui::canvas::geometry`) computed again from the
//! model's step positions in plain numbers, so the report needs no egui.
//! A test checks both give the same rectangles.

use crate::model::{Step, StepId, Version};

/// Width of a step card (the canvas's `CARD_WIDTH`).
pub const CARD_WIDTH: f32 = 180.0;
/// Height of a card with one or two outputs (`CARD_MIN_HEIGHT`).
pub const CARD_MIN_HEIGHT: f32 = 64.0;
/// Vertical room per output port (`PORT_SPACING`).
pub const PORT_SPACING: f32 = 20.0;
/// Distance of the Start card from the first step (`START_GAP`).
pub const START_GAP: f32 = 240.0;
/// How far right of a dangling output its End marker sits (`END_OFFSET`).
pub const END_OFFSET: f32 = 36.0;
/// The largest coordinate drawn (`MAX_COORDINATE`).
const MAX_COORDINATE: f32 = 1.0e7;

/// A rectangle in canvas units: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box2 {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Box2 {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// The smallest box holding both.
    pub fn union(&self, other: &Box2) -> Box2 {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Box2 {
            x,
            y,
            w: self.right().max(other.right()) - x,
            h: self.bottom().max(other.bottom()) - y,
        }
    }
}

/// A position from the file made drawable: clamped, `NaN` at 0.
fn drawable(v: f32) -> f32 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(-MAX_COORDINATE, MAX_COORDINATE)
    }
}

/// A card's height for a step with `outputs` outputs.
pub fn card_height(outputs: usize) -> f32 {
    (PORT_SPACING * (outputs as f32 + 1.0)).max(CARD_MIN_HEIGHT)
}

/// A step's card: its position in the file is the top-left corner.
pub fn card_box(step: &Step) -> Box2 {
    Box2 {
        x: drawable(step.at.0),
        y: drawable(step.at.1),
        w: CARD_WIDTH,
        h: card_height(step.action.outputs().len()),
    }
}

/// The Start card, left of the first step and centred on it.
pub fn start_box(version: &Version) -> Box2 {
    let first = version.steps.get(&version.first_step).map_or(
        Box2 {
            x: 0.0,
            y: 0.0,
            w: CARD_WIDTH,
            h: card_height(1),
        },
        card_box,
    );
    Box2 {
        x: first.x - START_GAP,
        y: first.y + first.h / 2.0 - CARD_MIN_HEIGHT / 2.0,
        w: CARD_WIDTH,
        h: CARD_MIN_HEIGHT,
    }
}

/// Where connections arrive: the middle of the card's left edge.
pub fn input_port(card: &Box2) -> (f32, f32) {
    (card.x, card.y + card.h / 2.0)
}

/// Output port `index` of `count`, spread down the card's right edge.
pub fn output_port(card: &Box2, index: usize, count: usize) -> (f32, f32) {
    let t = (index as f32 + 1.0) / (count as f32 + 1.0);
    (card.right(), card.y + card.h * t)
}

/// The four control points of a connection, as the canvas draws it
/// (a connection going back left loops out wide).
pub fn curve(from: (f32, f32), to: (f32, f32)) -> [(f32, f32); 4] {
    let dx = ((to.0 - from.0).abs() * 0.5).max(40.0);
    let dx = if to.0 < from.0 + 20.0 {
        dx.max(80.0)
    } else {
        dx
    };
    [from, (from.0 + dx, from.1), (to.0 - dx, to.1), to]
}

/// The point at `t` (0..=1) along a cubic curve.
pub fn curve_point(c: &[(f32, f32); 4], t: f32) -> (f32, f32) {
    let u = 1.0 - t;
    let weights = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    let along = |pick: fn(&(f32, f32)) -> f32| -> f32 {
        c.iter().zip(weights).map(|(p, k)| pick(p) * k).sum()
    };
    (along(|p| p.0), along(|p| p.1))
}

/// The cards of a version, in id order.
pub fn cards(version: &Version) -> Vec<(StepId, &Step, Box2)> {
    version
        .steps
        .iter()
        .map(|(id, step)| (*id, step, card_box(step)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::canvas::geometry as canvas;

    #[test]
    fn the_report_draws_cards_where_the_canvas_does() {
        for t in crate::templates::TEMPLATES {
            let j = t.journey().expect("loads");
            for v in &j.versions {
                for (_, step, b) in cards(v) {
                    let r = canvas::card_rect(step);
                    assert_eq!(
                        (b.x, b.y, b.w, b.h),
                        (r.min.x, r.min.y, r.width(), r.height())
                    );
                }
                let s = canvas::start_rect(v);
                let b = start_box(v);
                assert_eq!(
                    (b.x, b.y, b.w, b.h),
                    (s.min.x, s.min.y, s.width(), s.height())
                );
            }
        }
        assert!((END_OFFSET - canvas::END_OFFSET).abs() < f32::EPSILON);
    }
}
