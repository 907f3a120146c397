//! Line charts as inline SVG for the HTML report: the customers in progress
//! over time and the conversions so far. Plain SVG 1.1 with no scripts and
//! no external references, so the page renders offline.

use std::fmt::Write;

use super::text::{count, escape};
use crate::model::Instant;

/// Width of a chart's drawing, in SVG units (the page scales it to fit).
const WIDTH: f64 = 1100.0;
/// Height of a chart's drawing.
const HEIGHT: f64 = 260.0;
/// Room left of the plot for the value labels.
const LEFT: f64 = 70.0;
/// Room under the plot for the date labels.
const BOTTOM: f64 = 34.0;
/// Room above the plot for the legend.
const TOP: f64 = 28.0;
/// Room right of the plot.
const RIGHT: f64 = 20.0;

/// One line of a chart.
#[derive(Clone, Debug)]
pub struct Series<'a> {
    /// What it counts, shown in the legend.
    pub label: &'a str,
    /// Its colour, as CSS (`#2b6cb0`).
    pub colour: &'a str,
    /// One value per instant of the chart.
    pub values: &'a [u64],
}

/// A chart of `series` over `times` (one value per instant), with a legend,
/// value gridlines and date labels. An empty chart says so.
pub fn line_chart(times: &[Instant], series: &[Series<'_>]) -> String {
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img">"#
    );
    if times.len() < 2 {
        svg.push_str(r#"<text x="20" y="40" class="axis">No timeline: the run has fewer than two hours.</text></svg>"#);
        return svg;
    }
    let top = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0);
    let top = nice_ceiling(top);
    grid(&mut svg, top);
    date_labels(&mut svg, times);
    for s in series {
        line(&mut svg, s, top, times);
    }
    legend(&mut svg, series);
    svg.push_str("</svg>");
    svg
}

/// The smallest 1, 2 or 5 times a power of ten at or above `n` (at least 10).
fn nice_ceiling(n: u64) -> u64 {
    let mut step = 10;
    loop {
        for k in [1, 2, 5] {
            if step * k >= n {
                return step * k;
            }
        }
        step *= 10;
    }
}

/// The x of instant `at` on a chart from `first` to `last`.
fn plot_x(at: Instant, first: Instant, last: Instant) -> f64 {
    let span = (last - first).num_seconds().max(1) as f64;
    LEFT + (WIDTH - LEFT - RIGHT) * (at - first).num_seconds() as f64 / span
}

fn plot_y(value: u64, top: u64) -> f64 {
    let bottom = HEIGHT - BOTTOM;
    bottom - (bottom - TOP) * value as f64 / top.max(1) as f64
}

/// Four horizontal gridlines with their values.
fn grid(svg: &mut String, top: u64) {
    for k in 0..=4 {
        let value = top * k / 4;
        let y = plot_y(value, top);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" class="grid"/><text x="{:.1}" y="{:.1}" class="axis" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            count(value)
        );
    }
}

/// About six date labels along the bottom.
fn date_labels(svg: &mut String, times: &[Instant]) {
    let len = times.len();
    let every = (len / 6).max(1);
    let days = (times[len - 1] - times[0]).num_hours() > 48;
    for at in times.iter().step_by(every) {
        let x = plot_x(*at, times[0], times[len - 1]);
        let text = if days {
            at.format("%-d %b").to_string()
        } else {
            at.format("%-d %b %H:%M").to_string()
        };
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" class="grid"/><text x="{x:.1}" y="{:.1}" class="axis" text-anchor="middle">{}</text>"#,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 5.0,
            HEIGHT - BOTTOM + 20.0,
            escape(&text)
        );
    }
}

fn line(svg: &mut String, s: &Series<'_>, top: u64, times: &[Instant]) {
    let (first, last) = (times[0], times[times.len() - 1]);
    let points: Vec<String> = s
        .values
        .iter()
        .zip(times)
        .map(|(v, at)| format!("{:.1},{:.1}", plot_x(*at, first, last), plot_y(*v, top)))
        .collect();
    let _ = write!(
        svg,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>"#,
        points.join(" "),
        escape(s.colour)
    );
}

fn legend(svg: &mut String, series: &[Series<'_>]) {
    let mut x = LEFT;
    for s in series {
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="6" width="14" height="14" rx="2" fill="{}"/><text x="{:.1}" y="18" class="legend">{}</text>"#,
            escape(s.colour),
            x + 20.0,
            escape(s.label)
        );
        x += 40.0 + 8.0 * s.label.chars().count() as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_axis_ends_at_a_round_number() {
        assert_eq!(nice_ceiling(0), 10);
        assert_eq!(nice_ceiling(11), 20);
        assert_eq!(nice_ceiling(4_321), 5_000);
        assert_eq!(nice_ceiling(5_001), 10_000);
    }

    #[test]
    fn a_chart_draws_one_line_per_series() {
        let t0 = chrono::DateTime::UNIX_EPOCH;
        let times: Vec<Instant> = (0..5).map(|h| t0 + chrono::Duration::hours(h)).collect();
        let values = [0, 5, 9, 4, 1];
        let svg = line_chart(
            &times,
            &[Series {
                label: "In progress",
                colour: "#2b6cb0",
                values: &values,
            }],
        );
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains("In progress"));
    }
}
