//! The deterministic simulator (assets/docs/rules.md S1–S23): population, engine,
//! statistics and the [`Report`]. No egui, no files.
//!
//! [`simulate`] validates the journey, compiles it (names to small
//! integers, steps to indices), then simulates customer by customer on a
//! thread pool built for the run: each customer has its own random stream
//! derived from (seed, customer index) ([`rng`]), each worker keeps its own
//! counts (`counts`), and those are merged by integer addition, so the report
//! does not depend on the number of threads (S14). Memory does not grow with
//! the number of customers: per worker one set of counts (hour buckets per
//! step) and a few reused buffers (`population::Scratch`).
//!
//! Before a run, [`estimate()`] says from the scenario alone (no simulation) how much
//! work it is and about how long it takes (issue 14).
//!
//! Modelling choices are documented where they are made: `population`
//! (attributes, segments), `customer` (the event loop, S9 order), `triggers`
//! (Poisson occurrences, click lift), `entry` (arrivals, entries, exits,
//! conversions), `steps` (step kinds, messages), `run` (parallelism, A/B
//! decision passes), [`stats`] (Wilson, z-test), `delivery` (quiet hours, caps,
//! transactional messages, time-of-day waits, time zones and the holdout, S18–S23).
//! Versions: drafts (a later version without `published_at`) are not
//! simulated and do not appear in the report; an arrival enters the newest
//! published version live at its instant (S8).
//!
//! Further modelling choices, in one place:
//! - Time is seconds after `start.starts_at` in `f64`; spans and instants
//!   of the file are whole seconds, so deterministic coincidences (a wait
//!   ending exactly at a stop, S9) compare exactly.
//! - Arrivals (assets/docs/format.md): each customer arrives once, uniformly within
//!   `arrivals_over`; when the audience is a trigger the scenario models, each
//!   later occurrence is a further arrival. An audience segment needs no
//!   model and is not required of arrivals; if the scenario models it, its
//!   model gives membership where conditions ask about it.
//! - The goal and exit triggers, and triggers an if/then waits for, are
//!   Poisson processes that matter from the entry on (memoryless, so starting
//!   them at entry is exact); the audience trigger from the first arrival.
//! - A/B decisions use assignments and conversions strictly before the
//!   decision instant; arrivals at or after it take the winner (or the
//!   default variant). A decision instant at or after the horizon does not
//!   happen (S16): the verdict is then computed at the horizon, with
//!   `decided_at: null`.
//! - Channel optimization's `best` is the channel with the highest goal rate
//!   among those the step sent on (ties: list order), or `null`.
//! - Per-step conversions (tile analytics, in [`Occupancy`] only, not in the JSON
//!   report): an entry that converts adds one, at its conversion instant, to every step
//!   it reached before converting (each step once, however often visited). The engine
//!   keeps a bitset of reached steps per entry and walks it at the conversion.
//! - Timeline rows run from `starts_at` to the first whole hour at or after
//!   the horizon; an event at `t` counts in the row at `ceil(t / 1 h)`.
//! - S14 across machines: draws use only integer arithmetic and `libm`; the
//!   p-values and Wilson bounds use `statrs`.

mod build;
mod compare;
mod compile;
mod compiled;
mod counts;
mod customer;
mod delivery;
mod entry;
pub mod estimate;
mod json;
#[cfg(test)]
mod order_tests;
mod plan;
mod plan_model;
mod population;
mod replicate;
mod report;
pub mod rng;
mod run;
mod sensitivity;
pub mod stats;
mod steps;
mod triggers;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64};

pub use compare::{
    CompareError, Compared, MetricDiff, ScenarioOf, StepDiff, StepSides, compare, t_interval,
    version_alone,
};
pub use estimate::{Estimate, estimate};
pub use plan::{AbPlan, PlanRequest, plan, plan_step};
pub use replicate::{
    AbVerdicts, BandRow, METRIC_NAMES, NamedSpread, Replicated, Replications, Spread,
    metrics as run_metrics, metrics_of_runs, replicate, winners_of_runs,
};
pub use report::{
    AbReport, Arrivals, ChannelReport, CoChannel, CoReport, ConnectionSeries, Exited, GoalReport,
    HoldoutReport, MessageCounts, Occupancy, Outcomes, Report, SendVolume, StepReport, StepSeries,
    TimelineRow, VariantReport, VersionReport,
};
pub use sensitivity::{Effect, FACTORS, Measured, Param, Sensitivity, params, sensitivity};

use crate::model::{Journey, MAX_CUSTOMERS, Problem, ProblemKind, Severity, validate};

/// Test builds only: a journey of this name makes every simulation worker panic (to
/// test that the window survives it).
#[cfg(test)]
pub(crate) const PANIC_FOR_TESTS: &str = "Panic in the simulation workers (tests only)";

/// How to run a simulation; every field may be left at its default.
#[derive(Clone, Debug, Default)]
pub struct SimOptions {
    /// Customers to simulate (default: the scenario's).
    pub customers: Option<u64>,
    /// Seed (default: the scenario's).
    pub seed: Option<u64>,
    /// Worker threads (default: the machine's available parallelism).
    pub threads: Option<usize>,
    /// Set to true to cancel the run; [`simulate`] then returns [`SimError::Cancelled`].
    pub cancel: Option<Arc<AtomicBool>>,
    /// Customers done so far in the final pass (A/B decision passes, which come first
    /// and stop at their decision instant, do not count).
    pub progress: Option<Arc<AtomicU64>>,
}

/// Why a simulation did not produce a report.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    /// The journey has errors, or names a segment, trigger or attribute the scenario
    /// does not model; every problem is listed.
    #[error("the journey cannot be simulated: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// The cancel flag was set.
    #[error("the simulation was cancelled")]
    Cancelled,
    /// The run's thread pool could not be built.
    #[error("could not start the simulation threads: {0}")]
    Threads(String),
}

/// The problems that make the simulator refuse `journey`: validation errors
/// and names the scenario does not model.
pub fn refusals(journey: &Journey) -> Vec<Problem> {
    validate(journey)
        .into_iter()
        .filter(|p| p.is_error() || p.kind == ProblemKind::Unmodelled)
        .collect()
}

/// Simulates `journey`'s scenario and returns the report.
pub fn simulate(journey: &Journey, options: &SimOptions) -> Result<Report, SimError> {
    let mut problems = refusals(journey);
    let customers = options.customers.unwrap_or(journey.scenario.customers);
    if options.customers.is_some_and(|n| n > MAX_CUSTOMERS) {
        problems.push(Problem {
            severity: Severity::Error,
            kind: ProblemKind::TooManyCustomers,
            version: None,
            step: None,
            step_name: None,
            message: format!(
                "{customers} customers is more than the {MAX_CUSTOMERS} Journey Designer can simulate"
            ),
        });
    }
    if !problems.is_empty() {
        return Err(SimError::Invalid(problems));
    }
    with_pass(journey, options, customers, |compiled, seed, pass| {
        let finished = run::run_all(compiled, seed, pass)?;
        Ok(build::build(journey, compiled, seed, customers, &finished))
    })
}

/// Each A/B test's result, in report order, with the counts its verdict was
/// made from; simulates only what decides them. The journey must be one
/// [`simulate`] accepts.
pub(crate) fn ab_decisions(
    journey: &Journey,
    options: &SimOptions,
) -> Result<Vec<run::AbResult>, SimError> {
    let customers = options.customers.unwrap_or(journey.scenario.customers);
    with_pass(journey, options, customers, |compiled, seed, pass| {
        run::decide_only(compiled, seed, pass)
    })
}

/// Compiles `journey` and calls `work` with it, the seed and a pass over
/// `customers` on the threads `options` asks for.
fn with_pass<T>(
    journey: &Journey,
    options: &SimOptions,
    customers: u64,
    work: impl FnOnce(&compiled::Compiled, u64, &run::Pass<'_>) -> Result<T, SimError>,
) -> Result<T, SimError> {
    let seed = options.seed.unwrap_or(journey.scenario.seed);
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("sim-{i}"))
        .build()
        .map_err(|e| SimError::Threads(e.to_string()))?;
    let compiled = compile::compile(journey);
    let pass = run::Pass {
        pool: &pool,
        threads,
        customers,
        cancel: options.cancel.as_deref(),
        progress: options.progress.as_deref(),
    };
    work(&compiled, seed, &pass)
}
