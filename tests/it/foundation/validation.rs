//! One test per validation rule (FORMAT.md, "Validation"): each breaks the
//! rule-test journey in exactly one way and checks the kind, the severity and
//! that the message names the version and step in the marketer's words.

use chrono::{TimeZone, Utc};
use journey_designer::model::{
    Action, Channel, ChannelModel, Condition, Decide, Dist, Event, Instant, Journey, MAX_CUSTOMERS,
    Problem, ProblemKind, Rule, Severity, Span, Step, StepId, TriggerModel, Variant, validate,
};

use super::rule_test_journey;

fn at(day: u32) -> Instant {
    Utc.with_ymd_and_hms(2026, 3, day, 9, 0, 0).unwrap()
}

fn action(j: &mut Journey, version: usize, id: u32) -> &mut Action {
    &mut j.versions[version]
        .steps
        .get_mut(&StepId(id))
        .expect("the step exists")
        .action
}

/// Validates and asserts that every problem is of `kind` (there is at least
/// one) and has `severity`; returns the first.
fn only(j: &Journey, kind: ProblemKind, severity: Severity) -> Problem {
    let problems = validate(j);
    assert!(
        !problems.is_empty(),
        "expected a {kind:?} problem, got none"
    );
    for p in &problems {
        assert_eq!(p.kind, kind, "unexpected extra problem: {p:?}");
        assert_eq!(p.severity, severity, "{p:?}");
    }
    problems.into_iter().next().unwrap()
}

/// The problem's line as the CLI prints it (after the file name).
fn line(p: &Problem, j: &Journey) -> String {
    format!("{}: {}", p.location(j.versions.len() > 1), p.message)
}

/// A second version, a copy of the first, published at `published`.
fn with_second_version(published: Option<Instant>) -> Journey {
    let mut j = rule_test_journey();
    let mut v2 = j.versions[0].clone();
    v2.published_at = published;
    j.versions.push(v2);
    j
}

/// Fails to compile when a rule is added without a test here.
#[allow(dead_code)]
fn every_kind_has_a_test(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::UnsupportedFormat => "unsupported_format_is_an_error",
        ProblemKind::NoVersions => "a_journey_without_versions_is_an_error",
        ProblemKind::MissingFirstStep => "first_step_naming_no_step_is_an_error",
        ProblemKind::MissingNext => "next_naming_no_step_is_an_error",
        ProblemKind::EventNotMessage => "event_on_a_step_that_sends_no_message_is_an_error",
        ProblemKind::InstantCycle => "cycle_without_a_positive_wait_is_an_error",
        ProblemKind::AbPercentSum => "ab_percentages_not_adding_to_100_is_an_error",
        ProblemKind::AbPercentRange => "ab_percentage_outside_0_to_100_is_an_error",
        ProblemKind::AbNoVariants => "ab_test_without_variants_is_an_error",
        ProblemKind::AbDuplicateVariant => "ab_duplicate_variant_names_is_an_error",
        ProblemKind::AbUnknownDefault => "ab_default_variant_that_is_not_a_variant_is_an_error",
        ProblemKind::NoChannels => "channel_optimization_without_channels_is_an_error",
        ProblemKind::EndBeforeStart => "end_date_before_start_is_an_error",
        ProblemKind::FirstVersionPublishedElsewhere => {
            "version_1_published_at_another_instant_than_the_start_is_an_error"
        }
        ProblemKind::VersionsNotIncreasing => "versions_published_out_of_order_is_an_error",
        ProblemKind::DraftNotLast => "draft_that_is_not_the_last_version_is_an_error",
        ProblemKind::PublishedAfterStop => {
            "version_published_after_the_newest_was_stopped_is_an_error"
        }
        ProblemKind::StoppedBeforePublished => {
            "version_stopped_before_it_was_published_is_an_error"
        }
        ProblemKind::Probability => "probability_outside_0_to_1_is_an_error",
        ProblemKind::NegativeRate => "negative_rate_is_an_error",
        ProblemKind::ChoiceWeights => "choice_weights_negative_or_summing_to_0_is_an_error",
        ProblemKind::RangeBounds => "range_low_above_high_is_an_error",
        ProblemKind::TooManyCustomers => "more_customers_than_the_maximum_is_an_error",
        ProblemKind::Unreachable => "step_no_path_reaches_is_a_warning",
        ProblemKind::ArrivalsLongerThanHorizon => "arrivals_over_longer_than_horizon_is_a_warning",
        ProblemKind::Unmodelled => "name_the_scenario_does_not_model_is_a_warning",
        ProblemKind::SpanTooLong => "span_longer_than_the_maximum_is_an_error",
    }
}

#[test]
fn a_valid_journey_reports_nothing() {
    assert_eq!(validate(&rule_test_journey()), vec![]);
    // Two published versions, the first stopped after the second went live.
    let mut j = with_second_version(Some(at(9)));
    j.versions[0].stopped_at = Some(at(16));
    assert_eq!(validate(&j), vec![]);
    // A draft as the last version is fine.
    assert_eq!(validate(&with_second_version(None)), vec![]);
}

#[test]
fn unsupported_format_is_an_error() {
    let mut j = rule_test_journey();
    j.format = 0;
    let p = only(&j, ProblemKind::UnsupportedFormat, Severity::Error);
    assert_eq!(p.step, None);
    assert!(
        line(&p, &j).starts_with("journey: format 0"),
        "{}",
        line(&p, &j)
    );
}

#[test]
fn a_journey_without_versions_is_an_error() {
    let mut j = rule_test_journey();
    j.versions.clear();
    let p = only(&j, ProblemKind::NoVersions, Severity::Error);
    assert!(p.message.contains("no version"), "{}", p.message);
}

#[test]
fn first_step_naming_no_step_is_an_error() {
    let mut j = rule_test_journey();
    j.versions[0].first_step = StepId(99);
    // Nothing is reachable either, but that is not reported on top.
    let p = only(&j, ProblemKind::MissingFirstStep, Severity::Error);
    assert_eq!(p.version, Some(1));
    assert!(p.message.contains("step 99"), "{}", p.message);
    assert!(p.message.contains("does not exist"), "{}", p.message);
}

#[test]
fn next_naming_no_step_is_an_error() {
    let mut j = rule_test_journey();
    *action(&mut j, 0, 7) = Action::Message {
        channel: Channel::Push,
        content: "coupon".into(),
        next: Some(StepId(42)),
    };
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 7 'Coupon push': its 'next' path leads to step 42, which does not exist"
    );
    // Yes/no, variant and otherwise paths are checked too.
    let mut j = rule_test_journey();
    if let Action::Branch { rules, .. } = action(&mut j, 0, 5) {
        rules.push(Rule {
            when: Condition::Below("age".into(), 18.0),
            next: Some(StepId(43)),
        });
    }
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 5 'Country?': its 'age < 18' path leads to step 43, which does not exist"
    );
}

#[test]
fn event_on_a_step_that_sends_no_message_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Clicked(StepId(2));
    }
    let p = only(&j, ProblemKind::EventNotMessage, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 3 'Opened welcome?': it waits for an interaction with step 2, which sends no message"
    );
    // A channel-optimization step sends a message: fine.
    let mut j = rule_test_journey();
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Delivered(StepId(8));
    }
    assert_eq!(validate(&j), vec![]);
    // A step that does not exist.
    if let Action::IfThen { event, .. } = action(&mut j, 0, 3) {
        *event = Event::Opened(StepId(77));
    }
    let p = only(&j, ProblemKind::EventNotMessage, Severity::Error);
    assert!(p.message.contains("does not exist"));
}

#[test]
fn cycle_without_a_positive_wait_is_an_error() {
    let mut j = rule_test_journey();
    // Coupon push leads back to the A/B test: a loop at one instant.
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(4));
    }
    let p = only(&j, ProblemKind::InstantCycle, Severity::Error);
    assert_eq!(p.step, Some(StepId(4)));
    assert!(line(&p, &j).starts_with("step 4 'Coupon: email or push?': steps 4, 7 form a loop"));
    // A zero-length wait does not break the loop.
    let mut j = rule_test_journey();
    *action(&mut j, 0, 2) = Action::Wait {
        span: Span::Hours(0),
        next: Some(StepId(3)),
    };
    *action(&mut j, 0, 7) = Action::Message {
        channel: Channel::Push,
        content: String::new(),
        next: Some(StepId(2)),
    };
    only(&j, ProblemKind::InstantCycle, Severity::Error);
    // A step leading to itself.
    let mut j = rule_test_journey();
    if let Action::WaitUntil { next, .. } = action(&mut j, 0, 9) {
        *next = Some(StepId(9));
    }
    let p = only(&j, ProblemKind::InstantCycle, Severity::Error);
    assert_eq!(p.step, Some(StepId(9)));
}

#[test]
fn cycle_through_a_positive_wait_is_allowed() {
    let mut j = rule_test_journey();
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(2)); // back to "Wait 2 days"
    }
    assert_eq!(validate(&j), vec![]);
}

fn variants(j: &mut Journey) -> &mut Vec<Variant> {
    match action(j, 0, 4) {
        Action::AbTest { variants, .. } => variants,
        _ => unreachable!("step 4 is the A/B test"),
    }
}

#[test]
fn ab_percentages_not_adding_to_100_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[1].percent = 40.0;
    let p = only(&j, ProblemKind::AbPercentSum, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': variant percentages add up to 90, not 100"
    );
    // Within 0.01 of 100 is fine.
    let mut j = rule_test_journey();
    variants(&mut j)[0].percent = 33.335;
    variants(&mut j)[1].percent = 66.67;
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn ab_percentage_outside_0_to_100_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[0].percent = 150.0;
    variants(&mut j)[1].percent = -50.0;
    let p = only(&j, ProblemKind::AbPercentRange, Severity::Error);
    assert!(p.message.contains("'Email' has 150%"), "{}", p.message);
}

#[test]
fn ab_test_without_variants_is_an_error() {
    let mut j = rule_test_journey();
    *action(&mut j, 0, 4) = Action::AbTest {
        variants: vec![],
        decide: None,
    };
    // Steps 6 and 7 are now unreachable: connect them elsewhere first.
    if let Action::Branch { otherwise, .. } = action(&mut j, 0, 5) {
        *otherwise = Some(StepId(6));
    }
    if let Action::Message { next, .. } = action(&mut j, 0, 6) {
        *next = Some(StepId(7));
    }
    if let Action::Message { next, .. } = action(&mut j, 0, 7) {
        *next = Some(StepId(9));
    }
    let p = only(&j, ProblemKind::AbNoVariants, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': the A/B test has no variant"
    );
}

#[test]
fn ab_duplicate_variant_names_is_an_error() {
    let mut j = rule_test_journey();
    variants(&mut j)[1].name = "Email".into();
    let p = only(&j, ProblemKind::AbDuplicateVariant, Severity::Error);
    assert!(line(&p, &j).ends_with("two variants are named 'Email'"));
}

#[test]
fn ab_default_variant_that_is_not_a_variant_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::AbTest { decide, .. } = action(&mut j, 0, 4) {
        *decide = Some(Decide {
            after: Span::Days(5),
            default_variant: "SMS".into(),
        });
    }
    let p = only(&j, ProblemKind::AbUnknownDefault, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "step 4 'Coupon: email or push?': the default variant 'SMS' is not one of the variants"
    );
}

#[test]
fn channel_optimization_without_channels_is_an_error() {
    let mut j = rule_test_journey();
    if let Action::ChannelOptimization { channels, .. } = action(&mut j, 0, 8) {
        channels.clear();
    }
    let p = only(&j, ProblemKind::NoChannels, Severity::Error);
    assert!(line(&p, &j).starts_with("step 8 'German reminder': "));
}

#[test]
fn end_date_before_start_is_an_error() {
    let mut j = rule_test_journey();
    j.end.end_date = Some(at(1));
    let p = only(&j, ProblemKind::EndBeforeStart, Severity::Error);
    assert!(p.message.contains("end date"), "{}", p.message);
    assert_eq!(p.step, None);
}

#[test]
fn version_1_published_at_another_instant_than_the_start_is_an_error() {
    let mut j = rule_test_journey();
    j.versions[0].published_at = Some(at(3));
    let p = only(
        &j,
        ProblemKind::FirstVersionPublishedElsewhere,
        Severity::Error,
    );
    assert_eq!(p.version, Some(1));
    assert!(
        p.message
            .starts_with("version 1 is published at 2026-03-03")
    );
    // Published exactly at the start is the same as not saying.
    j.versions[0].published_at = Some(at(2));
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn versions_published_out_of_order_is_an_error() {
    let j = with_second_version(Some(at(2))); // at the same instant as version 1
    let p = only(&j, ProblemKind::VersionsNotIncreasing, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(
        line(&p, &j).contains("version 2 is published at"),
        "{}",
        line(&p, &j)
    );
}

#[test]
fn draft_that_is_not_the_last_version_is_an_error() {
    let mut j = with_second_version(None);
    let mut v3 = j.versions[0].clone();
    v3.published_at = Some(at(10));
    j.versions.push(v3);
    let p = only(&j, ProblemKind::DraftNotLast, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(p.message.contains("draft"));
}

#[test]
fn version_published_after_the_newest_was_stopped_is_an_error() {
    let mut j = with_second_version(Some(at(10)));
    j.versions[0].stopped_at = Some(at(8));
    let p = only(&j, ProblemKind::PublishedAfterStop, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(p.message.contains("stopped"), "{}", p.message);
}

#[test]
fn version_stopped_before_it_was_published_is_an_error() {
    let mut j = rule_test_journey();
    j.versions[0].stopped_at = Some(at(1));
    let p = only(&j, ProblemKind::StoppedBeforePublished, Severity::Error);
    assert_eq!(p.version, Some(1));
    // A stopped draft was never published.
    let mut j = with_second_version(None);
    j.versions[1].stopped_at = Some(at(12));
    let p = only(&j, ProblemKind::StoppedBeforePublished, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(p.message.contains("never published"));
}

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
fn step_no_path_reaches_is_a_warning() {
    let mut j = rule_test_journey();
    j.versions[0].steps.insert(
        StepId(11),
        Step {
            name: "Forgotten SMS".into(),
            at: (0.0, 300.0),
            action: Action::Message {
                channel: Channel::Sms,
                content: String::new(),
                next: None,
            },
        },
    );
    let p = only(&j, ProblemKind::Unreachable, Severity::Warning);
    assert_eq!(
        line(&p, &j),
        "step 11 'Forgotten SMS': no path reaches this step"
    );
    assert!(p.to_string().contains("warning: "));
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

#[test]
fn problems_name_the_version_when_there_are_several() {
    let mut j = with_second_version(Some(at(9)));
    if let Action::Message { next, .. } = action(&mut j, 1, 7) {
        *next = Some(StepId(42));
    }
    let p = only(&j, ProblemKind::MissingNext, Severity::Error);
    assert_eq!(p.version, Some(2));
    assert!(line(&p, &j).starts_with("version 2, step 7 'Coupon push': "));
}
