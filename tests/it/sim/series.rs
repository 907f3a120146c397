//! Memory bounded: the window's per-step series over a long horizon are kept
//! in coarser rows (assets/docs/format.md, "How finely the window's report
//! follows each step over time"); the JSON timeline stays hourly and the final
//! numbers are exact.

use journey_designer::model::Span;
use journey_designer::sim::{Report, SimOptions, simulate};
use journey_designer::templates;

/// At most this many values in the per-step and per-connection series.
const BUDGET: usize = 500_000;

fn run(days: u32, customers: u64) -> Report {
    let mut j = templates::welcome();
    j.scenario.horizon = Span::Days(days);
    let options = SimOptions {
        customers: Some(customers),
        seed: Some(5),
        ..SimOptions::default()
    };
    simulate(&j, &options).expect("simulates")
}

fn cells(report: &Report) -> usize {
    let occ = &report.occupancy;
    let rows = occ.steps[0].reached.len();
    rows * (occ.steps.len() + occ.connections.len())
}

#[test]
fn series_of_a_ten_year_horizon_are_coarser_rows_within_the_budget_and_end_exact() {
    let long = run(3650, 2000);
    let occ = &long.occupancy;
    assert_eq!(
        long.timeline.len(),
        3650 * 24 + 1,
        "the timeline stays hourly"
    );
    assert_eq!(occ.conversions.len(), long.timeline.len());
    assert!(occ.hours_per_row > 1, "coarser rows: {}", occ.hours_per_row);
    assert!(cells(&long) <= BUDGET, "{} values", cells(&long));
    for (series, step) in occ.steps.iter().zip(&long.steps) {
        assert_eq!(series.reached.len(), occ.row_of_hour(occ.last_hour) + 1);
        assert_eq!(series.reached.last(), Some(&step.reached));
        assert_eq!(series.completed.last(), Some(&step.completed));
        assert_eq!(series.at_step.last(), Some(&step.in_progress));
    }
}

#[test]
fn series_of_a_short_horizon_stay_hourly() {
    let report = run(30, 500);
    assert_eq!(report.occupancy.hours_per_row, 1);
    assert_eq!(
        report.occupancy.steps[0].reached.len(),
        report.timeline.len()
    );
}

#[test]
fn a_coarse_row_is_the_hourly_snapshot_at_its_instant() {
    // The same customers over 800 days (hourly series) and ten years (coarse):
    // nothing before a horizon depends on it (S16), so coarse row j must equal the
    // hourly row j × hours.
    let hourly = run(800, 300);
    let coarse = run(3650, 300);
    assert_eq!(hourly.occupancy.hours_per_row, 1);
    let hours = coarse.occupancy.hours_per_row;
    let rows = hourly.timeline.len() - 1;
    for (h, c) in hourly.occupancy.steps.iter().zip(&coarse.occupancy.steps) {
        for j in 0..rows / hours {
            let k = j * hours;
            assert_eq!(c.reached[j], h.reached[k], "step {} row {j}", h.id);
            assert_eq!(c.at_step[j], h.at_step[k], "step {} row {j}", h.id);
            assert_eq!(c.converted[j], h.converted[k], "step {} row {j}", h.id);
            assert_eq!(coarse.occupancy.row_of_hour(k + hours - 1), j);
        }
    }
    for (h, c) in hourly
        .occupancy
        .connections
        .iter()
        .zip(&coarse.occupancy.connections)
    {
        for j in 0..rows / hours {
            assert_eq!(c.passes[j], h.passes[j * hours]);
        }
    }
}
