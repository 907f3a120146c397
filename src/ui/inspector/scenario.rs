//! The Scenario form: how many customers, the seed, arrivals and horizon,
//! then the tables (in `scenario_tables`) with their validation limits.

use egui::{CollapsingHeader, Ui};

use super::Names;
use super::scenario_tables::{attributes_ui, channels_ui, segments_ui, triggers_ui};
use super::widgets::{explain, number_row, problems_ui, span_row};
use crate::edit::Command;
use crate::model::{Journey, MAX_CUSTOMERS, Problem};

/// Draws the Scenario form.
pub fn scenario_ui(
    ui: &mut Ui,
    journey: &Journey,
    names: &Names,
    problems: &[&Problem],
    out: &mut Vec<Command>,
) {
    let old = &journey.scenario;
    let mut scenario = old.clone();
    explain(
        ui,
        "The synthetic population the simulator runs: who they are and how they behave. Not part of the design.",
    );
    problems_ui(ui, problems);
    ui.add_space(4.0);
    if let Some(n) = number_row(
        ui,
        "customers",
        "Customers",
        old.customers,
        0..=MAX_CUSTOMERS,
        10.0,
        "",
    ) {
        scenario.customers = n;
    }
    explain(
        ui,
        &format!("How many customers arrive (at most {MAX_CUSTOMERS})."),
    );
    if let Some(n) = number_row(ui, "seed", "Seed", old.seed, 0..=u64::MAX, 1.0, "") {
        scenario.seed = n;
    }
    explain(
        ui,
        "The same seed gives the same results, byte for byte (S14).",
    );
    if let Some(s) = span_row(ui, "arrivals", "Arrivals over", old.arrivals_over) {
        scenario.arrivals_over = s;
    }
    explain(
        ui,
        "Arrivals spread evenly from the start date over this span (0: all at once).",
    );
    if let Some(s) = span_row(ui, "horizon", "Simulate for", old.horizon) {
        scenario.horizon = s;
    }
    explain(
        ui,
        "How long after the start date the simulation runs (S16).",
    );

    ui.add_space(6.0);
    CollapsingHeader::new(format!("Attributes ({})", old.attributes.len()))
        .id_salt("attributes")
        .show(ui, |ui| attributes_ui(ui, &mut scenario.attributes));
    CollapsingHeader::new(format!("Segments ({})", old.segments.len()))
        .id_salt("segments")
        .show(ui, |ui| segments_ui(ui, &mut scenario.segments, names));
    CollapsingHeader::new(format!("Triggers ({})", old.triggers.len()))
        .id_salt("triggers")
        .show(ui, |ui| triggers_ui(ui, &mut scenario.triggers, names));
    CollapsingHeader::new("Channel rates")
        .id_salt("channels")
        .show(ui, |ui| channels_ui(ui, &mut scenario.channels));
    if !old.segment_channels.is_empty() {
        explain(
            ui,
            &format!(
                "{} segment(s) have their own channel rates (kept as in the file).",
                old.segment_channels.len()
            ),
        );
    }

    if scenario != *old {
        out.push(Command::SetScenario(scenario));
    }
}
