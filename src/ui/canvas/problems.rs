//! The problems list: every validation problem; clicking one that concerns
//! a step of the shown version selects and centres that step.

use egui::{RichText, Ui};

use crate::model::{Problem, Severity, StepId};
use crate::ui::style::colours;

/// Draws the list; returns the step to select and centre, if one was clicked.
pub fn problems_ui(
    ui: &mut Ui,
    problems: &[Problem],
    shown_version: usize,
    several_versions: bool,
) -> Option<StepId> {
    let mut clicked = None;
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    ui.horizontal(|ui| {
        ui.strong("Problems");
        if problems.is_empty() {
            ui.label(RichText::new("none: the journey is ready to simulate").color(colours::GOOD));
        } else {
            let plural = |n: usize, word: &str| {
                if n == 1 {
                    format!("1 {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            ui.label(format!(
                "{}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            ));
        }
    });
    egui::ScrollArea::vertical()
        .max_height(ui.available_height())
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for p in problems {
                let (mark, colour) = match p.severity {
                    Severity::Error => ("Error", colours::ERROR),
                    Severity::Warning => ("Warning", colours::WARNING_TEXT),
                };
                let text = format!("{mark} · {}: {}", p.location(several_versions), p.message);
                let on_this_version = p.version.is_none_or(|v| v == shown_version + 1);
                let resp =
                    ui.add(egui::Button::new(RichText::new(text).color(colour)).frame(false));
                if resp.clicked()
                    && on_this_version
                    && let Some(id) = p.step
                {
                    clicked = Some(id);
                }
            }
        });
    clicked
}
