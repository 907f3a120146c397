//! Two windows at once (issue 15, point 4): a second instance started with
//! a file opens it in its own window, shares nothing with the first but the
//! recent-files list, and that list keeps both windows' files whichever
//! window's view state (eframe's storage, one per app) is written last.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::files::{rename, write_journey};
use crate::app::files::Files;
use crate::app::files::dialogs::ScriptedDialogs;
use crate::app::{JourneyApp, ViewState};
use crate::store::autosave::Autosave;
use crate::store::recent::RecentFiles;

/// eframe's storage in memory: what a window's `save` hook writes.
#[derive(Default)]
struct Storage(HashMap<String, String>);

impl eframe::Storage for Storage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// A window as `journey-designer FILE` starts it: its view state read from
/// `storage`, the autosave folder and shared recent list of one user.
fn started_with(
    file: Option<&Path>,
    storage: &Storage,
    data: &Path,
) -> Harness<'static, JourneyApp> {
    let view = eframe::get_value(storage, ViewState::KEY).unwrap_or_default();
    let mut files = Files::new(
        Box::new(ScriptedDialogs::default()),
        Some(Autosave::new(data.join("autosave"))),
    );
    files.recent = Some(RecentFiles::new(data.join("recent-files.ron")));
    let app = JourneyApp::start_with(file.map(Path::to_path_buf), view, files);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

/// What eframe does when a window closes: its view state goes to storage.
fn close(mut h: Harness<'static, JourneyApp>, storage: &mut Storage) {
    eframe::App::save(h.state_mut(), storage);
}

#[test]
fn second_instance_started_with_a_file_opens_it_in_its_own_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (
        dir.path().join("a.journey.ron"),
        dir.path().join("b.journey.ron"),
    );
    write_journey(&a, "Spring welcome");
    write_journey(&b, "Autumn reminder");
    let storage = Storage::default();
    let mut first = started_with(Some(&a), &storage, dir.path());
    let mut second = started_with(Some(&b), &storage, dir.path());
    assert_eq!(first.state().doc.path.as_deref(), Some(a.as_path()));
    assert_eq!(second.state().doc.path.as_deref(), Some(b.as_path()));
    assert_eq!(second.state().doc.journey().name, "Autumn reminder");
    // No shared state: an edit in one window leaves the other alone.
    rename(&mut second, "Autumn reminder, shorter");
    assert_eq!(first.state().doc.journey().name, "Spring welcome");
    assert!(!first.state().has_unsaved_work());
    rename(&mut first, "Spring welcome, longer");
    assert_eq!(
        second.state().doc.journey().name,
        "Autumn reminder, shorter"
    );
}

#[test]
fn two_instances_recent_files_both_survive_whichever_closes_last() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = two_files(dir.path());
    for first_closes_last in [true, false] {
        let _ = std::fs::remove_file(dir.path().join("recent-files.ron"));
        let mut storage = Storage::default();
        let first = started_with(Some(&a), &storage, dir.path());
        let second = started_with(Some(&b), &storage, dir.path());
        // Each window's own view state knows only what it saw.
        assert_eq!(first.state().view.recent_files, std::slice::from_ref(&a));
        assert_eq!(second.state().view.recent_files, [b.clone(), a.clone()]);

        // Both close; eframe keeps only the view state written last.
        if first_closes_last {
            close(second, &mut storage);
            close(first, &mut storage);
        } else {
            close(first, &mut storage);
            close(second, &mut storage);
        }
        let next = started_with(None, &storage, dir.path());
        let recent: Vec<PathBuf> = next.state().view.recent_files.clone();
        assert!(recent.contains(&a), "{recent:?} ({first_closes_last})");
        assert!(recent.contains(&b), "{recent:?} ({first_closes_last})");
    }
}

#[test]
fn the_file_menu_shows_the_files_another_instance_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = two_files(dir.path());
    let storage = Storage::default();
    let mut first = started_with(Some(&a), &storage, dir.path());
    let _second = started_with(Some(&b), &storage, dir.path());
    assert_eq!(first.state().view.recent_files, std::slice::from_ref(&a));
    first.get_by_label("File").click();
    first.run();
    assert_eq!(first.state().view.recent_files, [b.clone(), a.clone()]);
    first.get_by_label("Open recent").hover();
    first.run();
    assert!(first.query_by_label(&b.display().to_string()).is_some());
}

/// Two journeys on disk: `a` and `b`.
fn two_files(dir: &Path) -> (PathBuf, PathBuf) {
    let (a, b) = (dir.join("a.journey.ron"), dir.join("b.journey.ron"));
    write_journey(&a, "Spring welcome");
    write_journey(&b, "Autumn reminder");
    (a, b)
}
