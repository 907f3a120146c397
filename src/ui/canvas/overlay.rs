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
    /// Visits so far.
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
    /// Per step: its reached as a share (0..=1) of what the steps leading
    /// to it reached (of the customers who entered, for the first step).
    pub shares: HashMap<StepId, f64>,
    /// Per (step, output): the share of the step's leavers that took it.
    pub output_shares: HashMap<(StepId, usize), f64>,
    /// The whole run's arrivals and entry outcomes, for the Start card.
    pub entry: Option<EntryCounts>,
    /// Per message step, what happened to its messages over the whole run.
    pub messages: HashMap<StepId, MessageTotals>,
    /// True when the playhead is at the end of the run (the message counts,
    /// which are whole-run totals, then need no "whole run" note).
    pub at_end: bool,
    /// A comparison shown instead of the run's counts.
    pub compared: Option<ComparedCards>,
}

/// A comparison on the canvas: each card of the shown version says B − A of
/// its reached count; the Start box says what A and B are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComparedCards {
    /// Per step of the shown version.
    pub steps: HashMap<StepId, crate::ui::compare::CardDiff>,
    /// The Start box's lines: what is compared, and how many runs.
    pub legend: Vec<String>,
}

/// What happened to one step's messages over the whole run (S18–S20).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MessageTotals {
    /// Sent.
    pub sent: u64,
    /// Delayed by quiet hours (sent later, or never).
    pub held: u64,
    /// Dropped by quiet hours.
    pub skipped: u64,
    /// Dropped by a frequency cap.
    pub capped: u64,
}

impl MessageTotals {
    /// The non-zero counts in words, two to a line ("4,500 sent · 1,200 held");
    /// `None` when all are zero.
    pub fn words(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.sent, "sent"),
            (self.held, "held"),
            (self.skipped, "skipped"),
            (self.capped, "capped"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{} {what}", count(n)))
        .collect();
        let lines: Vec<String> = parts.chunks(2).map(|pair| pair.join(" · ")).collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// What each non-zero count means, one per line, for the hover text.
    pub fn explained(&self) -> String {
        [
            (self.sent, "sent"),
            (
                self.held,
                "held by quiet hours (sent when they ended, or never)",
            ),
            (self.skipped, "skipped: not sent, due in quiet hours"),
            (self.capped, "capped: not sent, over a frequency cap"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("  {} {what}", count(n)))
        .collect::<Vec<_>>()
        .join("\n")
    }
}

/// What the Start card shows after a run: every arrival and what became of
/// it at the door (S1, S2, S6, S7, S10), and who left before reaching a step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryCounts {
    /// Every arrival before the horizon.
    pub arrived: u64,
    /// Arrivals that entered.
    pub entered: u64,
    /// Refused: in an exclusion segment.
    pub excluded: u64,
    /// Refused: already entered (no re-entry) or still inside.
    pub not_reentered: u64,
    /// Refused: arrived at or after the end date.
    pub after_end_date: u64,
    /// Refused: the version was stopped.
    pub after_stop: u64,
    /// Entered, but left at once by a suppression segment (reached no step).
    pub suppressed_at_entry: u64,
    /// Entered, but left at once by an exit trigger (reached no step).
    pub exit_trigger_at_entry: u64,
    /// Entered, but held out to measure lift (reached no step, S23).
    pub held_out: u64,
}

impl EntryCounts {
    /// The Start card's lines, most important first; zero refusals are left out.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!("{} arrived", count(self.arrived)),
            format!("{} entered", count(self.entered)),
        ];
        for (n, what) in [
            (self.excluded, "excluded at start"),
            (self.not_reentered, "not let in again"),
            (self.after_end_date, "after the end date"),
            (self.after_stop, "after the stop"),
            (self.suppressed_at_entry, "left: suppressed at entry"),
            (self.exit_trigger_at_entry, "left: exit trigger at entry"),
            (self.held_out, "held out (no messages)"),
        ] {
            if n > 0 {
                out.push(format!("{} {what}", count(n)));
            }
        }
        out
    }
}

/// "44 %" (whole percent; "<1 %" for a small non-zero share), as in the HTML report.
pub use crate::report::text::share as share_text;

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
            "At the playhead:\n  in it now: {}\n  reached so far: {}\n  moved on (to the next step or the end): {}\n  finished the journey here: {}\n  left because: suppressed {}, exit trigger {}, stopped {}\n  conversions (customers who passed here) so far: {}\n  journey conversions so far: {}{cut}{stale}",
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
