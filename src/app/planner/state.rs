//! The plan the app owns: the computation in flight (a [`Task`]), the
//! latest plan with the step and revision it is of, and why the last
//! computation gave none. A cancelled computation changes nothing: the plan
//! shown stays.

use crate::app::background::{Panicked, Signals, Task};
use crate::edit::Document;
use crate::model::{Journey, StepId};
use crate::sim::{self, AbPlan, PlanRequest, SimError};
use crate::ui::inspector::PlannerView;

/// The power the window plans for: a winner in 8 runs of 10.
pub const TARGET_POWER: f64 = 0.8;

/// Runs per customer count (the command line's default too).
pub const REPLICATIONS: u32 = 200;

/// A computed plan and what it was computed from.
#[derive(Clone, Debug)]
pub struct PlanShown {
    /// The answer.
    pub plan: AbPlan,
    /// The version (0-based) and the A/B step planned.
    pub version: usize,
    /// The A/B step planned.
    pub step: StepId,
    /// The document revision it was made from.
    pub revision: u64,
    /// The document it was made from ([`Document::id`]).
    pub document: u64,
    /// Runs per customer count.
    pub replications: u32,
}

/// Why there is no new plan, in plain words.
#[derive(Debug, thiserror::Error)]
pub enum PlannerError {
    /// Without a goal no variant can win.
    #[error("The planner needs a goal: without one no variant can win. Set one in the Goal tab.")]
    NoGoal,
    /// The run has no such A/B test (its version gets no customers).
    #[error("This A/B test gets no customers in the simulation, so there is nothing to plan.")]
    NotSimulated,
    /// The thread could not be started.
    #[error("Could not start the planner: {0}")]
    Spawn(#[source] std::io::Error),
    /// The simulator refused the journey.
    #[error("Could not plan this test: {0}")]
    Simulation(#[from] SimError),
    /// The computation stopped on an internal error (a panic, with its message).
    #[error(
        "The planner stopped on an internal error ({0}). Your journey is unchanged; please report this."
    )]
    Panicked(String),
}

/// What the computation in flight is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Of {
    version: usize,
    step: StepId,
    revision: u64,
    document: u64,
}

/// The computation in flight.
#[derive(Debug)]
struct InFlight {
    task: Task<Result<Option<AbPlan>, SimError>>,
    of: Of,
}

/// The planner state of the window.
#[derive(Debug)]
pub struct Planner {
    /// Runs per customer count (tests make it small).
    pub replications: u32,
    /// The latest complete plan.
    pub shown: Option<PlanShown>,
    /// Frames left to scroll the form to the answer (a plan just arrived;
    /// two, so that the frame after the scroll is drawn too).
    pub reveal: u8,
    /// Plan this step of the version shown on the next frame (screenshots).
    pub start_on_next_frame: Option<StepId>,
    /// Why the last computation gave no plan, and for which step.
    message: Option<(StepId, PlannerError)>,
    in_flight: Option<InFlight>,
}

impl Default for Planner {
    fn default() -> Self {
        Planner {
            replications: REPLICATIONS,
            shown: None,
            start_on_next_frame: None,
            reveal: 0,
            message: None,
            in_flight: None,
        }
    }
}

/// What one computation is of.
#[derive(Clone, Copy, Debug)]
pub struct PlanAsk<'a> {
    /// The journey as it is now.
    pub journey: &'a Journey,
    /// Its document revision.
    pub revision: u64,
    /// Its document ([`Document::id`]).
    pub document: u64,
    /// The version shown (0-based).
    pub version: usize,
    /// The A/B step to plan.
    pub step: StepId,
    /// Customers per run (the next run's).
    pub customers: u64,
    /// The first random seed (run `r` uses seed + r).
    pub seed: u64,
}

impl Planner {
    /// Starts planning `ask`, cancelling any computation in flight. `notify`
    /// is called on the thread when it ends.
    pub fn start(&mut self, ask: PlanAsk<'_>, notify: Box<dyn Fn() + Send>) {
        self.cancel();
        self.message = None;
        if ask.journey.goal.is_none() {
            self.message = Some((ask.step, PlannerError::NoGoal));
            return;
        }
        let journey = ask.journey.clone();
        let request = PlanRequest {
            power: TARGET_POWER,
            replications: self.replications.max(1),
            exact: false,
        };
        let (customers, seed, step) = (ask.customers, ask.seed, ask.step);
        let version = u32::try_from(ask.version + 1).unwrap_or(u32::MAX);
        let work = move |signals: &Signals| {
            let options = signals.options(customers, seed);
            sim::plan_step(&journey, &options, &request, version, step, &|_| {})
        };
        match Task::spawn("planner", 0, notify, work) {
            Ok(task) => {
                let of = Of {
                    version: ask.version,
                    step,
                    revision: ask.revision,
                    document: ask.document,
                };
                self.in_flight = Some(InFlight { task, of });
            }
            Err(e) => self.message = Some((step, PlannerError::Spawn(e))),
        }
    }

    /// Cancels the computation in flight (joining its thread); the plan stays.
    pub fn cancel(&mut self) {
        if let Some(f) = self.in_flight.take() {
            f.task.cancel();
        }
    }

    /// True while a computation is in flight.
    pub fn is_running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Takes in a finished computation. Returns true when a new plan
    /// arrived; a cancelled one changes nothing, a failed one leaves its
    /// reason to be shown.
    pub fn poll(&mut self) -> bool {
        let Some(f) = self.in_flight.as_mut() else {
            return false;
        };
        let Some(joined) = f.task.try_finish() else {
            return false;
        };
        let Some(InFlight { of, .. }) = self.in_flight.take() else {
            return false;
        };
        let failed = |e| Some((of.step, e));
        match joined {
            Ok(Ok(Some(plan))) => {
                self.shown = Some(PlanShown {
                    plan,
                    version: of.version,
                    step: of.step,
                    revision: of.revision,
                    document: of.document,
                    replications: self.replications.max(1),
                });
                self.reveal = 2;
                return true;
            }
            Ok(Ok(None)) => self.message = failed(PlannerError::NotSimulated),
            Ok(Err(SimError::Cancelled)) => {}
            Ok(Err(e)) => self.message = failed(e.into()),
            Err(Panicked(message)) => self.message = failed(PlannerError::Panicked(message)),
        }
        false
    }

    /// Customers simulated so far by the computation in flight.
    fn simulated(&self) -> Option<u64> {
        (self.in_flight.as_ref()).map(|f| f.task.done())
    }

    /// What the A/B form of `step` (version `version`, 0-based) shows, for
    /// `doc` as it is now; `customers` is what the next run simulates.
    pub fn view(
        &self,
        doc: &Document,
        version: usize,
        step: StepId,
        customers: u64,
    ) -> PlannerView<'_> {
        let mine = |v: usize, s: StepId, d: u64| v == version && s == step && d == doc.id();
        let shown = (self.shown.as_ref()).filter(|s| mine(s.version, s.step, s.document));
        let running =
            (self.in_flight.as_ref()).is_some_and(|f| mine(f.of.version, f.of.step, f.of.document));
        PlannerView {
            customers,
            target: TARGET_POWER,
            plan: shown.map(|s| &s.plan),
            replications: shown.map_or(self.replications, |s| s.replications),
            stale: shown.is_some_and(|s| s.revision != doc.revision()),
            reveal: self.reveal > 0 && shown.is_some(),
            running: running.then(|| self.simulated().unwrap_or(0)),
            message: (self.message.as_ref())
                .filter(|(s, _)| *s == step)
                .map(|(_, e)| e.to_string()),
        }
    }
}
