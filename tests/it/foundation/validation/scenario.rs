//! Rules on the scenario: probabilities, rates, distributions, limits, names.

use journey_designer::model::{
    Action, Channel, ChannelModel, Dist, Event, MAX_CUSTOMERS, ProblemKind, Severity, Span, StepId,
    TriggerModel, validate,
};

use super::{action, line, only};
use crate::foundation::rule_test_journey;

#[test]
fn probability_outside_0_to_1_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario.channels.insert(
        Channel::Email,
        ChannelModel {
            opened: 1.5,
            ..ChannelModel::default_for(&Channel::Email)
        },
    );
    let p = only(&j, ProblemKind::Probability, Severity::Error);
    assert!(
        p.message.contains("channel Email opened is 1.5"),
        "{}",
        p.message
    );
    let mut j = rule_test_journey();
    j.scenario.segments.get_mut("staff").unwrap().share = -0.1;
    only(&j, ProblemKind::Probability, Severity::Error);
    let mut j = rule_test_journey();
    j.goal.as_mut().unwrap().target_percent = Some(120.0);
    only(&j, ProblemKind::Probability, Severity::Error);
}

#[test]
fn trigger_rate_above_the_maximum_is_an_error() {
    // 1,000 a day is allowed; times a click lift of 2 it is not.
    let mut j = rule_test_journey();
    j.scenario.triggers.insert(
        "purchased".into(),
        TriggerModel {
            per_day: 1_000.0,
            ..TriggerModel::default()
        },
    );
    assert!(
        validate(&j)
            .iter()
            .all(|p| p.kind != ProblemKind::RateTooHigh),
        "1,000 a day is within the maximum"
    );
    j.scenario.triggers.get_mut("purchased").unwrap().click_lift = 2.0;
    let p = only(&j, ProblemKind::RateTooHigh, Severity::Error);
    assert!(p.message.contains("trigger 'purchased'"), "{}", p.message);
    let mut j = rule_test_journey();
    j.scenario.triggers.insert(
        "purchased".into(),
        TriggerModel {
            per_day: 1e11,
            ..TriggerModel::default()
        },
    );
    only(&j, ProblemKind::RateTooHigh, Severity::Error);
}

#[test]
fn negative_rate_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario.triggers.insert(
        "purchased".into(),
        TriggerModel {
            per_day: -1.0,
            ..TriggerModel::default()
        },
    );
    let p = only(&j, ProblemKind::NegativeRate, Severity::Error);
    assert!(
        p.message.contains("trigger 'purchased' per day is -1"),
        "{}",
        p.message
    );
    let mut j = rule_test_journey();
    j.scenario
        .segments
        .get_mut("complained")
        .unwrap()
        .joins_per_day = f64::NAN;
    only(&j, ProblemKind::NegativeRate, Severity::Error);
}

#[test]
fn choice_weights_negative_or_summing_to_0_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario.attributes.insert(
        "country".into(),
        Dist::Choice(vec![("US".into(), 0.0), ("DE".into(), 0.0)]),
    );
    let p = only(&j, ProblemKind::ChoiceWeights, Severity::Error);
    assert!(p.message.contains("attribute 'country'"), "{}", p.message);
    let mut j = rule_test_journey();
    j.scenario.attributes.insert(
        "country".into(),
        Dist::Choice(vec![("US".into(), 2.0), ("DE".into(), -1.0)]),
    );
    only(&j, ProblemKind::ChoiceWeights, Severity::Error);
}

#[test]
fn range_low_above_high_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario
        .attributes
        .insert("age".into(), Dist::Range(70.0, 18.0));
    let p = only(&j, ProblemKind::RangeBounds, Severity::Error);
    assert!(
        p.message.contains("attribute 'age' ranges from 70 to 18"),
        "{}",
        p.message
    );
}

#[test]
fn more_customers_than_the_maximum_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario.customers = MAX_CUSTOMERS;
    assert_eq!(validate(&j), vec![]);
    j.scenario.customers = MAX_CUSTOMERS + 1;
    let p = only(&j, ProblemKind::TooManyCustomers, Severity::Error);
    assert!(
        p.message.contains("more than the 100000000"),
        "{}",
        p.message
    );
    j.scenario.customers = u64::MAX;
    only(&j, ProblemKind::TooManyCustomers, Severity::Error);
}

#[test]
fn span_longer_than_the_maximum_is_an_error() {
    let mut j = rule_test_journey();
    *action(&mut j, 0, 2) = Action::Wait {
        span: Span::Days(u32::MAX),
        next: Some(StepId(3)),
    };
    let p = only(&j, ProblemKind::SpanTooLong, Severity::Error);
    assert!(line(&p, &j).starts_with("step 2 'Wait 2 days': its wait is 4294967295 days"));
    let mut j = rule_test_journey();
    j.scenario.arrivals_over = Span::Hours(u32::MAX);
    j.scenario.horizon = Span::Hours(u32::MAX);
    let problems = validate(&j);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.kind == ProblemKind::SpanTooLong));
}

#[test]
fn arrivals_over_longer_than_horizon_is_a_warning() {
    let mut j = rule_test_journey();
    j.scenario.arrivals_over = Span::Days(60);
    let p = only(
        &j,
        ProblemKind::ArrivalsLongerThanHorizon,
        Severity::Warning,
    );
    assert!(p.message.contains("60 days"), "{}", p.message);
    assert!(p.message.contains("30 days"), "{}", p.message);
}

#[test]
fn name_the_scenario_does_not_model_is_a_warning() {
    let mut j = rule_test_journey();
    j.scenario.triggers.remove("unsubscribed");
    let p = only(&j, ProblemKind::Unmodelled, Severity::Warning);
    assert_eq!(
        p.message,
        "the trigger 'unsubscribed' is not in the scenario: add a model for it to simulate the journey"
    );
    // Used in a step: the step is named.
    let mut j = rule_test_journey();
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::JoinedSegment("vip".into());
    }
    let p = only(&j, ProblemKind::Unmodelled, Severity::Warning);
    assert!(line(&p, &j).starts_with("step 3 'Opened welcome?': the segment 'vip'"));
    // An attribute a branch rule reads.
    let mut j = rule_test_journey();
    j.scenario.attributes.remove("country");
    let p = only(&j, ProblemKind::Unmodelled, Severity::Warning);
    assert_eq!(p.step, Some(StepId(5)));
    // The start audience needs no model.
    let j = rule_test_journey();
    assert!(!j.scenario.triggers.contains_key("signed_up"));
    assert_eq!(validate(&j), vec![]);
}
