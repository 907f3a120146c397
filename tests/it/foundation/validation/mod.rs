//! One test per validation rule (FORMAT.md, "Validation"): each breaks the
//! rule-test journey in exactly one way and checks the kind, the severity and
//! that the message names the version and step in the marketer's words.

mod delivery;
mod scenario;
mod steps;
mod versions;

use chrono::{TimeZone, Utc};
use journey_designer::model::{
    Action, Instant, Journey, Problem, ProblemKind, Severity, StepId, validate,
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

/// Every rule, for [`every_rule_has_its_own_test`].
const ALL_KINDS: [ProblemKind; 41] = [
    ProblemKind::UnsupportedFormat,
    ProblemKind::NoVersions,
    ProblemKind::MissingFirstStep,
    ProblemKind::MissingNext,
    ProblemKind::EventNotMessage,
    ProblemKind::InstantCycle,
    ProblemKind::AbPercentSum,
    ProblemKind::AbPercentRange,
    ProblemKind::AbNoVariants,
    ProblemKind::AbDuplicateVariant,
    ProblemKind::AbUnknownDefault,
    ProblemKind::NoChannels,
    ProblemKind::EndBeforeStart,
    ProblemKind::FirstVersionPublishedElsewhere,
    ProblemKind::VersionsNotIncreasing,
    ProblemKind::DraftNotLast,
    ProblemKind::PublishedAfterStop,
    ProblemKind::StoppedBeforePublished,
    ProblemKind::Probability,
    ProblemKind::NegativeRate,
    ProblemKind::RateTooHigh,
    ProblemKind::ChoiceWeights,
    ProblemKind::RangeBounds,
    ProblemKind::TooManyCustomers,
    ProblemKind::Unreachable,
    ProblemKind::ArrivalsLongerThanHorizon,
    ProblemKind::Unmodelled,
    ProblemKind::SpanTooLong,
    ProblemKind::InstantOutOfRange,
    ProblemKind::QuietHoursEmpty,
    ProblemKind::QuietHoursUnusedChannel,
    ProblemKind::CapMax,
    ProblemKind::CapWindow,
    ProblemKind::CapUnreachable,
    ProblemKind::HoldoutPercent,
    ProblemKind::HoldoutWindow,
    ProblemKind::HoldoutWithReentry,
    ProblemKind::HoldoutWithoutGoal,
    ProblemKind::UnknownTimeZone,
    ProblemKind::TimeZoneWeights,
    ProblemKind::TimeZoneAttribute,
];

/// The test that proves each rule; fails to compile when a rule is added
/// without one.
fn test_of(kind: ProblemKind) -> &'static str {
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
        ProblemKind::RateTooHigh => "trigger_rate_above_the_maximum_is_an_error",
        ProblemKind::ChoiceWeights => "choice_weights_negative_or_summing_to_0_is_an_error",
        ProblemKind::RangeBounds => "range_low_above_high_is_an_error",
        ProblemKind::TooManyCustomers => "more_customers_than_the_maximum_is_an_error",
        ProblemKind::Unreachable => "step_no_path_reaches_is_a_warning",
        ProblemKind::ArrivalsLongerThanHorizon => "arrivals_over_longer_than_horizon_is_a_warning",
        ProblemKind::Unmodelled => "name_the_scenario_does_not_model_is_a_warning",
        ProblemKind::SpanTooLong => "span_longer_than_the_maximum_is_an_error",
        ProblemKind::InstantOutOfRange => "instant_outside_the_years_1_to_9999_is_an_error",
        ProblemKind::QuietHoursEmpty => "quiet_hours_with_the_same_start_and_end_is_an_error",
        ProblemKind::QuietHoursUnusedChannel => {
            "quiet_hours_naming_a_channel_no_message_uses_is_a_warning"
        }
        ProblemKind::CapMax => "cap_with_max_0_is_an_error",
        ProblemKind::CapWindow => "cap_with_a_zero_window_is_an_error",
        ProblemKind::CapUnreachable => "cap_that_only_transactional_messages_reach_is_a_warning",
        ProblemKind::HoldoutPercent => "holdout_percent_outside_0_to_100_is_an_error",
        ProblemKind::HoldoutWindow => "holdout_with_a_zero_window_is_an_error",
        ProblemKind::HoldoutWithReentry => "holdout_with_reentry_is_a_warning",
        ProblemKind::HoldoutWithoutGoal => "holdout_without_a_goal_is_a_warning",
        ProblemKind::UnknownTimeZone => {
            "time_zone_not_in_the_database_is_an_error_that_suggests_names"
        }
        ProblemKind::TimeZoneWeights => "time_zone_weights_negative_or_summing_to_0_is_an_error",
        ProblemKind::TimeZoneAttribute => {
            "time_zone_attribute_together_with_time_zones_is_an_error"
        }
    }
}

#[test]
fn every_rule_has_its_own_test() {
    let source = [
        include_str!("steps.rs"),
        include_str!("versions.rs"),
        include_str!("scenario.rs"),
        include_str!("delivery.rs"),
    ]
    .concat();
    let mut names: Vec<&str> = ALL_KINDS.iter().map(|&k| test_of(k)).collect();
    for name in &names {
        assert!(source.contains(&format!("fn {name}()")), "no test {name}");
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ALL_KINDS.len(), "one test per rule");
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
