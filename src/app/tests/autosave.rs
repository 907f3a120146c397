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
use crate::store::recent::RecentFiles;

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

/// A window with its own start: autosave into `folder`, saves go to `save`.
fn instance(
    folder: &Autosave,
    save: &[&std::path::Path],
) -> egui_kittest::Harness<'static, JourneyApp> {
    instance_of(None, folder, save)
}

fn instance_of(
    file: Option<std::path::PathBuf>,
    folder: &Autosave,
    save: &[&std::path::Path],
) -> egui_kittest::Harness<'static, JourneyApp> {
    let dialogs = ScriptedDialogs {
        save: save.iter().map(|p| p.to_path_buf()).collect(),
        ..ScriptedDialogs::default()
    };
    let mut files = Files::new(Box::new(dialogs), Some(folder.clone()));
    files.recent = Some(RecentFiles::new(folder.dir().join("recent-files.ron")));
    let app = JourneyApp::start_with(file, ViewState::default(), files);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

/// Drives the autosave clock by hand past one period.
fn tick_30_seconds(h: &mut egui_kittest::Harness<'static, JourneyApp>) {
    h.state_mut().files.timer.reset();
    h.state_mut().autosave_tick(1_000.0);
    h.state_mut().autosave_tick(1_031.0);
}

fn copies(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".journey.ron"));
    files
}

#[test]
fn two_app_instances_keep_separate_recovery_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = Autosave::new(dir.path().join("autosave"));
    let opened = dir.path().join("first.journey.ron");
    write_journey(&opened, "First");
    let mut first = instance_of(Some(opened.clone()), &folder, &[]);
    rename(&mut first, "First window's work");
    tick_30_seconds(&mut first);
    assert_eq!(copies(folder.dir()).len(), 1);

    // A second window does not offer the first one's live copy.
    let saved = dir.path().join("second.journey.ron");
    let mut second = instance(&folder, &[&saved]);
    assert!(second.query_by_label("Recover unsaved work?").is_none());
    rename(&mut second, "Second window's work");
    tick_30_seconds(&mut second);
    assert_eq!(copies(folder.dir()).len(), 2, "one copy per window");

    // Saving and closing the second leaves the first one's copy alone.
    key(&mut second, Modifiers::COMMAND, Key::S);
    assert!(saved.exists());
    assert_eq!(copies(folder.dir()).len(), 1);
    second
        .state_mut()
        .files
        .release_autosave()
        .expect("released");
    drop(second);
    let left = copies(folder.dir());
    assert_eq!(left.len(), 1);
    assert_eq!(
        crate::store::load(&left[0]).expect("a journey").name,
        "First window's work"
    );

    // The first window crashes: the next window offers its work.
    drop(first);
    let mut next = instance(&folder, &[]);
    next.get_by_label_contains("'First window's work' were kept at");
    next.get_by_label("Recover").click();
    next.run();
    assert_eq!(next.state().doc.journey().name, "First window's work");
    assert_eq!(next.state().doc.path.as_deref(), Some(opened.as_path()));
    assert_eq!(copies(folder.dir()).len(), 1, "now this window's own copy");
    // Both windows' files are in the recent list.
    assert_eq!(next.state().view.recent_files, [saved, opened]);
}

#[test]
fn undoing_back_to_the_saved_state_clears_the_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = Autosave::new(dir.path().join("autosave"));
    let file = dir.path().join("welcome.journey.ron");
    write_journey(&file, "Welcome");
    let mut h = instance_of(Some(file), &folder, &[]);
    rename(&mut h, "Edited");
    tick_30_seconds(&mut h);
    assert_eq!(copies(folder.dir()).len(), 1);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!h.state().has_unsaved_work());
    assert!(copies(folder.dir()).is_empty(), "nothing left to recover");
    drop(h);
    let next = instance(&folder, &[]);
    assert!(next.query_by_label("Recover unsaved work?").is_none());
}
