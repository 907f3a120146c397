//! The condition editor shared by attribute-branch rules and the scenario's
//! segment models: in a segment, or an attribute equal to, above or below a value.

use egui::{ComboBox, TextEdit, Ui};

use super::Names;
use super::widgets::{buffered, name_field, name_flag, number, pick_menu, trailing_row};
use crate::model::Condition;

/// A condition on a customer: in a segment, or an attribute equal to, above
/// or below a value. Returns the edited condition.
pub fn condition_ui(ui: &mut Ui, condition: &Condition, names: &Names) -> Option<Condition> {
    const KINDS: [&str; 4] = [
        "In segment",
        "Attribute equals",
        "Attribute above",
        "Attribute below",
    ];
    let kind = match condition {
        Condition::InSegment(_) => 0,
        Condition::Equals(..) => 1,
        Condition::Above(..) => 2,
        Condition::Below(..) => 3,
    };
    let mut chosen = kind;
    ui.horizontal(|ui| {
        let label = ui.label("If");
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt("condition-kind")
                .selected_text(KINDS[kind])
                .show_ui(ui, |ui| {
                    for (k, name) in KINDS.iter().enumerate() {
                        ui.selectable_value(&mut chosen, k, *name);
                    }
                });
        });
    });
    let name = match condition {
        Condition::InSegment(n)
        | Condition::Equals(n, _)
        | Condition::Above(n, _)
        | Condition::Below(n, _) => n.clone(),
    };
    if chosen != kind {
        return Some(match chosen {
            0 => Condition::InSegment(name),
            1 => Condition::Equals(name, String::new()),
            2 => Condition::Above(name, 0.0),
            _ => Condition::Below(name, 0.0),
        });
    }
    match condition {
        Condition::InSegment(s) => name_field(
            ui,
            "segment",
            "Segment",
            s,
            &names.segments,
            &names.known_segments,
            true,
        )
        .map(Condition::InSegment),
        Condition::Equals(a, v) => {
            let mut out = None;
            if let Some(a2) = attribute_field(ui, a, names) {
                out = Some(Condition::Equals(a2, v.clone()));
            }
            let values = names.attribute_values.get(a).cloned().unwrap_or_default();
            if let Some(v2) = name_field(ui, "value", "Equals", v, &values, &values, false) {
                out = Some(Condition::Equals(a.clone(), v2));
            }
            out
        }
        Condition::Above(a, x) | Condition::Below(a, x) => {
            let above = matches!(condition, Condition::Above(..));
            let make = |a: String, x: f64| {
                if above {
                    Condition::Above(a, x)
                } else {
                    Condition::Below(a, x)
                }
            };
            let mut out = None;
            if let Some(a2) = attribute_field(ui, a, names) {
                out = Some(make(a2, *x));
            }
            let word = if above { "Above" } else { "Below" };
            ui.horizontal(|ui| {
                let label = ui.label(word);
                if let Some(x2) = number(ui, "number", label.id, *x, f64::MIN..=f64::MAX, 0.1, "") {
                    out = Some(make(a.clone(), x2));
                }
            });
            out
        }
    }
}

/// The attribute a condition tests, with the scenario's attributes to pick from;
/// one the scenario does not model is flagged.
fn attribute_field(ui: &mut Ui, current: &str, names: &Names) -> Option<String> {
    let label = ui.label("Attribute");
    let id = ui.make_persistent_id("attribute");
    let (picked, typed) = trailing_row(
        ui,
        |ui| pick_menu(ui, "Choose an attribute of the scenario", &names.attributes),
        |ui| {
            buffered(ui, id, &current.to_owned(), |ui, text| {
                ui.add(
                    TextEdit::singleline(text)
                        .id(id.with("edit"))
                        .desired_width(ui.available_width()),
                )
                .labelled_by(label.id)
            })
        },
    );
    name_flag(ui, current, &names.attributes, true);
    picked.or(typed)
}
