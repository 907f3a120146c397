//! The journey's problems, validated once per document revision: the canvas,
//! the inspector and the problems list all read the same list instead of
//! validating the journey again each frame.

use crate::edit::Document;
use crate::model::{Problem, validate};

/// Which document revision a list of problems belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Revision {
    /// `Document::id`: revision 3 of one file is not revision 3 of another.
    document: u64,
    /// `Document::revision`.
    revision: u64,
}

impl Revision {
    /// The revision `doc` is at.
    pub(crate) fn of(doc: &Document) -> Revision {
        Revision {
            document: doc.id(),
            revision: doc.revision(),
        }
    }
}

/// A cache of `model::validate` keyed by the document revision.
#[derive(Debug, Default)]
pub struct Validation {
    /// The revision `problems` was computed for; `None` before the first time.
    checked: Option<Revision>,
    problems: Vec<Problem>,
    /// How many times the journey was validated (for tests).
    runs: u64,
}

impl Validation {
    /// The problems of `doc` as it is now: validated when the document or
    /// its revision changed since the last call, else the list kept.
    pub fn problems(&mut self, doc: &Document) -> &[Problem] {
        let now = Revision::of(doc);
        if self.checked != Some(now) {
            self.problems = validate(doc.journey());
            self.checked = Some(now);
            self.runs += 1;
        }
        &self.problems
    }

    /// How many times the journey has been validated so far.
    pub fn runs(&self) -> u64 {
        self.runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Command;

    fn broken() -> Document {
        let mut journey = crate::app::sample::sample_journey();
        journey.scenario.customers = crate::model::MAX_CUSTOMERS + 1;
        Document::new(journey)
    }

    #[test]
    fn validation_runs_once_per_revision_and_again_after_an_edit() {
        let mut doc = broken();
        let mut cache = Validation::default();
        let first = cache.problems(&doc).to_vec();
        assert_eq!(first, validate(doc.journey()));
        cache.problems(&doc);
        assert_eq!(cache.runs(), 1, "the same revision is not validated twice");

        let mut scenario = doc.journey().scenario.clone();
        scenario.customers = 100;
        doc.apply(Command::SetScenario(scenario)).expect("applies");
        assert_eq!(cache.problems(&doc), validate(doc.journey()).as_slice());
        assert_eq!(cache.runs(), 2);
        assert_ne!(cache.problems(&doc), first.as_slice());
    }

    #[test]
    fn another_document_at_the_same_revision_is_validated_again() {
        let mut cache = Validation::default();
        let broken = broken();
        let fine = Document::new(crate::app::sample::sample_journey());
        assert_eq!(broken.revision(), fine.revision());
        assert!(!cache.problems(&broken).is_empty());
        assert!(cache.problems(&fine).is_empty());
        assert_eq!(cache.runs(), 2);
    }
}
