//! Planning an A/B test: how often it finds a winner (its power) at the
//! scenario's customers, and how many customers it needs for a target power
//! (FORMAT.md `plan`, precise point 15).

use std::collections::HashMap;

use super::replicate::winners_of_runs;
use super::{SimError, SimOptions, simulate};
use crate::model::{Journey, MAX_CUSTOMERS, StepId};

/// What to plan for.
#[derive(Clone, Debug)]
pub struct PlanRequest {
    /// The power to reach, e.g. 0.8.
    pub power: f64,
    /// Runs per customer count (seeds S … S+R−1).
    pub replications: u32,
}

/// One A/B step's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct AbPlan {
    /// Version number, from 1.
    pub version: u32,
    /// The A/B step.
    pub step: StepId,
    /// The scenario's customers.
    pub customers: u64,
    /// The share of runs that declared a winner at `customers`.
    pub power: f64,
    /// Runs won per variant, in the step's order (zeros included).
    pub winners: Vec<(String, u64)>,
    /// The fewest customers whose power reaches the target; `None` when the
    /// maximum does not.
    pub customers_for_power: Option<u64>,
}

/// The winners of the runs at each customer count asked for so far.
struct Runs<'a> {
    journey: &'a Journey,
    options: &'a SimOptions,
    replications: u32,
    seen: HashMap<u64, Vec<Vec<Option<String>>>>,
    /// Called after each customer count is simulated (a progress bar).
    tick: &'a dyn Fn(u64),
}

impl Runs<'_> {
    fn at(&mut self, customers: u64) -> Result<&Vec<Vec<Option<String>>>, SimError> {
        if !self.seen.contains_key(&customers) {
            let options = SimOptions {
                customers: Some(customers),
                ..self.options.clone()
            };
            let runs = winners_of_runs(self.journey, &options, self.replications)?;
            (self.tick)(customers);
            self.seen.insert(customers, runs);
        }
        Ok(&self.seen[&customers])
    }

    /// The power of A/B test `test` at `customers`: any declared winner counts.
    fn power(&mut self, test: usize, customers: u64) -> Result<f64, SimError> {
        let runs = self.at(customers)?;
        let won = runs.iter().filter(|r| r[test].is_some()).count();
        Ok(won as f64 / runs.len().max(1) as f64)
    }
}

/// Plans every A/B step of the journey. `tick` is called with each customer
/// count once its runs are done.
pub fn plan(
    journey: &Journey,
    options: &SimOptions,
    request: &PlanRequest,
    tick: &dyn Fn(u64),
) -> Result<Vec<AbPlan>, SimError> {
    let first = simulate(journey, options)?;
    let customers = first.customers.max(1);
    let mut runs = Runs {
        journey,
        options,
        replications: request.replications.max(1),
        seen: HashMap::new(),
        tick,
    };
    let mut plans = Vec::new();
    for (i, test) in first.ab_tests.iter().enumerate() {
        let power = runs.power(i, customers)?;
        let mut winners: Vec<(String, u64)> =
            test.variants.iter().map(|v| (v.name.clone(), 0)).collect();
        for run in runs.at(customers)? {
            if let Some((_, n)) = run[i]
                .as_ref()
                .and_then(|name| winners.iter_mut().find(|(w, _)| w == name))
            {
                *n += 1;
            }
        }
        plans.push(AbPlan {
            version: test.version,
            step: test.step,
            customers,
            power,
            winners,
            customers_for_power: search(&mut runs, i, customers, request.power)?,
        });
    }
    Ok(plans)
}

/// Doubling (or halving) from `start`, then bisection on whole numbers until
/// `hi - lo <= 0.05 hi`; reports `hi`, the smallest count found to reach `target`.
fn search(
    runs: &mut Runs<'_>,
    test: usize,
    start: u64,
    target: f64,
) -> Result<Option<u64>, SimError> {
    let reaches = |runs: &mut Runs<'_>, n: u64| runs.power(test, n).map(|p| p >= target);
    let (mut lo, mut hi) = if reaches(runs, start)? {
        // Halve until the power falls short (or one customer still reaches it).
        let mut hi = start;
        loop {
            let half = hi / 2;
            if half == 0 {
                return Ok(Some(hi));
            }
            if !reaches(runs, half)? {
                break (half, hi);
            }
            hi = half;
        }
    } else {
        let mut lo = start;
        loop {
            if lo >= MAX_CUSTOMERS {
                return Ok(None);
            }
            let next = lo.saturating_mul(2).min(MAX_CUSTOMERS);
            if reaches(runs, next)? {
                break (lo, next);
            }
            lo = next;
        }
    };
    while (hi - lo) as f64 > 0.05 * hi as f64 && hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reaches(runs, mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi))
}
