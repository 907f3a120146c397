//! The run on the canvas at the playhead, as plain data built from a report
//! once per frame: per step how many customers are in it now, reached it so
//! far and left it by reason; per connection how many passed along it.
//! [`super::paint`] draws it.

use std::collections::HashMap;

use crate::model::StepId;
use crate::sim::Report;

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
    /// The overlay of version `version` (1-based, as in the report) at timeline row `row`.
    pub fn at(report: &Report, version: u32, row: usize, stale: bool) -> Overlay {
        let mut steps = HashMap::new();
        let pick = |v: &[u64]| v.get(row).or(v.last()).copied().unwrap_or(0);
        let mut passes = HashMap::new();
        let mut finished: HashMap<StepId, u64> = HashMap::new();
        for c in report
            .occupancy
            .connections
            .iter()
            .filter(|c| c.version == version)
        {
            let n = pick(&c.passes);
            passes.insert((c.step, c.output), n);
            if c.target.is_none() {
                *finished.entry(c.step).or_default() += n;
            }
        }
        for s in report
            .occupancy
            .steps
            .iter()
            .filter(|s| s.version == version)
        {
            steps.insert(
                s.id,
                TileAt {
                    now: pick(&s.at_step),
                    reached: pick(&s.reached),
                    completed: pick(&s.completed),
                    suppressed: pick(&s.suppressed),
                    exit_trigger: pick(&s.exit_trigger),
                    stopped: pick(&s.stopped),
                    finished: finished.get(&s.id).copied().unwrap_or(0),
                    conversions: pick(&s.converted),
                },
            );
        }
        Overlay {
            max_passes: passes.values().copied().max().unwrap_or(0),
            steps,
            passes,
            stale,
            conversions: pick(&report.occupancy.conversions),
            cut_off: HashMap::new(),
        }
    }

    /// Adds a previewed stop's report: who it would cut off, at which steps.
    pub fn with_preview(mut self, preview: &Report, version: u32) -> Overlay {
        self.cut_off = preview
            .steps
            .iter()
            .filter(|s| s.version == version && s.exited.stopped > 0)
            .map(|s| (s.id, s.exited.stopped))
            .collect();
        self
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

/// A count with thousands separators: 12,345.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Colours of the exit reasons (also used by the plots).
pub mod colours {
    use egui::Color32;
    /// Completed the journey.
    pub const COMPLETED: Color32 = Color32::from_rgb(0x16, 0xa3, 0x4a);
    /// Suppressed by a segment.
    pub const SUPPRESSED: Color32 = Color32::from_rgb(0x93, 0x33, 0xea);
    /// Left on an exit trigger.
    pub const EXIT_TRIGGER: Color32 = Color32::from_rgb(0xd9, 0x77, 0x06);
    /// Stopped.
    pub const STOPPED: Color32 = Color32::from_rgb(0xdc, 0x26, 0x26);
    /// Customers in a step now / in progress.
    pub const NOW: Color32 = Color32::from_rgb(0x25, 0x63, 0xeb);
    /// Entries.
    pub const ENTERED: Color32 = Color32::from_rgb(0x0e, 0x74, 0x90);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn overlay_reads_the_occupancy_at_the_row() {
        let journey = crate::app::sample::sample_journey();
        let options = crate::sim::SimOptions {
            customers: Some(500),
            ..Default::default()
        };
        let r = crate::sim::simulate(&journey, &options).expect("simulates");
        let s = &r.occupancy.steps[0];
        let o = Overlay::at(&r, 1, 30, false);
        let t = &o.steps[&s.id];
        assert_eq!(t.now, s.at_step[30]);
        assert_eq!(t.reached, s.reached[30]);
        assert_eq!(t.conversions, s.converted[30]);
        let tip = o.tooltip(s.id).expect("a tile");
        assert!(tip.contains(&format!(
            "conversions (customers who passed here) so far: {}",
            count(s.converted[30])
        )));
        let last = r.timeline.len() - 1;
        let end = Overlay::at(&r, 1, last, false);
        let total_finished: u64 = end.steps.values().map(|t| t.finished).sum();
        assert_eq!(total_finished, r.outcomes.completed);
    }

    #[test]
    fn s7_a_previewed_stop_marks_who_it_would_cut_off_at_each_step() {
        let mut journey = crate::app::sample::sample_journey();
        journey.versions[0].stopped_at = Some(journey.start.starts_at + chrono::Duration::days(4));
        let options = crate::sim::SimOptions {
            customers: Some(500),
            ..Default::default()
        };
        let stopped = crate::sim::simulate(&journey, &options).expect("simulates");
        let o = Overlay::default().with_preview(&stopped, 1);
        let total: u64 = o.cut_off.values().sum();
        assert_eq!(total, stopped.outcomes.stopped);
        let (id, n) = o.cut_off.iter().next().expect("someone is cut off");
        assert!(o.tooltip(*id).is_none(), "no tile without the run itself");
        assert!(*n > 0);
    }
}
