//! The Start form: audience, exclusion segments (S2), re-entry (S2b), start date.

use egui::Ui;

use super::models::model_ui;
use super::widgets::{DateTimeField, ListEditor, NameField, explain, rule};
use super::{Form, Names};
use crate::edit::{Command, ModelUse};
use crate::model::{Audience, Journey};

/// Draws the Start form.
pub fn start_ui(ui: &mut Ui, form: &mut Form) {
    form.problems_ui(ui);
    let journey = form.journey;
    let mut start = journey.start.clone();
    audience_ui(ui, form.names, &mut start.audience);

    ui.add_space(8.0);
    ui.heading("Exclusion segments");
    let scenario = &mut form.scenario;
    ListEditor::new("exclusion segment")
        .suggestions(&form.names.segments)
        .show_with(ui, &mut start.exclude_segments, |ui, name| {
            model_ui(ui, scenario, name, ModelUse::Segment);
        });
    rule(
        ui,
        "Checked only when a customer arrives: members at that moment do not enter; joining later changes nothing. To pull people out mid-journey, use a suppression segment (End).",
    );

    ui.add_space(8.0);
    ui.checkbox(&mut start.reentry, "Customers may enter more than once");
    explain(
        ui,
        "Off: a customer enters at most once. On: each entry is its own journey in the counts.",
    );

    ui.add_space(8.0);
    ui.heading("Start date");
    DateTimeField::new("Start date").show(ui, &mut start.starts_at);
    explain(
        ui,
        "Version 1 goes live at this instant; arrivals and the simulation begin here.",
    );
    form.commit(&journey.start, start, |start| set_start(journey, start));
}

/// Who enters: members of a segment or customers who perform a trigger, by name.
fn audience_ui(ui: &mut Ui, names: &Names, audience: &mut Audience) {
    ui.heading("Who enters");
    let is_segment = matches!(audience, Audience::Segment(_));
    let mut name = audience.name().to_owned();
    ui.horizontal(|ui| {
        ui.label("Audience:");
        if ui.radio(is_segment, "Segment").clicked() && !is_segment {
            *audience = Audience::Segment(name.clone());
        }
        if ui.radio(!is_segment, "Trigger").clicked() && is_segment {
            *audience = Audience::Trigger(name.clone());
        }
    });
    let suggestions = if is_segment {
        &names.segments
    } else {
        &names.triggers
    };
    // The audience needs no model of its own (assets/docs/format.md, Arrivals): no `known`.
    if NameField::new("Audience name")
        .suggestions(suggestions)
        .show(ui, &mut name)
    {
        *audience = if is_segment {
            Audience::Segment(name)
        } else {
            Audience::Trigger(name)
        };
    }
    explain(
        ui,
        "Members of a segment, or customers who perform a trigger. The scenario says when they arrive.",
    );
}

/// `SetStart`, moving version 1's explicit publish instant along with the start
/// date so that the two never disagree (assets/docs/format.md, Validation).
fn set_start(journey: &Journey, start: crate::model::Start) -> Command {
    let moves_first_version = start.starts_at != journey.start.starts_at
        && journey.versions.first().is_some_and(|v| {
            v.published_at == Some(journey.start.starts_at) && v.stopped_at.is_none()
        });
    if moves_first_version {
        let at = start.starts_at;
        Command::Batch(
            "Edit start".to_owned(),
            vec![
                Command::SetStart(start),
                Command::SetPublishedAt {
                    version: 0,
                    at: Some(at),
                },
            ],
        )
    } else {
        Command::SetStart(start)
    }
}
