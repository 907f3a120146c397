//! Sensitivity: which scenario assumption moves the result most. Each
//! assumption the journey uses is scaled by ×0.8 and ×1.2 and the journey
//! re-run on the same seeds (common random numbers), so the change comes from
//! the assumption, not from luck; largest change in goal rate first.

mod params;

pub use params::{Param, params};

use super::replicate::metrics_of_runs;
use super::{SimError, SimOptions};
use crate::model::Journey;

/// The factors each assumption is scaled by.
pub const FACTORS: [f64; 2] = [0.8, 1.2];

/// The mean goal rate and completions over the runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    /// Mean goal rate (0 without a goal).
    pub goal_rate: f64,
    /// Mean completions.
    pub completed: f64,
}

/// One assumption's effect at ×0.8 and ×1.2.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// The assumption.
    pub param: Param,
    /// Its value in the scenario.
    pub value: f64,
    /// The results at ×0.8 and ×1.2.
    pub scaled: [Measured; 2],
}

impl Effect {
    /// The largest change of the goal rate from the base, either way.
    pub fn swing(&self, base: &Measured) -> f64 {
        self.scaled
            .iter()
            .map(|r| (r.goal_rate - base.goal_rate).abs())
            .fold(0.0, f64::max)
    }

    /// The largest change of completions from the base, either way.
    pub fn completed_swing(&self, base: &Measured) -> f64 {
        self.scaled
            .iter()
            .map(|r| (r.completed - base.completed).abs())
            .fold(0.0, f64::max)
    }
}

/// The base result and every assumption's effect, largest goal-rate change first.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// Runs per variant.
    pub replications: u32,
    /// The scenario as it is.
    pub base: Measured,
    /// Largest first (goal rate, then completions).
    pub effects: Vec<Effect>,
}

fn result_of(journey: &Journey, options: &SimOptions, runs: u32) -> Result<Measured, SimError> {
    let metrics = metrics_of_runs(journey, options, runs)?;
    let mean = |i: usize| metrics.iter().map(|m| m[i]).sum::<f64>() / metrics.len().max(1) as f64;
    // METRIC_NAMES: 1 completed, 8 goal_rate.
    Ok(Measured {
        goal_rate: mean(8),
        completed: mean(1),
    })
}

/// Scales every assumption the journey uses and re-runs it `replications` times
/// on the same seeds.
pub fn sensitivity(
    journey: &Journey,
    options: &SimOptions,
    replications: u32,
) -> Result<Sensitivity, SimError> {
    let runs = replications.max(1);
    let base = result_of(journey, options, runs)?;
    let mut effects = Vec::new();
    for param in params(journey) {
        let mut scaled = [base; 2];
        for (slot, factor) in scaled.iter_mut().zip(FACTORS) {
            let mut j = journey.clone();
            param.scale(&mut j.scenario, factor);
            *slot = result_of(&j, options, runs)?;
        }
        effects.push(Effect {
            value: param.value(&journey.scenario),
            param,
            scaled,
        });
    }
    effects.sort_by(|a, b| {
        b.swing(&base).total_cmp(&a.swing(&base)).then(
            b.completed_swing(&base)
                .total_cmp(&a.completed_swing(&base)),
        )
    });
    Ok(Sensitivity {
        replications: runs,
        base,
        effects,
    })
}
