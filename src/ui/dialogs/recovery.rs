//! The offer to recover unsaved work found after a crash (autosave).

use egui::{Context, Id, Modal, RichText};

/// What the user chose about the unsaved work found at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the recovered journey (as unsaved changes to its file, if it had one).
    Recover,
    /// Throw the recovered copy away for good.
    Discard,
}

/// Shows the offer; returns the choice once made. There is no "later": the
/// copy would otherwise be overwritten by the next autosave.
///
/// `journey_name` is the recovered journey's name, `original` the file it
/// belonged to (`None` if it was never saved), `saved_at` when the copy was
/// written, already formatted ("2026-11-25 10:30 UTC").
pub fn recovery_ui(
    ctx: &Context,
    journey_name: &str,
    original: Option<&str>,
    saved_at: &str,
) -> Option<RecoveryChoice> {
    let mut choice = None;
    Modal::new(Id::unique("journey-designer-recovery")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "Journey Designer did not close properly. Unsaved changes to '{journey_name}' were kept at {saved_at}."
        ));
        match original {
            Some(file) => ui.label(format!("They belong to {file}; the file itself was not changed.")),
            None => ui.label("The journey had not been saved to a file yet."),
        };
        ui.label(
            RichText::new("Recover opens them as unsaved changes; Discard deletes them for good.")
                .small()
                .weak(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Recover").clicked() {
                choice = Some(RecoveryChoice::Recover);
            }
            if ui.button("Discard").clicked() {
                choice = Some(RecoveryChoice::Discard);
            }
        });
    });
    choice
}
