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
    open: &mut [bool; 4],
    out: &mut Vec<Command>,
) {
    problems_ui(ui, problems);
    let old = &journey.scenario;
    let mut scenario = old.clone();
    explain(
        ui,
        "The synthetic population the simulator runs: who they are and how they behave. Not part of the design.",
    );
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
    let titles = [
        format!("Attributes ({})", old.attributes.len()),
        format!("Segments ({})", old.segments.len()),
        format!("Triggers ({})", old.triggers.len()),
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
                _ => channels_ui(ui, &mut scenario.channels),
            });
        if response.header_response.clicked() {
            open[i] = !open[i];
        }
    }
    if !old.segment_channels.is_empty() {
        explain(
            ui,
            &format!(
                "{} segment(s) have their own channel rates (kept as in the file).",
                old.segment_channels.len()
            ),
        );
    }

    if super::widgets::differs(&scenario, old) {
        out.push(Command::SetScenario(scenario));
    }
}
