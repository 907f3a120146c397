//! Planning an A/B test: how often it finds a winner (its power) at the
//! scenario's customers, and how many customers it needs for a target power
//! (FORMAT.md `plan`, precise point 15).

use std::collections::HashMap;

use super::plan_model::PowerModel;
use super::replicate::decisions_of_runs;
use super::run::AbResult;
use super::{Report, SimError, SimOptions, simulate};
use crate::model::{Journey, MAX_CUSTOMERS, StepId};

/// What to plan for.
#[derive(Clone, Debug)]
pub struct PlanRequest {
    /// The power to reach, e.g. 0.8.
    pub power: f64,
    /// Runs per customer count (seeds S … S+R−1).
    pub replications: u32,
    /// Simulate every customer count the search tries. Otherwise counts above
    /// the scenario's are judged on the [`PowerModel`] measured from the runs
    /// at the scenario's customers (seconds instead of hours).
    pub exact: bool,
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

/// The A/B results of the runs done so far at each customer count, run `r`
/// with seed `S + r`, in run order; and the power models measured at the
/// scenario's customers.
struct Runs<'a> {
    journey: &'a Journey,
    options: &'a SimOptions,
    seed: u64,
    replications: u32,
    /// The scenario's customers: counts above are judged on the model.
    base: u64,
    exact: bool,
    seen: HashMap<u64, Vec<Vec<AbResult>>>,
    models: HashMap<usize, PowerModel>,
    /// Called after each batch is simulated (a progress bar).
    tick: &'a dyn Fn(u64),
}

impl Runs<'_> {
    /// At least the first `upto` runs (at most R) at `customers`.
    fn first(&mut self, customers: u64, upto: u32) -> Result<&[Vec<AbResult>], SimError> {
        let upto = upto.min(self.replications) as usize;
        let done = self.seen.get(&customers).map_or(0, Vec::len);
        if done < upto {
            let options = SimOptions {
                customers: Some(customers),
                seed: Some(self.seed.wrapping_add(done as u64)),
                ..self.options.clone()
            };
            let more = decisions_of_runs(self.journey, &options, (upto - done) as u32)?;
            self.seen.entry(customers).or_default().extend(more);
            (self.tick)(customers);
        }
        Ok(&self.seen[&customers][..upto])
    }

    /// Wins of A/B test `test` among the first `upto` runs at `customers`.
    fn wins(&mut self, test: usize, customers: u64, upto: u32) -> Result<(u64, u64), SimError> {
        let runs = self.first(customers, upto)?;
        let won = (runs.iter())
            .filter(|r| r[test].verdict.winner.is_some())
            .count() as u64;
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
        if !self.exact && customers > self.base {
            return Ok(self.model(test)?.power(customers) >= target);
        }
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

    /// The power model of A/B test `test`, measured from all R runs at the
    /// scenario's customers.
    fn model(&mut self, test: usize) -> Result<&PowerModel, SimError> {
        if !self.models.contains_key(&test) {
            let (base, seed) = (self.base, self.seed);
            let runs = self.first(base, self.replications)?;
            let model = PowerModel::measure(runs, test, base, seed);
            self.models.insert(test, model);
        }
        Ok(&self.models[&test])
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
    let (first, mut runs) = start(journey, options, request, tick)?;
    (0..first.ab_tests.len())
        .map(|i| plan_test(&mut runs, &first, i, request))
        .collect()
}

/// Plans one A/B step: `step` of version `version` (from 1). `None` when the
/// run has no such A/B test (the step is of another kind, or its version is
/// not simulated). The answer equals that step's entry of [`plan`].
pub fn plan_step(
    journey: &Journey,
    options: &SimOptions,
    request: &PlanRequest,
    version: u32,
    step: StepId,
    tick: &dyn Fn(u64),
) -> Result<Option<AbPlan>, SimError> {
    let (first, mut runs) = start(journey, options, request, tick)?;
    let Some(i) = (first.ab_tests.iter()).position(|t| t.version == version && t.step == step)
    else {
        return Ok(None);
    };
    plan_test(&mut runs, &first, i, request).map(Some)
}

/// The plain run (it lists the A/B tests and gives the scenario's customers)
/// and an empty record of runs.
fn start<'a>(
    journey: &'a Journey,
    options: &'a SimOptions,
    request: &PlanRequest,
    tick: &'a dyn Fn(u64),
) -> Result<(Report, Runs<'a>), SimError> {
    let first = simulate(journey, options)?;
    let runs = Runs {
        journey,
        options,
        seed: options.seed.unwrap_or(journey.scenario.seed),
        replications: request.replications.max(1),
        base: first.customers.max(1),
        exact: request.exact,
        seen: HashMap::new(),
        models: HashMap::new(),
        tick,
    };
    Ok((first, runs))
}

/// The plan of A/B test `i` of `first`.
fn plan_test(
    runs: &mut Runs<'_>,
    first: &Report,
    i: usize,
    request: &PlanRequest,
) -> Result<AbPlan, SimError> {
    let test = &first.ab_tests[i];
    let customers = runs.base;
    let power = runs.power(i, customers)?;
    let mut winners: Vec<(String, u64)> =
        test.variants.iter().map(|v| (v.name.clone(), 0)).collect();
    for run in runs.first(customers, request.replications)? {
        if let Some(w) = run[i].verdict.winner
            && let Some((_, n)) = winners.get_mut(w)
        {
            *n += 1;
        }
    }
    Ok(AbPlan {
        version: test.version,
        step: test.step,
        customers,
        power,
        winners,
        // Without a goal no variant converts, so no count finds a winner:
        // the search would only confirm it, at 100,000,000 customers.
        customers_for_power: if runs.journey.goal.is_some() {
            search(runs, i, customers, request.power)?
        } else {
            None
        },
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::winners_of_runs;

    fn renewal() -> Journey {
        let mut j = crate::templates::named("renewal-live-edit.journey.ron");
        j.scenario.customers = 1500;
        j
    }

    fn options(customers: u64) -> SimOptions {
        SimOptions {
            customers: Some(customers),
            seed: Some(7),
            ..SimOptions::default()
        }
    }

    #[test]
    fn simulating_only_up_to_the_decision_gives_the_winners_of_whole_runs() {
        // The renewal test decides 10 days after version 2 goes live, before the horizon.
        let j = renewal();
        let whole = winners_of_runs(&j, &options(1500), 12).expect("runs");
        let decided = decisions_of_runs(&j, &options(1500), 12).expect("runs");
        let report = simulate(&j, &options(1500)).expect("runs");
        let names: Vec<Vec<Option<String>>> = (decided.iter())
            .map(|run| {
                (run.iter().zip(&report.ab_tests))
                    .map(|(r, t)| r.verdict.winner.map(|w| t.variants[w].name.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(names, whole);
        assert!(decided.iter().all(|r| r[0].decided_at.is_some()));
    }

    #[test]
    fn without_a_goal_no_count_finds_a_winner_and_nothing_is_searched() {
        let mut j = renewal();
        j.goal = None;
        let request = PlanRequest {
            power: 0.8,
            replications: 4,
            exact: true,
        };
        let counts = std::cell::RefCell::new(Vec::new());
        let plans = plan(&j, &options(1500), &request, &|n| {
            counts.borrow_mut().push(n);
        })
        .expect("plans");
        assert_eq!(plans[0].customers_for_power, None);
        assert!((plans[0].power).abs() < f64::EPSILON);
        assert_eq!(
            *counts.borrow(),
            [1500],
            "only the scenario's customers ran"
        );
    }
}
