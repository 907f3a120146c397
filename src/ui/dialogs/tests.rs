//! The dialogs, clicked as a person would; each returns the user's intent.

use std::path::Path;

use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::*;

fn prompt_harness() -> Harness<'static, Option<UnsavedChoice>> {
    Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            |ui, choice: &mut Option<UnsavedChoice>| {
                if choice.is_none() {
                    *choice = unsaved_changes_ui(ui.ctx(), "Welcome", "closing");
                }
            },
            None,
        )
}

#[test]
fn unsaved_prompt_cancel_keeps_everything() {
    let mut harness = prompt_harness();
    harness.run();
    harness.get_by_label_contains("'Welcome' has changes that are not saved");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(*harness.state(), Some(UnsavedChoice::Cancel));
}

#[test]
fn unsaved_prompt_save_and_discard_and_escape() {
    for (button, expected) in [
        ("Save", UnsavedChoice::Save),
        ("Discard", UnsavedChoice::Discard),
    ] {
        let mut harness = prompt_harness();
        harness.run();
        harness.get_by_label(button).click();
        harness.run();
        assert_eq!(*harness.state(), Some(expected));
    }
    let mut harness = prompt_harness();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(*harness.state(), Some(UnsavedChoice::Cancel));
}

#[test]
fn open_error_dialog_shows_file_line_column_and_message() {
    let path = Path::new("/tmp/broken.journey.ron");
    let error = crate::store::parse("Journey(\n  format: 1,\n  name: 42,\n)")
        .expect_err("a number is not a name")
        .in_file(path);
    let shown = OpenError::from_load_error(path, &error);
    assert_eq!(shown.file, "/tmp/broken.journey.ron");
    assert!(shown.line.is_some() && shown.column.is_some(), "{shown:?}");
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            move |ui, closed: &mut bool| {
                if !*closed {
                    *closed = open_error_ui(ui.ctx(), &shown);
                }
            },
            false,
        );
    harness.run();
    harness.get_by_label("/tmp/broken.journey.ron");
    harness.get_by_label_contains("line 3, column");
    harness.get_by_label_contains("Your current journey was not changed");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(*harness.state());
}

#[test]
fn template_gallery_returns_the_chosen_index() {
    let templates = [
        ("Welcome series", "New sign-ups get a welcome email."),
        ("Win-back", "Lapsed customers get an offer."),
    ];
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            move |ui, choice: &mut Option<GalleryChoice>| {
                if choice.is_none() {
                    *choice = template_gallery_ui(ui.ctx(), &templates);
                }
            },
            None,
        );
    harness.run();
    harness.get_by_label("Lapsed customers get an offer.");
    harness.get_by_label("Use Win-back").click();
    harness.run();
    assert_eq!(*harness.state(), Some(GalleryChoice::Template(1)));
}

/// F1 help: shortcuts and the rules S1 to S9 fit on one 1280x800 screen.
#[test]
fn help_lists_shortcuts_and_rules_s1_to_s9_on_one_screen() {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            |ui, open: &mut bool| help_ui(ui.ctx(), open, SHORTCUTS),
            true,
        );
    harness.run();
    harness.get_by_label("Ctrl+S");
    // The rules show their titles only: no codes in the window (issue 11).
    for rule in [
        "Entry",
        "Suppression segments",
        "End date",
        "Stop",
        "Same moment",
    ] {
        let rect = harness.get_by_label(rule).rect();
        assert!(
            rect.max.y <= 800.0 && rect.max.x <= 1280.0,
            "{rule} is off screen: {rect:?}"
        );
    }
    let last = harness
        .get_by_label_contains("Converting and leaving together counts as converted")
        .rect();
    assert!(last.max.y <= 800.0, "the last rule is cut off: {last:?}");
    harness.get_by_label("Close window").click();
    harness.run();
    assert!(!*harness.state());
}

#[test]
fn recovery_offer_names_the_journey_and_its_file() {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            |ui, choice: &mut Option<RecoveryChoice>| {
                if choice.is_none() {
                    *choice = recovery_ui(
                        ui.ctx(),
                        "Welcome",
                        Some("/home/ann/welcome.journey.ron"),
                        "2026-11-25 10:30 UTC",
                    );
                }
            },
            None,
        );
    harness.run();
    harness.get_by_label_contains("'Welcome' were kept at 2026-11-25 10:30 UTC");
    harness.get_by_label_contains("/home/ann/welcome.journey.ron");
    harness.get_by_label("Recover").click();
    harness.run();
    assert_eq!(*harness.state(), Some(RecoveryChoice::Recover));
}

/// Labels on screen that carry a rule code ("S5", "(S2b)").
pub(crate) fn rule_codes_shown<S>(harness: &Harness<'_, S>) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    let by = egui_kittest::kittest::By::new().predicate(|node| {
        if let Some(label) = node.label()
            && label
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(is_rule_code)
        {
            found.borrow_mut().push(label);
        }
        false
    });
    let none = harness.query_all(by).count();
    assert_eq!(none, 0);
    found.into_inner()
}

fn is_rule_code(word: &str) -> bool {
    let Some(rest) = word.strip_prefix('S') else {
        return false;
    };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn s1_to_s25_no_rule_codes_in_help_or_the_file_dialogs() {
    let mut help = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui_state(
            |ui, open: &mut bool| help_ui(ui.ctx(), open, SHORTCUTS),
            true,
        );
    help.run();
    help.get_by_label("Entry");
    assert_eq!(rule_codes_shown(&help), Vec::<String>::new());
    let mut dialogs = Harness::builder()
        .with_size(Vec2::new(1280.0, 800.0))
        .build_ui(|ui| {
            let _ = unsaved_changes_ui(ui.ctx(), "Welcome", "closing");
            let _ = recovery_ui(ui.ctx(), "Welcome", None, "2026-11-25 10:30 UTC");
            let mut chooser = FileChooser::new(
                ChooserMode::Save,
                "no portal".to_owned(),
                Path::new("/tmp"),
                "welcome.journey.ron",
            );
            let _ = file_chooser_ui(ui.ctx(), &mut chooser);
        });
    dialogs.run();
    assert_eq!(rule_codes_shown(&dialogs), Vec::<String>::new());
    assert!(is_rule_code("S2b") && is_rule_code("S25") && !is_rule_code("Save"));
}
