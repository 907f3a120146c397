//! An A/B test: variants with percentages and targets, and the optional
//! decision with its default variant (S12).

use egui::{RichText, Ui};

use super::branch::{keep_edit, reorder_buttons};
use crate::model::{Decide, Span, StepId, Variant, trim_float};
use crate::ui::inspector::widgets::{
    ComboField, ERROR_COLOR, Labelled, NumberField, SpanField, TargetField, TextField, explain,
    rule,
};

/// An A/B test: variants with percentages (live total, red unless 100),
/// targets, and the optional decision with its default variant (S12).
pub(super) fn ab_test_ui(
    ui: &mut Ui,
    choices: &[(StepId, String)],
    variants: &mut Vec<Variant>,
    decide: &mut Option<Decide>,
) {
    rule(
        ui,
        "Each arriving customer goes down one variant, by these percentages.",
    );
    let before = variants.clone();
    for i in 0..before.len() {
        ui.push_id(("variant", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                variant_ui(ui, choices, variants, &before, i);
            });
        });
    }
    total_ui(ui, variants);
    ui.add_space(6.0);
    decide_ui(ui, variants, decide);
}

/// Variant `i`: its name, percent and target, and buttons to move or remove it.
fn variant_ui(
    ui: &mut Ui,
    choices: &[(StepId, String)],
    variants: &mut Vec<Variant>,
    before: &[Variant],
    i: usize,
) {
    let mut edited = before[i].clone();
    ui.horizontal(|ui| {
        TextField::new(&format!("Variant {}", i + 1))
            .id_salt("name")
            .leaving(72.0)
            .show(ui, &mut edited.name);
        NumberField::new(&format!("Variant {} percent", i + 1))
            .id_salt("percent")
            .labelled(Labelled::Hidden)
            .range(0.0..=100.0)
            .speed(0.5)
            .suffix(" %")
            .show(ui, &mut edited.percent);
    });
    ui.horizontal(|ui| reorder_buttons(ui, variants, i, "variant"));
    TargetField::new("Go to", choices)
        .labelled(Labelled::InLayout)
        .show(ui, &mut edited.next);
    keep_edit(variants, before, i, edited);
}

/// The live total (red unless 100) and "Add variant", which takes what is left.
fn total_ui(ui: &mut Ui, variants: &mut Vec<Variant>) {
    let sum: f64 = variants.iter().map(|v| v.percent).sum();
    let total = format!("Total: {} %", trim_float((sum * 100.0).round() / 100.0));
    if (sum - 100.0).abs() <= 0.01 {
        ui.label(total);
    } else {
        ui.label(
            RichText::new(format!("{total}: the variants must add up to 100 %")).color(ERROR_COLOR),
        );
    }
    if ui.button("Add variant").clicked() {
        let mut n = variants.len() + 1;
        let taken = |name: &str| variants.iter().any(|v| v.name == name);
        while taken(&variant_letter(n)) {
            n += 1;
        }
        variants.push(Variant {
            name: variant_letter(n),
            percent: (100.0 - sum).max(0.0),
            next: None,
        });
    }
}

/// Whether to pick a winner, after how long, and the default variant.
fn decide_ui(ui: &mut Ui, variants: &[Variant], decide: &mut Option<Decide>) {
    let mut decides = decide.is_some();
    if ui
        .checkbox(&mut decides, "Pick a winner after a while")
        .changed()
    {
        *decide = decides.then(|| Decide {
            after: Span::Days(7),
            default_variant: variants.first().map(|v| v.name.clone()).unwrap_or_default(),
        });
    }
    rule(
        ui,
        "The variant with the higher goal rate wins if the difference is significant (95 %); otherwise the default variant is used. Later arrivals all go down that one.",
    );
    let Some(d) = decide else {
        explain(
            ui,
            "Without a decision, the result is computed at the end of the simulation.",
        );
        return;
    };
    SpanField::new("Decide after").show(ui, &mut d.after);
    explain(ui, "Counted from when the version goes live.");
    let names: Vec<(String, &str)> = (variants.iter())
        .map(|v| (v.name.clone(), v.name.as_str()))
        .collect();
    ComboField::new("Default variant", &names)
        .unknown(d.default_variant.clone())
        .show(ui, &mut d.default_variant);
}

/// "A", "B", … "Z", then "V27", …
fn variant_letter(n: usize) -> String {
    if (1..=26).contains(&n) {
        char::from(b'A' + (n - 1) as u8).to_string()
    } else {
        format!("V{n}")
    }
}
