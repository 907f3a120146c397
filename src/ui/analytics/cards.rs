//! Summary cards: the run's totals at a glance, and the goal against its target.
//!
//! Each card is one label, "Title\nnumber", so assistive technology (and
//! the UI tests) read the title and the number together.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Frame, Margin, RichText, TextFormat, Ui};

use crate::sim::Report;
use crate::ui::style::{colours, count};

/// The text of a card, as shown and as read by assistive technology.
pub fn card_text(title: &str, value: &str) -> String {
    format!("{title}\n{value}")
}

/// A goal rate as shown: "9.87%".
pub fn percent(rate: f64) -> String {
    format!("{:.2}%", rate * 100.0)
}

/// Draws the summary cards of a report (all versions together).
pub fn cards_ui(ui: &mut Ui, report: &Report) {
    let a = &report.arrivals;
    let o = &report.outcomes;
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    let weak = ui.visuals().weak_text_color();
    ui.horizontal_wrapped(|ui| {
        card_ui(ui, "Arrived", a.arrived, None);
        card_ui(ui, "Entered", a.entered, Some(colours::ENTERED));
        card_ui(ui, "Excluded at start", a.excluded, Some(weak));
        card_ui(ui, "After end date", a.after_end_date, Some(weak));
        card_ui(ui, "After stop", a.after_stop, Some(weak));
        if a.not_reentered > 0 {
            card_ui(ui, "Not re-entered", a.not_reentered, Some(weak));
        }
        // "Completed" is the journey's word for "finished the journey".
        card_ui(ui, "Completed", o.completed, Some(colours::COMPLETED));
        card_ui(ui, "Suppressed", suppressed, Some(colours::SUPPRESSED));
        card_ui(
            ui,
            "Exit trigger",
            exit_trigger,
            Some(colours::EXIT_TRIGGER),
        );
        card_ui(ui, "Stopped", o.stopped, Some(colours::STOPPED));
        card_ui(ui, "In progress", o.in_progress, Some(colours::NOW));
        if o.held_out > 0 {
            card_ui(ui, "Held out", o.held_out, Some(colours::HELD_OUT));
        }
        goal_card_ui(ui, report);
    });
}

fn card_ui(ui: &mut Ui, title: &str, value: u64, accent: Option<Color32>) {
    frame(ui, accent, |ui| text_ui(ui, title, &count(value), accent));
}

fn goal_card_ui(ui: &mut Ui, report: &Report) {
    let Some(goal) = &report.goal else {
        frame(ui, None, |ui| {
            ui.label(RichText::new("No goal set").weak());
        });
        return;
    };
    let (accent, verdict) = match goal.met {
        Some(true) => (colours::COMPLETED, "met"),
        Some(false) => (colours::STOPPED, "not met"),
        None => (ui.visuals().text_color(), "no target"),
    };
    frame(ui, Some(accent), |ui| {
        ui.vertical(|ui| {
            text_ui(ui, "Goal rate", &percent(goal.rate), Some(accent));
            let target = goal.target_percent.map_or_else(
                || verdict.to_owned(),
                |t| format!("target {t}% · {verdict}"),
            );
            ui.label(RichText::new(target).small().color(accent));
        });
    });
    frame(ui, Some(accent), |ui| {
        text_ui(
            ui,
            &format!("Converted ({})", goal.trigger),
            &count(goal.converted),
            Some(accent),
        );
    });
}

fn frame(ui: &mut Ui, accent: Option<Color32>, add: impl FnOnce(&mut Ui)) {
    let stroke_colour = accent.map_or(ui.visuals().widgets.noninteractive.bg_stroke.color, |c| {
        c.gamma_multiply(0.6)
    });
    Frame::group(ui.style())
        .inner_margin(Margin::symmetric(8, 5))
        .stroke(egui::Stroke::new(1.0, stroke_colour))
        .show(ui, |ui| {
            // Vertical inside, or labels would flow on from the wrapped row.
            ui.vertical(|ui| {
                ui.set_min_width(56.0);
                add(ui);
            });
        });
}

/// The title small, the number large, in one label.
fn text_ui(ui: &mut Ui, title: &str, value: &str, accent: Option<Color32>) {
    let mut job = LayoutJob::default();
    job.append(
        &format!("{title}\n"),
        0.0,
        TextFormat {
            font_id: FontId::proportional(11.5),
            color: ui.visuals().weak_text_color(),
            ..TextFormat::default()
        },
    );
    job.append(
        value,
        0.0,
        TextFormat {
            font_id: FontId::proportional(18.0),
            color: accent.unwrap_or_else(|| ui.visuals().strong_text_color()),
            ..TextFormat::default()
        },
    );
    ui.label(job);
}
