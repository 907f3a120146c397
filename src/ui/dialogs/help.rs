//! The help window (F1): every keyboard shortcut (from the table the
//! handlers read) and how a journey works, on one screen. The rules' codes
//! (S1, S2, ...) stay in the code and docs: the window shows their titles.

use egui::{Context, RichText, Ui};

/// The app's keyboard shortcuts: the one table the handlers read.
pub use crate::ui::shortcuts::SHORTCUTS;
use crate::ui::shortcuts::{Binding, keys_label};

/// The journey rules (assets/docs/rules.md S1 to S9), in the marketer's
/// words; the code is for the docs, not shown.
const RULES: &[(&str, &str, &str)] = &[
    (
        "S1",
        "Entry",
        "A customer enters at their arrival and starts on the first step, unless the journey is stopped, past its end date, already entered (no re-entry) or the customer is excluded.",
    ),
    (
        "S2",
        "Exclusion segments",
        "Checked only at arrival: members then do not enter. Joining later changes nothing.",
    ),
    (
        "S2b",
        "Re-entry",
        "Without re-entry, a customer enters at most once.",
    ),
    (
        "S3",
        "Completion",
        "A customer who finishes a step with no next step has completed the journey.",
    ),
    (
        "S4",
        "Suppression segments",
        "Whoever is or becomes a member leaves at once, wherever they are, even mid-wait.",
    ),
    (
        "S5",
        "Exit triggers",
        "Whoever performs one leaves at that moment; nothing more is sent to them.",
    ),
    (
        "S6",
        "End date",
        "From the end date nobody new enters, but everyone inside finishes all their steps.",
    ),
    (
        "S7",
        "Stop",
        "Final: nobody enters any more and everyone inside leaves at once. A stopped journey cannot be restarted.",
    ),
    (
        "S8",
        "Versions",
        "Editing a live journey publishes a new version; customers stay on the version they entered.",
    ),
    (
        "S9",
        "Same moment",
        "When things happen at once: goal first, then suppression, exit trigger, stop, and the step last. Converting and leaving together counts as converted.",
    ),
];

/// Shows the help window while `open` is true; its close button sets it false.
pub fn help_ui(ctx: &Context, open: &mut bool, shortcuts: &[Binding]) {
    let max = ctx.content_rect().size() - egui::vec2(40.0, 60.0);
    egui::Window::new("Help")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .max_size(max)
        .default_width(max.x.min(860.0))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            // Tall enough for everything at 1280x800 (no scrolling); scrolls
            // only on smaller windows.
            egui::ScrollArea::vertical()
                .max_height(max.y - 40.0)
                .min_scrolled_height(max.y - 40.0)
                .show(ui, |ui| {
                    // Room for the scroll bar, so it never covers the text.
                    ui.set_max_width(ui.available_width() - 12.0);
                    ui.columns(2, |columns| {
                        shortcuts_ui(&mut columns[0], shortcuts);
                        rules_ui(&mut columns[1]);
                    });
                });
        });
}

fn shortcuts_ui(ui: &mut Ui, shortcuts: &[Binding]) {
    ui.heading("Keyboard shortcuts");
    egui::Grid::new("help-shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for binding in shortcuts {
                ui.label(RichText::new(keys_label(ui.ctx(), binding)).monospace());
                ui.label(binding.what);
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.label(
        RichText::new("On the canvas: drag the background or scroll to pan, Ctrl+scroll or pinch to zoom, click a step to edit it in the inspector.")
            .weak(),
    );
}

fn rules_ui(ui: &mut Ui) {
    ui.heading("How a journey works");
    for (_code, title, text) in RULES {
        ui.label(RichText::new(*title).strong());
        ui.label(*text);
        ui.add_space(2.0);
    }
}
