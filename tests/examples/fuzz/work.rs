//! How much work a simulation of a journey asks for, to tell a hang from a
//! journey that is valid but heavy by design.
//!
//! Validation allows a trigger once a minute and spans of ten years, and an
//! audience trigger makes every occurrence a new entry: 200 customers whose
//! audience trigger happens 1,440 times a day over 21 days are six million
//! entries. Such a run is long but legitimate, and the Cancel button stops
//! it. The estimate below is an upper bound of the events a run handles;
//! a case that outlives the time limit although its estimate is small is a
//! hang, one whose estimate is large is only slow.

use journey_designer::model::{Action, Audience, Journey};

/// An estimate that a run must finish well within the time limit below
/// (measured: such runs take milliseconds).
pub const SMALL: f64 = 1e6;

/// An upper estimate of the events a simulation of `journey` with
/// `customers` customers handles: entries (arrivals and, for an audience
/// trigger, its occurrences) times the events of one entry (steps, loops
/// through the shortest wait, trigger occurrences), times the passes (one
/// more per A/B test that decides).
pub fn expected_events(journey: &Journey, customers: u64) -> f64 {
    let s = &journey.scenario;
    let seconds = s.horizon.seconds() as f64;
    let days = seconds / 86_400.0;
    let peak = |m: &journey_designer::model::TriggerModel| m.per_day * m.click_lift.max(1.0);
    let audience = match &journey.start.audience {
        Audience::Trigger(t) => s.triggers.get(t).map_or(0.0, peak) * days,
        Audience::Segment(_) => 0.0,
    };
    let triggers: f64 = s.triggers.values().map(|m| peak(m) * days).sum();
    let steps = journey.versions.iter().flat_map(|v| v.steps.values());
    let count = steps.clone().count() as f64;
    let shortest_wait = steps
        .clone()
        .filter_map(|st| match &st.action {
            Action::Wait { span, .. } if !span.is_zero() => Some(span.seconds()),
            _ => None,
        })
        .min();
    let loops = shortest_wait.map_or(0.0, |w| seconds / w as f64 * count);
    let passes = 1 + steps
        .filter(|st| {
            matches!(
                &st.action,
                Action::AbTest {
                    decide: Some(_),
                    ..
                }
            )
        })
        .count();
    customers as f64 * (1.0 + audience) * (count + loops + triggers) * passes as f64
}
