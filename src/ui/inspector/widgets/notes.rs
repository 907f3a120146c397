//! What the forms say around their fields: explanations, rules, problems.

use egui::{Color32, RichText, Ui};

use crate::model::{Problem, Severity};

/// Red used for errors and for an A/B total that is not 100.
pub const ERROR_COLOR: Color32 = Color32::from_rgb(0xE0, 0x40, 0x40);
/// Amber used for warnings ("not in the scenario").
pub const WARNING_COLOR: Color32 = Color32::from_rgb(0xD8, 0x90, 0x10);

/// A one-line explanation under a field, in small weak text.
pub fn explain(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).small().weak());
}

/// The rule a section obeys, in one plain sentence, set apart on a tinted note.
pub fn rule(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).italics());
        });
}

/// Shows problems (errors red, warnings amber), one per line.
pub fn problems_ui(ui: &mut Ui, problems: &[&Problem]) {
    for problem in problems {
        let (icon, color) = match problem.severity {
            Severity::Error => ("Error:", ERROR_COLOR),
            Severity::Warning => ("Warning:", WARNING_COLOR),
        };
        ui.label(RichText::new(format!("{icon} {}", problem.message)).color(color));
    }
}
