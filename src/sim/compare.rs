//! Paired comparison of two designs (S25): both run on the same customers,
//! seeds and scenario, so customer k of run r draws the same random numbers
//! in A and in B and a difference comes from the designs, not from luck.

mod steps;

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::replicate::{METRIC_NAMES, metrics_of_runs};
use super::{SimError, SimOptions};
use crate::model::Journey;
pub use steps::{StepDiff, StepSides};

/// Whose scenario (customers, seed, models) both sides use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ScenarioOf {
    /// A's (the default).
    #[default]
    A,
    /// B's.
    B,
}

/// One metric on both sides and their paired difference.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricDiff {
    /// `entered`, `completed`, …
    pub name: &'static str,
    /// The mean over the runs of A.
    pub a: f64,
    /// The mean over the runs of B.
    pub b: f64,
    /// The mean of the paired differences `b - a`.
    pub diff: f64,
    /// The paired Student-t 95 % interval of `diff`; `None` with one run.
    pub ci95: Option<[f64; 2]>,
}

/// The outcome of `compare`.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// A's name.
    pub a: String,
    /// B's name.
    pub b: String,
    /// Runs per side.
    pub replications: u32,
    /// The whole-journey metrics.
    pub metrics: Vec<MetricDiff>,
    /// The two journeys have different goals (goal rates then measure different things).
    pub goals_differ: bool,
    /// Every step's reached count, matched by version and step id (not in the
    /// CLI's output, whose JSON assets/docs/format.md fixes).
    pub steps: Vec<StepDiff>,
}

/// Why a comparison did not run: which side the simulator refused.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// A side cannot be simulated with the chosen scenario.
    #[error("{side} cannot be simulated with the chosen scenario: {error}")]
    Side {
        /// "A" or "B".
        side: &'static str,
        /// The simulator's refusal.
        error: SimError,
    },
}

impl CompareError {
    /// The simulator's refusal behind it.
    pub fn sim_error(&self) -> &SimError {
        let CompareError::Side { error, .. } = self;
        error
    }
}

/// Runs A and B `replications` times each (seeds `S + r`) on one scenario and
/// pairs their metrics run by run.
pub fn compare(
    a: &Journey,
    b: &Journey,
    options: &SimOptions,
    replications: u32,
    scenario: ScenarioOf,
) -> Result<Compared, CompareError> {
    let replications = replications.max(1);
    let chosen = match scenario {
        ScenarioOf::A => &a.scenario,
        ScenarioOf::B => &b.scenario,
    };
    let side = |journey: &Journey, name: &'static str| {
        let mut j = journey.clone();
        j.scenario = chosen.clone();
        metrics_of_runs(&j, options, replications)
            .map_err(|error| CompareError::Side { side: name, error })
    };
    let runs_a = side(a, "A")?;
    let runs_b = side(b, "B")?;
    let steps = steps::step_diffs((a, &runs_a), (b, &runs_b));
    let metrics = METRIC_NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| paired(name, &runs_a, &runs_b, i))
        .collect();
    Ok(Compared {
        a: a.name.clone(),
        b: b.name.clone(),
        replications,
        metrics,
        goals_differ: a.goal.as_ref().map(|g| &g.trigger) != b.goal.as_ref().map(|g| &g.trigger),
        steps,
    })
}

/// Version `index` (0-based) of `journey` as if it were the whole journey:
/// the only version, live from the start and never stopped, named `name`.
/// Comparing two of these compares two versions' designs on the same
/// customers. `None` when there is no such version.
pub fn version_alone(journey: &Journey, index: usize, name: &str) -> Option<Journey> {
    let mut version = journey.versions.get(index)?.clone();
    version.published_at = None;
    version.stopped_at = None;
    let mut alone = journey.clone();
    alone.versions = vec![version];
    name.clone_into(&mut alone.name);
    Some(alone)
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

/// Metric `i` of both sides, paired run by run.
fn paired(name: &'static str, a: &[Vec<f64>], b: &[Vec<f64>], i: usize) -> MetricDiff {
    let xa: Vec<f64> = a.iter().map(|m| m[i]).collect();
    let xb: Vec<f64> = b.iter().map(|m| m[i]).collect();
    let diffs: Vec<f64> = xa.iter().zip(&xb).map(|(x, y)| y - x).collect();
    MetricDiff {
        name,
        a: mean(&xa),
        b: mean(&xb),
        diff: mean(&diffs),
        ci95: t_interval(&diffs),
    }
}

/// The Student-t 95 % interval of the mean of `diffs` (R − 1 degrees of
/// freedom, sample standard deviation); `None` for fewer than two values.
pub fn t_interval(diffs: &[f64]) -> Option<[f64; 2]> {
    let n = diffs.len();
    if n < 2 {
        return None;
    }
    let m = mean(diffs);
    let var = diffs.iter().map(|d| (d - m).powi(2)).sum::<f64>() / (n - 1) as f64;
    let t =
        StudentsT::new(0.0, 1.0, (n - 1) as f64).map_or(f64::NAN, |dist| dist.inverse_cdf(0.975));
    let half = t * (var / n as f64).sqrt();
    Some([m - half, m + half])
}

#[cfg(test)]
mod tests {
    use super::t_interval;

    #[test]
    fn s25_the_paired_interval_uses_student_t_with_r_minus_1_degrees_of_freedom() {
        // Differences 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302653.
        let [lo, hi] = t_interval(&[1.0, 2.0, 3.0]).expect("two or more");
        let half = 4.302_653 / 3.0_f64.sqrt();
        assert!((lo - (2.0 - half)).abs() < 1e-5 && (hi - (2.0 + half)).abs() < 1e-5);
        assert_eq!(t_interval(&[5.0]), None);
        assert_eq!(t_interval(&[0.0, 0.0, 0.0]), Some([0.0, 0.0]));
    }
}
