//! A crash loses nothing: a panic in the window writes the recovery copy
//! (panic hook) that the next start offers; a panic in a simulation worker is
//! shown with its message and the window goes on.

use std::path::Path;
use std::process::Command;

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::files::{app, rename, window};
use super::runner::{press_run, small_welcome};
use super::{harness, welcome};
use crate::app::files::Files;
use crate::app::files::dialogs::ScriptedDialogs;
use crate::app::{JourneyApp, ViewState};
use crate::edit::Document;
use crate::store::autosave::Autosave;

/// Set in the child process of the panic-hook test: the autosave folder.
const CHILD_DIR: &str = "JOURNEY_DESIGNER_TEST_CRASH_DIR";
const TEST_NAME: &str =
    "app::tests::crash::a_panic_in_the_window_keeps_the_unsaved_work_for_the_next_start";

/// The child: unsaved work, the hook installed as the window installs it, then a
/// panic inside a frame (the test-only trigger: a flag this harness's frame reads).
fn crash_with_unsaved_work(dir: &Path) {
    let mut app = app(Document::new(welcome()));
    app.files.autosave = Some(Autosave::new(dir));
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut JourneyApp| {
                app.ui_main(ui);
                assert!(
                    !app.doc.journey().name.ends_with("(crash now)"),
                    "test-only panic in a frame"
                );
            },
            app,
        );
    h.run();
    h.state().files.crash.install_hook();
    rename(&mut h, "Welcome, unsaved");
    // No autosave is due yet (30 s): only the hook can keep this work.
    rename(&mut h, "Welcome, unsaved (crash now)");
    unreachable!("the frame panicked");
}

#[test]
fn a_panic_in_the_window_keeps_the_unsaved_work_for_the_next_start() {
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        crash_with_unsaved_work(Path::new(&dir));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path().join("autosave"));
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([TEST_NAME, "--exact", "--test-threads=1", "--nocapture"])
        .env(CHILD_DIR, autosave.dir())
        .output()
        .expect("the child runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the child panicked: {stderr}");
    assert!(
        stderr.contains("test-only panic in a frame"),
        "the child panicked where asked: {stderr}"
    );
    assert!(
        stderr.contains("your unsaved changes were kept in"),
        "{stderr}"
    );
    let copy = autosave.pending().expect("readable").expect("written");
    assert_eq!(copy.journey.name, "Welcome, unsaved (crash now)");

    // The next start offers it, and Recover brings it back as unsaved work.
    let files = Files::new(Box::new(ScriptedDialogs::default()), Some(autosave.clone()));
    let next = JourneyApp::start_with(None, ViewState::default(), files);
    let mut h = window(next, dir.path());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(h.state().doc.journey(), &copy.journey);
    assert!(h.state().has_unsaved_work());
}

#[test]
fn a_panic_in_a_simulation_worker_is_shown_and_the_window_goes_on() {
    let mut journey = small_welcome();
    journey.name = crate::sim::PANIC_FOR_TESTS.to_owned();
    let mut h = harness(journey);
    press_run(&mut h);
    assert!(!h.state().run.is_running());
    assert!(h.state().run.result.is_none());
    h.get_by_label_contains("The simulation stopped on an internal error");
    h.get_by_label_contains("a test asked the simulation to panic");
    // The window goes on: a journey that simulates runs as usual.
    h.state_mut().doc = Document::new(small_welcome());
    h.run();
    press_run(&mut h);
    assert!(h.state().run.result.is_some(), "the next run has a report");
}
