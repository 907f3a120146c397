//! The playback row: jump to start, play/pause, the scrubber with the date
//! at the playhead, speed, and jumps to the end, the end date and a stop.

use egui::{Button, RichText, Slider, Ui};

use super::RunnerView;
use super::playback::{Playback, SPEEDS, instant_of, row_of, show_elapsed, show_when};
use crate::sim::Report;

/// Draws the playback row and moves the playhead (advancing it while playing).
pub fn playback_ui(ui: &mut Ui, playback: &mut Playback, view: &RunnerView<'_>, report: &Report) {
    let rows = report.timeline.len();
    let Some(first) = report.timeline.first() else {
        return;
    };
    let starts_at = first.at;
    let dt = f64::from(ui.input(|i| i.stable_dt)).min(0.1);
    if playback.advance(dt, rows) || playback.playing {
        ui.ctx().request_repaint();
    }
    let last = rows.saturating_sub(1) as f64;
    ui.horizontal(|ui| {
        transport_ui(ui, playback, rows);
        let row = playback.row(rows);
        let when = instant_of(starts_at, row);
        ui.label(
            RichText::new(format!("{} ({})", show_when(when), show_elapsed(row)))
                .monospace()
                .strong(),
        )
        .on_hover_text("Simulated time at the playhead (UTC)");
        // The scrubber takes the room left after the speed and jump controls.
        let room = (ui.available_width() - 330.0).max(120.0);
        ui.spacing_mut().slider_width = room;
        let mut hour = playback.hour;
        let resp = ui.add(
            Slider::new(&mut hour, 0.0..=last.max(0.0))
                .show_value(false)
                .text("Playhead"),
        );
        if resp.changed() {
            playback.seek(hour.round(), rows);
        }
        speed_ui(ui, playback);
        jumps_ui(ui, playback, view, starts_at, rows);
    });
}

/// To start, Play / Pause, To end.
fn transport_ui(ui: &mut Ui, playback: &mut Playback, rows: usize) {
    let last = rows.saturating_sub(1) as f64;
    if ui
        .add(Button::new("To start"))
        .on_hover_text("Jump to the start")
        .clicked()
    {
        playback.seek(0.0, rows);
    }
    let (icon, tip) = if playback.playing {
        ("Pause", "Pause the playback")
    } else {
        ("Play", "Play the run over simulated time")
    };
    if ui.add(Button::new(icon)).on_hover_text(tip).clicked() {
        if playback.playing {
            playback.playing = false;
        } else {
            playback.play(rows);
        }
    }
    if ui
        .add(Button::new("To end"))
        .on_hover_text("Jump to the end")
        .clicked()
    {
        playback.seek(last, rows);
        playback.playing = false;
    }
}

fn speed_ui(ui: &mut Ui, playback: &mut Playback) {
    let current = SPEEDS
        .iter()
        .find(|(s, _)| (*s - playback.hours_per_second).abs() < 1e-9)
        .map_or("speed", |(_, label)| label);
    egui::ComboBox::from_id_salt("playback-speed")
        .selected_text(current)
        .width(90.0)
        .show_ui(ui, |ui| {
            for (speed, label) in SPEEDS {
                ui.selectable_value(&mut playback.hours_per_second, speed, label);
            }
        })
        .response
        .on_hover_text("Simulated time per real second");
}

fn jumps_ui(
    ui: &mut Ui,
    playback: &mut Playback,
    view: &RunnerView<'_>,
    starts_at: crate::model::Instant,
    rows: usize,
) {
    let journey = view.simulated.unwrap_or(view.journey);
    if let Some(end) = journey.end.end_date
        && let Some(row) = row_of(starts_at, end)
        && ui
            .button("End date")
            .on_hover_text(format!("Jump to the end date, {}", show_when(end)))
            .clicked()
    {
        playback.seek(row, rows);
        playback.playing = false;
    }
    let stops: Vec<_> = journey
        .versions
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.stopped_at.map(|at| (i, at)))
        .collect();
    for (i, at) in stops {
        if let Some(row) = row_of(starts_at, at)
            && ui
                .button(format!("Stop v{}", i + 1))
                .on_hover_text(format!(
                    "Jump to where version {} was stopped, {}",
                    i + 1,
                    show_when(at)
                ))
                .clicked()
        {
            playback.seek(row, rows);
            playback.playing = false;
        }
    }
    if let Some((_, at, _)) = view.preview
        && let Some(row) = row_of(starts_at, at)
        && ui
            .button("Previewed stop")
            .on_hover_text(show_when(at))
            .clicked()
    {
        playback.seek(row, rows);
        playback.playing = false;
    }
}
