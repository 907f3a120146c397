//! Builds the canvas's run overlay from a report, once per frame: the
//! counts at the playhead of the shown version, and who a previewed stop
//! would cut off. The canvas draws it (`ui::canvas::counts`).

use std::collections::HashMap;

use crate::model::StepId;
use crate::sim::Report;
use crate::ui::canvas::overlay::{Overlay, TileAt};

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::style::count;

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
