//! Comparing this journey with another design in the window (S25): the
//! comparison runs on a [`Task`] with progress and Cancel, on this journey's
//! scenario with the runner's customers, random seed and Runs choice. A
//! cancelled comparison never replaces the shown one; a refused one is said
//! once in the status bar. While one is shown the canvas and the analytics
//! show it instead of the run, until the user goes back to the run.
//!
//! `sides` builds A and B; `frame` is the window's part (menu choices,
//! intents, polling).

mod frame;
pub mod sides;

use crate::app::background::{Panicked, Signals, Task};
use crate::sim::{self, CompareError, Compared, ScenarioOf, SimError};
pub use sides::{Sides, SidesError, Source, sides, version_label};

/// What the comparison's thread hands back.
type Outcome = Result<Compared, CompareError>;

/// The document a comparison belongs to and the run size it used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Made {
    /// The document's identity.
    pub document: u64,
    /// Its revision when the comparison started.
    pub revision: u64,
    /// Customers per run.
    pub customers: u64,
    /// The version of B's results the canvas shows (from 1).
    pub canvas_version: u32,
}

/// A finished comparison, shown on the canvas and in the analytics.
#[derive(Clone, Debug)]
pub struct Shown {
    /// The comparison.
    pub compared: Compared,
    /// Where it came from.
    pub made: Made,
}

#[derive(Debug)]
struct InFlight {
    task: Task<Outcome>,
    made: Made,
    runs: u32,
}

/// The window's comparison state; never saved.
#[derive(Debug, Default)]
pub struct Comparison {
    /// The comparison shown, if any.
    pub shown: Option<Shown>,
    in_flight: Option<InFlight>,
}

/// What polling found.
#[derive(Debug)]
pub enum Polled {
    /// Nothing new.
    Nothing,
    /// A comparison arrived and is shown.
    Done,
    /// The comparison could not be made: why, in words.
    Refused(String),
}

impl Comparison {
    /// Starts comparing `sides` (`runs` runs of `customers`, first random
    /// seed `seed`), cancelling any comparison in flight.
    pub fn start(
        &mut self,
        sides: Sides,
        made: Made,
        (seed, runs): (u64, u32),
        notify: Box<dyn Fn() + Send>,
    ) -> std::io::Result<()> {
        self.cancel();
        let runs = runs.max(1);
        let total = made.customers.saturating_mul(2 * u64::from(runs));
        let customers = made.customers;
        let task = Task::spawn("comparison", total, notify, move |signals: &Signals| {
            let options = signals.options(customers, seed);
            sim::compare(&sides.a, &sides.b, &options, runs, ScenarioOf::B)
        })?;
        self.in_flight = Some(InFlight { task, made, runs });
        Ok(())
    }

    /// Cancels the comparison in flight (joining its thread); the shown one stays.
    pub fn cancel(&mut self) {
        if let Some(f) = self.in_flight.take() {
            f.task.cancel();
        }
    }

    /// True while a comparison is in flight.
    pub fn is_running(&self) -> bool {
        self.in_flight.is_some()
    }

    /// How far the comparison in flight is: done (0..=1), runs, customers, seconds.
    pub fn progress(&self) -> Option<crate::ui::runner::Comparing> {
        let f = self.in_flight.as_ref()?;
        let fraction = f.task.progress();
        let runs = if f.runs == 1 {
            "1 run".to_owned()
        } else {
            format!("{} runs", f.runs)
        };
        Some(crate::ui::runner::Comparing {
            fraction,
            text: format!(
                "Comparing: {runs} of {} on each side… {:.0}%",
                crate::ui::style::count(f.made.customers),
                fraction * 100.0
            ),
            seconds: f.task.elapsed().as_secs_f32(),
        })
    }

    /// Takes in a finished comparison. A cancelled one changes nothing.
    pub fn poll(&mut self) -> Polled {
        let Some(f) = self.in_flight.as_mut() else {
            return Polled::Nothing;
        };
        let Some(joined) = f.task.try_finish() else {
            return Polled::Nothing;
        };
        let made = f.made;
        self.in_flight = None;
        match joined {
            Ok(Ok(compared)) => {
                self.shown = Some(Shown { compared, made });
                Polled::Done
            }
            Ok(Err(e)) if matches!(e.sim_error(), SimError::Cancelled) => Polled::Nothing,
            Ok(Err(e)) => Polled::Refused(refusal(&e)),
            Err(Panicked(message)) => Polled::Refused(format!(
                "The comparison stopped on an internal error ({message}). Your journey is unchanged; please report this."
            )),
        }
    }

    /// Forgets a comparison of another document (after Open or New).
    pub fn follow_document(&mut self, document: u64) {
        if self
            .shown
            .as_ref()
            .is_some_and(|s| s.made.document != document)
        {
            self.shown = None;
        }
        if self
            .in_flight
            .as_ref()
            .is_some_and(|f| f.made.document != document)
        {
            self.cancel();
        }
    }
}

/// Why a side was refused, in plain words.
fn refusal(e: &CompareError) -> String {
    let CompareError::Side { side, error } = e;
    let which = if *side == "A" {
        "the other design"
    } else {
        "this journey"
    };
    let why = match error {
        SimError::Invalid(problems) => problems
            .iter()
            .map(|p| p.message.clone())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    format!("Could not compare: {which} cannot be simulated with this journey's scenario: {why}")
}
