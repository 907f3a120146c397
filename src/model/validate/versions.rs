//! Versions and dates: publishing order, drafts, stops, the end date.

use super::{ProblemKind, Problems, Severity};
use crate::model::{Action, Instant, Journey};

/// The first and last years an instant may have (RFC 3339 writes four digits).
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Flags every instant of the journey outside [`YEARS`].
fn check_instants(journey: &Journey, out: &mut Problems) {
    use chrono::Datelike;
    let outside = |at: Instant| !YEARS.contains(&at.year());
    let reason = "outside the years 1 to 9999 Journey Designer handles";
    let mut flag = |what: String, at: Instant| {
        if outside(at) {
            out.journey(
                Severity::Error,
                ProblemKind::InstantOutOfRange,
                format!("{what} {at} is {reason}"),
            );
        }
    };
    flag("the start".to_owned(), journey.start.starts_at);
    if let Some(end) = journey.end.end_date {
        flag("the end date".to_owned(), end);
    }
    for (index, version) in journey.versions.iter().enumerate() {
        let no = index + 1;
        for (what, at) in [
            ("published", version.published_at),
            ("stopped", version.stopped_at),
        ] {
            if let Some(at) = at {
                flag(format!("version {no} {what} at"), at);
            }
        }
    }
    for (index, version) in journey.versions.iter().enumerate() {
        for (id, step) in &version.steps {
            if let Action::WaitUntil { instant, .. } = step.action
                && outside(instant)
            {
                out.step(
                    Severity::Error,
                    ProblemKind::InstantOutOfRange,
                    (index + 1, version),
                    *id,
                    format!("it waits until {instant}, {reason}"),
                );
            }
        }
    }
}

pub(super) fn check_dates_and_versions(journey: &Journey, out: &mut Problems) {
    check_instants(journey, out);
    let starts_at = journey.start.starts_at;
    if let Some(end) = journey.end.end_date
        && end < starts_at
    {
        out.journey(
            Severity::Error,
            ProblemKind::EndBeforeStart,
            format!("the end date {end} is before the start {starts_at}"),
        );
    }
    if journey.versions.is_empty() {
        out.journey(
            Severity::Error,
            ProblemKind::NoVersions,
            "the journey has no version: it needs at least one".to_owned(),
        );
        return;
    }
    if let Some(published) = journey.versions[0].published_at
        && published != starts_at
    {
        out.version(
            1,
            ProblemKind::FirstVersionPublishedElsewhere,
            format!("version 1 is published at {published}, but the journey starts at {starts_at}"),
        );
    }
    for index in 0..journey.versions.len() {
        check_draft_and_stop(journey, index, out);
        if index > 0 {
            check_after_previous(journey, index, out);
        }
    }
}

/// Version `index` (0-based): a draft only if it is the last, stopped only after it went live.
fn check_draft_and_stop(journey: &Journey, index: usize, out: &mut Problems) {
    let no = index + 1;
    let live = journey.live_at(index);
    if live.is_none() && Some(index) != journey.current_index() {
        out.version(
            no,
            ProblemKind::DraftNotLast,
            format!("version {no} is a draft (never published), but only the last version may be a draft"),
        );
    }
    let Some(stopped) = journey.versions[index].stopped_at else {
        return;
    };
    match live {
        None => out.version(
            no,
            ProblemKind::StoppedBeforePublished,
            format!("version {no} is stopped at {stopped} but was never published"),
        ),
        Some(live) if stopped < live => out.version(
            no,
            ProblemKind::StoppedBeforePublished,
            format!("version {no} is stopped at {stopped}, before it was published at {live}"),
        ),
        Some(_) => {}
    }
}

/// Version `index` (0-based, at least 1) against the one before it: published
/// later, and not after that one was stopped.
fn check_after_previous(journey: &Journey, index: usize, out: &mut Problems) {
    let no = index + 1;
    let (Some(previous_live), Some(live)) = (journey.live_at(index - 1), journey.live_at(index))
    else {
        return;
    };
    if live <= previous_live {
        out.version(
            no,
            ProblemKind::VersionsNotIncreasing,
            format!(
                "version {no} is published at {live}, not after version {index} ({previous_live})"
            ),
        );
    }
    if let Some(stopped) = journey.versions[index - 1].stopped_at
        && live >= stopped
    {
        out.version(
            no,
            ProblemKind::PublishedAfterStop,
            format!(
                "version {no} is published at {live}, after version {index} was stopped at {stopped}: a stopped journey cannot get a new version (copy it into a new journey instead)"
            ),
        );
    }
}
