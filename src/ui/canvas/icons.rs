//! Step-kind icons drawn with shapes, so they need no emoji font.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

use crate::model::{Action, ActionKind, Channel};

/// What a card's icon shows: its kind, or for a message on SMS or push its channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// The icon of a kind (a message is an envelope: email or a custom channel).
    Kind(ActionKind),
    /// A text message: a speech bubble.
    Sms,
    /// A push notification: a phone with a badge.
    Push,
}

impl Icon {
    /// The icon of a step doing `action`.
    pub fn of(action: &Action) -> Icon {
        match action {
            Action::Message {
                channel: Channel::Sms,
                ..
            } => Icon::Sms,
            Action::Message {
                channel: Channel::Push,
                ..
            } => Icon::Push,
            other => Icon::Kind(other.kind()),
        }
    }
}

/// Paints `icon` centred at `c`, about `size` across.
pub fn paint_step_icon(painter: &Painter, icon: Icon, c: Pos2, size: f32, colour: Color32) {
    let s = size / 14.0;
    let stroke = Stroke::new(1.4 * s.max(0.8), colour);
    match icon {
        Icon::Kind(kind) => paint_icon(painter, kind, c, size, colour),
        Icon::Sms => {
            let r = Rect::from_center_size(c + vec2(0.0, -1.0) * s, vec2(14.0, 9.0) * s);
            painter.rect_stroke(r, 3.0 * s, stroke, StrokeKind::Middle);
            let tail = vec![
                pos2(c.x - 3.0 * s, r.bottom()),
                pos2(c.x - 5.0 * s, r.bottom() + 3.5 * s),
                pos2(c.x, r.bottom()),
            ];
            painter.line(tail, stroke);
            for dx in [-3.5, 0.0, 3.5] {
                painter.circle_filled(pos2(c.x + dx * s, r.center().y), 1.1 * s, colour);
            }
        }
        Icon::Push => {
            let r = Rect::from_center_size(c, vec2(8.0, 14.0) * s);
            painter.rect_stroke(r, 1.8 * s, stroke, StrokeKind::Middle);
            painter.line_segment(
                [
                    pos2(c.x - 1.5 * s, r.bottom() - 2.0 * s),
                    pos2(c.x + 1.5 * s, r.bottom() - 2.0 * s),
                ],
                stroke,
            );
            painter.circle_filled(r.right_top() + vec2(0.5, 0.5) * s, 2.6 * s, colour);
        }
    }
}

/// Paints the icon of `kind` centred at `c`, about `size` across.
#[allow(clippy::many_single_char_names)] // short names keep the shape maths readable
pub fn paint_icon(painter: &Painter, kind: ActionKind, c: Pos2, size: f32, colour: Color32) {
    let s = size / 14.0;
    let stroke = Stroke::new(1.4 * s.max(0.8), colour);
    match kind {
        ActionKind::Message => {
            let r = Rect::from_center_size(c, vec2(14.0, 10.0) * s);
            painter.rect_stroke(r, 1.5 * s, stroke, StrokeKind::Middle);
            painter.line(
                vec![r.left_top(), pos2(c.x, c.y + 1.0 * s), r.right_top()],
                stroke,
            );
        }
        ActionKind::Wait | ActionKind::WaitUntilTime => {
            painter.circle_stroke(c, 6.5 * s, stroke);
            painter.line_segment([c, c + vec2(0.0, -4.5) * s], stroke);
            painter.line_segment([c, c + vec2(3.5, 0.0) * s], stroke);
        }
        ActionKind::WaitUntil => {
            let r = Rect::from_center_size(c + vec2(0.0, 1.0) * s, vec2(13.0, 11.0) * s);
            painter.rect_stroke(r, 1.5 * s, stroke, StrokeKind::Middle);
            let top = Rect::from_min_size(r.min, vec2(r.width(), 3.0 * s));
            painter.rect_filled(top, 1.0 * s, colour);
            for dx in [-3.0, 3.0] {
                let x = c.x + dx * s;
                painter.line_segment(
                    [pos2(x, r.top() - 2.0 * s), pos2(x, r.top() + 1.0 * s)],
                    stroke,
                );
            }
        }
        ActionKind::Branch => {
            let a = c + vec2(-6.0, 0.0) * s;
            let m = c + vec2(-1.0, 0.0) * s;
            for dy in [-5.0, 0.0, 5.0] {
                let b = c + vec2(6.0, dy) * s;
                painter.line(vec![a, m, b], stroke);
                painter.circle_filled(b, 1.6 * s, colour);
            }
        }
        ActionKind::IfThen => {
            let pts = vec![
                c + vec2(0.0, -7.0) * s,
                c + vec2(7.0, 0.0) * s,
                c + vec2(0.0, 7.0) * s,
                c + vec2(-7.0, 0.0) * s,
            ];
            painter.add(Shape::closed_line(pts, stroke));
            painter.text(
                c,
                Align2::CENTER_CENTER,
                "?",
                FontId::proportional(9.0 * s),
                colour,
            );
        }
        ActionKind::AbTest => {
            painter.text(
                c,
                Align2::CENTER_CENTER,
                "A/B",
                FontId::proportional(10.0 * s),
                colour,
            );
        }
        ActionKind::ChannelOptimization => {
            for (i, h) in [4.0, 8.0, 12.0].iter().enumerate() {
                let x = c.x + (i as f32 - 1.0) * 4.5 * s;
                let r = Rect::from_min_max(
                    pos2(x - 1.5 * s, c.y + 6.0 * s - h * s),
                    pos2(x + 1.5 * s, c.y + 6.0 * s),
                );
                painter.rect_filled(r, 0.5 * s, colour);
            }
        }
    }
}

/// Paints the Start icon: a play triangle.
pub fn paint_start_icon(painter: &Painter, c: Pos2, size: f32, colour: Color32) {
    let s = size / 14.0;
    let pts = vec![
        c + vec2(-4.0, -6.0) * s,
        c + vec2(6.0, 0.0) * s,
        c + vec2(-4.0, 6.0) * s,
    ];
    painter.add(Shape::convex_polygon(pts, colour, Stroke::NONE));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11: an SMS step shows a speech bubble and a push step a phone,
    /// not the envelope of an email.
    #[test]
    fn an_sms_or_push_message_has_its_own_icon_not_the_envelope() {
        let message = |channel| Action::Message {
            channel,
            content: String::new(),
            transactional: false,
            next: None,
        };
        assert_eq!(Icon::of(&message(Channel::Sms)), Icon::Sms);
        assert_eq!(Icon::of(&message(Channel::Push)), Icon::Push);
        let envelope = Icon::Kind(ActionKind::Message);
        assert_eq!(Icon::of(&message(Channel::Email)), envelope);
    }
}
