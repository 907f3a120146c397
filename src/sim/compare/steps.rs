//! Per-step paired differences of a comparison (S25): each step's `reached`
//! count, matched by version number and step id. A step only one side has
//! is kept and said to be so (no difference is computed for it).

use std::collections::BTreeMap;

use super::{mean, t_interval};
use crate::model::{Journey, StepId};
use crate::sim::METRIC_NAMES;

/// Which sides have a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepSides {
    /// A and B (matched by version number and step id).
    Both,
    /// Only A (B has no step of that version and id).
    OnlyA,
    /// Only B.
    OnlyB,
}

/// One step's `reached` count on both sides and their paired difference.
#[derive(Clone, Debug, PartialEq)]
pub struct StepDiff {
    /// Version number, from 1.
    pub version: u32,
    /// The step's id.
    pub step: StepId,
    /// Its name (B's when both have it).
    pub name: String,
    /// Which sides have it.
    pub sides: StepSides,
    /// The mean over A's runs of its reached count (0 when only B has it).
    pub a: f64,
    /// The mean over B's runs (0 when only A has it).
    pub b: f64,
    /// The mean of the paired differences `b - a` (for a step of one side, its own mean, signed).
    pub diff: f64,
    /// The paired Student-t 95 % interval of `diff`; `None` with one run or
    /// for a step only one side has.
    pub ci95: Option<[f64; 2]>,
}

/// A simulated step, in the order its reached count follows the whole-journey
/// metrics of a run (`sim::run_metrics`): the versions that are simulated,
/// oldest first, and in each its steps by id.
#[derive(Clone, Debug, PartialEq, Eq)]
struct StepKey {
    version: u32,
    step: StepId,
    name: String,
}

fn step_keys(journey: &Journey) -> Vec<StepKey> {
    (0..journey.versions.len())
        .filter(|&i| journey.live_at(i).is_some())
        .flat_map(|i| {
            journey.versions[i]
                .steps
                .iter()
                .map(move |(id, s)| StepKey {
                    version: i as u32 + 1,
                    step: *id,
                    name: s.name.clone(),
                })
        })
        .collect()
}

/// One side's reached counts of one step, run by run.
struct Column {
    name: String,
    values: Vec<f64>,
}

/// Each step's reached counts of one side, by (version, step id).
fn columns(journey: &Journey, runs: &[Vec<f64>]) -> BTreeMap<(u32, StepId), Column> {
    step_keys(journey)
        .into_iter()
        .enumerate()
        .map(|(k, key)| {
            let at = METRIC_NAMES.len() + k;
            let values = runs
                .iter()
                .map(|m| m.get(at).copied().unwrap_or(0.0))
                .collect();
            let column = Column {
                name: key.name,
                values,
            };
            ((key.version, key.step), column)
        })
        .collect()
}

/// The steps of A (run as `a`, runs `runs_a`) and B paired run by run, in
/// (version, step id) order.
pub(super) fn step_diffs(
    (a, runs_a): (&Journey, &[Vec<f64>]),
    (b, runs_b): (&Journey, &[Vec<f64>]),
) -> Vec<StepDiff> {
    let mut of_a = columns(a, runs_a);
    let of_b = columns(b, runs_b);
    let mut out: Vec<StepDiff> = Vec::with_capacity(of_a.len().max(of_b.len()));
    for ((version, step), cb) in of_b {
        let diff = match of_a.remove(&(version, step)) {
            Some(ca) => {
                let diffs: Vec<f64> = ca
                    .values
                    .iter()
                    .zip(&cb.values)
                    .map(|(x, y)| y - x)
                    .collect();
                StepDiff {
                    version,
                    step,
                    name: cb.name,
                    sides: StepSides::Both,
                    a: mean(&ca.values),
                    b: mean(&cb.values),
                    diff: mean(&diffs),
                    ci95: t_interval(&diffs),
                }
            }
            None => one_side(version, step, cb, StepSides::OnlyB),
        };
        out.push(diff);
    }
    for ((version, step), ca) in of_a {
        out.push(one_side(version, step, ca, StepSides::OnlyA));
    }
    out.sort_by_key(|d| (d.version, d.step));
    out
}

/// A step only one side has: its mean on that side, no interval.
fn one_side(version: u32, step: StepId, column: Column, sides: StepSides) -> StepDiff {
    let m = mean(&column.values);
    let (a, b, diff) = match sides {
        StepSides::OnlyA => (m, 0.0, -m),
        _ => (0.0, m, m),
    };
    StepDiff {
        version,
        step,
        name: column.name,
        sides,
        a,
        b,
        diff,
        ci95: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s25_step_keys_follow_the_report_order_of_the_simulated_versions() {
        let j = crate::templates::welcome();
        let options = crate::sim::SimOptions {
            customers: Some(200),
            ..crate::sim::SimOptions::default()
        };
        let report = crate::sim::simulate(&j, &options).expect("simulates");
        let keys: Vec<(u32, StepId)> = step_keys(&j).iter().map(|k| (k.version, k.step)).collect();
        let reported: Vec<(u32, StepId)> = report.steps.iter().map(|s| (s.version, s.id)).collect();
        assert_eq!(keys, reported);
    }
}
