//! "Compare with…" as a person uses it: pick another file, the last saved
//! file or another version, wait for the comparison, read B − A on the cards
//! and both designs side by side in the analytics, cancel one, go back to
//! the run. Every number shown is checked against a headless `sim::compare`
//! of the same sides, customers and random seeds.

use std::time::{Duration, Instant as Clock};

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{press_run, small_welcome};
use crate::app::JourneyApp;
use crate::app::compare::{Source, sides};
use crate::app::files::dialogs::ScriptedDialogs;
use crate::app::tests::harness;
use crate::model::{Journey, Span, StepId};
use crate::sim::{self, Compared, ScenarioOf, SimOptions};
use crate::ui::compare::words::{card_diff, clear_sentence};

/// The welcome series at 1,000 customers, 5 runs per side.
fn small() -> Journey {
    let mut j = small_welcome();
    j.scenario.customers = 1000;
    j
}

fn harness_with_runs(journey: Journey, runs: u32) -> Harness<'static, JourneyApp> {
    let mut h = harness(journey);
    h.state_mut().run.runs = runs;
    h
}

/// Steps frames until the comparison is done, then settles.
fn wait_for_compare(h: &mut Harness<'_, JourneyApp>) {
    let deadline = Clock::now() + Duration::from_mins(2);
    h.step();
    while h.state().compare.is_running() || h.state().compare_pending.is_some() {
        assert!(Clock::now() < deadline, "the comparison did not finish");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.run();
}

/// What `sim::compare` gives for `source`, as the window would compute it.
fn headless(h: &Harness<'_, JourneyApp>, source: &Source) -> Compared {
    let app = h.state();
    let built = sides(&app.doc, app.version_index(), source).expect("sides");
    let j = app.doc.journey();
    let options = SimOptions {
        customers: Some(j.scenario.customers),
        seed: Some(j.scenario.seed),
        ..SimOptions::default()
    };
    sim::compare(&built.a, &built.b, &options, app.run.runs(), ScenarioOf::B).expect("compares")
}

fn shown(h: &Harness<'_, JourneyApp>) -> Compared {
    let shown = h
        .state()
        .compare
        .shown
        .as_ref()
        .expect("a comparison shown");
    shown.compared.clone()
}

fn open_menu(h: &mut Harness<'_, JourneyApp>) {
    h.get_by_label("Compare with…").click();
    h.run();
}

/// A journey file like `small` but without the exit trigger: more customers
/// stay to the later steps.
fn write_without_exit(dir: &std::path::Path) -> std::path::PathBuf {
    let mut other = small();
    other.name = "Welcome, no exit".to_owned();
    other.end.exit_triggers.clear();
    let path = dir.join("no-exit.journey.ron");
    crate::store::save(&path, &other).expect("saved");
    path
}

#[test]
fn s25_compare_shows_differences_on_the_cards_and_in_the_analytics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_without_exit(dir.path());
    let mut h = harness_with_runs(small(), 5);
    h.state_mut().files.dialogs = Box::new(ScriptedDialogs {
        open: [path.clone()].into(),
        ..ScriptedDialogs::default()
    });
    open_menu(&mut h);
    h.get_by_label("Another journey file…").click();
    wait_for_compare(&mut h);

    let expected = headless(&h, &Source::File(path));
    let c = shown(&h);
    assert_eq!(c, expected, "the window's comparison is the headless one");
    assert_eq!(c.replications, 5);
    // Without the exit trigger A keeps more customers: B − A is below zero
    // at the coupon, and every card of the canvas says its difference.
    let coupon = c
        .steps
        .iter()
        .find(|s| s.step == StepId(9))
        .expect("step 9");
    assert!(coupon.diff < 0.0, "{coupon:?}");
    for s in &c.steps {
        let card = card_diff(s, c.replications);
        h.get_by_label(&format!("{}: {}", s.name, card.key));
    }
    h.get_by_label("Comparison, 5 runs each: B \u{2212} A on each card");

    h.get_by_label("Analytics").click();
    h.run();
    h.get_by_label(&clear_sentence(&c));
    h.get_by_label("A: Welcome, no exit");
    h.get_by_label("B: Welcome series (this journey)");
    h.get_by_label("Customers reaching each step");

    // Back to the run: the cards show the run's counts again.
    h.get_by_label("Back to the run").click();
    h.run();
    assert!(h.state().compare.shown.is_none());
    assert!(h.query_by_label_contains("Comparison, 5 runs").is_none());
}

#[test]
fn s25_two_versions_compare_each_as_the_journey_with_one_run_saying_there_is_no_interval() {
    let mut j = small();
    let mut draft = j.versions[0].clone();
    if let Some(step) = draft.steps.get_mut(&StepId(6)) {
        step.action = crate::model::Action::Wait {
            span: Span::Days(10),
            next: Some(StepId(7)),
        };
    }
    j.versions.push(draft);
    let mut h = harness_with_runs(j, 1);
    open_menu(&mut h);
    h.get_by_label("Version 1 (live)").click();
    wait_for_compare(&mut h);
    let c = shown(&h);
    assert_eq!(c, headless(&h, &Source::Version(0)));
    assert_eq!(
        (c.a.as_str(), c.b.as_str()),
        ("Version 1 (live)", "Version 2 (draft)")
    );
    assert!(c.steps.iter().all(|s| s.version == 1 && s.ci95.is_none()));
    let bought = c
        .steps
        .iter()
        .find(|s| s.step == StepId(7))
        .expect("step 7");
    h.get_by_label(&format!("{}: {}", bought.name, card_diff(bought, 1).key));
    h.get_by_label("Analytics").click();
    h.run();
    h.get_by_label_contains("With 1 run there is no interval");
    // Run asks for the run: the comparison gives way.
    press_run(&mut h);
    assert!(h.state().compare.shown.is_none());
    assert!(h.state().run.result.is_some());
}

#[test]
fn the_last_saved_file_is_offered_once_saved_and_compares_the_edits() {
    let mut h = harness_with_runs(small(), 1);
    open_menu(&mut h);
    assert!(
        h.get_by_label("The last saved file")
            .accesskit_node()
            .is_disabled(),
        "never saved: nothing to compare with"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("welcome.journey.ron");
    assert!(h.state_mut().save_to(&path));
    // An edit: no exit trigger in the design any more.
    let mut end = h.state().doc.journey().end.clone();
    end.exit_triggers.clear();
    assert!(
        h.state_mut()
            .apply_command(crate::edit::Command::SetEnd(end), "edit")
    );
    open_menu(&mut h);
    h.get_by_label("The last saved file").click();
    wait_for_compare(&mut h);
    let c = shown(&h);
    assert_eq!(c, headless(&h, &Source::Saved));
    assert!(c.a.ends_with("as last saved") && c.b.ends_with("with your edits"));
}

#[test]
fn a_cancelled_comparison_never_replaces_the_shown_one_and_a_broken_file_is_said_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_without_exit(dir.path());
    let mut h = harness_with_runs(small(), 1);
    press_run(&mut h);
    h.state_mut().compare_pending = Some(Source::File(path));
    wait_for_compare(&mut h);
    let before = shown(&h);
    // A big comparison, cancelled mid-way.
    let broken = dir.path().join("broken.journey.ron");
    std::fs::write(&broken, "Journey(").expect("written");
    h.state_mut().run.customers = Some(2_000_000);
    h.state_mut().compare_pending = Some(Source::File(dir.path().join("no-exit.journey.ron")));
    h.step();
    assert!(h.state().compare.is_running());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().compare.is_running());
    assert_eq!(shown(&h), before, "the shown comparison stays");
    let status = h.state().status.clone().expect("a message");
    assert!(status.starts_with("Comparison cancelled"), "{status}");

    h.state_mut().run.customers = None;
    h.state_mut().compare_pending = Some(Source::File(broken));
    h.run();
    let status = h.state().status.clone().expect("a message");
    assert!(status.starts_with("Could not compare: "), "{status}");
    assert!(status.contains("broken.journey.ron"), "{status}");
    assert_eq!(shown(&h), before);
}

#[test]
fn a_design_naming_a_model_this_scenario_lacks_is_refused_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut other = small();
    other.end.exit_triggers.push("churned".to_owned());
    other
        .scenario
        .triggers
        .insert("churned".to_owned(), crate::model::TriggerModel::default());
    let path = dir.path().join("churn.journey.ron");
    crate::store::save(&path, &other).expect("saved");
    let mut h = harness_with_runs(small(), 1);
    h.state_mut().compare_pending = Some(Source::File(path));
    wait_for_compare(&mut h);
    assert!(h.state().compare.shown.is_none());
    let status = h.state().status.clone().expect("a message");
    assert!(
        status.starts_with(
            "Could not compare: the other design cannot be simulated with this journey's scenario"
        ),
        "{status}"
    );
    assert!(status.contains("churned"), "{status}");
}
