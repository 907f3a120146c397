//! Autosave and recovery as a person meets them: unsaved work is copied
//! after 30 s (the clock is driven by hand), and the next start offers it.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::files::{app, rename, window, write_journey};
use super::{key, welcome};
use crate::app::files::Files;
use crate::app::files::dialogs::ScriptedDialogs;
use crate::app::{JourneyApp, ViewState};
use crate::store::autosave::Autosave;

#[test]
fn autosave_is_written_after_30_seconds_and_recovered_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = dir.path().join("welcome.journey.ron");
    write_journey(&original, "Welcome");
    let autosave = Autosave::new(dir.path().join("autosave"));

    let mut h = window(
        app(crate::app::files::open(&original).expect("opens")),
        dir.path(),
    );
    rename(&mut h, "Welcome, unsaved");
    let unsaved = h.state().doc.journey().clone();
    // The clock is driven by hand from here (the frames tick on egui's clock):
    // the copy is due 30 s after the first tick with changes.
    h.state_mut().files.timer.reset();
    let t0 = 1_000.0;
    h.state_mut().autosave_tick(t0);
    h.state_mut().autosave_tick(t0 + 29.0);
    assert_eq!(autosave.pending().expect("readable"), None);
    h.state_mut().autosave_tick(t0 + 30.0);
    let copy = autosave.pending().expect("readable").expect("written");
    assert_eq!(copy.journey, unsaved);
    assert_eq!(copy.original.as_deref(), Some(original.as_path()));
    drop(h); // a crash: no save, no clean exit

    // The next start offers it; Recover opens it as unsaved changes to its file.
    let files = Files::new(Box::new(ScriptedDialogs::default()), Some(autosave.clone()));
    let next = JourneyApp::start_with(Some(original.clone()), ViewState::default(), files);
    let mut h = window(next, dir.path());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("'Welcome, unsaved' were kept at");
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(h.state().doc.journey(), &unsaved);
    assert_eq!(h.state().doc.path.as_deref(), Some(original.as_path()));
    assert!(h.state().has_unsaved_work());
    assert_eq!(
        crate::store::load(&original).expect("loads").name,
        "Welcome"
    );

    // Saving clears the copy.
    key(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(autosave.pending().expect("readable"), None);
    assert_eq!(crate::store::load(&original).expect("loads"), unsaved);
}

#[test]
fn discarding_the_recovery_deletes_the_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path().join("autosave"));
    let mut lost = welcome();
    lost.name = "Lost".to_owned();
    autosave.write(&lost, None).expect("written");
    let files = Files::new(Box::new(ScriptedDialogs::default()), Some(autosave.clone()));
    let mut h = window(
        JourneyApp::start_with(None, ViewState::default(), files),
        dir.path(),
    );
    h.get_by_label_contains("The journey had not been saved to a file yet");
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(autosave.pending().expect("readable"), None);
    assert_eq!(h.state().doc.journey().name, "Welcome series");
    assert!(!h.state().has_unsaved_work());
}
