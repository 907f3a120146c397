//! One simulation on its own thread: `sim::simulate` with a cancel flag and
//! a progress counter, so no frame waits for it. With more than one run it
//! is `sim::replicate` (seeds `S`, `S + 1`, …), whose run 0 is the plain run.
//!
//! A `Worker` owns its thread. Cancelling (or dropping the worker) sets the
//! flag and joins the thread, so a cancelled run leaves nothing behind and
//! never hands back a partial report: `simulate` answers
//! `SimError::Cancelled`, and the caller keeps whatever result it had.
//!
//! A panic anywhere in the run (this thread or the simulator's pool, whose
//! panics come back to this thread) ends only the run: joining gives
//! [`RunError::Panicked`] with the panic's message, which the runner bar shows,
//! and the window goes on.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::results::RunError;
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

/// A simulation running on a thread of its own.
#[derive(Debug)]
pub struct Worker {
    handle: Option<JoinHandle<Outcome>>,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicU64>,
    customers: u64,
    started: Instant,
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
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicU64::new(0));
        let options = SimOptions {
            customers: Some(customers),
            seed: Some(seed),
            threads: None,
            cancel: Some(Arc::clone(&cancel)),
            progress: Some(Arc::clone(&progress)),
        };
        let handle = std::thread::Builder::new()
            .name("simulation".to_owned())
            .spawn(move || {
                let outcome = simulate_runs(&journey, &options, runs);
                notify();
                outcome
            })?;
        Ok(Worker {
            handle: Some(handle),
            cancel,
            progress,
            customers,
            started: Instant::now(),
        })
    }

    /// How far the run is, 0..=1 (customers done in the final pass).
    pub fn progress(&self) -> f32 {
        if self.customers == 0 {
            return 0.0;
        }
        (self.progress.load(Ordering::Relaxed) as f64 / self.customers as f64).clamp(0.0, 1.0)
            as f32
    }

    /// How many customers the run simulates.
    pub fn customers(&self) -> u64 {
        self.customers
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// True when the thread has ended (its result is waiting in [`Worker::try_finish`]).
    pub fn is_finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// The outcome, once the thread has ended (joining it); `None` while it runs.
    pub fn try_finish(&mut self) -> Option<Finished> {
        if !self.is_finished() {
            return None;
        }
        let elapsed = self.started.elapsed();
        let outcome = self.join()?;
        Some(Finished { outcome, elapsed })
    }

    /// Cancels the run and waits for its thread to end (the engine checks
    /// the flag between small chunks of customers, so this is quick).
    pub fn cancel(mut self) {
        self.cancel_and_join();
    }

    fn cancel_and_join(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        // Nobody waits for a cancelled run: its outcome is `Cancelled`, or a
        // report that arrived too late to be wanted.
        drop(self.join());
    }

    fn join(&mut self) -> Option<Outcome> {
        let handle = self.handle.take()?;
        Some(
            handle
                .join()
                .unwrap_or_else(|payload| Err(RunError::Panicked(panic_message(&*payload)))),
        )
    }
}

/// The message a panic was raised with (`panic!` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.cancel_and_join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::SimError;

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
    fn cancelling_joins_the_thread_and_gives_no_report() {
        let j = welcome();
        let mut w = Worker::spawn(j, (5_000_000, 1, 1), Box::new(|| {})).expect("spawns");
        std::thread::sleep(Duration::from_millis(20));
        // Cancel through the flag, then join: the outcome is Cancelled, never a partial report.
        w.cancel.store(true, Ordering::Relaxed);
        let finished = wait(&mut w);
        assert!(matches!(
            finished.outcome,
            Err(RunError::Simulation(SimError::Cancelled))
        ));
        assert!(w.handle.is_none(), "the thread was joined");
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
