//! Replications (S24): one run is one sample, so `simulate --replications R`
//! runs R of them, run r with seed `S + r` (wrapping), and reports the spread
//! of every metric over the runs beside the report of run 0.
//!
//! Runs are spread over the cores, one run per thread when there are at least
//! as many runs as threads (each run gives the same bytes on any number of
//! threads, S14, so the result does not depend on how the runs are placed).
//! Each run's report is reduced to its metrics as soon as it is done: memory
//! holds one report per thread plus R rows of numbers.

mod json;
mod spread;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use spread::{Spread, quantile};

use super::{Report, SimError, SimOptions, simulate};
use crate::model::{Instant, Journey, StepId};

/// One metric's name and its spread over the runs.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedSpread {
    /// `entered`, `completed`, …, or `step:V:ID:reached`.
    pub name: String,
    /// Its spread over the runs.
    pub spread: Spread,
}

/// How often each variant of one A/B step won, and how often none did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbVerdicts {
    /// Version number, from 1.
    pub version: u32,
    /// The A/B step.
    pub step: StepId,
    /// Runs won, per variant in the step's order (zeros included).
    pub winners: Vec<(String, u64)>,
    /// Runs without a winner.
    pub inconclusive: u64,
}

/// One timeline row's bands: p10, p50 and p90 over the runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandRow {
    /// `starts_at + k hours`.
    pub at: Instant,
    /// In the journey after everything at this instant.
    pub in_progress: [u64; 3],
    /// Conversions up to this row.
    pub converted: [u64; 3],
}

/// The spread over the runs of a replication (the `replications` block).
#[derive(Clone, Debug, PartialEq)]
pub struct Replications {
    /// R.
    pub count: u64,
    /// Every metric, in the documented order, then the steps'.
    pub metrics: Vec<NamedSpread>,
    /// Per A/B step of every version.
    pub ab_verdicts: Vec<AbVerdicts>,
    /// Per timeline row.
    pub timeline: Vec<BandRow>,
    /// Runs whose goal rate reached the goal's target; `None` without a
    /// goal target. Not part of the JSON block.
    pub goal_met: Option<u64>,
}

/// The report of run 0 and the spread over all the runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Replicated {
    /// Run 0: the plain run with the seed asked for.
    pub first: Report,
    /// The spread over the R runs.
    pub replications: Replications,
}

/// What one run leaves behind.
#[derive(Clone, Debug, Default)]
struct Sample {
    metrics: Vec<f64>,
    winners: Vec<Option<String>>,
    in_progress: Vec<u64>,
    converted: Vec<u64>,
}

/// The whole-journey metrics, in the documented order (the steps' follow).
pub const METRIC_NAMES: [&str; 10] = [
    "entered",
    "completed",
    "suppressed",
    "exit_trigger",
    "stopped",
    "held_out",
    "in_progress",
    "converted",
    "goal_rate",
    "lift",
];

/// The names of the metrics of a report, in the documented order.
fn metric_names(report: &Report) -> Vec<String> {
    let mut names: Vec<String> = METRIC_NAMES.into_iter().map(str::to_owned).collect();
    names.extend(
        report
            .steps
            .iter()
            .map(|s| format!("step:{}:{}:reached", s.version, s.id.0)),
    );
    names
}

/// The metrics of one report, in [`metric_names`]' order.
pub fn metrics(report: &Report) -> Vec<f64> {
    let o = &report.outcomes;
    let sum = |list: &[(String, u64)]| list.iter().map(|(_, n)| n).sum::<u64>();
    let goal = report.goal.as_ref();
    let mut values = vec![
        report.arrivals.entered as f64,
        o.completed as f64,
        sum(&o.suppressed) as f64,
        sum(&o.exit_trigger) as f64,
        o.stopped as f64,
        o.held_out as f64,
        o.in_progress as f64,
        goal.map_or(0.0, |g| g.converted as f64),
        goal.map_or(0.0, |g| g.rate),
        report.holdout.as_ref().map_or(0.0, |h| h.lift),
    ];
    values.extend(report.steps.iter().map(|s| s.reached as f64));
    values
}

fn sample(report: &Report) -> Sample {
    Sample {
        metrics: metrics(report),
        winners: report.ab_tests.iter().map(|t| t.winner.clone()).collect(),
        in_progress: report.timeline.iter().map(|r| r.in_progress).collect(),
        converted: report.occupancy.conversions.clone(),
    }
}

/// Runs the journey `count` times (seeds `S`, `S + 1`, …) and sums them up.
/// Refused like [`simulate`] when the journey cannot be simulated; a
/// cancelled run cancels the whole batch.
pub fn replicate(
    journey: &Journey,
    options: &SimOptions,
    count: u32,
) -> Result<Replicated, SimError> {
    let count = count.max(1) as usize;
    let seed = options.seed.unwrap_or(journey.scenario.seed);
    let (per_run, workers) = placement(options, count);
    let first = simulate(journey, &with_seed(&per_run, seed))?;
    let mut samples = vec![Sample::default(); count];
    samples[0] = sample(&first);
    let rest = run_range(journey, &per_run, seed, 1..count, workers)?;
    for (r, s) in rest {
        samples[r] = s;
    }
    let replications = sum_up(&first, &samples);
    Ok(Replicated {
        first,
        replications,
    })
}

fn with_seed(options: &SimOptions, seed: u64) -> SimOptions {
    SimOptions {
        seed: Some(seed),
        ..options.clone()
    }
}

/// Runs `runs` (run r with seed `seed + r`) on `workers` threads, each its
/// samples, in run order.
fn run_range(
    journey: &Journey,
    options: &SimOptions,
    seed: u64,
    runs: std::ops::Range<usize>,
    workers: usize,
) -> Result<Vec<(usize, Sample)>, SimError> {
    each_run(seed, runs, workers, |run_seed| {
        simulate(journey, &with_seed(options, run_seed)).map(|report| sample(&report))
    })
}

/// What `work` gives for each run of `runs` (its seed `seed + r`), computed
/// on `workers` threads, in run order; the first error stops them all.
fn each_run<T: Send>(
    seed: u64,
    runs: std::ops::Range<usize>,
    workers: usize,
    work: impl Fn(u64) -> Result<T, SimError> + Sync,
) -> Result<Vec<(usize, T)>, SimError> {
    let next = AtomicUsize::new(runs.start);
    let done: Mutex<Vec<(usize, T)>> = Mutex::new(Vec::with_capacity(runs.len()));
    let failed: Mutex<Option<SimError>> = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| {
                loop {
                    let r = next.fetch_add(1, Ordering::Relaxed);
                    if r >= runs.end || lock(&failed).is_some() {
                        return;
                    }
                    match work(seed.wrapping_add(r as u64)) {
                        Ok(value) => lock(&done).push((r, value)),
                        Err(e) => {
                            lock(&failed).get_or_insert(e);
                            return;
                        }
                    }
                }
            });
        }
    });
    if let Some(e) = failed
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return Err(e);
    }
    let mut done = done
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(r, _)| *r);
    Ok(done)
}

/// The metrics ([`metrics`]) of runs `0..count` (seeds `S + r`), in run order,
/// spread over the cores as [`replicate`] does.
pub fn metrics_of_runs(
    journey: &Journey,
    options: &SimOptions,
    count: u32,
) -> Result<Vec<Vec<f64>>, SimError> {
    let count = count.max(1) as usize;
    let (per_run, workers) = placement(options, count);
    let seed = options.seed.unwrap_or(journey.scenario.seed);
    let runs = run_range(journey, &per_run, seed, 0..count, workers)?;
    Ok(runs.into_iter().map(|(_, s)| s.metrics).collect())
}

/// The A/B winners (`None`: no winner) of runs `0..count`, in run order: one
/// list per run, one entry per A/B test of the report.
pub fn winners_of_runs(
    journey: &Journey,
    options: &SimOptions,
    count: u32,
) -> Result<Vec<Vec<Option<String>>>, SimError> {
    let count = count.max(1) as usize;
    let (per_run, workers) = placement(options, count);
    let seed = options.seed.unwrap_or(journey.scenario.seed);
    let runs = run_range(journey, &per_run, seed, 0..count, workers)?;
    Ok(runs.into_iter().map(|(_, s)| s.winners).collect())
}

/// Each A/B test's result (with the counts its verdict was made from) of runs
/// `0..count`, in run order, simulating only what decides the tests.
pub(crate) fn decisions_of_runs(
    journey: &Journey,
    options: &SimOptions,
    count: u32,
) -> Result<Vec<Vec<crate::sim::run::AbResult>>, SimError> {
    let count = count.max(1) as usize;
    let (per_run, workers) = placement(options, count);
    let seed = options.seed.unwrap_or(journey.scenario.seed);
    let runs = each_run(seed, 0..count, workers, |run_seed| {
        crate::sim::ab_decisions(journey, &with_seed(&per_run, run_seed))
    })?;
    Ok(runs.into_iter().map(|(_, d)| d).collect())
}

/// How runs are placed: one thread each when there are at least as many runs
/// as threads, else every thread for each run in turn.
fn placement(options: &SimOptions, count: usize) -> (SimOptions, usize) {
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    // The progress counter is shared: every run adds its customers, so a
    // batch of R runs of N customers is done at R·N.
    let per_run = SimOptions {
        seed: None,
        threads: Some(if count >= threads { 1 } else { threads }),
        ..options.clone()
    };
    (per_run, threads.min(count))
}

/// A lock that outlives a panicked holder (its data is a list of results).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn sum_up(first: &Report, samples: &[Sample]) -> Replications {
    let names = metric_names(first);
    let metrics = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let values: Vec<f64> = samples.iter().map(|s| s.metrics[i]).collect();
            NamedSpread {
                name,
                spread: Spread::of(&values),
            }
        })
        .collect();
    Replications {
        count: samples.len() as u64,
        metrics,
        ab_verdicts: verdicts(first, samples),
        timeline: bands(first, samples),
        goal_met: goal_met(first, samples),
    }
}

/// How many runs reached the goal's target (the same test as the report's `met`).
fn goal_met(first: &Report, samples: &[Sample]) -> Option<u64> {
    let target = first.goal.as_ref()?.target_percent? / 100.0;
    let i = METRIC_NAMES.iter().position(|n| *n == "goal_rate")?;
    let met = samples
        .iter()
        .filter(|s| s.metrics.get(i).is_some_and(|r| *r >= target))
        .count();
    Some(met as u64)
}

fn verdicts(first: &Report, samples: &[Sample]) -> Vec<AbVerdicts> {
    first
        .ab_tests
        .iter()
        .enumerate()
        .map(|(i, test)| {
            let mut winners: Vec<(String, u64)> =
                test.variants.iter().map(|v| (v.name.clone(), 0)).collect();
            let mut inconclusive = 0;
            for s in samples {
                let won = s.winners[i]
                    .as_ref()
                    .and_then(|name| winners.iter_mut().find(|(n, _)| n == name));
                match won {
                    Some((_, runs)) => *runs += 1,
                    None => inconclusive += 1,
                }
            }
            AbVerdicts {
                version: test.version,
                step: test.step,
                winners,
                inconclusive,
            }
        })
        .collect()
}

fn bands(first: &Report, samples: &[Sample]) -> Vec<BandRow> {
    let band = |pick: &dyn Fn(&Sample) -> u64| -> [u64; 3] {
        let mut values: Vec<u64> = samples.iter().map(pick).collect();
        values.sort_unstable();
        [
            quantile(&values, 1),
            quantile(&values, 5),
            quantile(&values, 9),
        ]
    };
    first
        .timeline
        .iter()
        .enumerate()
        .map(|(k, row)| BandRow {
            at: row.at,
            in_progress: band(&|s| s.in_progress.get(k).copied().unwrap_or(0)),
            converted: band(&|s| s.converted.get(k).copied().unwrap_or(0)),
        })
        .collect()
}

#[cfg(test)]
mod goal_met_tests {
    use super::*;

    fn small() -> Journey {
        let mut j = crate::templates::welcome();
        j.scenario.customers = 300;
        j
    }

    fn options() -> SimOptions {
        SimOptions {
            seed: Some(5),
            threads: Some(2),
            ..SimOptions::default()
        }
    }

    #[test]
    fn goal_met_counts_the_runs_whose_goal_rate_reached_the_target() {
        let j = small();
        let target = j.goal.as_ref().and_then(|g| g.target_percent);
        assert!(target.is_some(), "the welcome series has a goal target");
        let r = replicate(&j, &options(), 8).expect("replicates");
        let rates = metrics_of_runs(&j, &options(), 8).expect("runs");
        let i = METRIC_NAMES
            .iter()
            .position(|n| *n == "goal_rate")
            .expect("goal_rate");
        let limit = target.map_or(0.0, |t| t / 100.0);
        let expected = rates.iter().filter(|m| m[i] >= limit).count() as u64;
        assert_eq!(r.replications.goal_met, Some(expected));
        // Run 0's own verdict agrees with its place in the count.
        let first_met = r.first.goal.as_ref().and_then(|g| g.met);
        assert_eq!(first_met, Some(rates[0][i] >= limit));
    }

    #[test]
    fn goal_met_is_every_run_or_none_at_the_extreme_targets() {
        let mut j = small();
        if let Some(g) = j.goal.as_mut() {
            g.target_percent = Some(0.0);
        }
        let r = replicate(&j, &options(), 4).expect("replicates");
        assert_eq!(r.replications.goal_met, Some(4));
        if let Some(g) = j.goal.as_mut() {
            g.target_percent = Some(100.0);
        }
        let r = replicate(&j, &options(), 4).expect("replicates");
        assert_eq!(r.replications.goal_met, Some(0));
        if let Some(g) = j.goal.as_mut() {
            g.target_percent = None;
        }
        let r = replicate(&j, &options(), 4).expect("replicates");
        assert_eq!(r.replications.goal_met, None);
    }
}
