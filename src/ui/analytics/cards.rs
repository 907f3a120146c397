//! Summary cards: the run's totals at a glance, and the goal against its target.
//!
//! Each card is one label, "Title\nnumber", so assistive technology (and
//! the UI tests) read the title and the number together. After several runs
//! a small line under the number gives the range 80 % of the runs fell in
//! (p10 to p90), and the goal card says in how many runs the target was met.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Frame, Margin, RichText, TextFormat, Ui};

use crate::sim::{Replications, Report, Spread};
use crate::ui::style::{colours, count};

/// The text of a card, as shown and as read by assistive technology.
pub fn card_text(title: &str, value: &str) -> String {
    format!("{title}\n{value}")
}

/// A goal rate as shown: "9.87%".
pub fn percent(rate: f64) -> String {
    format!("{:.2}%", rate * 100.0)
}

/// The range line under a number: "5,960–6,140\nin 80 % of 20 runs" (two
/// lines, so the card stays narrow), or "same in all 20 runs" when no run differed.
pub fn range_text(spread: &Spread, runs: u64, show: impl Fn(f64) -> String) -> String {
    if spread.min == spread.max {
        return format!("same in all {runs} runs");
    }
    format!(
        "{}–{}\nin 80 % of {runs} runs",
        show(spread.p10),
        show(spread.p90)
    )
}

/// The goal card's line after several runs: "met in 14 of 20 runs".
pub fn goal_met_text(met: u64, runs: u64) -> String {
    format!("met in {met} of {runs} runs")
}

/// A whole count as shown, from a spread's value.
fn count_of(value: f64) -> String {
    count(value.round().max(0.0) as u64)
}

/// The range line of metric `name`, when there were several runs.
fn range_of(
    replications: Option<&Replications>,
    name: &str,
    show: impl Fn(f64) -> String,
) -> Option<String> {
    let r = replications?;
    let spread = &r.metrics.iter().find(|m| m.name == name)?.spread;
    Some(range_text(spread, r.count, show))
}

/// Draws the summary cards of a report (all versions together), with the
/// ranges over the runs when there were several.
pub fn cards_ui(ui: &mut Ui, report: &Report, replications: Option<&Replications>) {
    let a = &report.arrivals;
    let o = &report.outcomes;
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    let weak = ui.visuals().weak_text_color();
    let range = |name: &str| range_of(replications, name, count_of);
    ui.horizontal_wrapped(|ui| {
        card_ui(ui, "Arrived", a.arrived, None, None);
        let entered = range("entered");
        card_ui(ui, "Entered", a.entered, Some(colours::ENTERED), entered);
        card_ui(ui, "Excluded at start", a.excluded, Some(weak), None);
        card_ui(ui, "After end date", a.after_end_date, Some(weak), None);
        card_ui(ui, "After stop", a.after_stop, Some(weak), None);
        if a.not_reentered > 0 {
            card_ui(ui, "Not re-entered", a.not_reentered, Some(weak), None);
        }
        // "Completed" is the journey's word for "finished the journey".
        let accent = Some(colours::COMPLETED);
        card_ui(ui, "Completed", o.completed, accent, range("completed"));
        let accent = Some(colours::SUPPRESSED);
        card_ui(ui, "Suppressed", suppressed, accent, range("suppressed"));
        let accent = Some(colours::EXIT_TRIGGER);
        card_ui(
            ui,
            "Exit trigger",
            exit_trigger,
            accent,
            range("exit_trigger"),
        );
        card_ui(
            ui,
            "Stopped",
            o.stopped,
            Some(colours::STOPPED),
            range("stopped"),
        );
        let accent = Some(colours::NOW);
        card_ui(
            ui,
            "In progress",
            o.in_progress,
            accent,
            range("in_progress"),
        );
        if o.held_out > 0 {
            let accent = Some(colours::HELD_OUT);
            card_ui(ui, "Held out", o.held_out, accent, range("held_out"));
        }
        goal_card_ui(ui, report, replications);
    });
}

fn card_ui(ui: &mut Ui, title: &str, value: u64, accent: Option<Color32>, range: Option<String>) {
    frame(ui, accent, |ui| {
        text_ui(ui, title, &count(value), accent);
        range_line_ui(ui, range);
    });
}

/// The small range line under a number, when there is one.
fn range_line_ui(ui: &mut Ui, range: Option<String>) {
    if let Some(range) = range {
        ui.label(RichText::new(range).small().weak());
    }
}

fn goal_card_ui(ui: &mut Ui, report: &Report, replications: Option<&Replications>) {
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
            range_line_ui(ui, range_of(replications, "goal_rate", percent));
            if let Some(r) = replications
                && let Some(met) = r.goal_met
            {
                let text = goal_met_text(met, r.count);
                ui.label(RichText::new(text).small().color(accent));
            }
        });
    });
    frame(ui, Some(accent), |ui| {
        text_ui(
            ui,
            &format!("Converted ({})", goal.trigger),
            &count(goal.converted),
            Some(accent),
        );
        range_line_ui(ui, range_of(replications, "converted", count_of));
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
    // Never wrapped: a card at the row's end moves to the next row instead.
    ui.add(egui::Label::new(job).extend());
}
