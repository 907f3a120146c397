//! The rest of the File menu and the window: New from the gallery, dropped
//! files, Open recent with a missing file, Revert, F1 help and the theme.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::files::{app, prompt_shown, rename, window, write_journey};
use super::{key, welcome};
use crate::edit::Document;

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_journey_file_opens_it_after_the_prompt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.journey.ron");
    let other_journey = write_journey(&other, "Other");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Mine");

    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dir.path().join("notes.txt"))));
    h.run();
    assert!(!prompt_shown(&h));
    h.get_by_label_contains("is not a journey file");

    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(other.clone())));
    h.run();
    assert!(prompt_shown(&h));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc.journey(), &other_journey);
}

#[test]
fn open_recent_with_a_missing_file_says_so_and_forgets_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = dir.path().join("gone.journey.ron");
    let mut start = app(Document::new(welcome()));
    start.files.fresh = true;
    start.view.recent_files = vec![gone.clone()];
    let mut h = window(start, dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open recent").click();
    h.run();
    let item = format!("{}  (missing)", gone.display());
    h.get_by_label(&item).click();
    h.run();
    h.get_by_label_contains("the file no longer exists");
    assert!(h.state().view.recent_files.is_empty());
    assert_eq!(h.state().doc.journey().name, "Welcome series");
}

#[test]
fn revert_reloads_the_file_after_confirmation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("welcome.journey.ron");
    let on_disk = write_journey(&path, "Welcome");
    let mut h = window(
        app(crate::app::files::open(&path).expect("opens")),
        dir.path(),
    );
    rename(&mut h, "Changed");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Revert to saved").click();
    h.run();
    h.get_by_label("Revert to the saved file?");
    h.get_by_label("Revert").click();
    h.run();
    assert_eq!(h.state().doc.journey(), &on_disk);
    assert!(!h.state().has_unsaved_work());
}

#[test]
fn f1_shows_help_and_the_view_menu_switches_the_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = window(app(Document::new(welcome())), dir.path());
    key(&mut h, Modifiers::NONE, Key::F1);
    h.get_by_label("Keyboard shortcuts");
    // The rules show their words, not their codes (issue 11).
    h.get_by_label_contains("From the end date nobody new enters");
    key(&mut h, Modifiers::NONE, Key::F1);
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
    key(&mut h, Modifiers::NONE, Key::F1);
    h.get_by_label("Keyboard shortcuts");
    key(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Keyboard shortcuts").is_none());

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(h.state().view.theme, crate::app::Theme::Dark);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn new_offers_every_template_and_an_empty_journey() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut start = app(Document::new(welcome()));
    start.files.fresh = true;
    let mut h = window(start, dir.path());
    key(&mut h, Modifiers::COMMAND, Key::N);
    for template in crate::templates::TEMPLATES {
        h.get_by_label(template.description);
    }
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!h.state().files.gallery_open);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New...").click();
    h.run();
    h.get_by_label("Use Empty journey").click();
    h.run();
    assert!(
        !prompt_shown(&h),
        "the untouched journey had nothing to lose"
    );
    let journey = h.state().doc.journey();
    assert_eq!(journey.name, "New journey");
    assert_eq!(journey.versions[0].steps.len(), 1);
    assert_eq!(h.state().doc.path, None);
    assert!(!h.state().has_unsaved_work());
    assert_eq!(
        h.state().files.title,
        "New journey \u{2014} not saved yet \u{2014} Journey Designer"
    );
}
