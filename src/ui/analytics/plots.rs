//! Plots over simulated time (egui_plot), each with the playhead marked:
//! customers in progress, entries and exits per day stacked by reason,
//! cumulative conversions. The x axis is days since the journey's start,
//! labelled with dates. After several runs, customers in progress and
//! conversions show the band 80 % of the runs fell in (p10 to p90, two thin
//! light lines) around their median, dashed.

use chrono::Duration;
use egui::Ui;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, PlotUi, VLine};

use crate::model::Instant;
use crate::sim::{BandRow, Replications, Report};
use crate::ui::style::colours;

/// Entries and exits by reason for one simulated day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// Entries.
    pub entered: u64,
    /// Completed the journey.
    pub completed: u64,
    /// Suppressed (at a step, or at entry).
    pub suppressed: u64,
    /// Left on an exit trigger.
    pub exit_trigger: u64,
    /// Stopped.
    pub stopped: u64,
    /// Held out to measure lift (left at entry, S23).
    pub held_out: u64,
}

/// The day a timeline row's hour belongs to (row k counts the hour ending at k).
fn day_of(row: usize) -> usize {
    row.saturating_sub(1) / 24
}

/// Per simulated day: entries and exits by reason. Exits at a step come from
/// the step series; completions from passes to the end; what the timeline
/// counts beyond those left at entry (suppressed before any step, S4).
pub fn daily(report: &Report) -> Vec<Day> {
    let rows = report.timeline.len();
    let mut days = vec![Day::default(); day_of(rows.saturating_sub(1)) + 1];
    let occ = &report.occupancy;
    let at = |v: &[u64], k: usize| v.get(k).copied().unwrap_or(0);
    let mut before = [0u64; 5];
    for (k, row) in report.timeline.iter().enumerate() {
        let mut now = [0u64; 5];
        // The step series may have coarser rows (long journeys): their snapshot at `k`.
        let j = occ.row_of_hour(k);
        for c in occ.connections.iter().filter(|c| c.target.is_none()) {
            now[0] += at(&c.passes, j);
        }
        for s in &occ.steps {
            now[1] += at(&s.suppressed, j);
            now[2] += at(&s.exit_trigger, j);
            now[3] += at(&s.stopped, j);
        }
        // Held-out entries are counted per timeline row, not per series row.
        now[4] = at(&occ.held_out, k);
        let delta: Vec<u64> = (0..5).map(|i| now[i].saturating_sub(before[i])).collect();
        before = now;
        let d = &mut days[day_of(k)];
        d.entered += row.entered;
        d.completed += delta[0];
        d.suppressed += delta[1] + row.exited.saturating_sub(delta.iter().sum());
        d.exit_trigger += delta[2];
        d.stopped += delta[3];
        d.held_out += delta[4];
    }
    days
}

fn date_axis(
    starts_at: Instant,
) -> impl Fn(egui_plot::GridMark, &std::ops::RangeInclusive<f64>) -> String {
    move |mark, _| {
        // Checked: a plot zoomed far out asks for marks past any date.
        Duration::try_minutes((mark.value * 24.0 * 60.0) as i64)
            .and_then(|d| starts_at.checked_add_signed(d))
            .map_or_else(String::new, |at| at.format("%-d %b").to_string())
    }
}

fn playhead(row: usize) -> VLine {
    VLine::new("Playhead", row as f64 / 24.0)
        .color(colours::STOPPED)
        .width(1.5)
}

fn plot<'a>(id: &str, starts_at: Instant, width: f32) -> Plot<'a> {
    Plot::new(id)
        .height(170.0)
        .width(width)
        .x_axis_formatter(date_axis(starts_at))
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .legend(Legend::default())
        .include_y(0.0)
}

/// The three time plots side by side, `width` each; with the bands over
/// the runs when there were several.
pub fn time_plots_ui(
    ui: &mut Ui,
    report: &Report,
    replications: Option<&Replications>,
    row: usize,
    width: f32,
) {
    let Some(first) = report.timeline.first() else {
        return;
    };
    let starts_at = first.at;
    let bands = replications.map(|r| r.timeline.as_slice());
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.strong("Customers in progress");
            let points: PlotPoints<'_> = report
                .timeline
                .iter()
                .enumerate()
                .map(|(k, r)| [k as f64 / 24.0, r.in_progress as f64])
                .collect();
            plot("plot-in-progress", starts_at, width).show(ui, |p| {
                p.line(
                    Line::new("In progress", points)
                        .color(colours::NOW)
                        .fill(0.0),
                );
                band_ui(p, bands, |b| b.in_progress, colours::NOW);
                p.vline(playhead(row));
            });
        });
        ui.vertical(|ui| {
            ui.strong("Entries and exits per day");
            flows_plot_ui(ui, report, row, starts_at, width);
        });
        ui.vertical(|ui| {
            ui.strong("Conversions so far");
            let points: PlotPoints<'_> = report
                .occupancy
                .conversions
                .iter()
                .enumerate()
                .map(|(k, n)| [k as f64 / 24.0, *n as f64])
                .collect();
            plot("plot-conversions", starts_at, width).show(ui, |p| {
                p.line(Line::new("Conversions", points).color(colours::COMPLETED));
                band_ui(p, bands, |b| b.converted, colours::COMPLETED);
                p.vline(playhead(row));
            });
        });
    });
}

/// The p10–p90 band over the runs (two thin light lines: egui fills only
/// convex shapes) and its median line, dashed.
fn band_ui(
    p: &mut PlotUi<'_>,
    bands: Option<&[BandRow]>,
    pick: fn(&BandRow) -> [u64; 3],
    colour: egui::Color32,
) {
    let Some(bands) = bands.filter(|b| !b.is_empty()) else {
        return;
    };
    let series = |i: usize| -> PlotPoints<'_> {
        bands
            .iter()
            .enumerate()
            .map(|(k, b)| [k as f64 / 24.0, pick(b)[i] as f64])
            .collect()
    };
    let light = colour.gamma_multiply(0.45);
    for i in [0, 2] {
        p.line(
            Line::new("80 % of the runs", series(i))
                .color(light)
                .width(1.0),
        );
    }
    p.line(
        Line::new("Median of the runs", series(1))
            .color(colour.gamma_multiply(0.8))
            .width(1.0)
            .style(egui_plot::LineStyle::dashed_loose()),
    );
}

/// Entries up, exits down stacked by reason, one bar per day.
fn flows_plot_ui(ui: &mut Ui, report: &Report, row: usize, starts_at: Instant, width: f32) {
    let days = daily(report);
    let bars = |f: &dyn Fn(&Day) -> f64| -> Vec<Bar> {
        days.iter()
            .enumerate()
            .map(|(d, day)| Bar::new(d as f64 + 0.5, f(day)).width(0.8))
            .collect()
    };
    let entered = BarChart::new("Entered", bars(&|d| d.entered as f64)).color(colours::ENTERED);
    let completed = BarChart::new("Finished the journey", bars(&|d| -(d.completed as f64)))
        .color(colours::COMPLETED);
    let suppressed = BarChart::new("Suppressed", bars(&|d| -(d.suppressed as f64)))
        .color(colours::SUPPRESSED)
        .stack_on(&[&completed]);
    let exit_trigger = BarChart::new("Exit trigger", bars(&|d| -(d.exit_trigger as f64)))
        .color(colours::EXIT_TRIGGER)
        .stack_on(&[&completed, &suppressed]);
    let stopped = BarChart::new("Stopped", bars(&|d| -(d.stopped as f64)))
        .color(colours::STOPPED)
        .stack_on(&[&completed, &suppressed, &exit_trigger]);
    let held_out = BarChart::new("Held out", bars(&|d| -(d.held_out as f64)))
        .color(colours::HELD_OUT)
        .stack_on(&[&completed, &suppressed, &exit_trigger, &stopped]);
    plot("plot-flows", starts_at, width).show(ui, |p| {
        p.bar_chart(entered);
        p.bar_chart(completed);
        p.bar_chart(suppressed);
        p.bar_chart(exit_trigger);
        p.bar_chart(stopped);
        if days.iter().any(|d| d.held_out > 0) {
            p.bar_chart(held_out);
        }
        p.vline(playhead(row));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s10_daily_entries_and_exits_add_up_to_the_report() {
        let j = crate::app::sample::sample_journey();
        let options = crate::sim::SimOptions {
            customers: Some(2000),
            ..Default::default()
        };
        let r = crate::sim::simulate(&j, &options).expect("simulates");
        let days = daily(&r);
        let sum = |f: fn(&Day) -> u64| days.iter().map(f).sum::<u64>();
        assert_eq!(sum(|d| d.entered), r.arrivals.entered);
        assert_eq!(sum(|d| d.completed), r.outcomes.completed);
        let suppressed: u64 = r.outcomes.suppressed.iter().map(|(_, n)| n).sum();
        let exit_trigger: u64 = r.outcomes.exit_trigger.iter().map(|(_, n)| n).sum();
        assert_eq!(sum(|d| d.suppressed), suppressed);
        assert_eq!(sum(|d| d.exit_trigger), exit_trigger);
        assert_eq!(sum(|d| d.stopped), r.outcomes.stopped);
    }

    #[test]
    fn s23_held_out_entries_are_their_own_bars_not_suppressions() {
        let t = crate::templates::TEMPLATES
            .iter()
            .find(|t| t.journey().is_ok_and(|j| j.holdout.is_some()))
            .expect("a template with a holdout");
        let j = t.journey().expect("loads");
        let options = crate::sim::SimOptions {
            customers: Some(2000),
            ..Default::default()
        };
        let r = crate::sim::simulate(&j, &options).expect("simulates");
        assert!(r.outcomes.held_out > 0);
        let days = daily(&r);
        let sum = |f: fn(&Day) -> u64| days.iter().map(f).sum::<u64>();
        let suppressed: u64 = r.outcomes.suppressed.iter().map(|(_, n)| n).sum();
        assert_eq!(sum(|d| d.held_out), r.outcomes.held_out);
        assert_eq!(sum(|d| d.suppressed), suppressed);
    }
}
