//! One simulation on its own thread: `sim::simulate` with a cancel flag and
//! a progress counter, so no frame waits for it. With more than one run it
//! is `sim::replicate` (seeds `S`, `S + 1`, …), whose run 0 is the plain run.
//!
//! A `Worker` is a [`Task`]: cancelling (or dropping it) sets the flag and
//! joins the thread, so a cancelled run leaves nothing behind and never hands
//! back a partial report: `simulate` answers `SimError::Cancelled`, and the
//! caller keeps whatever result it had.
//!
//! A panic anywhere in the run (this thread or the simulator's pool, whose
//! panics come back to this thread) ends only the run: joining gives
//! [`RunError::Panicked`] with the panic's message, which the runner bar shows,
//! and the window goes on.

use std::time::Duration;

use super::results::RunError;
use crate::app::background::{Panicked, Signals, Task};
use crate::model::Journey;
use crate::sim::{self, Replications, Report, SimOptions};

/// What a run gives: the report of run 0 and, over several runs, their spread.
#[derive(Debug)]
pub struct Ran {
    /// The plain run (run 0).
    pub report: Report,
    /// The spread over the runs, when there were more than one.
    pub replications: Option<Replications>,
}

/// What the thread hands back.
pub type Outcome = Result<Ran, RunError>;

/// Simulates once, or `runs` times and sums the runs up.
fn simulate_runs(journey: &Journey, options: &SimOptions, runs: u32) -> Outcome {
    if runs <= 1 {
        let report = sim::simulate(journey, options)?;
        return Ok(Ran {
            report,
            replications: None,
        });
    }
    let replicated = sim::replicate(journey, options, runs)?;
    Ok(Ran {
        report: replicated.first,
        replications: Some(replicated.replications),
    })
}

/// A finished run: its outcome and how long it took.
#[derive(Debug)]
pub struct Finished {
    /// The report, or why there is none.
    pub outcome: Outcome,
    /// Wall time of the run.
    pub elapsed: Duration,
}

/// A simulation running on a thread of its own (a [`Task`]).
#[derive(Debug)]
pub struct Worker {
    task: Task<Outcome>,
    customers: u64,
    runs: u32,
}

impl Worker {
    /// Starts simulating `journey` with `customers` and `seed` (the same
    /// options `simulate --json` uses, so the numbers match), `runs` times
    /// (1: the plain run). `notify` is called on the worker thread when the
    /// run ends (the app asks for a repaint).
    pub fn spawn(
        journey: Journey,
        (customers, seed, runs): (u64, u64, u32),
        notify: Box<dyn Fn() + Send>,
    ) -> std::io::Result<Worker> {
        // Every run adds its customers to the one counter.
        let total = customers.saturating_mul(u64::from(runs.max(1)));
        let task = Task::spawn("simulation", total, notify, move |signals: &Signals| {
            simulate_runs(&journey, &signals.options(customers, seed), runs)
        })?;
        Ok(Worker {
            task,
            customers,
            runs: runs.max(1),
        })
    }

    /// How far the run is, 0..=1 (customers done in the final pass, over all runs).
    pub fn progress(&self) -> f32 {
        self.task.progress()
    }

    /// How many customers the run simulates.
    pub fn customers(&self) -> u64 {
        self.customers
    }

    /// How many runs it makes.
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.task.elapsed()
    }

    /// True when the thread has ended (its result is waiting in [`Worker::try_finish`]).
    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }

    /// The outcome, once the thread has ended (joining it); `None` while it runs.
    pub fn try_finish(&mut self) -> Option<Finished> {
        let elapsed = self.task.elapsed();
        let joined = self.task.try_finish()?;
        let outcome = joined.unwrap_or_else(|Panicked(message)| Err(RunError::Panicked(message)));
        Some(Finished { outcome, elapsed })
    }

    /// Cancels the run and waits for its thread to end (the engine checks
    /// the flag between small chunks of customers, so this is quick).
    pub fn cancel(self) {
        self.task.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::SimError;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    fn welcome() -> Journey {
        crate::app::sample::sample_journey()
    }

    fn wait(worker: &mut Worker) -> Finished {
        let deadline = Instant::now() + Duration::from_mins(2);
        loop {
            if let Some(f) = worker.try_finish() {
                return f;
            }
            assert!(Instant::now() < deadline, "the run did not end");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_finished_run_equals_the_headless_report() {
        let j = welcome();
        let mut w = Worker::spawn(j.clone(), (3000, 7, 1), Box::new(|| {})).expect("spawns");
        let finished = wait(&mut w);
        let report = finished.outcome.expect("a report").report;
        let options = SimOptions {
            customers: Some(3000),
            seed: Some(7),
            ..SimOptions::default()
        };
        let headless = sim::simulate(&j, &options).expect("simulates");
        assert_eq!(report, headless);
        assert!(w.is_finished());
        assert!((w.progress() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn s24_several_runs_count_their_progress_to_the_end() {
        let mut w = Worker::spawn(welcome(), (2000, 7, 5), Box::new(|| {})).expect("spawns");
        let finished = wait(&mut w);
        assert!(finished.outcome.expect("a result").replications.is_some());
        // Each of the 5 runs adds its 2,000 customers: the bar ends full, not at a fifth.
        assert!(
            (w.progress() - 1.0).abs() < 1e-6,
            "progress {}",
            w.progress()
        );
    }

    #[test]
    fn cancelling_joins_the_thread_and_gives_no_report() {
        let j = welcome();
        let mut w = Worker::spawn(j, (5_000_000, 1, 1), Box::new(|| {})).expect("spawns");
        std::thread::sleep(Duration::from_millis(20));
        // Cancel through the flag, then join: the outcome is Cancelled, never a partial report.
        w.task.request_cancel();
        let finished = wait(&mut w);
        assert!(matches!(
            finished.outcome,
            Err(RunError::Simulation(SimError::Cancelled))
        ));
        assert!(w.task.is_joined(), "the thread was joined");
    }

    #[test]
    fn cancel_returns_only_after_the_thread_ended() {
        let j = welcome();
        let done = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&done);
        let w = Worker::spawn(
            j,
            (5_000_000, 1, 1),
            Box::new(move || flag.store(true, Ordering::SeqCst)),
        )
        .expect("spawns");
        std::thread::sleep(Duration::from_millis(20));
        w.cancel();
        // The thread ran to its end (notify is its last act) before cancel returned.
        assert!(done.load(Ordering::SeqCst));
    }
}
