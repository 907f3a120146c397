//! The unsaved-changes prompt, shown before closing, New and Open.

use egui::{Context, Id, Modal, RichText};

/// What the user chose in the unsaved-changes prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save the journey, then go on.
    Save,
    /// Go on without saving: the changes are lost.
    Discard,
    /// Do nothing: keep the journey and its changes as they are.
    Cancel,
}

/// Shows the prompt while the app has one pending; returns the choice once
/// made. Escape or a click outside counts as Cancel.
///
/// `journey_name` names the journey; `before` says what waits, e.g.
/// "closing", "opening another journey".
pub fn unsaved_changes_ui(
    ctx: &Context,
    journey_name: &str,
    before: &str,
) -> Option<UnsavedChoice> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("journey-designer-unsaved-changes")).show(ctx, |ui| {
        ui.set_max_width(380.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "The journey '{journey_name}' has changes that are not saved. Save them before {before}?"
        ));
        ui.label(RichText::new("Discard loses the changes for good.").small().weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(UnsavedChoice::Cancel);
    }
    choice
}
