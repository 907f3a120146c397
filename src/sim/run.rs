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
use super::acc::Acc;
use super::compiled::Compiled;
use super::customer::{RunParams, simulate_customer};
use super::population::Scratch;
use super::stats::{rate, two_proportion_p};

/// Customers per work item: small enough to balance threads, large enough to be cheap.
const CHUNK: u64 = 8_192;

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

/// Simulates every customer once with `params` and returns the merged counts.
pub fn run_pass(c: &Compiled, params: &RunParams, pass: &Pass<'_>) -> Result<Acc, SimError> {
    let chunks = pass.customers.div_ceil(CHUNK);
    let next = AtomicU64::new(0);
    let cancelled = AtomicBool::new(false);
    let results: Mutex<Vec<Acc>> = Mutex::new(Vec::with_capacity(pass.threads));
    pass.pool.scope(|scope| {
        for _ in 0..pass.threads {
            scope.spawn(|_| {
                let mut acc = Acc::new(c);
                let mut scratch = Scratch::new(c);
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= chunks {
                        break;
                    }
                    if pass.cancel.is_some_and(|f| f.load(Ordering::Relaxed)) {
                        cancelled.store(true, Ordering::Relaxed);
                        break;
                    }
                    let end = ((k + 1) * CHUNK).min(pass.customers);
                    for i in k * CHUNK..end {
                        simulate_customer(c, params, i, &mut scratch, &mut acc, pass.cancel);
                    }
                    // A customer may have stopped half way: never count this chunk.
                    if pass.cancel.is_some_and(|f| f.load(Ordering::Relaxed)) {
                        cancelled.store(true, Ordering::Relaxed);
                        break;
                    }
                    if let Some(p) = pass.progress {
                        p.fetch_add(end - k * CHUNK, Ordering::Relaxed);
                    }
                }
                results
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(acc);
            });
        }
    });
    if cancelled.load(Ordering::Relaxed) {
        return Err(SimError::Cancelled);
    }
    let results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut total = Acc::new(c);
    for acc in &results {
        total.merge(acc);
    }
    Ok(total)
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

/// Each A/B test's verdict and its decision instant (seconds), if it decided before the horizon.
pub type Verdicts = Vec<(Verdict, Option<f64>)>;

/// Runs the decision passes and the final pass; returns the final counts and each test's
/// verdict with its decision instant (seconds), if it decided before the horizon.
pub fn run_all(c: &Compiled, seed: u64, pass: &Pass<'_>) -> Result<(Acc, Verdicts), SimError> {
    let horizon = c.horizon;
    let mut decided: Vec<Option<(f64, usize)>> = vec![None; c.abs.len()];
    let mut verdicts: Vec<Option<(Verdict, Option<f64>)>> = vec![None; c.abs.len()];
    let mut instants: Vec<f64> = c
        .abs
        .iter()
        .filter_map(|a| a.decide.map(|d| d.0))
        .filter(|&d| d < horizon)
        .collect();
    instants.sort_by(f64::total_cmp);
    instants.dedup();
    let quiet = Pass {
        progress: None,
        ..*pass
    };
    for d in instants {
        let params = RunParams {
            seed,
            horizon: d,
            decided: decided.clone(),
        };
        let acc = run_pass(c, &params, &quiet)?;
        for (i, ab) in c.abs.iter().enumerate() {
            let Some((at, default)) = ab.decide else {
                continue;
            };
            if at != d {
                continue;
            }
            let range = ab.credit..ab.credit + ab.names.len();
            let v = verdict(&acc.assigned[range.clone()], &acc.credits[range]);
            decided[i] = Some((d, v.winner.unwrap_or(default)));
            verdicts[i] = Some((v, Some(d)));
        }
    }
    let params = RunParams {
        seed,
        horizon,
        decided,
    };
    let acc = run_pass(c, &params, pass)?;
    let verdicts = verdicts
        .into_iter()
        .zip(&c.abs)
        .map(|(v, ab)| {
            v.unwrap_or_else(|| {
                let range = ab.credit..ab.credit + ab.names.len();
                (
                    verdict(&acc.assigned[range.clone()], &acc.credits[range]),
                    None,
                )
            })
        })
        .collect();
    Ok((acc, verdicts))
}
