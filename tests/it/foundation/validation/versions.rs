//! Rules on the journey as a whole: format, versions, dates.

use journey_designer::model::{ProblemKind, Severity, validate};

use super::{at, line, only, with_second_version};
use crate::foundation::rule_test_journey;

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
fn instant_outside_the_years_1_to_9999_is_an_error() {
    // A file may say "+262142-12-31T23:59:59Z"; hours counted past it overflow.
    let mut j = rule_test_journey();
    j.start.starts_at = chrono::DateTime::<chrono::Utc>::MAX_UTC;
    j.end.end_date = None;
    let p = only(&j, ProblemKind::InstantOutOfRange, Severity::Error);
    assert!(p.message.contains("the start"), "{}", p.message);
    let mut j = rule_test_journey();
    j.end.end_date = Some(chrono::DateTime::<chrono::Utc>::MAX_UTC);
    let p = only(&j, ProblemKind::InstantOutOfRange, Severity::Error);
    assert!(p.message.contains("the end date"), "{}", p.message);
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
