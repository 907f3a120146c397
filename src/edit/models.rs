//! The models "Model it" adds for a name the scenario does not model yet,
//! one documented default per kind of use (assets/docs/format.md, "Models
//! in one click"). No egui here: the inspector shows and edits them.

use crate::model::{Scenario, SegmentModel, Span, TriggerModel};

/// How a name is used, which decides the model it starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelUse {
    /// An exit trigger (e.g. unsubscribed): a low daily rate.
    ExitTrigger,
    /// The goal trigger (e.g. purchased): a purchase rate lifted by clicks.
    GoalTrigger,
    /// A trigger an if/then step waits for: a modest daily rate lifted by clicks.
    EventTrigger,
    /// A suppression segment: nobody at the start, a few join each day.
    SuppressionSegment,
    /// A segment an if/then step waits for customers to join: some at the
    /// start, more join each day.
    JoinedSegment,
    /// Any other segment (exclusion, branch rule, condition): a share at the start.
    Segment,
}

impl ModelUse {
    /// True when the name is a trigger (else a segment).
    pub fn is_trigger(self) -> bool {
        matches!(
            self,
            ModelUse::ExitTrigger | ModelUse::GoalTrigger | ModelUse::EventTrigger
        )
    }
}

/// The trigger model a name used so starts with (never 0 a day).
pub fn default_trigger(usage: ModelUse) -> TriggerModel {
    let (per_day, click_lift, lift_for) = match usage {
        ModelUse::ExitTrigger => (0.002, 1.0, Span::Days(1)),
        ModelUse::GoalTrigger => (0.01, 5.0, Span::Days(2)),
        _ => (0.05, 2.0, Span::Days(1)),
    };
    TriggerModel {
        per_day,
        click_lift,
        lift_for,
    }
}

/// The segment model a name used so starts with.
pub fn default_segment(usage: ModelUse) -> SegmentModel {
    let (share, joins_per_day) = match usage {
        ModelUse::SuppressionSegment => (0.0, 0.002),
        ModelUse::JoinedSegment => (0.05, 0.02),
        _ => (0.2, 0.0),
    };
    SegmentModel {
        share,
        when: None,
        joins_per_day,
    }
}

/// `scenario` with a model of `name` used as `usage` added (unchanged if it
/// has one already, or the name is blank).
pub fn with_model(scenario: &Scenario, name: &str, usage: ModelUse) -> Scenario {
    let mut out = scenario.clone();
    if name.trim().is_empty() {
        return out;
    }
    if usage.is_trigger() {
        (out.triggers.entry(name.to_owned())).or_insert_with(|| default_trigger(usage));
    } else {
        (out.segments.entry(name.to_owned())).or_insert_with(|| default_segment(usage));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 11: a new trigger never starts at 0 a day.
    #[test]
    fn model_it_triggers_never_start_at_zero_per_day() {
        for usage in [
            ModelUse::ExitTrigger,
            ModelUse::GoalTrigger,
            ModelUse::EventTrigger,
        ] {
            let s = with_model(&Scenario::default(), "purchased", usage);
            assert!(s.triggers["purchased"].per_day > 0.0, "{usage:?}");
        }
        let goal = default_trigger(ModelUse::GoalTrigger);
        assert!(goal.click_lift > 1.0);
    }

    /// Issue 11: a segment starts with a share, a suppression with a daily rate.
    #[test]
    fn model_it_segments_have_a_share_or_a_rate() {
        assert!(default_segment(ModelUse::Segment).share > 0.0);
        assert!(default_segment(ModelUse::SuppressionSegment).joins_per_day > 0.0);
        let s = with_model(&Scenario::default(), "vip", ModelUse::Segment);
        let again = with_model(&s, "vip", ModelUse::SuppressionSegment);
        assert_eq!(
            again.segments["vip"], s.segments["vip"],
            "an existing model is kept"
        );
        assert_eq!(with_model(&s, " ", ModelUse::Segment), s);
    }
}
