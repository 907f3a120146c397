//! The run's counts at the end, per card and per connection, for the
//! report's drawing: the same figures the canvas shows with the playhead at
//! the end (`ui::runner::overlay`), taken from the report's whole-run totals.

use std::collections::HashMap;

use crate::model::StepId;
use crate::sim::{Report, StepReport};

/// One version's counts at the end of the run.
#[derive(Clone, Debug, Default)]
pub struct CardCounts<'a> {
    /// Each step's line of the per-step table.
    pub steps: HashMap<StepId, &'a StepReport>,
    /// Each step's reached as a share of what the steps leading to it
    /// reached (of the version's entered, for a step nothing leads to).
    pub shares: HashMap<StepId, f64>,
    /// Customers who passed along each (step, output).
    pub passes: HashMap<(StepId, usize), u64>,
    /// On steps with several outputs: each output's share of the leavers.
    pub output_shares: HashMap<(StepId, usize), f64>,
    /// Customers who entered this version.
    pub entered: u64,
}

/// The counts of version `version` (1-based, as in the report).
pub fn card_counts(report: &Report, version: u32) -> CardCounts<'_> {
    let steps: HashMap<StepId, &StepReport> = report
        .steps
        .iter()
        .filter(|s| s.version == version)
        .map(|s| (s.id, s))
        .collect();
    let entered = report
        .versions
        .iter()
        .find(|v| v.version == version)
        .map_or(report.arrivals.entered, |v| v.entered);
    let mut passes = HashMap::new();
    let mut sources: HashMap<StepId, Vec<StepId>> = HashMap::new();
    let mut leavers: HashMap<StepId, u64> = HashMap::new();
    let mut several = Vec::new();
    for c in report
        .occupancy
        .connections
        .iter()
        .filter(|c| c.version == version)
    {
        let n = c.passes.last().copied().unwrap_or(0);
        passes.insert((c.step, c.output), n);
        *leavers.entry(c.step).or_default() += n;
        if c.output > 0 {
            several.push(c.step);
        }
        if let Some(t) = c.target {
            let list = sources.entry(t).or_default();
            if !list.contains(&c.step) {
                list.push(c.step);
            }
        }
    }
    let shares = steps
        .iter()
        .filter_map(|(id, s)| {
            let base = sources.get(id).map_or(entered, |from| {
                from.iter()
                    .filter_map(|p| steps.get(p))
                    .map(|t| t.reached)
                    .sum()
            });
            (base > 0 && s.reached > 0).then(|| (*id, s.reached as f64 / base as f64))
        })
        .collect();
    let output_shares = passes
        .iter()
        .filter(|((id, _), _)| several.contains(id))
        .filter_map(|((id, o), n)| {
            let total = leavers.get(id).copied().unwrap_or(0);
            (total > 0).then(|| ((*id, *o), *n as f64 / total as f64))
        })
        .collect();
    CardCounts {
        steps,
        shares,
        passes,
        output_shares,
        entered,
    }
}
