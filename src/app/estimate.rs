//! The word before a long run: `sim::estimate` for the document and the runner's
//! customers, computed once per document revision and customer count (like
//! [`super::validation`]), so no frame compiles the journey again.

use super::validation::Revision;
use crate::edit::Document;
use crate::sim::{Estimate, SimOptions, estimate};

/// What the runner bar says before a long run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Next to Run: "May take about 9 s: fewer customers make it shorter".
    pub short: String,
    /// On hover: the same with the expected entries and events per entry.
    pub full: String,
}

/// A cache of the long-run warning keyed by the document revision and the customers.
#[derive(Debug, Default)]
pub struct LongRun {
    /// What `warning` was computed for; `None` before the first time.
    checked: Option<(Revision, u64)>,
    warning: Option<Warning>,
    /// How many times the run was estimated (for tests).
    runs: u64,
}

impl LongRun {
    /// The warning for a run of `doc` with `customers`, when it may take more than a few
    /// seconds: estimated again only when the document, its revision or `customers` changed.
    pub fn warning(&mut self, doc: &Document, customers: u64) -> Option<&Warning> {
        let now = (Revision::of(doc), customers);
        if self.checked != Some(now) {
            let options = SimOptions {
                customers: Some(customers),
                ..SimOptions::default()
            };
            self.warning = estimate(doc.journey(), &options)
                .filter(Estimate::is_long)
                .map(|e| Warning {
                    short: format!("May take {}: fewer customers make it shorter", e.duration()),
                    full: format!("{}: fewer customers make it shorter.", e.sentence()),
                });
            self.checked = Some(now);
            self.runs += 1;
        }
        self.warning.as_ref()
    }

    /// How many times a run has been estimated so far.
    pub fn runs(&self) -> u64 {
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reentry() -> Document {
        let text = include_str!("../../tests/bench/reentry-visited.journey.ron");
        Document::new(crate::store::parse_bytes(text.as_bytes()).expect("parses"))
    }

    #[test]
    fn a_long_run_is_estimated_once_per_revision_and_customer_count() {
        let doc = reentry();
        let mut cache = LongRun::default();
        let warning = cache.warning(&doc, 1_000).cloned();
        assert!(
            warning
                .as_ref()
                .is_some_and(|w| w.short.starts_with("May take about ")
                    && w.full.starts_with("This run may take about ")),
            "{warning:?}"
        );
        cache.warning(&doc, 1_000);
        assert_eq!(cache.runs(), 1, "the same revision is not estimated twice");
        assert!(cache.warning(&doc, 10).is_none(), "ten customers are quick");
        assert_eq!(cache.runs(), 2);
    }
}
