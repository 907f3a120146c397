//! "Compare with…" in the runner bar: another journey file, the last saved
//! file, or another version of this journey, each run against this journey
//! as it is now on the same customers; while one runs, its progress bar and
//! Cancel; while one is shown, what it compares and the way back to the run.

use egui::{Button, Label, ProgressBar, RichText, Ui};

use super::RunnerIntent;

/// What this journey is compared with (it is B, the other is A).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareWith {
    /// A journey file the user picks.
    OtherFile,
    /// This journey's file as last saved.
    LastSaved,
    /// Another version of this journey (0-based), against the shown one.
    Version(usize),
}

/// A comparison in progress, as the bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparing {
    /// Done so far, 0..=1 (both sides, all runs).
    pub fraction: f32,
    /// "Comparing: 20 runs of 3,000 on each side… 45%".
    pub text: String,
    /// Wall time so far, in seconds.
    pub seconds: f32,
}

/// What the bar needs for comparing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareBar {
    /// Why the last saved file cannot be chosen (never saved); `None` when it can.
    pub saved_refused: Option<String>,
    /// The other versions this journey has: index (0-based) and label.
    pub versions: Vec<(usize, String)>,
    /// A comparison in progress.
    pub running: Option<Comparing>,
    /// The comparison shown.
    pub shown: Option<ShownComparison>,
}

/// The comparison shown, as the bar says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShownComparison {
    /// One short line: "Comparison, 20 runs each: B − A on each card".
    pub summary: String,
    /// What A and B are, for the hover text: "A: …\nB: …".
    pub names: String,
}

/// The "Compare with…" menu.
pub fn compare_menu_ui(ui: &mut Ui, bar: &CompareBar, out: &mut Vec<RunnerIntent>) {
    let response = ui.menu_button("Compare with…", |ui| {
        ui.weak("B is this journey as it is now; A is what you pick:");
        if ui
            .button("Another journey file…")
            .on_hover_text("Pick a journey file: it runs as A on this journey's customers")
            .clicked()
        {
            out.push(RunnerIntent::Compare(CompareWith::OtherFile));
            ui.close();
        }
        let saved = ui
            .add_enabled(bar.saved_refused.is_none(), Button::new("The last saved file"))
            .on_hover_text("The file on disk as A, against your edits since")
            .on_disabled_hover_text(bar.saved_refused.as_deref().unwrap_or_default());
        if saved.clicked() {
            out.push(RunnerIntent::Compare(CompareWith::LastSaved));
            ui.close();
        }
        ui.separator();
        if bar.versions.is_empty() {
            ui.add_enabled(false, Button::new("Another version of this journey"))
                .on_disabled_hover_text(
                    "This journey has one version: start a draft to compare two versions",
                );
        }
        for (index, label) in &bar.versions {
            if ui
                .button(label)
                .on_hover_text(
                    "That version's design as A against the shown one as B, each as if it were the whole journey",
                )
                .clicked()
            {
                out.push(RunnerIntent::Compare(CompareWith::Version(*index)));
                ui.close();
            }
        }
    });
    response
        .response
        .on_hover_text("Run two designs on the same customers and see the differences");
}

/// A comparison's progress bar, time and Cancel.
pub fn progress_ui(ui: &mut Ui, comparing: &Comparing, out: &mut Vec<RunnerIntent>) {
    ui.add(
        ProgressBar::new(comparing.fraction)
            .desired_width(300.0)
            .text(comparing.text.as_str()),
    );
    ui.label(format!("{:.1} s", comparing.seconds));
    if ui.button("Cancel").clicked() {
        out.push(RunnerIntent::CancelComparison);
    }
}

/// What the shown comparison is, and the way back to the run.
pub fn shown_ui(ui: &mut Ui, shown: &ShownComparison, out: &mut Vec<RunnerIntent>) {
    if ui
        .button("Back to the run")
        .on_hover_text("Leave the comparison: the canvas and analytics show the run again")
        .clicked()
    {
        out.push(RunnerIntent::LeaveComparison);
    }
    ui.add(Label::new(RichText::new(&shown.summary).strong()).truncate())
        .on_hover_text(&shown.names);
}
