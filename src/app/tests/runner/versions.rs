//! Versions from the runner: stop one at the playhead, preview a stop,
//! publish a draft.

use egui_kittest::kittest::Queryable;

use super::{headless, press_run, report, seek, small_welcome, wait_for_run};
use crate::app::tests::harness;
use crate::ui::analytics::cards::card_text;
use crate::ui::runner::playback::instant_of;
use crate::ui::style::count;

#[test]
fn s7_stop_a_version_at_the_playhead_records_it_and_shows_the_stopped_count() {
    let j = small_welcome();
    let start = j.start.starts_at;
    let mut h = harness(j);
    press_run(&mut h);
    seek(&mut h, 120);
    h.get_by_label("Stop version 1 here…").click();
    h.run();
    h.get_by_label_contains("Stop version 1 for good?");
    h.get_by_label("Stop for good").click();
    wait_for_run(&mut h);

    let journey = h.state().doc.journey().clone();
    assert_eq!(journey.versions[0].stopped_at, Some(instant_of(start, 120)));
    assert_eq!(h.state().doc.undo_label(), None, "a stop cannot be undone");
    let expected = headless(&journey);
    assert_eq!(report(&h), expected);
    assert!(expected.outcomes.stopped > 0);
    assert!(expected.arrivals.after_stop > 0);
    assert!(!h.state().run.is_stale(h.state().doc.revision()));

    h.get_by_label("Analytics").click();
    h.run();
    h.get_by_label(&card_text("Stopped", &count(expected.outcomes.stopped)));
    h.get_by_label(&card_text(
        "After stop",
        &count(expected.arrivals.after_stop),
    ));
    h.get_by_label("Version 1 (stopped)");
}

#[test]
fn preview_a_stop_leaves_the_document_and_shows_who_would_be_cut_off() {
    let j = small_welcome();
    let mut h = harness(j.clone());
    press_run(&mut h);
    seek(&mut h, 96);
    let revision = h.state().doc.revision();
    h.get_by_label("Preview a stop here").click();
    wait_for_run(&mut h);
    assert_eq!(
        h.state().doc.revision(),
        revision,
        "the design is unchanged"
    );
    assert!(h.state().doc.journey().versions[0].stopped_at.is_none());
    let mut stopped = j;
    stopped.versions[0].stopped_at = Some(instant_of(stopped.start.starts_at, 96));
    let expected = headless(&stopped);
    h.get_by_label_contains(&format!(
        "would cut off {} customers",
        count(expected.outcomes.stopped)
    ));
    assert_eq!(
        report(&h),
        headless(&small_welcome()),
        "the run itself stays"
    );
}

#[test]
fn s8_publish_a_draft_at_the_playhead_lists_and_simulates_two_versions() {
    let j = small_welcome();
    let start = j.start.starts_at;
    let mut h = harness(j);
    press_run(&mut h);
    h.get_by_label("Start a draft from version 1").click();
    h.run();
    assert_eq!(h.state().doc.journey().versions.len(), 2);
    h.get_by_label("Version 2 (draft)");
    h.get_by_label_contains("Out of date");

    seek(&mut h, 150);
    h.get_by_label("Publish edits as new version here…").click();
    h.run();
    h.get_by_label("Publish").click();
    wait_for_run(&mut h);

    let journey = h.state().doc.journey().clone();
    assert_eq!(
        journey.versions[1].published_at,
        Some(instant_of(start, 150))
    );
    let r = report(&h);
    assert_eq!(r, headless(&journey));
    assert_eq!(r.versions.len(), 2, "both versions are simulated");
    assert!(r.versions.iter().all(|v| v.entered > 0));
    h.get_by_label("Version 1");
    h.get_by_label("Version 2");
    h.get_by_label_contains(&format!("entered {}", count(r.versions[1].entered)));
}
