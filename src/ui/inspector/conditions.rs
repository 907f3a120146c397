//! The condition editor shared by attribute-branch rules and the scenario's
//! segment models: in a segment, or an attribute equal to, above or below a value.

use egui::Ui;

use super::Names;
use super::models::model_ui;
use super::widgets::{ComboField, NameField, NumberField};
use crate::edit::ModelUse;
use crate::model::{Condition, Scenario};

/// What a condition tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    InSegment,
    Equals,
    Above,
    Below,
}

/// The kinds, in the order of the picker.
const KINDS: [(Kind, &str); 4] = [
    (Kind::InSegment, "In segment"),
    (Kind::Equals, "Attribute equals"),
    (Kind::Above, "Attribute above"),
    (Kind::Below, "Attribute below"),
];

impl Kind {
    fn of(condition: &Condition) -> Kind {
        match condition {
            Condition::InSegment(_) => Kind::InSegment,
            Condition::Equals(..) => Kind::Equals,
            Condition::Above(..) => Kind::Above,
            Condition::Below(..) => Kind::Below,
        }
    }

    /// A condition of this kind on `name` (a segment or an attribute).
    fn make(self, name: String) -> Condition {
        match self {
            Kind::InSegment => Condition::InSegment(name),
            Kind::Equals => Condition::Equals(name, String::new()),
            Kind::Above => Condition::Above(name, 0.0),
            Kind::Below => Condition::Below(name, 0.0),
        }
    }
}

/// A condition on a customer: in a segment, or an attribute equal to, above
/// or below a value. Edits `condition` in place. With `models` (a design's
/// condition, not the scenario's own), a segment the scenario lacks offers
/// "Model it"; without, it is flagged.
pub fn condition_ui(
    ui: &mut Ui,
    names: &Names,
    condition: &mut Condition,
    models: Option<&mut Scenario>,
) {
    let mut kind = Kind::of(condition);
    if ComboField::new("If", &KINDS).show(ui, &mut kind) {
        let (Condition::InSegment(name)
        | Condition::Equals(name, _)
        | Condition::Above(name, _)
        | Condition::Below(name, _)) = condition;
        *condition = kind.make(std::mem::take(name));
        return;
    }
    match condition {
        Condition::InSegment(segment) => {
            let field = NameField::new("Segment").suggestions(&names.segments);
            match models {
                Some(scenario) => {
                    field.show(ui, segment);
                    model_ui(ui, scenario, segment, ModelUse::Segment);
                }
                None => {
                    field.known(&names.known_segments).show(ui, segment);
                }
            }
        }
        Condition::Equals(attribute, value) => {
            attribute_ui(ui, names, attribute);
            let values = names.attribute_values.get(attribute.as_str());
            NameField::new("Equals")
                .suggestions(values.map_or(&[], Vec::as_slice))
                .show(ui, value);
        }
        Condition::Above(attribute, x) | Condition::Below(attribute, x) => {
            let word = if matches!(kind, Kind::Above) {
                "Above"
            } else {
                "Below"
            };
            attribute_ui(ui, names, attribute);
            NumberField::new(word).speed(0.1).show(ui, x);
        }
    }
}

/// The attribute a condition tests, with the scenario's attributes to pick from;
/// one the scenario does not model is flagged.
fn attribute_ui(ui: &mut Ui, names: &Names, attribute: &mut String) {
    NameField::new("Attribute")
        .suggestions(&names.attributes)
        .known(&names.attributes)
        .pick_hover("Choose an attribute of the scenario")
        .show(ui, attribute);
}
