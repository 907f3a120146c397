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

/// Runs per batch when a customer count is judged against the target.
const BATCH: u32 = 20;

/// How sure a batch must be to stop early: a normal quantile far in the tail
/// (an early answer differs from the one of all R runs about once in 30,000).
const SURE_Z: f64 = 4.0;

/// The winners of the runs done so far at each customer count, run `r` with
/// seed `S + r`, in run order.
struct Runs<'a> {
    journey: &'a Journey,
    options: &'a SimOptions,
    seed: u64,
    replications: u32,
    seen: HashMap<u64, Vec<Vec<Option<String>>>>,
    /// Called after each batch is simulated (a progress bar).
    tick: &'a dyn Fn(u64),
}

impl Runs<'_> {
    /// At least the first `upto` runs (at most R) at `customers`.
    fn first(&mut self, customers: u64, upto: u32) -> Result<&[Vec<Option<String>>], SimError> {
        let upto = upto.min(self.replications) as usize;
        let done = self.seen.get(&customers).map_or(0, Vec::len);
        if done < upto {
            let options = SimOptions {
                customers: Some(customers),
                seed: Some(self.seed.wrapping_add(done as u64)),
                ..self.options.clone()
            };
            let more = winners_of_runs(self.journey, &options, (upto - done) as u32)?;
            self.seen.entry(customers).or_default().extend(more);
            (self.tick)(customers);
        }
        Ok(&self.seen[&customers][..upto])
    }

    /// Wins of A/B test `test` among the first `upto` runs at `customers`.
    fn wins(&mut self, test: usize, customers: u64, upto: u32) -> Result<(u64, u64), SimError> {
        let runs = self.first(customers, upto)?;
        let won = runs.iter().filter(|r| r[test].is_some()).count() as u64;
        Ok((won, runs.len() as u64))
    }

    /// The power of A/B test `test` at `customers` over all R runs: any declared
    /// winner counts.
    fn power(&mut self, test: usize, customers: u64) -> Result<f64, SimError> {
        let (won, n) = self.wins(test, customers, self.replications)?;
        Ok(won as f64 / n.max(1) as f64)
    }

    /// Whether the power at `customers` reaches `target`: batch by batch, stopping
    /// as soon as the batches so far are sure either way, else over all R runs.
    fn reaches(&mut self, test: usize, customers: u64, target: f64) -> Result<bool, SimError> {
        let mut upto = BATCH.min(self.replications);
        loop {
            let (won, n) = self.wins(test, customers, upto)?;
            if upto >= self.replications {
                return Ok(won as f64 / n.max(1) as f64 >= target);
            }
            let [lo, hi] = interval(won, n, SURE_Z);
            if hi < target {
                return Ok(false);
            }
            if lo >= target {
                return Ok(true);
            }
            upto = (upto + BATCH).min(self.replications);
        }
    }
}

/// The Wilson interval of `k` of `n` at normal quantile `z`.
fn interval(k: u64, n: u64, z: f64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let n_f = n as f64;
    let p = k as f64 / n_f;
    let denom = 1.0 + z * z / n_f;
    let centre = (p + z * z / (2.0 * n_f)) / denom;
    let half = z * (p * (1.0 - p) / n_f + z * z / (4.0 * n_f * n_f)).sqrt() / denom;
    [(centre - half).max(0.0), (centre + half).min(1.0)]
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
        seed: options.seed.unwrap_or(journey.scenario.seed),
        replications: request.replications.max(1),
        seen: HashMap::new(),
        tick,
    };
    let mut plans = Vec::new();
    for (i, test) in first.ab_tests.iter().enumerate() {
        let power = runs.power(i, customers)?;
        let mut winners: Vec<(String, u64)> =
            test.variants.iter().map(|v| (v.name.clone(), 0)).collect();
        for run in runs.first(customers, request.replications)? {
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
/// Each count is judged batch by batch ([`Runs::reaches`]).
fn search(
    runs: &mut Runs<'_>,
    test: usize,
    start: u64,
    target: f64,
) -> Result<Option<u64>, SimError> {
    let reaches = |runs: &mut Runs<'_>, n: u64| runs.reaches(test, n, target);
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
