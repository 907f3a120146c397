//! The Run (the third kind of state of the crate docs): the latest report and
//! the document revision it was made from, the worker in flight, a stop
//! preview, the playhead, and the auto re-run debounce. Never saved with
//! the journey.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant as Clock};

use super::results::{Progress, RunError, RunResult, StopPreview};
use super::worker::{Finished, Worker};
use crate::edit::Document;
use crate::model::{Instant, Journey};
use crate::sim::SimError;
use crate::ui::analytics::VersionFilter;
use crate::ui::runner::RunnerState;

/// How long after the last edit an auto re-run starts.
pub const DEBOUNCE: Duration = Duration::from_millis(600);

/// What a worker is computing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Job {
    /// The document as it is.
    Main,
    /// The document with `version` stopped at `at` (a what-if).
    PreviewStop {
        /// The version's index (0-based).
        version: usize,
        /// When it would stop.
        at: Instant,
    },
}

/// The last revision seen changed, and when (for the debounce).
#[derive(Clone, Copy, Debug)]
struct LastEdit {
    revision: u64,
    seen_at: Clock,
}

/// A worker and what it works on.
#[derive(Debug)]
struct InFlight {
    job: Job,
    revision: u64,
    journey: Journey,
    path: Option<PathBuf>,
    worker: Worker,
}

/// The run state the app owns.
#[derive(Debug, Default)]
pub struct Run {
    /// Customers for the next run (None: the scenario's).
    pub customers: Option<u64>,
    /// Seed for the next run (None: the scenario's).
    pub seed: Option<u64>,
    /// How many runs the next Run makes (0 or 1: one). The window's own
    /// choice, never saved with the journey.
    pub runs: u32,
    /// The latest complete run.
    pub result: Option<RunResult>,
    /// A previewed stop and its run.
    pub preview: Option<StopPreview>,
    /// The runner bar's view state (playhead, dialogs, analytics open).
    pub ui: RunnerState,
    /// The counts at the playhead the canvas draws (rebuilt each frame).
    pub overlay: Option<crate::ui::canvas::Overlay>,
    /// Which versions the analytics' step funnel shows.
    pub filter: VersionFilter,
    /// Whether an edit starts a new run after [`DEBOUNCE`].
    pub auto_rerun: bool,
    /// The last run error, said once in the runner bar.
    pub message: Option<RunError>,
    /// Keep the analytics scrolled to the plots (screenshots).
    pub scroll_to_plots: bool,
    /// Move the playhead to the end when the next run completes.
    pub seek_end_on_done: bool,
    in_flight: Option<InFlight>,
    /// The last edit seen, for the debounce.
    edited: Option<LastEdit>,
}

impl Run {
    /// Customers the next run simulates.
    pub fn customers(&self, journey: &Journey) -> u64 {
        self.customers.unwrap_or(journey.scenario.customers)
    }

    /// Seed of the next run.
    pub fn seed(&self, journey: &Journey) -> u64 {
        self.seed.unwrap_or(journey.scenario.seed)
    }

    /// How many runs the next Run makes (at least one).
    pub fn runs(&self) -> u32 {
        self.runs.max(1)
    }

    /// Starts a run of `journey` (at document `revision`, of the file
    /// `path`), cancelling any run in flight. `notify` is called on the
    /// worker thread when it ends.
    pub fn start(
        &mut self,
        journey: &Journey,
        revision: u64,
        path: Option<&Path>,
        job: Job,
        notify: Box<dyn Fn() + Send>,
    ) {
        self.cancel();
        let mut simulated = journey.clone();
        if let Job::PreviewStop { version, at } = job
            && let Some(v) = simulated.versions.get_mut(version)
        {
            v.stopped_at = Some(at);
        }
        let customers = self.customers(journey);
        let seed = self.seed(journey);
        // A stop preview is compared with run 0, so it is one run.
        let runs = match job {
            Job::Main => self.runs(),
            Job::PreviewStop { .. } => 1,
        };
        match Worker::spawn(simulated.clone(), (customers, seed, runs), notify) {
            Ok(worker) => {
                self.message = None;
                self.in_flight = Some(InFlight {
                    job,
                    revision,
                    journey: simulated,
                    path: path.map(Path::to_owned),
                    worker,
                });
            }
            Err(e) => self.message = Some(RunError::Spawn(e)),
        }
    }

    /// Cancels the run in flight (joining its thread); the previous result stays.
    pub fn cancel(&mut self) {
        if let Some(f) = self.in_flight.take() {
            f.worker.cancel();
        }
    }

    /// True while a run is in flight.
    pub fn is_running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// How far the run in flight is.
    pub fn progress(&self) -> Option<Progress> {
        self.in_flight.as_ref().map(|f| Progress {
            fraction: f.worker.progress(),
            customers: f.worker.customers(),
            runs: f.worker.runs(),
            elapsed: f.worker.elapsed(),
        })
    }

    /// Takes in a finished run, if the worker is done. Returns true when a
    /// new result arrived. A cancelled run changes nothing; a refused one
    /// leaves its reason in `message`.
    pub fn poll(&mut self) -> bool {
        let Some(f) = self.in_flight.as_mut() else {
            return false;
        };
        let Some(Finished { outcome, elapsed }) = f.worker.try_finish() else {
            return false;
        };
        let Some(f) = self.in_flight.take() else {
            return false;
        };
        match outcome {
            Ok(ran) => {
                let result = RunResult {
                    report: ran.report,
                    replications: ran.replications,
                    revision: f.revision,
                    journey: f.journey,
                    elapsed,
                    path: f.path,
                };
                self.take_in(f.job, result);
                true
            }
            Err(RunError::Simulation(SimError::Cancelled)) => false,
            Err(e) => {
                self.message = Some(e);
                false
            }
        }
    }

    /// Keeps a finished run: the main result, or the stop preview.
    fn take_in(&mut self, job: Job, result: RunResult) {
        match job {
            Job::Main => {
                // A first run, or one from the start, shows its outcome at
                // once: the playhead goes to the end (a re-run keeps it).
                let at_start = self.ui.playback.hour <= 0.0 && !self.ui.playback.playing;
                if self.seek_end_on_done || self.result.is_none() || at_start {
                    self.seek_end_on_done = false;
                    let rows = result.report.timeline.len();
                    self.ui.playback.seek(rows as f64, rows);
                }
                self.result = Some(result);
            }
            Job::PreviewStop { version, at } => {
                self.preview = Some(StopPreview {
                    version,
                    at,
                    result,
                });
            }
        }
    }

    /// Forgets results of another document: after Open, a run of the old
    /// journey must not be shown as the new one's. Save As keeps them.
    pub fn follow_document(&mut self, doc: &Document) {
        let Some(result) = &mut self.result else {
            return;
        };
        if result.path == doc.path {
            return;
        }
        if result.revision == doc.revision() && result.journey == *doc.journey() {
            result.path.clone_from(&doc.path);
            return;
        }
        self.cancel();
        self.result = None;
        self.preview = None;
        self.ui.playback = crate::ui::runner::Playback::default();
    }

    /// True when the latest result was made from another revision than `revision`.
    pub fn is_stale(&self, revision: u64) -> bool {
        self.result.as_ref().is_some_and(|r| r.revision != revision)
    }

    /// The auto re-run debounce: true once the document has stayed at
    /// `revision` for [`DEBOUNCE`] after a change, with auto re-run on and
    /// a result out of date (and nothing running).
    pub fn due(&mut self, revision: u64, now: Clock) -> bool {
        if !self.auto_rerun || !self.is_stale(revision) || self.is_running() {
            self.edited = None;
            return false;
        }
        match self.edited {
            Some(edit) if edit.revision == revision => now.duration_since(edit.seen_at) >= DEBOUNCE,
            _ => {
                self.edited = Some(LastEdit {
                    revision,
                    seen_at: now,
                });
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(run: &mut Run) {
        let deadline = Clock::now() + Duration::from_mins(2);
        while run.is_running() {
            run.poll();
            assert!(Clock::now() < deadline, "the run did not end");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn welcome() -> Journey {
        crate::app::sample::sample_journey()
    }

    #[test]
    fn a_run_belongs_to_its_revision_and_is_stale_after_an_edit() {
        let mut run = Run {
            customers: Some(500),
            ..Run::default()
        };
        run.start(&welcome(), 3, None, Job::Main, Box::new(|| {}));
        wait(&mut run);
        assert!(run.result.is_some());
        assert!(!run.is_stale(3));
        assert!(run.is_stale(4));
    }

    #[test]
    fn cancelling_keeps_the_previous_result_and_no_partial_one() {
        let mut run = Run {
            customers: Some(500),
            ..Run::default()
        };
        run.start(&welcome(), 1, None, Job::Main, Box::new(|| {}));
        wait(&mut run);
        let before = run.result.as_ref().map(|r| r.report.clone());
        run.customers = Some(5_000_000);
        run.start(&welcome(), 2, None, Job::Main, Box::new(|| {}));
        std::thread::sleep(Duration::from_millis(20));
        run.cancel();
        assert!(!run.is_running(), "the worker was joined and dropped");
        assert!(!run.poll());
        let after = run.result.as_ref().map(|r| r.report.clone());
        assert_eq!(
            after, before,
            "the previous result is shown, not a partial one"
        );
        assert_eq!(run.result.as_ref().map(|r| r.revision), Some(1));
    }

    #[test]
    fn cancelling_the_first_run_leaves_no_result() {
        let mut run = Run {
            customers: Some(5_000_000),
            ..Run::default()
        };
        run.start(&welcome(), 1, None, Job::Main, Box::new(|| {}));
        std::thread::sleep(Duration::from_millis(20));
        run.cancel();
        assert!(!run.is_running());
        assert!(run.result.is_none());
    }

    #[test]
    fn cancelling_several_runs_joins_them_and_leaves_no_result() {
        let mut run = Run {
            customers: Some(5_000_000),
            runs: 20,
            ..Run::default()
        };
        run.start(&welcome(), 1, None, Job::Main, Box::new(|| {}));
        std::thread::sleep(Duration::from_millis(20));
        run.cancel();
        assert!(!run.is_running());
        assert!(!run.poll());
        assert!(run.result.is_none());
    }

    #[test]
    fn several_runs_keep_run_0_as_the_report_and_add_their_spread() {
        let mut run = Run {
            customers: Some(400),
            runs: 5,
            ..Run::default()
        };
        run.start(&welcome(), 1, None, Job::Main, Box::new(|| {}));
        wait(&mut run);
        let result = run.result.as_ref().expect("a result");
        let options = crate::sim::SimOptions {
            customers: Some(400),
            seed: Some(welcome().scenario.seed),
            ..crate::sim::SimOptions::default()
        };
        let plain = crate::sim::simulate(&welcome(), &options).expect("simulates");
        assert_eq!(result.report, plain, "run 0 is the plain run");
        assert_eq!(result.replications.as_ref().map(|r| r.count), Some(5));
    }

    #[test]
    fn s7_preview_stop_simulates_a_stopped_copy_and_leaves_the_journey() {
        let j = welcome();
        let at = j.start.starts_at + chrono::Duration::days(5);
        let mut run = Run {
            customers: Some(800),
            ..Run::default()
        };
        run.start(
            &j,
            1,
            None,
            Job::PreviewStop { version: 0, at },
            Box::new(|| {}),
        );
        wait(&mut run);
        let StopPreview {
            version: v,
            at: when,
            result,
        } = run.preview.as_ref().expect("a preview");
        assert_eq!((*v, *when), (0, at));
        assert_eq!(result.journey.versions[0].stopped_at, Some(at));
        assert!(j.versions[0].stopped_at.is_none());
        assert!(result.report.outcomes.stopped > 0);
        assert!(run.result.is_none(), "a preview is not the main result");
    }

    #[test]
    fn a_run_of_another_file_is_forgotten_after_open_but_kept_after_save_as() {
        let mut run = Run {
            customers: Some(200),
            ..Run::default()
        };
        let a = Path::new("a.journey.ron");
        let doc = Document::from_file(welcome(), a.to_owned());
        run.start(
            doc.journey(),
            doc.revision(),
            Some(a),
            Job::Main,
            Box::new(|| {}),
        );
        wait(&mut run);
        let mut saved_as = doc.clone();
        saved_as.mark_saved("b.journey.ron".into());
        run.follow_document(&saved_as);
        assert!(run.result.is_some(), "Save As keeps the run");
        let mut other = welcome();
        other.name = "Another journey".to_owned();
        run.follow_document(&Document::from_file(other, "c.journey.ron".into()));
        assert!(run.result.is_none(), "Open forgets it");
    }

    #[test]
    fn auto_rerun_waits_for_the_edits_to_settle() {
        let mut run = Run {
            customers: Some(200),
            auto_rerun: true,
            ..Run::default()
        };
        run.start(&welcome(), 1, None, Job::Main, Box::new(|| {}));
        wait(&mut run);
        let t0 = Clock::now();
        assert!(!run.due(1, t0), "fresh result: nothing to do");
        assert!(!run.due(2, t0), "an edit starts the clock");
        assert!(!run.due(3, t0 + DEBOUNCE), "another edit restarts it");
        assert!(!run.due(3, t0 + DEBOUNCE + Duration::from_millis(100)));
        assert!(run.due(3, t0 + DEBOUNCE * 2 + Duration::from_millis(1)));
        run.auto_rerun = false;
        assert!(!run.due(3, t0 + DEBOUNCE * 5));
    }
}
