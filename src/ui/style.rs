//! Drawing bits shared by the canvas, the runner bar, the analytics and the
//! problems list: named colours, count formatting, the zoom below which no
//! text is drawn, and the pill labels.

use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, Vec2};

/// Below this zoom the canvas draws cards as blocks without text, and the
/// run's counts are not drawn.
pub const DETAIL_SCALE: f32 = 0.3;

/// A count with thousands separators: 12,345 (written once, without egui, for the
/// HTML report and the command line too).
pub use crate::report::text::count;

/// Named colours: the exit reasons of a run (also used by the plots) and
/// the severities of problems.
pub mod colours {
    use egui::Color32;
    /// Completed the journey.
    pub const COMPLETED: Color32 = Color32::from_rgb(0x16, 0xa3, 0x4a);
    /// Suppressed by a segment.
    pub const SUPPRESSED: Color32 = Color32::from_rgb(0x93, 0x33, 0xea);
    /// Left on an exit trigger.
    pub const EXIT_TRIGGER: Color32 = Color32::from_rgb(0xd9, 0x77, 0x06);
    /// Stopped.
    pub const STOPPED: Color32 = Color32::from_rgb(0xdc, 0x26, 0x26);
    /// Held out to measure lift (no messages).
    pub const HELD_OUT: Color32 = Color32::from_rgb(0x64, 0x74, 0x8b);
    /// Customers in a step now / in progress.
    pub const NOW: Color32 = Color32::from_rgb(0x25, 0x63, 0xeb);
    /// Entries.
    pub const ENTERED: Color32 = Color32::from_rgb(0x0e, 0x74, 0x90);
    /// An error (badge and list).
    pub const ERROR: Color32 = STOPPED;
    /// A warning's badge.
    pub const WARNING: Color32 = EXIT_TRIGGER;
    /// A warning's text in the problems list (darker, to read on a panel).
    pub const WARNING_TEXT: Color32 = Color32::from_rgb(0xb4, 0x53, 0x09);
    /// All is well: the Start card, "no problems".
    pub const GOOD: Color32 = COMPLETED;
}

/// How a pill label looks.
#[derive(Clone, Copy, Debug)]
pub struct Pill {
    /// Font size, in points of the painter.
    pub font: f32,
    /// Text colour.
    pub text: Color32,
    /// Background.
    pub fill: Color32,
    /// Outline (`Stroke::NONE` for none).
    pub stroke: Stroke,
    /// Room around the text.
    pub pad: Vec2,
    /// Corner radius.
    pub radius: u8,
}

/// Paints `text` on a pill placed by `align` at `at`; returns the pill.
pub fn paint_pill(painter: &Painter, at: Pos2, align: Align2, text: String, pill: &Pill) -> Rect {
    let galley = painter.layout_no_wrap(text, FontId::proportional(pill.font), pill.text);
    let rect = align.anchor_size(at, galley.size() + pill.pad * 2.0);
    let radius = CornerRadius::same(pill.radius);
    painter.rect_filled(rect, radius, pill.fill);
    if pill.stroke != Stroke::NONE {
        painter.rect_stroke(rect, radius, pill.stroke, StrokeKind::Inside);
    }
    painter.galley(rect.min + pill.pad, galley, pill.text);
    rect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
