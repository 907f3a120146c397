//! Files as a person uses them: save, open, the unsaved-changes prompt,
//! errors while opening, dropped files, autosave and recovery. The file
//! dialogs are scripted (paths given in advance), the autosave folder is a
//! temporary one.

use std::path::Path;

use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{key, welcome};
use crate::app::files::dialogs::ScriptedDialogs;
use crate::app::{JourneyApp, ViewState};
use crate::edit::Document;
use crate::model::Journey;
use crate::store::autosave::Autosave;

/// A window on `app` with scripted dialogs and autosave into `dir/autosave`.
pub(super) fn window(mut app: JourneyApp, dir: &Path) -> Harness<'static, JourneyApp> {
    app.files.autosave = Some(Autosave::new(dir.join("autosave")));
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

pub(super) fn app(doc: Document) -> JourneyApp {
    JourneyApp::new(doc, ViewState::default())
}

/// The next Open and Save As dialogs answer `open` and `save`.
fn answer_dialogs(h: &mut Harness<'_, JourneyApp>, open: &[&Path], save: &[&Path]) {
    h.state_mut().files.dialogs = Box::new(ScriptedDialogs {
        open: open.iter().map(|p| p.to_path_buf()).collect(),
        save: save.iter().map(|p| p.to_path_buf()).collect(),
        unavailable: None,
    });
}

/// Renames the journey in the inspector, as a person types it.
pub(super) fn rename(h: &mut Harness<'_, JourneyApp>, name: &str) {
    h.get_by_label("Journey name").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Journey name").type_text(name);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.journey().name, name);
}

pub(super) fn write_journey(path: &Path, name: &str) -> Journey {
    let mut j = welcome();
    j.name = name.to_owned();
    crate::store::save(path, &j).expect("saved");
    j
}

pub(super) fn prompt_shown(h: &Harness<'_, JourneyApp>) -> bool {
    h.query_by_label_contains("has changes that are not saved")
        .is_some()
}

fn request_close(h: &mut Harness<'_, JourneyApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

fn sent(h: &Harness<'_, JourneyApp>, command: &ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

#[test]
fn save_then_open_gives_the_same_journey() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("welcome.journey.ron");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Welcome, edited");
    assert!(h.state().has_unsaved_work());

    // Ctrl+S on a journey never saved asks where (Save As).
    answer_dialogs(&mut h, &[], &[&path]);
    key(&mut h, Modifiers::COMMAND, Key::S);
    let saved = h.state().doc.journey().clone();
    assert!(!h.state().has_unsaved_work());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(crate::store::load(&path).expect("loads"), saved);
    assert_eq!(
        h.state().files.title,
        "Welcome, edited \u{2014} welcome.journey.ron \u{2014} Journey Designer"
    );
    assert_eq!(h.state().view.recent_files, vec![path.clone()]);

    // A fresh window opens it with Ctrl+O: nothing to lose, so no prompt.
    let mut empty = app(Document::new(Journey::new_empty(
        "Empty",
        chrono::DateTime::UNIX_EPOCH,
    )));
    empty.files.fresh = true;
    let mut other = window(empty, dir.path());
    answer_dialogs(&mut other, &[&path], &[]);
    key(&mut other, Modifiers::COMMAND, Key::O);
    assert!(!prompt_shown(&other));
    assert_eq!(other.state().doc.journey(), &saved);
    assert_eq!(other.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(!other.state().has_unsaved_work());
}

#[test]
fn opening_a_broken_file_shows_file_line_column_and_keeps_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.journey.ron");
    std::fs::write(&broken, "Journey(\n  format: 1,\n  name: 42,\n)").expect("written");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Mine");
    let before = h.state().doc.journey().clone();

    answer_dialogs(&mut h, &[&broken], &[]);
    key(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("The journey could not be opened");
    h.get_by_label(&broken.display().to_string());
    h.get_by_label_contains("line 3, column");
    assert_eq!(h.state().doc.journey(), &before);
    assert_eq!(h.state().doc.undo_label(), Some("Rename journey"));
    assert!(h.state().has_unsaved_work());

    h.get_by_label("OK").click();
    h.run();
    assert!(
        h.query_by_label("The journey could not be opened")
            .is_none()
    );
    assert_eq!(h.state().doc.journey(), &before);
}

#[test]
fn unsaved_prompt_appears_before_new_open_and_close_and_cancel_keeps_everything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.journey.ron");
    write_journey(&other, "Other");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Mine");
    let mine = h.state().doc.journey().clone();
    let keeps_everything = |h: &Harness<'_, JourneyApp>| {
        assert!(!prompt_shown(h));
        assert_eq!(h.state().doc.journey(), &mine);
        assert_eq!(h.state().doc.path, None);
        assert!(h.state().has_unsaved_work());
        assert_eq!(h.state().doc.undo_label(), Some("Rename journey"));
    };

    // New: the gallery, a template, then the prompt.
    key(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Use Cart abandonment").click();
    h.run();
    assert!(prompt_shown(&h));
    h.get_by_label_contains("before starting a new journey");
    h.get_by_label("Cancel").click();
    h.run();
    keeps_everything(&h);

    // Open, from the File menu.
    answer_dialogs(&mut h, &[&other], &[]);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open...").click();
    h.run();
    assert!(prompt_shown(&h));
    h.get_by_label_contains("before opening another journey");
    h.get_by_label("Cancel").click();
    h.run();
    keeps_everything(&h);

    // Close: the close is cancelled while the prompt asks.
    request_close(&mut h);
    h.step();
    assert!(sent(&h, &ViewportCommand::CancelClose));
    h.run();
    assert!(prompt_shown(&h));
    h.get_by_label_contains("before closing");
    h.key_press(Key::Escape);
    h.run();
    keeps_everything(&h);
    assert!(!h.state().files.closing);
}

#[test]
fn unsaved_prompt_discard_proceeds_and_save_saves_then_proceeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.journey.ron");
    let other_journey = write_journey(&other, "Other");
    let mine = dir.path().join("mine.journey.ron");

    // Discard, before Open: the other journey replaces the changes.
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Mine");
    answer_dialogs(&mut h, &[&other], &[]);
    key(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc.journey(), &other_journey);
    assert!(!h.state().has_unsaved_work());

    // Save, before New: Save As asks where, saves, then the template opens.
    rename(&mut h, "Other, edited");
    let edited = h.state().doc.journey().clone();
    h.state_mut().doc.path = None; // as if never saved
    answer_dialogs(&mut h, &[], &[&mine]);
    key(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Use Webinar invite").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(crate::store::load(&mine).expect("saved"), edited);
    assert_eq!(h.state().doc.journey().name, "Webinar invite");
    assert_eq!(h.state().doc.path, None);
    assert!(
        !h.state().has_unsaved_work(),
        "a fresh template loses nothing"
    );

    // Save, before close: the file is written, then the window closes.
    let mut h = window(
        app(crate::app::files::open(&other).expect("opens")),
        dir.path(),
    );
    rename(&mut h, "Other, closing");
    request_close(&mut h);
    h.run();
    h.get_by_label("Save").click();
    h.step();
    assert!(sent(&h, &ViewportCommand::Close));
    assert!(h.state().files.closing);
    assert_eq!(
        crate::store::load(&other).expect("loads").name,
        "Other, closing"
    );
}

#[test]
fn ctrl_s_in_a_text_field_saves_what_was_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("welcome.journey.ron");
    write_journey(&path, "Welcome");
    let mut h = window(
        app(crate::app::files::open(&path).expect("opens")),
        dir.path(),
    );
    h.get_by_label("Journey name").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Journey name")
        .type_text("Typed, not entered");
    h.run();
    key(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(
        crate::store::load(&path).expect("loads").name,
        "Typed, not entered"
    );
    assert!(!h.state().has_unsaved_work());
    assert_eq!(h.state().doc.undo_label(), Some("Rename journey"));
}
