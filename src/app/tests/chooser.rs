//! Without a system file dialog (no desktop portal, no zenity), Save as and
//! Open fall back to the app's own chooser: it saves and opens, and the
//! status bar says why it is there and what happened.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::files::{app, prompt_shown, rename, window, write_journey};
use super::{key, welcome};
use crate::app::JourneyApp;
use crate::app::files::dialogs::ScriptedDialogs;
use crate::edit::Document;

fn without_system_dialogs(h: &mut Harness<'_, JourneyApp>) {
    h.state_mut().files.dialogs = Box::new(ScriptedDialogs::unavailable("no portal, no zenity"));
}

/// Replaces the chooser's path field with `path`, as a person types it.
fn type_path(h: &mut Harness<'_, JourneyApp>, path: &str) {
    h.get_by_label("File:").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("File:").type_text(path);
    h.run();
}

fn status(h: &Harness<'_, JourneyApp>) -> String {
    h.state().status.clone().unwrap_or_default()
}

#[test]
fn files_fallback_chooser_saves_and_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Spring plan");
    without_system_dialogs(&mut h);

    // Save as: the chooser, with the reason said in it and in the status bar.
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.get_by_label("Save the journey as");
    h.get_by_label_contains("(no portal, no zenity), so here is");
    assert!(
        status(&h).contains("No system file dialog (no portal, no zenity)"),
        "{}",
        status(&h)
    );
    assert!(
        h.state()
            .files
            .chooser
            .as_ref()
            .is_some_and(|c| c.file_name() == "spring-plan.journey.ron"),
        "the suggested file name is typed"
    );
    // A folder that does not exist is refused in words; the chooser stays.
    let nowhere = dir.path().join("nope").join("plan");
    type_path(&mut h, &nowhere.display().to_string());
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label_contains("There is no folder");
    assert!(h.state().doc.path.is_none());

    // A name without the ending gets `.journey.ron`.
    type_path(&mut h, &dir.path().join("plan").display().to_string());
    h.get_by_label("Save").click();
    h.run();
    let saved = dir.path().join("plan.journey.ron");
    assert!(h.state().files.chooser.is_none());
    assert_eq!(h.state().doc.path.as_deref(), Some(saved.as_path()));
    assert_eq!(
        crate::store::load(&saved).expect("saved").name,
        "Spring plan"
    );
    assert!(status(&h).starts_with("Saved "), "{}", status(&h));

    // Open: the folder's journey files are listed; click one, then Open.
    write_journey(&dir.path().join("other.journey.ron"), "Other");
    std::fs::write(dir.path().join("notes.txt"), "not a journey").expect("written");
    key(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("Open a journey");
    assert!(h.query_by_label("notes.txt").is_none());
    h.get_by_label("plan.journey.ron");
    h.get_by_label("other.journey.ron").click();
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert!(h.state().files.chooser.is_none());
    assert_eq!(h.state().doc.journey().name, "Other");
    assert!(status(&h).starts_with("Opened "), "{}", status(&h));
}

#[test]
fn files_fallback_chooser_cancel_says_so_and_the_unsaved_prompt_waits_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("other.journey.ron");
    write_journey(&other, "Other");
    let mut h = window(app(Document::new(welcome())), dir.path());
    rename(&mut h, "Mine");
    without_system_dialogs(&mut h);

    key(&mut h, Modifiers::COMMAND, Key::O);
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(status(&h), "Nothing was opened.");

    // Open other.journey.ron; the prompt's Save opens the chooser, and the
    // file is opened once the journey is saved.
    h.state_mut().open_path(&other);
    h.run();
    assert!(prompt_shown(&h));
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("Save the journey as");
    type_path(&mut h, &dir.path().join("mine").display().to_string());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        crate::store::load(&dir.path().join("mine.journey.ron"))
            .expect("saved")
            .name,
        "Mine"
    );
    assert_eq!(h.state().doc.journey().name, "Other");
}
