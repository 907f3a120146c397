//! What runs hand back: a complete run, a previewed stop, the progress of
//! the run in flight, and why there is no new result.

use std::path::PathBuf;
use std::time::Duration;

use crate::model::{Instant, Journey};
use crate::sim::{Replications, Report, SimError};

/// A complete run.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// The report.
    pub report: Report,
    /// The document revision the run was made from.
    pub revision: u64,
    /// The journey as simulated.
    pub journey: Journey,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// The file of the document it was made from.
    pub path: Option<PathBuf>,
    /// The spread over the runs, when the window ran more than one.
    pub replications: Option<Replications>,
}

/// A previewed stop: what would happen if `version` stopped at `at`.
#[derive(Clone, Debug)]
pub struct StopPreview {
    /// The version's index (0-based).
    pub version: usize,
    /// When it would stop.
    pub at: Instant,
    /// The run of the journey with that stop.
    pub result: RunResult,
}

/// How far the run in flight is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Done so far, 0..=1.
    pub fraction: f32,
    /// Customers the run simulates.
    pub customers: u64,
    /// How many runs (1: the plain run).
    pub runs: u32,
    /// Wall time so far.
    pub elapsed: Duration,
}

/// Why there is no new result.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The worker thread could not be started.
    #[error("could not start the simulation: {0}")]
    Spawn(#[source] std::io::Error),
    /// The simulator refused the journey (or its thread failed).
    #[error(transparent)]
    Simulation(#[from] SimError),
    /// The simulation stopped on an internal error (a panic, with its message); the
    /// design and the previous result are untouched.
    #[error(
        "The simulation stopped on an internal error ({0}). Your journey is unchanged; please report this."
    )]
    Panicked(String),
}
