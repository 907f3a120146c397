//! The Scenario form: how many customers, the seed, arrivals and horizon,
//! then the tables (in `scenario_tables`) with their validation limits.

use egui::{CollapsingHeader, Ui};

use super::scenario_tables::{attributes_ui, channels_ui, segments_ui, triggers_ui};
use super::segment_channels::segment_channels_ui;
use super::widgets::{NumberField, SpanField, explain, grouped};
use super::{Form, Names};
use crate::edit::Command;
use crate::model::{MAX_CUSTOMERS, Scenario};

/// Draws the Scenario form; `open` says which tables are open.
pub fn scenario_ui(ui: &mut Ui, form: &mut Form, open: &mut [bool; 4]) {
    form.problems_ui(ui);
    let old = &form.journey.scenario;
    let mut scenario = old.clone();
    explain(
        ui,
        "The synthetic population the simulator runs: who they are and how they behave. Not part of the design.",
    );
    ui.add_space(4.0);
    population_ui(ui, &mut scenario);
    ui.add_space(6.0);
    super::zones::time_zones_ui(ui, &mut scenario.time_zones);
    ui.add_space(6.0);
    tables_ui(ui, form.names, &mut scenario, open);
    form.commit(old, scenario, Command::SetScenario);
}

/// How many customers, the seed, the arrivals and the horizon.
fn population_ui(ui: &mut Ui, scenario: &mut Scenario) {
    NumberField::new("Customers")
        .range(0..=MAX_CUSTOMERS)
        .speed(10.0)
        .show(ui, &mut scenario.customers);
    explain(
        ui,
        &format!(
            "How many customers arrive (at most {}). The runner bar's Customers is this same number.",
            grouped(MAX_CUSTOMERS as f64)
        ),
    );
    NumberField::new("Random seed")
        .range(0..=u64::MAX)
        .show(ui, &mut scenario.seed);
    explain(
        ui,
        "Picks the random draws: the same random seed gives the same results, byte for byte; another one shows how much chance moves them.",
    );
    SpanField::new("Arrivals over").show(ui, &mut scenario.arrivals_over);
    explain(
        ui,
        "Arrivals spread evenly from the start date over this span (0: all at once).",
    );
    SpanField::new("Simulate for").show(ui, &mut scenario.horizon);
    explain(ui, "How long after the start date the simulation runs.");
}

/// The four tables, each under a header that `open` keeps open or closed.
fn tables_ui(ui: &mut Ui, names: &Names, scenario: &mut Scenario, open: &mut [bool; 4]) {
    let titles = [
        format!("Attributes ({})", scenario.attributes.len()),
        format!("Segments ({})", scenario.segments.len()),
        format!("Triggers ({})", scenario.triggers.len()),
        "Channel rates".to_owned(),
    ];
    for (i, title) in titles.into_iter().enumerate() {
        let response = CollapsingHeader::new(title)
            .id_salt(("scenario-table", i))
            .open(Some(open[i]))
            .show(ui, |ui| match i {
                0 => attributes_ui(ui, &mut scenario.attributes),
                1 => segments_ui(ui, &mut scenario.segments, names),
                2 => triggers_ui(ui, &mut scenario.triggers, names),
                _ => {
                    channels_ui(ui, &mut scenario.channels);
                    segment_channels_ui(ui, scenario, names);
                }
            });
        if response.header_response.clicked() {
            open[i] = !open[i];
        }
    }
}
