//! Builds the canvas's run overlay from a report, once per frame: the
//! counts at the playhead of the shown version, and who a previewed stop
//! would cut off. The canvas draws it (`ui::canvas::counts`).

use std::collections::HashMap;

use crate::model::StepId;
use crate::sim::Report;
use crate::ui::canvas::overlay::{EntryCounts, MessageTotals, Overlay, TileAt};

impl Overlay {
    /// The overlay of version `version` (1-based, as in the report) at timeline row `row`.
    pub fn at(report: &Report, version: u32, row: usize, stale: bool) -> Overlay {
        let mut steps = HashMap::new();
        // The per-step series may have coarser rows than the timeline (long journeys).
        let series_row = report.occupancy.row_of_hour(row);
        let pick_at = |v: &[u64], k: usize| v.get(k).or(v.last()).copied().unwrap_or(0);
        let pick = |v: &[u64]| pick_at(v, series_row);
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
        let (shares, output_shares) = shares(report, version, &steps, &passes);
        Overlay {
            max_passes: passes.values().copied().max().unwrap_or(0),
            steps,
            passes,
            stale,
            conversions: pick_at(&report.occupancy.conversions, row),
            cut_off: HashMap::new(),
            shares,
            output_shares,
            entry: Some(entry_counts(report)),
            messages: message_totals(report, version),
            at_end: row + 1 >= report.timeline.len(),
            compared: None,
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

/// Per-step shares of the previous steps, per-output shares of a step's leavers.
type Shares = (HashMap<StepId, f64>, HashMap<(StepId, usize), f64>);

/// Each step's reached as a share of what the steps leading to it reached
/// (of the entered, for a step nothing leads to), and each output's share
/// of its step's leavers (on steps with several outputs).
fn shares(
    report: &Report,
    version: u32,
    steps: &HashMap<StepId, TileAt>,
    passes: &HashMap<(StepId, usize), u64>,
) -> Shares {
    let mut sources: HashMap<StepId, Vec<StepId>> = HashMap::new();
    let mut outputs: HashMap<StepId, u64> = HashMap::new();
    for c in report
        .occupancy
        .connections
        .iter()
        .filter(|c| c.version == version)
    {
        if let Some(t) = c.target {
            let list = sources.entry(t).or_default();
            if !list.contains(&c.step) {
                list.push(c.step);
            }
        }
        *outputs.entry(c.step).or_default() +=
            passes.get(&(c.step, c.output)).copied().unwrap_or(0);
    }
    let mut per_step = HashMap::new();
    for (id, tile) in steps {
        let base = match sources.get(id) {
            Some(from) => from
                .iter()
                .filter_map(|p| steps.get(p))
                .map(|t| t.reached)
                .sum(),
            None => report
                .versions
                .iter()
                .find(|v| v.version == version)
                .map_or(report.arrivals.entered, |v| v.entered),
        };
        if base > 0 && tile.reached > 0 {
            per_step.insert(*id, tile.reached as f64 / base as f64);
        }
    }
    let mut per_output = HashMap::new();
    let several: Vec<StepId> = report
        .occupancy
        .connections
        .iter()
        .filter(|c| c.version == version && c.output > 0)
        .map(|c| c.step)
        .collect();
    for ((id, o), n) in passes {
        let total = outputs.get(id).copied().unwrap_or(0);
        if several.contains(id) && total > 0 {
            per_output.insert((*id, *o), *n as f64 / total as f64);
        }
    }
    (per_step, per_output)
}

/// The Start card's counts: the report's arrivals, and the exits that
/// happened before any step (the outcomes less what the steps counted).
fn entry_counts(report: &Report) -> EntryCounts {
    let a = &report.arrivals;
    let suppressed: u64 = report.outcomes.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = report.outcomes.exit_trigger.iter().map(|(_, n)| n).sum();
    let at_steps = |f: fn(&crate::sim::Exited) -> u64| -> u64 {
        report.steps.iter().map(|s| f(&s.exited)).sum()
    };
    EntryCounts {
        arrived: a.arrived,
        entered: a.entered,
        excluded: a.excluded,
        not_reentered: a.not_reentered,
        after_end_date: a.after_end_date,
        after_stop: a.after_stop,
        suppressed_at_entry: suppressed.saturating_sub(at_steps(|e| e.suppressed)),
        exit_trigger_at_entry: exit_trigger.saturating_sub(at_steps(|e| e.exit_trigger)),
        held_out: report.outcomes.held_out,
    }
}

/// The whole run's message counts of each step of `version` that sent, held,
/// skipped or capped any.
fn message_totals(report: &Report, version: u32) -> HashMap<StepId, MessageTotals> {
    report
        .steps
        .iter()
        .filter(|s| s.version == version)
        .map(|s| {
            let m = &s.messages;
            let totals = MessageTotals {
                sent: m.sent,
                held: m.held,
                skipped: m.skipped,
                capped: m.capped,
            };
            (s.id, totals)
        })
        .filter(|(_, totals)| *totals != MessageTotals::default())
        .collect()
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

    #[test]
    fn s18_s19_message_cards_show_sent_held_skipped_and_capped_in_words() {
        use crate::model::{FrequencyCap, LocalTime, QuietAction, QuietHours, Span};
        let mut journey = crate::app::sample::sample_journey();
        journey.delivery.quiet_hours.push(QuietHours {
            channels: Vec::new(),
            from: LocalTime::clamped(21, 0),
            to: LocalTime::clamped(8, 0),
            then: QuietAction::Hold,
        });
        journey.delivery.frequency_caps.push(FrequencyCap {
            channels: Vec::new(),
            max: 1,
            per: Span::Days(30),
        });
        let options = crate::sim::SimOptions {
            customers: Some(2_000),
            ..Default::default()
        };
        let r = crate::sim::simulate(&journey, &options).expect("simulates");
        let o = Overlay::at(&r, 1, 0, false);
        let mut sum = MessageTotals::default();
        for t in o.messages.values() {
            sum.sent += t.sent;
            sum.held += t.held;
            sum.capped += t.capped;
            sum.skipped += t.skipped;
        }
        let step = |f: fn(&crate::sim::MessageCounts) -> u64| -> u64 {
            r.steps.iter().map(|s| f(&s.messages)).sum()
        };
        assert_eq!(sum.sent, step(|m| m.sent));
        assert_eq!(sum.held, step(|m| m.held));
        assert_eq!(sum.capped, step(|m| m.capped));
        assert!(sum.held > 0 && sum.capped > 0, "{sum:?}");
        let capped = o
            .messages
            .values()
            .find(|t| t.capped > 0)
            .expect("a capped step");
        let words = capped.words().expect("words");
        assert!(
            words.contains(&format!("{} capped", count(capped.capped))),
            "{words}"
        );
        assert!(
            !words.contains("skipped"),
            "zero counts are left out: {words}"
        );
        assert!(capped.explained().contains("over a frequency cap"));
        assert_eq!(MessageTotals::default().words(), None);
    }
}
