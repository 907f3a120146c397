//! Running again: after an edit (F5), cancelling, the auto re-run.

use std::time::{Duration, Instant as Clock};

use egui_kittest::kittest::Queryable;

use super::{headless, press_run, report, small_welcome, wait_for_run};
use crate::app::tests::harness;

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
