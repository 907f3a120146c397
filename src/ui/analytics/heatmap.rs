//! The send-volume heatmap: one row per day, one column per hour of the day,
//! each cell as dark as the messages sent in that hour; on UTC or on the
//! customers' own clocks, for one channel or all. A night's messages released
//! by quiet hours at 08:00 show as one dark column.

use egui::{Color32, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::model::Instant;
use crate::sim::SendVolume;
use crate::ui::style::count;

/// Which clock the hours are on, and which channel is shown (view state,
/// kept in egui's memory under the heatmap's id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeatmapView {
    /// Customers' local clocks instead of UTC.
    pub local: bool,
    /// The channel shown (index into `SendVolume::channels`), or all.
    pub channel: Option<usize>,
}

impl Default for HeatmapView {
    /// Local time, every channel: quiet hours and send times line up there.
    fn default() -> Self {
        HeatmapView {
            local: true,
            channel: None,
        }
    }
}

/// Messages per day and hour of the day, empty days at either end left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayGrid {
    /// Midnight (on the chosen clock) of the first day shown.
    pub first_day: Option<Instant>,
    /// Per day shown: messages per hour of the day.
    pub days: Vec<[u64; 24]>,
    /// The busiest cell.
    pub peak: Option<Peak>,
    /// Messages in the grid.
    pub total: u64,
}

/// The busiest hour of a grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Peak {
    /// Index of its day in `DayGrid::days`.
    pub day: usize,
    /// Its hour of the day, 0–23.
    pub hour: usize,
    /// Messages sent in it.
    pub sent: u64,
}

impl DayGrid {
    /// The grid of `volume` for `view`.
    pub fn of(volume: &SendVolume, view: HeatmapView) -> DayGrid {
        let per_channel = if view.local {
            &volume.local
        } else {
            &volume.utc
        };
        let mut hours = vec![0_u64; volume.hours];
        for (i, row) in per_channel.iter().enumerate() {
            if view.channel.is_none_or(|c| c == i) {
                for (sum, n) in hours.iter_mut().zip(row) {
                    *sum += n;
                }
            }
        }
        let mut days: Vec<[u64; 24]> = hours
            .chunks(24)
            .map(|chunk| {
                let mut day = [0; 24];
                day[..chunk.len()].copy_from_slice(chunk);
                day
            })
            .collect();
        let busy = |d: &[u64; 24]| d.iter().any(|&n| n > 0);
        let skip = days.iter().take_while(|d| !busy(d)).count();
        let keep = days.iter().rposition(busy).map_or(0, |last| last + 1);
        days = days.drain(skip.min(keep)..keep).collect();
        let first_day = volume
            .first
            .map(|first| first + chrono::Duration::days(skip as i64));
        let peak = peak(&days);
        let total = days.iter().flatten().sum();
        DayGrid {
            first_day,
            days,
            peak,
            total,
        }
    }

    /// "Tue 3 Mar", the date of day `index`.
    pub fn day_label(&self, index: usize) -> String {
        self.first_day.map_or_else(
            || format!("day {}", index + 1),
            |first| {
                (first + chrono::Duration::days(index as i64))
                    .format("%a %-d %b")
                    .to_string()
            },
        )
    }
}

/// The busiest cell (the first of equals).
fn peak(days: &[[u64; 24]]) -> Option<Peak> {
    let mut best: Option<Peak> = None;
    for (day, hours) in days.iter().enumerate() {
        for (hour, &sent) in hours.iter().enumerate() {
            if sent > 0 && best.is_none_or(|b| sent > b.sent) {
                best = Some(Peak { day, hour, sent });
            }
        }
    }
    best
}

/// "SMS" for "Sms", "WhatsApp" for "Custom:WhatsApp".
fn channel_label(json_name: &str) -> String {
    match json_name {
        "Sms" => "SMS".to_owned(),
        other => other.strip_prefix("Custom:").unwrap_or(other).to_owned(),
    }
}

/// Draws the heatmap with its clock and channel choices.
pub fn heatmap_ui(ui: &mut Ui, volume: &SendVolume) {
    let id = ui.make_persistent_id("send-volume-heatmap");
    let mut view: HeatmapView = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    choices_ui(ui, volume, &mut view);
    ui.data_mut(|d| d.insert_temp(id, view));
    let grid = DayGrid::of(volume, view);
    let clock = if view.local {
        "customers' local time"
    } else {
        "UTC"
    };
    let Some(peak) = grid.peak else {
        ui.label(RichText::new("No messages were sent.").weak());
        return;
    };
    grid_ui(ui, &grid, clock);
    let share = 100.0 * peak.sent as f64 / grid.total.max(1) as f64;
    ui.label(format!(
        "Busiest hour: {:02}:00–{:02}:00 on {} ({clock}), {} messages, {share:.0} % of the {} sent.",
        peak.hour,
        (peak.hour + 1) % 24,
        grid.day_label(peak.day),
        count(peak.sent),
        count(grid.total),
    ));
}

/// The clock (UTC or local) and the channel (all or one).
fn choices_ui(ui: &mut Ui, volume: &SendVolume, view: &mut HeatmapView) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Hours on");
        ui.selectable_value(&mut view.local, false, "UTC");
        ui.selectable_value(&mut view.local, true, "customers' local time");
        ui.separator();
        ui.label("Channel");
        ui.selectable_value(&mut view.channel, None, "all");
        for (i, name) in volume.channels.iter().enumerate() {
            let sent: u64 = volume.utc.get(i).map_or(0, |row| row.iter().sum());
            if sent > 0 {
                ui.selectable_value(&mut view.channel, Some(i), channel_label(name));
            }
        }
    });
}

/// The cells, the day labels on the left and the hours along the top.
fn grid_ui(ui: &mut Ui, grid: &DayGrid, clock: &str) {
    let label_w = 78.0;
    let width = ui
        .available_width()
        .clamp(24.0 * 10.0 + label_w, 24.0 * 34.0 + label_w);
    let cell_w = (width - label_w) / 24.0;
    let cell_h = match grid.days.len() {
        0..=14 => 16.0,
        15..=45 => 11.0,
        _ => 6.0,
    };
    let header = 14.0;
    let size = vec2(width, header + cell_h * grid.days.len() as f32);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let font = egui::FontId::proportional(10.5);
    let text = visuals.text_color();
    let (empty, full) = if visuals.dark_mode {
        (Color32::from_gray(38), Color32::from_rgb(0x5e, 0xea, 0xd4))
    } else {
        (Color32::from_gray(236), Color32::from_rgb(0x0b, 0x4f, 0x6c))
    };
    let max = grid.peak.map_or(1, |p| p.sent).max(1) as f32;
    for hour in (0..24).step_by(3) {
        let x = rect.left() + label_w + cell_w * hour as f32;
        painter.text(
            pos2(x, rect.top()),
            egui::Align2::LEFT_TOP,
            format!("{hour:02}"),
            font.clone(),
            text,
        );
    }
    let every = if cell_h >= 14.0 {
        1
    } else if cell_h >= 10.0 {
        2
    } else {
        7
    };
    for (d, hours) in grid.days.iter().enumerate() {
        let y = rect.top() + header + cell_h * d as f32;
        if d % every == 0 {
            let at = pos2(rect.left(), y + cell_h / 2.0);
            painter.text(
                at,
                egui::Align2::LEFT_CENTER,
                grid.day_label(d),
                font.clone(),
                text,
            );
        }
        for (h, &n) in hours.iter().enumerate() {
            let cell = Rect::from_min_size(
                pos2(rect.left() + label_w + cell_w * h as f32, y),
                vec2(cell_w - 1.0, cell_h - 1.0),
            );
            let t = (n as f32 / max).sqrt();
            let colour = if n == 0 {
                empty
            } else {
                lerp(empty, full, 0.15 + 0.85 * t)
            };
            painter.rect_filled(cell, 1.0, colour);
        }
    }
    if let Some(pointer) = response.hover_pos() {
        let col = ((pointer.x - rect.left() - label_w) / cell_w).floor();
        let row = ((pointer.y - rect.top() - header) / cell_h).floor();
        if col >= 0.0 && row >= 0.0 && (col as usize) < 24 && (row as usize) < grid.days.len() {
            let (d, h) = (row as usize, col as usize);
            response.clone().on_hover_text(format!(
                "{} {h:02}:00–{:02}:00 ({clock}): {} messages",
                grid.day_label(d),
                (h + 1) % 24,
                count(grid.days[d][h])
            ));
        }
    }
}

/// The colour a fraction `t` of the way from `a` to `b`.
fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn volume() -> SendVolume {
        let mut email = vec![0; 24 * 4];
        let mut sms = vec![0; 24 * 4];
        // Day 2: a few sends in the evening, then a release at 08:00 on day 3.
        email[24 + 19] = 5;
        sms[48 + 8] = 40;
        sms[48 + 9] = 2;
        SendVolume {
            first: Some(chrono::DateTime::UNIX_EPOCH),
            hours: 24 * 4,
            channels: vec!["Email".to_owned(), "Sms".to_owned()],
            utc: vec![email.clone(), sms.clone()],
            local: vec![email, sms],
        }
    }

    #[test]
    fn s18_a_release_at_0800_is_the_peak_of_the_grid() {
        let grid = DayGrid::of(
            &volume(),
            HeatmapView {
                local: false,
                channel: None,
            },
        );
        assert_eq!(
            grid.days.len(),
            2,
            "the empty first and last days are left out"
        );
        assert_eq!(grid.total, 47);
        assert_eq!(
            grid.peak,
            Some(Peak {
                day: 1,
                hour: 8,
                sent: 40
            })
        );
        assert_eq!(grid.day_label(0), "Fri 2 Jan");
        let email = DayGrid::of(
            &volume(),
            HeatmapView {
                local: true,
                channel: Some(0),
            },
        );
        assert_eq!(email.total, 5);
        assert_eq!(email.days.len(), 1);
        assert_eq!(
            email.peak,
            Some(Peak {
                day: 0,
                hour: 19,
                sent: 5
            })
        );
    }
}
