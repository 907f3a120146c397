//! The runner as a person uses it: Run and wait, read the numbers on the
//! canvas and in the analytics, move the playhead, stop a version, publish a
//! draft. Every number shown is checked against a headless `sim::simulate`
//! of the same journey and seed (what `simulate --json` prints).

use std::time::{Duration, Instant as Clock};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::harness;
use crate::app::JourneyApp;
use crate::model::Journey;
use crate::sim::{self, Report, SimOptions};
use crate::ui::analytics::cards::{card_text, percent};
use crate::ui::runner::playback::instant_of;
use crate::ui::style::count;

/// The welcome series, smaller so that debug builds run it quickly.
fn small_welcome() -> Journey {
    let mut j = crate::templates::welcome();
    j.scenario.customers = 3000;
    j.scenario.seed = 11;
    j
}

fn headless(j: &Journey) -> Report {
    let options = SimOptions {
        customers: Some(j.scenario.customers),
        seed: Some(j.scenario.seed),
        ..SimOptions::default()
    };
    sim::simulate(j, &options).expect("the journey simulates")
}

/// Steps frames until the worker is done, then settles.
fn wait_for_run(h: &mut Harness<'_, JourneyApp>) {
    let deadline = Clock::now() + Duration::from_mins(2);
    h.step();
    while h.state().run.is_running() {
        assert!(Clock::now() < deadline, "the run did not finish");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.run();
}

fn press_run(h: &mut Harness<'_, JourneyApp>) {
    h.get_by_role_and_label(egui::Role::Button, "Run").click();
    wait_for_run(h);
}

fn seek(h: &mut Harness<'_, JourneyApp>, row: usize) {
    h.state_mut().run.ui.playback.hour = row as f64;
    h.run();
}

fn report(h: &Harness<'_, JourneyApp>) -> Report {
    h.state()
        .run
        .result
        .as_ref()
        .expect("a run result")
        .report
        .clone()
}

fn counts_label(name: &str, now: u64, reached: u64) -> String {
    format!(
        "{name}: {} in it now, {} reached so far",
        count(now),
        count(reached)
    )
}

#[test]
fn run_shows_the_numbers_of_the_headless_report() {
    let j = small_welcome();
    let expected = headless(&j);
    let mut h = harness(j);
    h.get_by_label_contains("Not run yet");
    press_run(&mut h);
    assert_eq!(report(&h), expected, "the window's run is the headless run");
    h.get_by_label_contains("Run complete: 3,000 customers, seed 11");

    // At the end of the run, each card shows its final tile numbers.
    h.get_by_label("To end").click();
    h.run();
    let step = expected
        .steps
        .iter()
        .find(|s| s.name == "Welcome email")
        .expect("step");
    h.get_by_label(&counts_label(
        "Welcome email",
        step.in_progress,
        step.reached,
    ))
    .hover();
    h.run();
    // Hovering the card shows its tile analytics, with the step's own conversions (S11).
    let series = expected
        .occupancy
        .steps
        .iter()
        .find(|s| s.id == step.id && s.version == step.version)
        .expect("series");
    h.get_by_label_contains(&format!(
        "conversions (customers who passed here) so far: {}",
        count(series.converted_total)
    ));
    let coupon = expected
        .steps
        .iter()
        .find(|s| s.name == "10% first-order coupon")
        .expect("step");
    h.get_by_label(&counts_label(
        &coupon.name,
        coupon.in_progress,
        coupon.reached,
    ));

    // The analytics panel shows the goal and the totals.
    h.get_by_label("Analytics").click();
    h.run();
    let goal = expected
        .goal
        .as_ref()
        .expect("the welcome series has a goal");
    h.get_by_label(&card_text("Goal rate", &percent(goal.rate)));
    h.get_by_label(&card_text(
        "Converted (first_purchase)",
        &count(goal.converted),
    ));
    h.get_by_label(&card_text("Entered", &count(expected.arrivals.entered)));
    h.get_by_label(&card_text("Completed", &count(expected.outcomes.completed)));
    h.get_by_label(&card_text(
        "Excluded at start",
        &count(expected.arrivals.excluded),
    ));
}

#[test]
fn moving_the_playhead_shows_who_is_in_each_step_at_that_hour() {
    let j = small_welcome();
    let expected = headless(&j);
    let mut h = harness(j);
    press_run(&mut h);
    for row in [30, 100, 200] {
        seek(&mut h, row);
        for name in ["Wait 1 day", "Wait 3 days"] {
            let id = expected
                .steps
                .iter()
                .find(|s| s.name == name)
                .expect("step")
                .id;
            let series = expected
                .occupancy
                .steps
                .iter()
                .find(|s| s.id == id && s.version == 1)
                .expect("series");
            h.get_by_label(&counts_label(
                name,
                series.at_step[row],
                series.reached[row],
            ));
        }
    }
    // The date at the playhead is shown in the journey's words.
    h.get_by_label_contains("Tue 10 Mar 2026, 17:00");
}

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

#[test]
fn an_edit_marks_the_run_out_of_date_and_f5_runs_again() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    let mut j = h.state().doc.journey().clone();
    j.scenario.seed = 99;
    h.state_mut()
        .doc
        .apply(crate::edit::Command::SetScenario(j.scenario.clone()))
        .expect("applies");
    h.run();
    h.get_by_label_contains("Out of date");
    h.key_press(egui::Key::F5);
    wait_for_run(&mut h);
    assert_eq!(report(&h), headless(&j));
    assert!(h.query_by_label_contains("Out of date").is_none());
}

#[test]
fn cancel_keeps_the_previous_run() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    let before = report(&h);
    h.state_mut().run.customers = Some(20_000_000);
    h.get_by_role_and_label(egui::Role::Button, "Run").click();
    h.step();
    h.step();
    assert!(h.state().run.is_running());
    h.get_by_label("Cancel").click();
    h.step();
    assert!(!h.state().run.is_running(), "the worker is gone");
    assert_eq!(
        report(&h),
        before,
        "the previous result, never a partial one"
    );
}

#[test]
fn exports_write_the_json_report_and_csv_tables() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.json");
    let ctx = h.ctx.clone();
    h.state_mut().export(
        crate::ui::runner::ExportKind::JsonReport,
        Some(path.clone()),
        &ctx,
    );
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(text.trim_end(), report(&h).to_json_string());
    let csv = dir.path().join("steps.csv");
    h.state_mut().export_path = Some(csv.clone());
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Steps table as CSV…").click();
    h.run();
    let text = std::fs::read_to_string(&csv).expect("written");
    assert_eq!(text.lines().count(), report(&h).steps.len() + 1);
}

#[test]
fn play_moves_the_playhead_and_pause_stops_it() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    h.get_by_label("Play").click();
    for _ in 0..10 {
        h.step();
    }
    let hour = h.state().run.ui.playback.hour;
    assert!(hour > 0.0, "the playhead moved: {hour}");
    h.get_by_label("Pause").click();
    h.step();
    let paused = h.state().run.ui.playback.hour;
    h.step();
    h.step();
    assert_eq!(h.state().run.ui.playback.hour, paused);
    assert!(!h.state().run.ui.playback.playing);
}

#[test]
fn auto_rerun_runs_again_shortly_after_an_edit() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    h.get_by_label("Auto re-run on edit").click();
    h.run();
    assert!(h.state().run.auto_rerun);
    let mut j = h.state().doc.journey().clone();
    j.scenario.seed = 5;
    h.state_mut()
        .doc
        .apply(crate::edit::Command::SetScenario(j.scenario.clone()))
        .expect("applies");
    let deadline = Clock::now() + Duration::from_secs(30);
    while h.state().run.is_stale(h.state().doc.revision()) {
        assert!(Clock::now() < deadline, "no re-run after the edit");
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    wait_for_run(&mut h);
    assert_eq!(report(&h), headless(&j));
}

#[test]
fn s12_the_ab_table_shows_rates_and_the_verdict_of_the_report() {
    let mut j = crate::store::parse(include_str!(
        "../../../assets/renewal-live-edit.journey.ron"
    ))
    .expect("the template parses");
    j.scenario.customers = 4000;
    let expected = headless(&j);
    let ab = expected
        .ab_tests
        .first()
        .expect("the template has an A/B test");
    let mut h = harness(j);
    press_run(&mut h);
    h.get_by_label("Analytics").click();
    h.run();
    h.get_by_label(&crate::ui::analytics::tables::verdict(ab));
    for v in &ab.variants {
        h.get_by_label(&v.name);
        assert!(h.query_all_by_label(&count(v.assigned)).next().is_some());
        assert!(h.query_all_by_label(&percent(v.rate)).next().is_some());
    }
    // Two versions: the steps can be shown per version.
    h.get_by_label("version 2").click();
    h.run();
    assert_eq!(
        h.state().run.filter,
        crate::ui::analytics::VersionFilter::One(2)
    );
}
