//! The tornado's bars, drawn with the painter: per assumption its name, then
//! the goal rate at ×0.8 and at ×1.2 as bars from the base goal rate (a
//! vertical line), each with its value at the end.

use egui::{Align, Align2, Color32, FontId, Layout, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::label;
use crate::sim::{Effect, FACTORS, Measured, Param};
use crate::ui::analytics::cards::percent;

/// The bar of ×0.8 (lighter) and of ×1.2 (darker).
const LOW: Color32 = Color32::from_rgb(0x93, 0xc5, 0xfd);
const HIGH: Color32 = Color32::from_rgb(0x1d, 0x4e, 0xd8);
/// Height of a row.
const ROW: f32 = 22.0;
/// Room beside the bars for the value at their end.
const VALUE_ROOM: f32 = 58.0;
/// The widest the bars get, however wide the panel.
const MAX_WIDTH: f32 = 640.0;

/// A small swatch and its words, for each factor.
pub fn legend_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        for (colour, words) in [
            (LOW, "each assumption ×0.8 (a fifth lower)"),
            (HIGH, "×1.2 (a fifth higher)"),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.small(words);
            ui.add_space(8.0);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(2.0, 12.0), Sense::hover());
        ui.painter()
            .rect_filled(rect, 0.0, ui.visuals().strong_text_color());
        ui.small("goal rate as designed");
    });
}

/// Where in a row each goal rate goes: the smallest and largest rate shown
/// span the row, less the room for the values at the bars' ends.
struct Scale {
    low: f64,
    high: f64,
    width: f32,
}

impl Scale {
    fn of(base: &Measured, effects: &[&Effect], width: f32) -> Scale {
        let rates = effects
            .iter()
            .flat_map(|e| e.scaled.iter().map(|m| m.goal_rate));
        let (low, high) = rates.fold((base.goal_rate, base.goal_rate), |(lo, hi), r| {
            (lo.min(r), hi.max(r))
        });
        Scale {
            low,
            high: if high > low { high } else { low + 1e-9 },
            width,
        }
    }

    /// The x of `rate` in the row `rect`.
    fn x(&self, rate: f64, rect: Rect) -> f32 {
        let t = ((rate - self.low) / (self.high - self.low)) as f32;
        rect.left() + VALUE_ROOM + t * (self.width - 2.0 * VALUE_ROOM)
    }
}

/// One row per effect: its name in a column as wide as the longest, then its bars.
pub fn bars_ui(ui: &mut Ui, base: &Measured, effects: &[&Effect]) {
    let names: Vec<String> = effects.iter().map(|e| label(&e.param)).collect();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let name_width = names
        .iter()
        .map(|n| {
            ui.painter()
                .layout_no_wrap(n.clone(), font.clone(), Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(0.0, f32::max)
        + 12.0;
    let spacing = ui.spacing().item_spacing.x;
    let width = (ui.available_width() - name_width - spacing).clamp(240.0, MAX_WIDTH);
    let scale = Scale::of(base, effects, width);
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        for (effect, name) in effects.iter().zip(&names) {
            ui.horizontal(|ui| {
                ui.allocate_ui_with_layout(
                    vec2(name_width, ROW),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_min_size(vec2(name_width, ROW));
                        ui.label(name);
                    },
                );
                row_ui(ui, base, effect, &scale).on_hover_text(hover_text(name, effect));
            });
        }
    });
}

/// The two bars of one effect and the base line through them.
fn row_ui(ui: &mut Ui, base: &Measured, effect: &Effect, scale: &Scale) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(scale.width, ROW), Sense::hover());
    let painter = ui.painter_at(rect.expand(1.0));
    let x0 = scale.x(base.goal_rate, rect);
    let bar = |rate: f64, inset: f32| {
        let x = scale.x(rate, rect);
        Rect::from_x_y_ranges(
            x0.min(x)..=x0.max(x),
            rect.top() + inset..=rect.bottom() - inset,
        )
    };
    // The longer bar behind, so a short one on the same side shows as its
    // inner part.
    let mut order: Vec<usize> = vec![0, 1];
    order.sort_by(|&a, &b| {
        let change = |i: usize| (effect.scaled[i].goal_rate - base.goal_rate).abs();
        change(b).total_cmp(&change(a))
    });
    let font = FontId::proportional(11.0);
    let text = ui.visuals().text_color();
    for (k, &i) in order.iter().enumerate() {
        let rate = effect.scaled[i].goal_rate;
        let colour = if i == 0 { LOW } else { HIGH };
        painter.rect_filled(bar(rate, 4.0), 1.0, colour);
        // The value goes past the bar's end, away from the base; only the
        // longer bar's when both go the same way.
        let x = scale.x(rate, rect);
        let same_side = (effect.scaled[0].goal_rate - base.goal_rate).signum()
            == (effect.scaled[1].goal_rate - base.goal_rate).signum();
        if k == 1 && same_side {
            continue;
        }
        let (at, align) = if rate < base.goal_rate {
            (pos2(x - 4.0, rect.center().y), Align2::RIGHT_CENTER)
        } else {
            (pos2(x + 4.0, rect.center().y), Align2::LEFT_CENTER)
        };
        painter.text(at, align, percent(rate), font.clone(), text);
    }
    painter.line_segment(
        [pos2(x0, rect.top()), pos2(x0, rect.bottom())],
        Stroke::new(1.5, ui.visuals().strong_text_color()),
    );
    response
}

/// The hover of a row: the assumption's value and both results in words.
fn hover_text(name: &str, effect: &Effect) -> String {
    let results: Vec<String> = FACTORS
        .iter()
        .zip(&effect.scaled)
        .map(|(f, m)| format!("×{f} gives a goal rate of {}", percent(m.goal_rate)))
        .collect();
    format!(
        "{name}: {} in the scenario.\n{}.",
        value_text(&effect.param, effect.value),
        results.join("; ")
    )
}

/// An assumption's value as a marketer reads it: "35 %", "0.03 a day", "×8".
fn value_text(param: &Param, value: f64) -> String {
    match param {
        Param::Delivered(_) | Param::Opened(_) | Param::Clicked(_) | Param::Share(_) => {
            format!("{:.1} %", value * 100.0)
        }
        Param::TriggerRate(_) | Param::JoinRate(_) => format!("{value} a day"),
        Param::ClickLift(_) => format!("×{value}"),
    }
}
