//! The Start form: audience, exclusion segments (S2), re-entry (S2b), start date.

use egui::Ui;

use super::Names;
use super::widgets::{date_time_row, explain, list_editor, name_field, problems_ui, rule};
use crate::edit::Command;
use crate::model::{Audience, Journey, Problem};

/// Draws the Start form.
pub fn start_ui(
    ui: &mut Ui,
    journey: &Journey,
    names: &Names,
    problems: &[&Problem],
    out: &mut Vec<Command>,
) {
    problems_ui(ui, problems);
    let old = &journey.start;
    let mut start = old.clone();

    ui.heading("Who enters");
    let is_segment = matches!(old.audience, Audience::Segment(_));
    let name = old.audience.name().to_owned();
    ui.horizontal(|ui| {
        ui.label("Audience:");
        if ui.radio(is_segment, "Segment").clicked() && !is_segment {
            start.audience = Audience::Segment(name.clone());
        }
        if ui.radio(!is_segment, "Trigger").clicked() && is_segment {
            start.audience = Audience::Trigger(name.clone());
        }
    });
    let suggestions = if is_segment {
        &names.segments
    } else {
        &names.triggers
    };
    // The audience needs no model of its own (assets/docs/format.md, Arrivals).
    if let Some(new_name) = name_field(
        ui,
        "audience",
        "Audience name",
        &name,
        suggestions,
        &[],
        false,
    ) {
        start.audience = if is_segment {
            Audience::Segment(new_name)
        } else {
            Audience::Trigger(new_name)
        };
    }
    explain(
        ui,
        "Members of a segment, or customers who perform a trigger. The scenario says when they arrive.",
    );

    ui.add_space(8.0);
    ui.heading("Exclusion segments");
    if let Some(list) = list_editor(
        ui,
        "exclude",
        "exclusion segment",
        &old.exclude_segments,
        &names.segments,
        &names.known_segments,
    ) {
        start.exclude_segments = list;
    }
    rule(
        ui,
        "Checked only when a customer arrives: members at that moment do not enter; joining later changes nothing (S2). To pull people out mid-journey, use a suppression segment (End).",
    );

    ui.add_space(8.0);
    ui.checkbox(&mut start.reentry, "Customers may enter more than once");
    explain(
        ui,
        "Off: a customer enters at most once (S2b). On: each entry is its own journey in the counts.",
    );

    ui.add_space(8.0);
    ui.heading("Start date");
    if let Some(at) = date_time_row(ui, "start", "Start date", old.starts_at) {
        start.starts_at = at;
    }
    explain(
        ui,
        "Version 1 goes live at this instant; arrivals and the simulation begin here.",
    );

    if super::widgets::differs(&start, old) {
        out.push(set_start(journey, start));
    }
}

/// `SetStart`, moving version 1's explicit publish instant along with the start
/// date so that the two never disagree (assets/docs/format.md validation).
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
