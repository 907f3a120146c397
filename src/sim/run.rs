//! The parallel driver: customers in chunks over a thread pool built per run,
//! and the passes that A/B decisions need.
//!
//! Customers are independent except through A/B decisions (S12). A decision
//! at instant `d` depends only on what happened before `d`, and what happens
//! before `d` depends only on decisions made before `d`. So the driver runs
//! one pass per distinct decision instant (in time order), each stopped at
//! that instant as if it were the horizon, with the decisions already made,
//! and computes the decisions of that instant from its counts; then the
//! final pass with every decision. Per-customer streams make each pass's
//! history before its instant identical to the final pass's (the A/B step
//! always consumes its draw, and no draw depends on the horizon).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::ThreadPool;

use super::SimError;
use super::compiled::{AbTest, Compiled};
use super::counts::Counts;
use super::customer::{Decided, RunParams, simulate_customer};
use super::population::Scratch;
use super::stats::{rate, two_proportion_p};

/// Customers per work item: small enough to balance threads, large enough to be cheap.
pub const CHUNK: u64 = 8_192;

/// What one pass needs besides the journey.
pub struct Pass<'a> {
    /// The pool to run on.
    pub pool: &'a ThreadPool,
    /// Number of workers.
    pub threads: usize,
    /// How many customers.
    pub customers: u64,
    /// Cancel flag.
    pub cancel: Option<&'a AtomicBool>,
    /// Customers done, counted in this pass.
    pub progress: Option<&'a AtomicU64>,
}

impl Pass<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|f| f.load(Ordering::Relaxed))
    }
}

/// Simulates every customer once with `params` and returns the merged counts.
pub fn run_pass(
    compiled: &Compiled,
    params: &RunParams,
    pass: &Pass<'_>,
) -> Result<Counts, SimError> {
    let next_chunk = AtomicU64::new(0);
    let cancelled = AtomicBool::new(false);
    let results: Mutex<Vec<Counts>> = Mutex::new(Vec::with_capacity(pass.threads));
    pass.pool.scope(|scope| {
        for _ in 0..pass.threads {
            scope.spawn(|_| {
                let counts = work(compiled, params, pass, &next_chunk, &cancelled);
                results
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(counts);
            });
        }
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(SimError::Cancelled);
    }
    let results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut total = Counts::new(compiled);
    for counts in &results {
        total.merge(counts);
    }
    Ok(total)
}

/// One worker: takes chunks of customers until none is left (or the run is cancelled,
/// which it then notes in `cancelled`) and returns their counts.
fn work(
    compiled: &Compiled,
    params: &RunParams,
    pass: &Pass<'_>,
    next_chunk: &AtomicU64,
    cancelled: &AtomicBool,
) -> Counts {
    #[cfg(test)]
    assert!(
        compiled.name != super::PANIC_FOR_TESTS,
        "a test asked the simulation to panic"
    );
    let chunks = pass.customers.div_ceil(CHUNK);
    let mut counts = Counts::new(compiled);
    let mut scratch = Scratch::new(compiled);
    loop {
        let k = next_chunk.fetch_add(1, Ordering::Relaxed);
        if k >= chunks {
            break;
        }
        if pass.cancelled() {
            cancelled.store(true, Ordering::Relaxed);
            break;
        }
        let end = ((k + 1) * CHUNK).min(pass.customers);
        for i in k * CHUNK..end {
            // Between customers too: a cancelled chunk of thousands of customers, each
            // stopped at its next look, would still take seconds.
            if pass.cancelled() {
                break;
            }
            simulate_customer(compiled, params, i, &mut scratch, &mut counts, pass.cancel);
        }
        // A customer may have stopped half way: never count this chunk.
        if pass.cancelled() {
            cancelled.store(true, Ordering::Relaxed);
            break;
        }
        if let Some(p) = pass.progress {
            p.fetch_add(end - k * CHUNK, Ordering::Relaxed);
        }
    }
    counts
}

/// An A/B verdict: the winner (if significant) and the p-value of best vs runner-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// Index of the winning variant, when significant at 95 %.
    pub winner: Option<usize>,
    /// Two-sided p-value.
    pub p_value: f64,
}

/// The verdict of S12 from assignments and conversions per variant.
pub fn verdict(assigned: &[u64], converted: &[u64]) -> Verdict {
    let rates: Vec<f64> = assigned
        .iter()
        .zip(converted)
        .map(|(&n, &k)| rate(k, n))
        .collect();
    let best_of = |skip: Option<usize>| {
        let mut best: Option<usize> = None;
        for (i, &r) in rates.iter().enumerate() {
            if Some(i) != skip && best.is_none_or(|b| r > rates[b]) {
                best = Some(i);
            }
        }
        best
    };
    let (Some(best), Some(second)) = (best_of(None), best_of(best_of(None))) else {
        return Verdict {
            winner: None,
            p_value: 1.0,
        };
    };
    let p = two_proportion_p(
        converted[best],
        assigned[best],
        converted[second],
        assigned[second],
    );
    Verdict {
        winner: (p < 0.05).then_some(best),
        p_value: p,
    }
}

/// The verdict of `test` from `counts`, with the counts it was made from.
fn verdict_of(test: &AbTest, counts: &Counts) -> AbResult {
    let variants = test.first_credit..test.first_credit + test.variants.len();
    let assigned = counts.assigned[variants.clone()].to_vec();
    let converted = counts.credits[variants].to_vec();
    AbResult {
        verdict: verdict(&assigned, &converted),
        decided_at: None,
        assigned,
        converted,
    }
}

/// An A/B test's result.
#[derive(Clone, Debug)]
pub struct AbResult {
    /// The verdict.
    pub verdict: Verdict,
    /// The decision instant (seconds), if the test decided before the horizon.
    pub decided_at: Option<f64>,
    /// Customers assigned to each variant when the verdict was made.
    pub assigned: Vec<u64>,
    /// Of those, converted at or after assignment, when the verdict was made.
    pub converted: Vec<u64>,
}

/// The final counts of a run and each A/B test's result, in report order.
pub struct Finished {
    /// The counts of the final pass.
    pub counts: Counts,
    /// Per A/B test.
    pub ab_results: Vec<AbResult>,
}

/// The distinct decision instants before the horizon, in time order.
fn decision_instants(compiled: &Compiled) -> Vec<f64> {
    let mut instants: Vec<f64> = compiled
        .ab_tests
        .iter()
        .filter_map(|test| test.decision.map(|d| d.at))
        .filter(|&at| at < compiled.horizon)
        .collect();
    instants.sort_by(f64::total_cmp);
    instants.dedup();
    instants
}

/// Runs the decision passes and the final pass.
pub fn run_all(compiled: &Compiled, seed: u64, pass: &Pass<'_>) -> Result<Finished, SimError> {
    let (decided, results) = decision_passes(compiled, seed, pass)?;
    let counts = final_pass(compiled, seed, decided, pass)?;
    let ab_results = final_results(compiled, results, &counts);
    Ok(Finished { counts, ab_results })
}

/// Only what decides the A/B tests: the decision passes, and the final pass
/// only when a test is judged at the horizon. Each result equals the one of
/// [`run_all`] (the planner needs nothing else).
pub fn decide_only(
    compiled: &Compiled,
    seed: u64,
    pass: &Pass<'_>,
) -> Result<Vec<AbResult>, SimError> {
    let (decided, results) = decision_passes(compiled, seed, pass)?;
    if results.iter().all(Option::is_some) {
        // The decision passes count no progress: count the run as done.
        if let Some(p) = pass.progress {
            p.fetch_add(pass.customers, Ordering::Relaxed);
        }
        return Ok(results.into_iter().flatten().collect());
    }
    let counts = final_pass(compiled, seed, decided, pass)?;
    Ok(final_results(compiled, results, &counts))
}

/// The pass up to the horizon, with the decisions made before it.
fn final_pass(
    compiled: &Compiled,
    seed: u64,
    decided: Vec<Option<Decided>>,
    pass: &Pass<'_>,
) -> Result<Counts, SimError> {
    let params = RunParams {
        seed,
        horizon: compiled.horizon,
        decided,
    };
    run_pass(compiled, &params, pass)
}

/// The decisions made before the horizon, in time order: what each test
/// decided (for the later passes) and its result.
type Decisions = (Vec<Option<Decided>>, Vec<Option<AbResult>>);

fn decision_passes(compiled: &Compiled, seed: u64, pass: &Pass<'_>) -> Result<Decisions, SimError> {
    let mut decided: Vec<Option<Decided>> = vec![None; compiled.ab_tests.len()];
    let mut results: Vec<Option<AbResult>> = vec![None; compiled.ab_tests.len()];
    let quiet = Pass {
        progress: None,
        ..*pass
    };
    for at in decision_instants(compiled) {
        let params = RunParams {
            seed,
            horizon: at,
            decided: decided.clone(),
        };
        let counts = run_pass(compiled, &params, &quiet)?;
        for (i, test) in compiled.ab_tests.iter().enumerate() {
            let Some(decision) = test.decision.filter(|d| d.at == at) else {
                continue;
            };
            let result = verdict_of(test, &counts);
            let variant = result.verdict.winner.unwrap_or(decision.default_variant);
            decided[i] = Some(Decided { at, variant });
            results[i] = Some(AbResult {
                decided_at: Some(at),
                ..result
            });
        }
    }
    Ok((decided, results))
}

/// Every test's result: its decision, or its verdict at the horizon.
fn final_results(
    compiled: &Compiled,
    results: Vec<Option<AbResult>>,
    counts: &Counts,
) -> Vec<AbResult> {
    results
        .into_iter()
        .zip(&compiled.ab_tests)
        .map(|(result, test)| result.unwrap_or_else(|| verdict_of(test, counts)))
        .collect()
}
