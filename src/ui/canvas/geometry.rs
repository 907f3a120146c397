//! Canvas geometry as pure functions: card rectangles, ports, connection
//! curves, hit testing and fit-to-view. No `egui::Context` needed: only the
//! plain `emath` types, so all of it is unit-tested.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::model::{Step, StepId, Version};

/// Width of a step card, in canvas units.
pub const CARD_WIDTH: f32 = 180.0;
/// Height of a card with one or two outputs.
pub const CARD_MIN_HEIGHT: f32 = 64.0;
/// Vertical room each output port needs on a card with many outputs.
pub const PORT_SPACING: f32 = 20.0;
/// Radius within which the pointer grabs a port.
pub const PORT_GRAB_RADIUS: f32 = 10.0;
/// The grid cards snap to.
pub const GRID: f32 = 20.0;
/// Horizontal distance of the Start card from the first step.
pub const START_GAP: f32 = 240.0;
/// How far right of a dangling output its End marker sits.
pub const END_OFFSET: f32 = 36.0;

/// A card's size for a step with `outputs` outputs.
pub fn card_size(outputs: usize) -> Vec2 {
    let needed = PORT_SPACING * (outputs as f32 + 1.0);
    vec2(CARD_WIDTH, needed.max(CARD_MIN_HEIGHT))
}

/// How far from the origin a card is drawn: a file may hold any `f32`
/// (even `inf` or `NaN`), but egui needs finite rectangles to work with.
pub const MAX_COORDINATE: f32 = 1.0e7;

/// A position from the file made drawable: clamped to [`MAX_COORDINATE`],
/// `NaN` drawn at 0.
pub fn drawable(at: (f32, f32)) -> Pos2 {
    let clamp = |x: f32| {
        if x.is_nan() {
            0.0
        } else {
            x.clamp(-MAX_COORDINATE, MAX_COORDINATE)
        }
    };
    pos2(clamp(at.0), clamp(at.1))
}

/// A step's card: `at` is the top-left corner (see [`drawable`]).
pub fn card_rect(step: &Step) -> Rect {
    Rect::from_min_size(drawable(step.at), card_size(step.action.outputs().len()))
}

/// Where connections arrive: the middle of the card's left edge.
pub fn input_port(card: Rect) -> Pos2 {
    card.left_center()
}

/// Output port `index` of `count`, spread down the card's right edge.
pub fn output_port(card: Rect, index: usize, count: usize) -> Pos2 {
    let t = (index as f32 + 1.0) / (count as f32 + 1.0);
    pos2(card.right(), card.top() + card.height() * t)
}

/// The Start card, left of the first step.
pub fn start_rect(version: &Version) -> Rect {
    let first = version
        .steps
        .get(&version.first_step)
        .map_or(Rect::from_min_size(Pos2::ZERO, card_size(1)), card_rect);
    let size = vec2(CARD_WIDTH, CARD_MIN_HEIGHT);
    Rect::from_min_size(
        pos2(first.left() - START_GAP, first.center().y - size.y / 2.0),
        size,
    )
}

/// The four control points of a connection from an output port to an input port.
pub fn curve(from: Pos2, to: Pos2) -> [Pos2; 4] {
    let dx = ((to.x - from.x).abs() * 0.5).max(40.0);
    // A connection going back left loops out wide so it stays readable.
    let dx = if to.x < from.x + 20.0 {
        dx.max(80.0)
    } else {
        dx
    };
    [from, from + vec2(dx, 0.0), to - vec2(dx, 0.0), to]
}

/// The point at `t` (0..=1) along a cubic curve.
pub fn curve_point(c: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let v = c[0].to_vec2() * (u * u * u)
        + c[1].to_vec2() * (3.0 * u * u * t)
        + c[2].to_vec2() * (3.0 * u * t * t)
        + c[3].to_vec2() * (t * t * t);
    v.to_pos2()
}

/// Shortest distance from `p` to the curve (sampled).
pub fn distance_to_curve(c: &[Pos2; 4], p: Pos2) -> f32 {
    const SAMPLES: usize = 24;
    let mut best = f32::INFINITY;
    let mut prev = c[0];
    for i in 1..=SAMPLES {
        let next = curve_point(c, i as f32 / SAMPLES as f32);
        best = best.min(distance_to_segment(prev, next, p));
        prev = next;
    }
    best
}

fn distance_to_segment(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 == 0.0 {
        return a.distance(p);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (a + ab * t).distance(p)
}

/// The two back corners of an arrowhead whose tip is at `tip`, pointing along `dir`.
pub fn arrowhead(tip: Pos2, dir: Vec2, size: f32) -> [Pos2; 3] {
    let dir = if dir.length_sq() > 0.0 {
        dir.normalized()
    } else {
        Vec2::X
    };
    let back = tip - dir * size;
    let side = dir.rot90() * (size * 0.55);
    [tip, back + side, back - side]
}

/// One card's place on the canvas, with its output ports.
#[derive(Clone, Debug, PartialEq)]
pub struct CardGeometry {
    /// The step.
    pub id: StepId,
    /// The card.
    pub rect: Rect,
    /// Each output: its label, target and port position.
    pub outputs: Vec<(String, Option<StepId>, Pos2)>,
}

impl CardGeometry {
    /// The geometry of one step's card.
    pub fn of(id: StepId, step: &Step) -> CardGeometry {
        let rect = card_rect(step);
        let outputs = step.action.outputs();
        let n = outputs.len();
        CardGeometry {
            id,
            rect,
            outputs: outputs
                .into_iter()
                .enumerate()
                .map(|(i, o)| (o.label, o.target, output_port(rect, i, n)))
                .collect(),
        }
    }
}

/// The topmost card under `p` (cards later in the slice are drawn on top).
pub fn hit_card(cards: &[CardGeometry], p: Pos2) -> Option<StepId> {
    cards
        .iter()
        .rev()
        .find(|c| c.rect.contains(p))
        .map(|c| c.id)
}

/// The output port under `p`, as (step, output index).
pub fn hit_port(cards: &[CardGeometry], p: Pos2) -> Option<(StepId, usize)> {
    cards.iter().rev().find_map(|c| {
        c.outputs
            .iter()
            .position(|(_, _, port)| port.distance(p) <= PORT_GRAB_RADIUS)
            .map(|i| (c.id, i))
    })
}

/// Steps whose cards touch the rubber band `band`.
pub fn cards_in(cards: &[CardGeometry], band: Rect) -> Vec<StepId> {
    cards
        .iter()
        .filter(|c| c.rect.intersects(band))
        .map(|c| c.id)
        .collect()
}

/// The scene rectangle that shows `content` whole with a margin around it,
/// never zoomed in past 1:1 in a view of `view_size` (small journeys stay
/// at their natural size instead of filling the screen with huge cards).
///
/// `egui::Scene` letterboxes it into the view, so the aspect need not match.
pub fn fit_to_view(content: Rect, margin: f32, view_size: Vec2) -> Rect {
    if !content.is_finite() || content.is_negative() {
        return Rect::from_min_size(Pos2::ZERO, view_size.max(vec2(1.0, 1.0)));
    }
    let wanted = content.expand(margin);
    let size = wanted.size().max(view_size);
    Rect::from_center_size(wanted.center(), size)
}

/// The smallest zoom at which a card's name (14 canvas units) is at least
/// 11 px high on screen: a journey opens at this zoom or closer.
pub const READABLE_ZOOM: f32 = 0.8;
/// The zoom range of the canvas.
pub const MIN_ZOOM: f32 = 0.05;
/// The zoom range of the canvas.
pub const MAX_ZOOM: f32 = 2.0;

/// The scene rectangle that keeps the zoom when the view changes from `old`
/// to `new` (a panel opens or closes): the top-left corner stays, the size
/// follows the view. Unchanged when either size is empty.
pub fn keep_zoom(scene_rect: Rect, old: Vec2, new: Vec2) -> Rect {
    let usable = |v: Vec2| v.x >= 1.0 && v.y >= 1.0;
    if old == new || !usable(old) || !usable(new) || !scene_rect.is_finite() {
        return scene_rect;
    }
    let scale = vec2(new.x / old.x, new.y / old.y);
    Rect::from_min_size(scene_rect.min, scene_rect.size() * scale)
}

/// The zoom at which `egui::Scene` shows `scene_rect` in a view of `view_size`.
pub fn zoom_of(scene_rect: Rect, view_size: Vec2) -> f32 {
    (view_size.x / scene_rect.width()).min(view_size.y / scene_rect.height())
}

/// The scene rectangle a journey opens with: [`fit_to_view`] when the
/// whole journey fits at [`READABLE_ZOOM`] or closer; else that zoom, the
/// Start card at the left edge, the journey's middle (or the Start card,
/// if the journey is too tall) at mid-height.
pub fn readable_view(content: Rect, start: Rect, margin: f32, view_size: Vec2) -> Rect {
    let fit = fit_to_view(content, margin, view_size);
    if !start.is_finite() || zoom_of(fit, view_size) >= READABLE_ZOOM {
        return fit;
    }
    let size = view_size.max(vec2(1.0, 1.0)) / READABLE_ZOOM;
    let wanted = content.expand(margin);
    let centre_y = if wanted.height() <= size.y {
        wanted.center().y
    } else {
        start.center().y
    };
    Rect::from_min_size(pos2(start.left() - margin, centre_y - size.y / 2.0), size)
}

/// The scene rectangle moved so that `p` is at its centre (same zoom).
pub fn centre_on(scene_rect: Rect, p: Pos2) -> Rect {
    Rect::from_center_size(p, scene_rect.size())
}

/// Snaps a canvas position to the grid.
pub fn snap(p: Pos2) -> Pos2 {
    pos2((p.x / GRID).round() * GRID, (p.y / GRID).round() * GRID)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Channel, Span, Variant};

    fn step(at: (f32, f32), action: Action) -> Step {
        Step {
            name: "s".to_owned(),
            at,
            action,
        }
    }

    fn ab(n: usize) -> Action {
        Action::AbTest {
            variants: (0..n)
                .map(|i| Variant {
                    name: format!("V{i}"),
                    percent: 100.0 / n as f64,
                    next: None,
                })
                .collect(),
            decide: None,
        }
    }

    #[test]
    fn ports_sit_on_card_edges_and_spread_evenly() {
        let s = step(
            (100.0, 50.0),
            Action::Wait {
                span: Span::Days(1),
                next: None,
            },
        );
        let r = card_rect(&s);
        assert_eq!(input_port(r), pos2(100.0, 50.0 + CARD_MIN_HEIGHT / 2.0));
        assert_eq!(
            output_port(r, 0, 1),
            pos2(280.0, 50.0 + CARD_MIN_HEIGHT / 2.0)
        );
        let big = card_rect(&step((0.0, 0.0), ab(5)));
        assert!(big.height() >= 5.0 * PORT_SPACING);
        let ys: Vec<f32> = (0..5).map(|i| output_port(big, i, 5).y).collect();
        for w in ys.windows(2) {
            assert!((w[1] - w[0] - big.height() / 6.0).abs() < 1e-3);
        }
        assert!(ys.iter().all(|y| *y > big.top() && *y < big.bottom()));
    }

    #[test]
    fn hit_testing_finds_topmost_card_and_ports() {
        let a = CardGeometry::of(
            StepId(1),
            &step(
                (0.0, 0.0),
                Action::Message {
                    channel: Channel::Email,
                    content: String::new(),
                    transactional: false,
                    next: None,
                },
            ),
        );
        let b = CardGeometry::of(StepId(2), &step((100.0, 0.0), ab(2)));
        let cards = vec![a.clone(), b.clone()];
        assert_eq!(hit_card(&cards, pos2(50.0, 10.0)), Some(StepId(1)));
        // Overlap: the later card is on top.
        assert_eq!(hit_card(&cards, pos2(150.0, 10.0)), Some(StepId(2)));
        assert_eq!(hit_card(&cards, pos2(-5.0, 10.0)), None);
        let port = b.outputs[1].2;
        assert_eq!(
            hit_port(&cards, port + vec2(3.0, 3.0)),
            Some((StepId(2), 1))
        );
        assert_eq!(hit_port(&cards, port + vec2(30.0, 0.0)), None);
        assert_eq!(
            cards_in(
                &cards,
                Rect::from_min_max(pos2(-10.0, -10.0), pos2(20.0, 20.0))
            ),
            vec![StepId(1)]
        );
    }

    #[test]
    fn connection_curve_starts_and_ends_at_ports() {
        let c = curve(pos2(0.0, 0.0), pos2(200.0, 100.0));
        assert_eq!(curve_point(&c, 0.0), pos2(0.0, 0.0));
        assert!(curve_point(&c, 1.0).distance(pos2(200.0, 100.0)) < 1e-3);
        assert!(distance_to_curve(&c, curve_point(&c, 0.37)) < 1.0);
        assert!(distance_to_curve(&c, pos2(0.0, 100.0)) > 20.0);
        let [tip, l, r] = arrowhead(pos2(10.0, 0.0), Vec2::X, 8.0);
        assert_eq!(tip, pos2(10.0, 0.0));
        assert!(l.x < 10.0 && r.x < 10.0 && (l.y + r.y).abs() < 1e-4);
    }

    #[test]
    fn fit_to_view_contains_content_and_centre_keeps_zoom() {
        let content = Rect::from_min_max(pos2(-240.0, -120.0), pos2(1500.0, 200.0));
        let fitted = fit_to_view(content, 40.0, vec2(800.0, 600.0));
        assert!(fitted.contains_rect(content));
        assert!(fitted.width() <= content.width() + 81.0);
        // A small journey is not blown up past 1:1.
        let small = Rect::from_min_size(Pos2::ZERO, vec2(200.0, 64.0));
        let fitted_small = fit_to_view(small, 40.0, vec2(800.0, 600.0));
        assert_eq!(fitted_small.size(), vec2(800.0, 600.0));
        assert_eq!(fitted_small.center(), small.center());
        let moved = centre_on(fitted, pos2(10.0, 10.0));
        assert_eq!(moved.center(), pos2(10.0, 10.0));
        assert_eq!(moved.size(), fitted.size());
        // Nothing to show: a sane default rather than NaN.
        assert!(fit_to_view(Rect::NOTHING, 40.0, vec2(800.0, 600.0)).is_positive());
    }

    #[test]
    fn snapping_rounds_to_grid() {
        assert_eq!(snap(pos2(29.0, -31.0)), pos2(20.0, -40.0));
    }
}
