//! The help window (F1): keyboard shortcuts and the journey rules, on one screen.

use egui::{Context, RichText, Ui};

/// The app's keyboard shortcuts, as (keys, what they do). The app may pass its own list.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+N", "New journey from a template"),
    ("Ctrl+O", "Open a journey file"),
    ("Ctrl+S", "Save"),
    ("Ctrl+Shift+S", "Save as"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Y / Ctrl+Shift+Z", "Redo"),
    ("Delete", "Remove the selected steps"),
    ("Ctrl+D", "Duplicate the selected steps"),
    ("Ctrl+C / Ctrl+V", "Copy and paste steps"),
    ("F", "Zoom to fit the journey"),
    ("Enter", "Finish editing a field"),
    ("Escape", "Cancel editing a field, close a dialog"),
    ("F1", "This help"),
];

/// The journey rules (assets/docs/rules.md S1 to S9), in the marketer's words.
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
pub fn help_ui(ctx: &Context, open: &mut bool, shortcuts: &[(&str, &str)]) {
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

fn shortcuts_ui(ui: &mut Ui, shortcuts: &[(&str, &str)]) {
    ui.heading("Keyboard shortcuts");
    egui::Grid::new("help-shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in shortcuts {
                ui.label(RichText::new(*keys).monospace());
                ui.label(*what);
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.label(
        RichText::new("On the canvas: drag to pan, scroll or pinch to zoom, click a step to edit it in the inspector.")
            .weak(),
    );
}

fn rules_ui(ui: &mut Ui) {
    ui.heading("How a journey works");
    for (id, title, text) in RULES {
        ui.label(RichText::new(format!("{id}  {title}")).strong());
        ui.label(*text);
        ui.add_space(2.0);
    }
}
