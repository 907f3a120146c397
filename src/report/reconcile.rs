//! "Where did everyone go": the report's arrivals and entries broken down
//! by what became of them, as rows a marketer can add up (S10). Computed
//! from the same report as the canvas's counts; the window's analytics and
//! the HTML report both show it.

use crate::sim::Report;

/// One row of the reconciliation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// What the row counts, in the marketer's words.
    pub label: String,
    /// How many customers (or entries).
    pub value: u64,
    /// 0 for a total, 1 for a part of the total above it.
    pub depth: u8,
}

/// The two sums and their parts: arrivals, then entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reconciliation {
    /// "Arrived" and its parts (who entered and who was refused, by reason).
    pub arrivals: Vec<Row>,
    /// "Entered" and its parts (how every entry ended, by reason).
    pub entries: Vec<Row>,
}

fn row(label: impl Into<String>, value: u64, depth: u8) -> Row {
    Row {
        label: label.into(),
        value,
        depth,
    }
}

/// Builds the reconciliation of a report. Exits are split into those at
/// entry (before any step: suppressed or exit-triggered on arrival) and
/// those at a step, so the step table's exits appear as they are.
pub fn reconcile(report: &Report) -> Reconciliation {
    let a = &report.arrivals;
    let o = &report.outcomes;
    let arrivals = vec![
        row("Arrived", a.arrived, 0),
        row("Entered the journey", a.entered, 1),
        row("Excluded at start", a.excluded, 1),
        row(
            "Not let in again (already entered or still inside)",
            a.not_reentered,
            1,
        ),
        row("Arrived after the end date", a.after_end_date, 1),
        row("Arrived after the stop", a.after_stop, 1),
    ];
    let at_steps = |pick: fn(&crate::sim::Exited) -> u64| -> u64 {
        report.steps.iter().map(|s| pick(&s.exited)).sum()
    };
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    let suppressed_steps = at_steps(|e| e.suppressed);
    let exit_steps = at_steps(|e| e.exit_trigger);
    let mut entries = vec![
        row("Entered", a.entered, 0),
        row("Finished the journey", o.completed, 1),
    ];
    if o.held_out > 0 {
        entries.push(row(
            "Held out (no messages, to measure lift)",
            o.held_out,
            1,
        ));
    }
    entries.push(row(
        "Left because of a suppression segment, at a step",
        suppressed_steps.min(suppressed),
        1,
    ));
    entries.push(row(
        "Left because of a suppression segment, at entry",
        suppressed.saturating_sub(suppressed_steps),
        1,
    ));
    entries.push(row(
        "Left because of an exit trigger, at a step",
        exit_steps.min(exit_trigger),
        1,
    ));
    entries.push(row(
        "Left because of an exit trigger, at entry",
        exit_trigger.saturating_sub(exit_steps),
        1,
    ));
    entries.push(row("Left because the version was stopped", o.stopped, 1));
    entries.push(row(
        "Still in the journey at the end of the run",
        o.in_progress,
        1,
    ));
    Reconciliation { arrivals, entries }
}

impl Reconciliation {
    /// True when each total equals the sum of its parts.
    pub fn adds_up(&self) -> bool {
        let ok = |rows: &[Row]| {
            let parts: u64 = rows.iter().filter(|r| r.depth == 1).map(|r| r.value).sum();
            rows.first().is_some_and(|t| t.value == parts)
        };
        ok(&self.arrivals) && ok(&self.entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s10_the_reconciliation_adds_up_for_every_template() {
        for t in crate::templates::TEMPLATES {
            let j = t.journey().expect("loads");
            let options = crate::sim::SimOptions {
                customers: Some(2000),
                ..Default::default()
            };
            let r = crate::sim::simulate(&j, &options).expect("simulates");
            let rec = reconcile(&r);
            assert!(rec.adds_up(), "{}: {rec:?}", t.title);
            assert_eq!(rec.entries[0].value, rec.arrivals[1].value);
        }
    }
}
