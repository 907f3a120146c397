//! The lift card: how the customers who went through the journey converted
//! against those held out of it, the difference with its 95 % interval and
//! p-value, and what that means per 1,000 entries (S23).

use egui::{Color32, Frame, Margin, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use crate::sim::HoldoutReport;
use crate::ui::style::{colours, count};

/// Conversions the journey adds per 1,000 entries, as a whole number ("+12", "−3").
fn per_thousand(rate: f64) -> String {
    let n = (rate * 1000.0).round();
    if n > 0.0 {
        format!("+{n:.0}")
    } else if n < 0.0 {
        format!("−{:.0}", -n)
    } else {
        "0".to_owned()
    }
}

/// A rate in percent with two decimals: "4.21 %".
fn percent(rate: f64) -> String {
    format!("{:.2} %", rate * 100.0)
}

/// A difference of rates in percentage points, signed: "+1.10 points".
fn points(rate: f64) -> String {
    let p = rate * 100.0;
    if p < 0.0 {
        format!("−{:.2} points", -p)
    } else {
        format!("+{p:.2} points")
    }
}

/// What the lift means, in words.
pub fn verdict(h: &HoldoutReport, has_goal: bool) -> String {
    if !has_goal {
        return "Set a goal on the Goal tab: the lift compares how many customers perform it."
            .to_owned();
    }
    if h.treated == 0 || h.held_out == 0 {
        return "Too few entries in one of the groups to compare them: simulate more customers."
            .to_owned();
    }
    let adds = (h.lift * 1000.0).round();
    let lead = if adds > 0.0 {
        format!(
            "The journey adds {} conversions per 1,000 entries",
            per_thousand(h.lift).trim_start_matches('+')
        )
    } else if adds < 0.0 {
        format!(
            "The journey costs {} conversions per 1,000 entries",
            per_thousand(-h.lift).trim_start_matches('+')
        )
    } else {
        "The journey adds no conversions per 1,000 entries".to_owned()
    };
    let range = format!(
        "(95 % interval {} to {})",
        per_thousand(h.ci95[0]),
        per_thousand(h.ci95[1])
    );
    let sure = if h.ci95[0] > 0.0 || h.ci95[1] < 0.0 {
        format!(
            "a difference this large is unlikely to be chance (p = {}).",
            p_text(h.p_value)
        )
    } else {
        format!(
            "but that could be chance (p = {}): simulate more customers, or a larger holdout, to be sure.",
            p_text(h.p_value)
        )
    };
    format!("{lead} {range}; {sure}")
}

/// A p-value as shown: "0.003", "< 0.001".
fn p_text(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_owned()
    } else {
        format!("{p:.3}")
    }
}

/// Draws the lift card.
pub fn lift_ui(ui: &mut Ui, h: &HoldoutReport, has_goal: bool) {
    Frame::group(ui.style())
        .inner_margin(Margin::symmetric(10, 8))
        .stroke(Stroke::new(1.0, colours::COMPLETED.gamma_multiply(0.6)))
        .show(ui, |ui| {
            ui.set_max_width(560.0);
            let title = format!("Holdout: what the journey adds ({} % held out)", h.percent);
            ui.label(RichText::new(title).strong());
            let scale = h.treated_rate.max(h.held_out_rate).max(1e-9);
            let treated = Group {
                title: "Went through the journey",
                converted: h.treated_converted,
                entries: h.treated,
                rate: h.treated_rate,
            };
            let held_out = Group {
                title: "Held out",
                converted: h.held_out_converted,
                entries: h.held_out,
                rate: h.held_out_rate,
            };
            group_row_ui(ui, &treated, scale, colours::COMPLETED);
            group_row_ui(ui, &held_out, scale, ui.visuals().weak_text_color());
            ui.label(format!(
                "Lift: {} (95 % interval {} to {}), p-value {}",
                points(h.lift),
                points(h.ci95[0]),
                points(h.ci95[1]),
                p_text(h.p_value)
            ));
            interval_ui(ui, h);
            ui.label(RichText::new(verdict(h, has_goal)).strong());
        });
}

/// One group of the comparison.
struct Group<'a> {
    title: &'a str,
    converted: u64,
    entries: u64,
    rate: f64,
}

/// One group: its rate as a bar (the larger rate fills it) and
/// "4.21 % converted (1,234 of 29,300)".
fn group_row_ui(ui: &mut Ui, group: &Group<'_>, scale: f64, colour: Color32) {
    ui.horizontal(|ui| {
        ui.add_sized([170.0, 18.0], egui::Label::new(group.title));
        let (rect, _) = ui.allocate_exact_size(vec2(120.0, 12.0), Sense::hover());
        let painter = ui.painter();
        painter.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
        let share = (group.rate / scale).clamp(0.0, 1.0) as f32;
        let filled = Rect::from_min_size(rect.min, vec2(rect.width() * share, rect.height()));
        painter.rect_filled(filled, 2.0, colour);
        ui.label(format!(
            "{} converted ({} of {})",
            percent(group.rate),
            count(group.converted),
            count(group.entries)
        ));
    });
}

/// The lift (a dot) and its 95 % interval (a bar) on a line through "no difference".
fn interval_ui(ui: &mut Ui, h: &HoldoutReport) {
    let size = vec2(ui.available_width().min(420.0), 30.0);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let reach = (h.ci95[0].abs())
        .max(h.ci95[1].abs())
        .max(h.lift.abs())
        .max(1e-4)
        * 1.2;
    let x = |v: f64| rect.center().x + (v / reach) as f32 * rect.width() / 2.0;
    let y = rect.top() + 9.0;
    let painter = ui.painter();
    let axis = ui.visuals().weak_text_color();
    let thin = Stroke::new(1.0, axis.gamma_multiply(0.5));
    painter.line_segment([pos2(rect.left(), y), pos2(rect.right(), y)], thin);
    let zero = x(0.0);
    painter.line_segment(
        [pos2(zero, y - 7.0), pos2(zero, y + 7.0)],
        Stroke::new(1.0, axis),
    );
    let colour = if h.ci95[0] > 0.0 {
        colours::COMPLETED
    } else if h.ci95[1] < 0.0 {
        colours::STOPPED
    } else {
        colours::EXIT_TRIGGER
    };
    let bar = [pos2(x(h.ci95[0]), y), pos2(x(h.ci95[1]), y)];
    painter.line_segment(bar, Stroke::new(4.0, colour.gamma_multiply(0.6)));
    painter.circle_filled(pos2(x(h.lift), y), 5.0, colour);
    let font = egui::FontId::proportional(10.0);
    let below = rect.bottom();
    painter.text(
        pos2(zero, below),
        egui::Align2::CENTER_BOTTOM,
        "no difference",
        font,
        axis,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(lift: f64, ci95: [f64; 2], p_value: f64) -> HoldoutReport {
        HoldoutReport {
            percent: 10.0,
            treated: 9_000,
            held_out: 1_000,
            treated_converted: 450,
            held_out_converted: 30,
            treated_rate: 0.05,
            held_out_rate: 0.03,
            lift,
            ci95,
            p_value,
        }
    }

    #[test]
    fn s23_the_lift_is_said_per_1000_entries() {
        let clear = verdict(&report(0.02, [0.009, 0.031], 0.004), true);
        assert_eq!(
            clear,
            "The journey adds 20 conversions per 1,000 entries (95 % interval +9 to +31); a difference this large is unlikely to be chance (p = 0.004)."
        );
        let unsure = verdict(&report(0.002, [-0.004, 0.008], 0.41), true);
        assert!(unsure.starts_with("The journey adds 2 conversions per 1,000 entries (95 % interval −4 to +8); but that could be chance (p = 0.410)"));
        assert!(verdict(&report(0.0, [0.0, 0.0], 1.0), false).starts_with("Set a goal"));
    }
}
