//! Where a run's counts go, in canvas units, as pure functions: two rows
//! inside each card (in the summary's place), a box under the Start card,
//! and one label per connection placed where it covers no card, no other
//! label and not the Start box. A label that finds no free place is left
//! out (its number stays in the step's hover text and the analytics).

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::geometry::{CardGeometry, END_OFFSET, curve, curve_point, input_port};
use super::overlay::{Overlay, share_text};
use crate::model::StepId;
use crate::ui::style::count;

/// Font size of a card's key figure, in canvas units.
pub const KEY_FONT: f32 = 12.5;
/// Font size of a card's second row and of the Start box.
pub const DETAIL_FONT: f32 = 11.0;
/// Font size of a connection's count.
pub const FLOW_FONT: f32 = 11.0;
/// Height of one row of the Start box.
pub const START_ROW: f32 = 15.0;

/// A generous size for `text` at `font` (proportional digits are ~0.55 em).
pub fn text_size(text: &str, font: f32) -> Vec2 {
    vec2(text.chars().count() as f32 * font * 0.6, font * 1.3)
}

/// The two count rows inside a card: the key figure, then the details.
pub fn card_rows(card: Rect) -> [Rect; 2] {
    let left = card.left() + 14.0;
    let width = card.width() - 22.0;
    [
        Rect::from_min_size(pos2(left, card.top() + 31.0), vec2(width, 15.0)),
        Rect::from_min_size(pos2(left, card.top() + 47.0), vec2(width, 13.0)),
    ]
}

/// The box of `rows` lines under the Start card.
pub fn start_box(start: Rect, rows: usize) -> Rect {
    Rect::from_min_size(
        pos2(start.left(), start.bottom() + 6.0),
        vec2(start.width(), rows as f32 * START_ROW + 8.0),
    )
}

/// One connection's count, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLabel {
    /// The step the connection leaves.
    pub step: StepId,
    /// Which output.
    pub output: usize,
    /// "8,058" or, on a step with several outputs, "yes · 8,058 · 44 %".
    pub text: String,
    /// Where it is drawn (with its padding).
    pub rect: Rect,
}

/// The text of output `o` of `card`'s count.
fn flow_text(card: &CardGeometry, o: usize, n: u64, overlay: &Overlay) -> String {
    if card.outputs.len() < 2 {
        return count(n);
    }
    let label = &card.outputs[o].0;
    match overlay.output_shares.get(&(card.id, o)) {
        Some(s) => format!("{label} · {} · {}", count(n), share_text(*s)),
        None => format!("{label} · {}", count(n)),
    }
}

/// Where a label of `size` may go along output `o`'s connection, best first.
fn candidates(port: Pos2, to: Option<Rect>, size: Vec2) -> Vec<Rect> {
    if let Some(to) = to {
        let c = curve(port, input_port(to));
        return [0.5, 0.35, 0.65, 0.2, 0.8]
            .iter()
            .map(|&t| Rect::from_center_size(curve_point(&c, t), size))
            .collect();
    }
    let x = port.x + 6.0;
    vec![
        Rect::from_min_size(pos2(x, port.y - size.y - 5.0), size),
        Rect::from_min_size(pos2(x, port.y + 9.0), size),
        Rect::from_center_size(port + vec2(END_OFFSET * 0.5, -size.y), size),
    ]
}

/// Every connection's count that has a free place: none covers a card, the
/// Start card or its box (`start`), or another count.
pub fn flow_labels(cards: &[CardGeometry], start: &[Rect], overlay: &Overlay) -> Vec<FlowLabel> {
    let rect_of = |id: StepId| cards.iter().find(|c| c.id == id).map(|c| c.rect);
    let mut placed: Vec<FlowLabel> = Vec::new();
    for card in cards {
        for (o, (_, target, port)) in card.outputs.iter().enumerate() {
            let n = overlay.passes_of(card.id, o);
            if n == 0 {
                continue;
            }
            let text = flow_text(card, o, n, overlay);
            let size = text_size(&text, FLOW_FONT) + vec2(8.0, 2.0);
            let to = target.and_then(rect_of);
            let free = candidates(*port, to, size).into_iter().find(|r| {
                let hits_card = cards.iter().any(|c| c.rect.expand(2.0).intersects(*r));
                let hits_start = start.iter().any(|s| s.expand(2.0).intersects(*r));
                let hits_label = placed.iter().any(|l| l.rect.expand(1.0).intersects(*r));
                !hits_card && !hits_start && !hits_label
            });
            if let Some(rect) = free {
                placed.push(FlowLabel {
                    step: card.id,
                    output: o,
                    text,
                    rect,
                });
            }
        }
    }
    placed
}
