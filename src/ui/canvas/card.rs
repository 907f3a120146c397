//! Painting cards: steps (icon and colour per kind, name, summary, problem
//! badge), the Start card and End markers. Painting only; interaction is in
//! `scene.rs` and `gestures.rs`.

use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Stroke, StrokeKind, pos2, vec2,
};

use super::cache::CardInfo;
use super::icons::{paint_start_icon, paint_step_icon};
use crate::model::{ActionKind, Severity};
use crate::ui::style::colours;

/// The accent colour of a kind of step (its icon is in `icons.rs`).
pub fn kind_colour(kind: ActionKind) -> Color32 {
    match kind {
        ActionKind::Message => Color32::from_rgb(0x25, 0x63, 0xeb),
        ActionKind::Wait => Color32::from_rgb(0xd9, 0x77, 0x06),
        ActionKind::WaitUntil | ActionKind::WaitUntilTime => Color32::from_rgb(0xc2, 0x41, 0x0c),
        ActionKind::Branch => Color32::from_rgb(0x7c, 0x3a, 0xed),
        ActionKind::IfThen => Color32::from_rgb(0x0d, 0x94, 0x88),
        ActionKind::AbTest => Color32::from_rgb(0xdb, 0x27, 0x77),
        ActionKind::ChannelOptimization => Color32::from_rgb(0x16, 0xa3, 0x4a),
    }
}

/// Colours of the canvas, from the current theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Card background.
    pub card: Color32,
    /// Card border.
    pub border: Color32,
    /// Main text.
    pub text: Color32,
    /// Secondary text.
    pub weak: Color32,
    /// Selection outline.
    pub selected: Color32,
    /// Connections.
    pub wire: Color32,
    /// Grid dots.
    pub grid: Color32,
    /// Label backgrounds.
    pub label_bg: Color32,
    /// The canvas behind the cards.
    pub background: Color32,
}

impl Palette {
    /// The palette for the current visuals.
    pub fn of(visuals: &egui::Visuals) -> Palette {
        let dark = visuals.dark_mode;
        Palette {
            card: if dark {
                Color32::from_gray(40)
            } else {
                Color32::WHITE
            },
            border: if dark {
                Color32::from_gray(70)
            } else {
                Color32::from_gray(200)
            },
            text: visuals.strong_text_color(),
            weak: if dark {
                Color32::from_gray(170)
            } else {
                Color32::from_gray(90)
            },
            selected: visuals.selection.stroke.color,
            wire: if dark {
                Color32::from_gray(150)
            } else {
                Color32::from_gray(120)
            },
            grid: if dark {
                Color32::from_gray(52)
            } else {
                Color32::from_gray(200)
            },
            label_bg: visuals.panel_fill,
            background: if dark {
                Color32::from_gray(24)
            } else {
                Color32::from_rgb(0xf3, 0xf4, 0xf6)
            },
        }
    }
}

/// Text truncated with "…" to fit `width`.
pub fn one_line(
    painter: &Painter,
    text: &str,
    size: f32,
    color: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    lines(painter, text, size, color, width, 1)
}

/// Text wrapped to at most `rows` rows of `width`, the last one ending in "…" if cut.
fn lines(
    painter: &Painter,
    text: &str,
    size: f32,
    color: Color32,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple(text.to_owned(), FontId::proportional(size), color, width);
    job.wrap = TextWrapping {
        max_width: width,
        max_rows: rows,
        // One row: cut inside a long word ("Segment: renewing_in_3…")
        // rather than push it whole onto a row that is not shown.
        break_anywhere: rows == 1,
        overflow_character: Some('…'),
    };
    painter.layout_job(job)
}

/// How a card is drawn this frame.
#[derive(Clone, Copy, Debug)]
pub struct CardLook {
    /// Selected: a thick outline.
    pub selected: bool,
    /// Under the pointer: a light outline.
    pub hovered: bool,
    /// The first step (connected from Start): labelled so.
    pub first: bool,
    /// A run's counts take the summary's place (drawn by `counts.rs`).
    pub counts: bool,
}

/// Paints a step card.
pub fn paint_card(
    painter: &Painter,
    rect: Rect,
    info: &CardInfo,
    look: CardLook,
    colors: &Palette,
) {
    let accent = kind_colour(info.kind);
    let radius = CornerRadius::same(8);
    painter.rect_filled(
        rect.translate(vec2(0.0, 2.0)),
        radius,
        Color32::from_black_alpha(30),
    );
    painter.rect_filled(rect, radius, colors.card);
    // The accent strip on the left says the kind at a glance.
    let strip = Rect::from_min_size(rect.min, vec2(6.0, rect.height()));
    painter.rect_filled(
        strip,
        CornerRadius {
            nw: 8,
            sw: 8,
            ne: 0,
            se: 0,
        },
        accent,
    );
    let stroke = if look.selected {
        Stroke::new(2.5, colors.selected)
    } else if look.hovered {
        Stroke::new(1.5, colors.selected.gamma_multiply(0.6))
    } else {
        Stroke::new(1.0, colors.border)
    };
    painter.rect_stroke(rect, radius, stroke, StrokeKind::Inside);
    paint_card_text(painter, rect, info, look, accent, colors);
}

/// A card's icon, name and summary, and "first step" above the first one.
fn paint_card_text(
    painter: &Painter,
    rect: Rect,
    info: &CardInfo,
    look: CardLook,
    accent: Color32,
    colors: &Palette,
) {
    let first = look.first;
    let icon_centre = pos2(rect.left() + 24.0, rect.top() + 22.0);
    painter.circle_filled(icon_centre, 12.0, accent.gamma_multiply(0.18));
    paint_step_icon(painter, info.icon, icon_centre, 14.0, accent);

    let text_left = rect.left() + 42.0;
    let width = rect.right() - text_left - 10.0;
    let name = one_line(painter, &info.name, 14.0, colors.text, width);
    painter.galley(pos2(text_left, rect.top() + 13.0), name, colors.text);
    if !look.counts {
        paint_summary(painter, rect, info, colors);
    }
    if first {
        painter.text(
            pos2(rect.left() + 8.0, rect.top() - 3.0),
            Align2::LEFT_BOTTOM,
            "first step",
            FontId::proportional(10.0),
            colors.weak,
        );
    }
}

/// The step's summary under its name (when no run's counts are shown).
fn paint_summary(painter: &Painter, rect: Rect, info: &CardInfo, colors: &Palette) {
    let summary = lines(
        painter,
        &info.summary,
        11.5,
        colors.weak,
        rect.width() - 24.0,
        2,
    );
    painter.galley(
        pos2(rect.left() + 14.0, rect.top() + 34.0),
        summary,
        colors.weak,
    );
}

/// Paints a card zoomed far out: a block in its kind's colour, no text.
pub fn paint_card_block(
    painter: &Painter,
    rect: Rect,
    info: &CardInfo,
    selected: bool,
    colors: &Palette,
) {
    let accent = kind_colour(info.kind);
    painter.rect_filled(rect, CornerRadius::same(8), accent.gamma_multiply(0.35));
    let stroke = if selected {
        Stroke::new(6.0, colors.selected)
    } else {
        Stroke::new(2.0, accent)
    };
    painter.rect_stroke(rect, CornerRadius::same(8), stroke, StrokeKind::Inside);
}

/// Where a card's problem badge sits.
pub fn badge_rect(card: Rect) -> Rect {
    Rect::from_center_size(pos2(card.right() - 4.0, card.top() + 4.0), vec2(18.0, 18.0))
}

/// Paints a problem badge: red for errors, amber for warnings.
pub fn paint_badge(painter: &Painter, card: Rect, severity: Severity) {
    let colour = match severity {
        Severity::Error => colours::ERROR,
        Severity::Warning => colours::WARNING,
    };
    let r = badge_rect(card);
    painter.circle_filled(r.center(), 9.0, colour);
    painter.text(
        r.center(),
        Align2::CENTER_CENTER,
        "!",
        FontId::proportional(13.0),
        Color32::WHITE,
    );
}

/// Paints the Start card with who enters and who is kept out.
pub fn paint_start(
    painter: &Painter,
    rect: Rect,
    lines: &(String, Option<String>),
    detailed: bool,
    colors: &Palette,
) {
    let green = colours::GOOD;
    let radius = CornerRadius::same(20);
    painter.rect_filled(
        rect.translate(vec2(0.0, 2.0)),
        radius,
        Color32::from_black_alpha(30),
    );
    painter.rect_filled(rect, radius, green.gamma_multiply(0.16));
    painter.rect_stroke(rect, radius, Stroke::new(1.5, green), StrokeKind::Inside);
    if !detailed {
        return;
    }
    paint_start_icon(
        painter,
        pos2(rect.left() + 20.0, rect.top() + 16.0),
        12.0,
        green,
    );
    painter.text(
        pos2(rect.left() + 32.0, rect.top() + 7.0),
        Align2::LEFT_TOP,
        "Start",
        FontId::proportional(14.0),
        colors.text,
    );
    let width = rect.width() - 28.0;
    let who = one_line(painter, &lines.0, 11.5, colors.weak, width);
    painter.galley(
        pos2(rect.left() + 16.0, rect.top() + 28.0),
        who,
        colors.weak,
    );
    if let Some(except) = &lines.1 {
        let g = one_line(painter, except, 11.5, colors.weak, width);
        painter.galley(pos2(rect.left() + 16.0, rect.top() + 44.0), g, colors.weak);
    }
}

/// Paints an End marker at `at` (where a path ends).
pub fn paint_end(painter: &Painter, at: Pos2, colors: &Palette) {
    painter.circle_filled(at, 7.0, colors.weak);
    painter.circle_filled(at, 3.0, colors.card);
    painter.text(
        at + vec2(11.0, 0.0),
        Align2::LEFT_CENTER,
        "End",
        FontId::proportional(11.0),
        colors.weak,
    );
}

/// Paints an output port.
pub fn paint_port(painter: &Painter, at: Pos2, hovered: bool, colors: &Palette) {
    let r = if hovered { 6.5 } else { 4.5 };
    painter.circle(at, r, colors.card, Stroke::new(1.5, colors.wire));
}
