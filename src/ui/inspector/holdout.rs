//! The holdout, in the Goal form: a share of entries kept out of the journey
//! so that its lift can be measured against them (S23).

use egui::{RichText, Ui};

use super::Form;
use super::widgets::{Labelled, NumberField, SpanField, explain, rule};
use crate::edit::Command;
use crate::model::Holdout;

/// Draws the holdout section; its edits are one command each.
pub fn holdout_ui(ui: &mut Ui, form: &mut Form) {
    let old = &form.journey.holdout;
    let mut holdout = old.clone();
    ui.add_space(10.0);
    ui.label(RichText::new("Holdout").strong());
    let mut on = holdout.is_some();
    if ui
        .checkbox(&mut on, "Hold out a share of entries to measure lift")
        .changed()
    {
        holdout = on.then(|| Holdout::new(10.0));
    } else if let Some(holdout) = &mut holdout {
        fields_ui(ui, holdout);
        rule(ui, &sentence(holdout));
    } else {
        explain(
            ui,
            "Without a holdout every conversion is credited to the journey; a holdout shows what it really adds.",
        );
    }
    form.commit(old, holdout, Command::SetHoldout);
}

/// The percent held out and how long conversions are measured.
fn fields_ui(ui: &mut Ui, holdout: &mut Holdout) {
    ui.horizontal(|ui| {
        let label = ui.label("Hold out");
        NumberField::new("Hold out percent")
            .labelled(Labelled::By(label.id))
            .range(0.1..=99.9)
            .speed(0.1)
            .suffix(" %")
            .show(ui, &mut holdout.percent);
        ui.label("of entries");
    });
    SpanField::new("Measure conversions for").show(ui, &mut holdout.measure_for);
    explain(
        ui,
        "How long after entering a conversion counts toward the lift, for both groups.",
    );
}

/// What the holdout does, in words.
fn sentence(holdout: &Holdout) -> String {
    format!(
        "{} % of entries are held out: they receive nothing from the journey. Comparing how many of them convert within {} with the customers who went through it shows how many conversions the journey adds.",
        holdout.percent, holdout.measure_for
    )
}
