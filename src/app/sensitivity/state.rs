//! The sensitivity chart the app owns: the computation in flight (a
//! [`Task`]), the latest chart and the revision it is of, and why the last
//! computation gave none. A cancelled computation changes nothing: the
//! chart shown stays.

use std::path::{Path, PathBuf};

use crate::app::background::{Panicked, Signals, Task};
use crate::edit::Document;
use crate::model::Journey;
use crate::sim::{self, Sensitivity, SimError};
use crate::ui::analytics::SensitivityView;

/// Runs per variant in the window (the command line's default too).
pub const REPLICATIONS: u32 = 10;

/// A computed chart and what it was computed from.
#[derive(Clone, Debug)]
pub struct Chart {
    /// The base goal rate and every assumption's effect, largest first.
    pub sensitivity: Sensitivity,
    /// The document revision it was made from.
    pub revision: u64,
    /// Customers per run.
    pub customers: u64,
    /// The journey as computed.
    pub journey: Journey,
    /// The file of the document it was made from.
    pub path: Option<PathBuf>,
}

/// Why there is no new chart, in plain words.
#[derive(Debug, thiserror::Error)]
pub enum SensitivityError {
    /// The journey has no goal, so there is no goal rate to move.
    #[error("The chart needs a goal: set one in the Goal tab first.")]
    NoGoal,
    /// The thread could not be started.
    #[error("Could not start finding what moves the goal rate: {0}")]
    Spawn(#[source] std::io::Error),
    /// The simulator refused the journey.
    #[error("Could not find what moves the goal rate: {0}")]
    Simulation(#[from] SimError),
    /// The computation stopped on an internal error (a panic, with its message).
    #[error(
        "Finding what moves the goal rate stopped on an internal error ({0}). Your journey is unchanged; please report this."
    )]
    Panicked(String),
}

/// The computation in flight and what it works on.
#[derive(Debug)]
struct InFlight {
    task: Task<Result<Sensitivity, SimError>>,
    revision: u64,
    customers: u64,
    journey: Journey,
    path: Option<PathBuf>,
}

/// The sensitivity state of the window.
#[derive(Debug)]
pub struct SensitivityRun {
    /// Runs per variant (tests make it small).
    pub replications: u32,
    /// The latest complete chart.
    pub chart: Option<Chart>,
    /// Why the last computation gave no chart (said in the section until the next one).
    pub message: Option<SensitivityError>,
    /// Keep the analytics scrolled to the section (screenshots).
    pub scroll_to: bool,
    /// Start computing on the next frame (screenshots).
    pub start_on_next_frame: bool,
    in_flight: Option<InFlight>,
}

impl Default for SensitivityRun {
    fn default() -> Self {
        SensitivityRun {
            replications: REPLICATIONS,
            chart: None,
            message: None,
            scroll_to: false,
            start_on_next_frame: false,
            in_flight: None,
        }
    }
}

/// What one computation is of: the journey and the run size.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The journey as it is now.
    pub journey: &'a Journey,
    /// Its document revision.
    pub revision: u64,
    /// Its file.
    pub path: Option<&'a Path>,
    /// Customers per run.
    pub customers: u64,
    /// The first random seed (run `r` uses seed + r).
    pub seed: u64,
}

impl SensitivityRun {
    /// Starts computing the chart of `request`, cancelling any computation in
    /// flight. `notify` is called on the thread when it ends.
    pub fn start(&mut self, request: Request<'_>, notify: Box<dyn Fn() + Send>) {
        self.cancel();
        if request.journey.goal.is_none() {
            self.message = Some(SensitivityError::NoGoal);
            return;
        }
        let journey = request.journey.clone();
        let kept = journey.clone();
        let runs = self.replications.max(1);
        let (customers, seed) = (request.customers, request.seed);
        // Every variant (the base, then each assumption ×0.8 and ×1.2) runs `runs` times.
        let variants = 1 + 2 * sim::params(&journey).len() as u64;
        let total = customers
            .saturating_mul(u64::from(runs))
            .saturating_mul(variants);
        let work = move |signals: &Signals| {
            sim::sensitivity(&journey, &signals.options(customers, seed), runs)
        };
        match Task::spawn("sensitivity", total, notify, work) {
            Ok(task) => {
                self.message = None;
                self.in_flight = Some(InFlight {
                    task,
                    revision: request.revision,
                    customers,
                    journey: kept,
                    path: request.path.map(Path::to_owned),
                });
            }
            Err(e) => self.message = Some(SensitivityError::Spawn(e)),
        }
    }

    /// Cancels the computation in flight (joining its thread); the chart stays.
    pub fn cancel(&mut self) {
        if let Some(f) = self.in_flight.take() {
            f.task.cancel();
        }
    }

    /// True while a computation is in flight.
    pub fn is_running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// How far the computation in flight is, 0..=1.
    pub fn progress(&self) -> Option<f32> {
        self.in_flight.as_ref().map(|f| f.task.progress())
    }

    /// Takes in a finished computation. Returns true when a new chart
    /// arrived; a cancelled one changes nothing, a failed one leaves its
    /// reason in `message`.
    pub fn poll(&mut self) -> bool {
        let Some(f) = self.in_flight.as_mut() else {
            return false;
        };
        let Some(joined) = f.task.try_finish() else {
            return false;
        };
        let Some(f) = self.in_flight.take() else {
            return false;
        };
        match joined {
            Ok(Ok(sensitivity)) => {
                self.chart = Some(Chart {
                    sensitivity,
                    revision: f.revision,
                    customers: f.customers,
                    journey: f.journey,
                    path: f.path,
                });
                true
            }
            Ok(Err(SimError::Cancelled)) => false,
            Ok(Err(e)) => {
                self.message = Some(e.into());
                false
            }
            Err(Panicked(message)) => {
                self.message = Some(SensitivityError::Panicked(message));
                false
            }
        }
    }

    /// True when the chart was made from another revision than `revision`.
    pub fn is_stale(&self, revision: u64) -> bool {
        self.chart.as_ref().is_some_and(|c| c.revision != revision)
    }

    /// What the analytics' section shows of it, for `doc` as it is now.
    pub fn view(&self, doc: &Document) -> SensitivityView<'_> {
        SensitivityView {
            has_goal: doc.journey().goal.is_some(),
            chart: self.chart.as_ref().map(|c| &c.sensitivity),
            customers: self.chart.as_ref().map_or(0, |c| c.customers),
            stale: self.is_stale(doc.revision()),
            running: self.progress(),
            message: self.message.as_ref().map(ToString::to_string),
            scroll_to: self.scroll_to,
        }
    }

    /// Forgets the chart of another document (after Open); Save As keeps it.
    pub fn follow_document(&mut self, doc: &Document) {
        let Some(chart) = &mut self.chart else {
            return;
        };
        if chart.path == doc.path {
            return;
        }
        if chart.revision == doc.revision() && chart.journey == *doc.journey() {
            chart.path.clone_from(&doc.path);
            return;
        }
        self.cancel();
        self.chart = None;
        self.message = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn small_welcome() -> Journey {
        crate::templates::welcome()
    }

    fn request(journey: &Journey, revision: u64, customers: u64) -> Request<'_> {
        Request {
            journey,
            revision,
            path: None,
            customers,
            seed: 5,
        }
    }

    fn wait(s: &mut SensitivityRun) {
        let deadline = Instant::now() + Duration::from_mins(2);
        while s.is_running() {
            s.poll();
            assert!(Instant::now() < deadline, "the computation did not end");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_chart_equals_the_headless_sensitivity_and_is_stale_after_an_edit() {
        let j = small_welcome();
        let mut s = SensitivityRun {
            replications: 2,
            ..SensitivityRun::default()
        };
        s.start(request(&j, 3, 400), Box::new(|| {}));
        wait(&mut s);
        let options = crate::sim::SimOptions {
            customers: Some(400),
            seed: Some(5),
            ..crate::sim::SimOptions::default()
        };
        let headless = sim::sensitivity(&j, &options, 2).expect("computes");
        let chart = s.chart.as_ref().expect("a chart");
        assert_eq!(chart.sensitivity, headless);
        assert!(!s.is_stale(3));
        assert!(s.is_stale(4));
    }

    #[test]
    fn cancelling_keeps_the_chart_shown() {
        let j = small_welcome();
        let mut s = SensitivityRun {
            replications: 1,
            ..SensitivityRun::default()
        };
        s.start(request(&j, 1, 200), Box::new(|| {}));
        wait(&mut s);
        let before = s.chart.as_ref().map(|c| c.sensitivity.clone());
        s.replications = 50;
        s.start(request(&j, 2, 2_000_000), Box::new(|| {}));
        std::thread::sleep(Duration::from_millis(20));
        s.cancel();
        assert!(!s.is_running() && !s.poll());
        assert_eq!(s.chart.as_ref().map(|c| c.sensitivity.clone()), before);
        assert_eq!(s.chart.as_ref().map(|c| c.revision), Some(1));
        assert!(s.message.is_none(), "a cancel is no error");
    }

    #[test]
    fn without_a_goal_it_says_so_and_starts_nothing() {
        let mut j = small_welcome();
        j.goal = None;
        let mut s = SensitivityRun::default();
        s.start(request(&j, 1, 200), Box::new(|| {}));
        assert!(!s.is_running());
        assert!(matches!(s.message, Some(SensitivityError::NoGoal)));
    }
}
