//! A run's counts at the playhead, as plain data the canvas is given: per
//! step how many customers are in it now, reached it so far and left it by
//! reason; per connection how many passed along it. The runner builds it
//! from a report (`ui::runner::overlay`); `counts.rs` draws it.

use std::collections::HashMap;

use crate::model::StepId;
use crate::ui::style::count;

/// One step's tile analytics at the playhead.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TileAt {
    /// At the step now.
    pub now: u64,
    /// Visits so far (inflow).
    pub reached: u64,
    /// Left for the next step or the end so far (processed).
    pub completed: u64,
    /// Suppressed here so far.
    pub suppressed: u64,
    /// Exit-triggered here so far.
    pub exit_trigger: u64,
    /// Stopped here so far.
    pub stopped: u64,
    /// Completed the journey from this step so far (passes to the end).
    pub finished: u64,
    /// Conversions so far of customers who passed here (see `StepSeries::converted`).
    pub conversions: u64,
}

/// What the canvas draws for a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    /// Per step of the shown version.
    pub steps: HashMap<StepId, TileAt>,
    /// Passes so far per (step, output).
    pub passes: HashMap<(StepId, usize), u64>,
    /// The largest of `passes` (for thickness).
    pub max_passes: u64,
    /// True when the run is older than the design (drawn faded).
    pub stale: bool,
    /// Conversions so far (whole journey).
    pub conversions: u64,
    /// A previewed stop: per step, the customers it would cut off there.
    pub cut_off: HashMap<StepId, u64>,
}

impl Overlay {
    /// The customers who passed along output `output` of step `id` so far.
    pub fn passes_of(&self, id: StepId, output: usize) -> u64 {
        self.passes.get(&(id, output)).copied().unwrap_or(0)
    }

    /// The full tile analytics of a step, for its hover text.
    pub fn tooltip(&self, id: StepId) -> Option<String> {
        let t = self.steps.get(&id)?;
        let cut = self
            .cut_off
            .get(&id)
            .map(|n| format!("\n  the previewed stop would cut off {} here", count(*n)))
            .unwrap_or_default();
        let stale = if self.stale {
            "\n(run is out of date: the design changed since)"
        } else {
            ""
        };
        Some(format!(
            "At the playhead:\n  in it now: {}\n  reached so far (inflow): {}\n  processed (moved on): {}\n  completed the journey here: {}\n  exits: suppressed {}, exit trigger {}, stopped {}\n  conversions (customers who passed here) so far: {}\n  journey conversions so far: {}{cut}{stale}",
            count(t.now),
            count(t.reached),
            count(t.completed),
            count(t.finished),
            count(t.suppressed),
            count(t.exit_trigger),
            count(t.stopped),
            count(t.conversions),
            count(self.conversions),
        ))
    }
}
