//! "Model it": under a trigger or segment name the scenario does not model,
//! a button that adds a model with the default for how the name is used
//! (`edit::ModelUse`); under a modelled name, its rates, editable in place.
//! Both edit the form's scenario draft, committed as one `SetScenario`.

use egui::{RichText, Ui};

use super::widgets::{Labelled, NumberField, WARNING_COLOR};
use crate::edit::{ModelUse, default_segment, default_trigger, with_model};
use crate::model::{Scenario, trim_float};

/// The most a trigger may happen a day (once a minute; assets/docs/format.md).
const MAX_PER_DAY: f64 = 1440.0;

/// The model of `name` used as `usage`: "Model it" when there is none, its
/// rates when there is one. Nothing for a blank name (its field says so).
pub fn model_ui(ui: &mut Ui, scenario: &mut Scenario, name: &str, usage: ModelUse) {
    if name.trim().is_empty() {
        return;
    }
    ui.push_id(("model", name), |ui| {
        let modelled = if usage.is_trigger() {
            scenario.triggers.contains_key(name)
        } else {
            scenario.segments.contains_key(name)
        };
        if modelled {
            rates_ui(ui, scenario, name);
        } else {
            missing_ui(ui, scenario, name, usage);
        }
    });
}

/// The warning and the "Model it" button, which says what it will add.
fn missing_ui(ui: &mut Ui, scenario: &mut Scenario, name: &str, usage: ModelUse) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Warning: not in the scenario; add it there to simulate")
                .small()
                .color(WARNING_COLOR),
        )
        .on_hover_text("The design is kept; the simulator needs a model of this name.");
        if ui
            .small_button("Model it")
            .on_hover_text(format!(
                "Adds {name} to the scenario: {}. Change it here or in the Scenario tab.",
                describe_default(usage)
            ))
            .clicked()
        {
            *scenario = with_model(scenario, name, usage);
        }
    });
}

/// The default of `usage` in words ("0.2 % of customers a day").
fn describe_default(usage: ModelUse) -> String {
    if usage.is_trigger() {
        let t = default_trigger(usage);
        let lift = if t.click_lift == 1.0 {
            String::new()
        } else {
            format!(
                ", ×{} for {} after a click",
                trim_float(t.click_lift),
                t.lift_for
            )
        };
        format!("{} % of customers a day{lift}", percent(t.per_day))
    } else {
        let s = default_segment(usage);
        let mut parts = Vec::new();
        if s.share > 0.0 {
            parts.push(format!("{} % members at the start", percent(s.share)));
        }
        if s.joins_per_day > 0.0 {
            parts.push(format!(
                "{} % of the others join a day",
                percent(s.joins_per_day)
            ));
        }
        parts.join(", ")
    }
}

fn percent(x: f64) -> String {
    trim_float((x * 1000.0).round() / 10.0)
}

/// True when `x` fits a field of `0..=max` (a file may hold NaN or huge numbers).
fn fits(x: f64, max: f64) -> bool {
    (0.0..=max).contains(&x)
}

/// The rates of a modelled name, on one row; rates a file holds out of
/// range are left to the Scenario tab, which flags them.
fn rates_ui(ui: &mut Ui, scenario: &mut Scenario, name: &str) {
    let fine = match (scenario.triggers.get(name), scenario.segments.get(name)) {
        (Some(t), _) => fits(t.per_day, MAX_PER_DAY) && fits(t.click_lift, MAX_PER_DAY),
        (None, Some(s)) => fits(s.share, 1.0) && fits(s.joins_per_day, MAX_PER_DAY),
        (None, None) => false,
    };
    if !fine {
        ui.label(
            RichText::new(
                "The scenario's model of this name is out of range: see the Scenario tab.",
            )
            .small()
            .color(WARNING_COLOR),
        );
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Simulated:").small().weak());
        if let Some(t) = scenario.triggers.get_mut(name) {
            NumberField::new(&format!("{name} per day"))
                .labelled(Labelled::Hidden)
                .range(0.0..=MAX_PER_DAY)
                .speed(0.001)
                .suffix(" a day")
                .show(ui, &mut t.per_day);
            NumberField::new(&format!("{name} click lift"))
                .labelled(Labelled::Hidden)
                .range(0.0..=MAX_PER_DAY)
                .speed(0.05)
                .prefix("×")
                .suffix(" after a click")
                .show(ui, &mut t.click_lift);
        } else if let Some(s) = scenario.segments.get_mut(name) {
            let mut share = s.share * 100.0;
            if NumberField::new(&format!("{name} share at start"))
                .labelled(Labelled::Hidden)
                .range(0.0..=100.0)
                .speed(0.5)
                .suffix(" % at start")
                .show(ui, &mut share)
            {
                s.share = share / 100.0;
            }
            NumberField::new(&format!("{name} joins per day"))
                .labelled(Labelled::Hidden)
                .range(0.0..=MAX_PER_DAY)
                .speed(0.001)
                .prefix("joining ")
                .suffix(" a day")
                .show(ui, &mut s.joins_per_day);
        }
    })
    .response
    .on_hover_text("The scenario's model of this name; the Scenario tab has all of them.");
}
