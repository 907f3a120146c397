//! Every shortcut of the one table does what the help window (F1) says:
//! each row's keys are pressed in a fresh window and its effect checked.
//! The match below is exhaustive, so a new row cannot go unchecked.

use egui::{Key, KeyboardShortcut, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::files::{app, window};
use super::runner::{small_welcome, wait_for_run};
use super::{select_card, steps};
use crate::app::JourneyApp;
use crate::edit::{Command, Document};
use crate::ui::shortcuts::{SHORTCUTS, Shortcut, keys_label};

fn press(h: &mut Harness<'_, JourneyApp>, k: KeyboardShortcut) {
    h.key_press_modifiers(k.modifiers, k.logical_key);
    h.run();
}

fn status(h: &Harness<'_, JourneyApp>) -> String {
    h.state().status.clone().unwrap_or_default()
}

/// A window on a saved copy of the small welcome series.
fn fresh_window(dir: &std::path::Path) -> Harness<'static, JourneyApp> {
    let path = dir.join("welcome.journey.ron");
    crate::store::save(&path, &small_welcome()).expect("saved");
    let doc = crate::app::files::open(&path).expect("opens");
    window(app(doc), dir)
}

fn rename(h: &mut Harness<'_, JourneyApp>, name: &str) {
    let command = Command::SetName(name.to_owned());
    assert!(h.state_mut().apply_command(command, "rename"));
    h.run();
}

/// Presses `k` (one of `shortcut`'s keys) and checks its effect.
#[allow(clippy::too_many_lines)] // one arm per shortcut, on purpose
fn check(shortcut: Shortcut, k: KeyboardShortcut) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = fresh_window(dir.path());
    let before = steps(&h).len();
    let rect = h.state().canvas.scene_rect;
    match shortcut {
        Shortcut::New => {
            press(&mut h, k);
            assert!(h.state().files.gallery_open);
        }
        Shortcut::Open => {
            press(&mut h, k);
            assert_eq!(status(&h), "Nothing was opened.");
        }
        Shortcut::Save => {
            rename(&mut h, "Saved by key");
            press(&mut h, k);
            assert!(status(&h).starts_with("Saved "), "{}", status(&h));
            assert!(!h.state().has_unsaved_work());
        }
        Shortcut::SaveAs => {
            press(&mut h, k);
            assert_eq!(status(&h), "Not saved: Save as was cancelled.");
        }
        Shortcut::Undo | Shortcut::Redo => {
            rename(&mut h, "Renamed");
            if shortcut == Shortcut::Redo {
                h.state_mut().undo();
            }
            press(&mut h, k);
            let expected = if shortcut == Shortcut::Undo {
                "Welcome series"
            } else {
                "Renamed"
            };
            assert_eq!(h.state().doc.journey().name, expected);
        }
        Shortcut::Copy => {
            select_card(&mut h, "Wait 1 day");
            press(&mut h, k);
            assert!(h.state().clipboard.is_some());
        }
        Shortcut::Cut | Shortcut::Delete => {
            select_card(&mut h, "Wait 1 day");
            press(&mut h, k);
            assert_eq!(steps(&h).len(), before - 1);
        }
        Shortcut::Paste | Shortcut::Duplicate => {
            select_card(&mut h, "Welcome email");
            if shortcut == Shortcut::Paste {
                h.key_press_modifiers(Modifiers::COMMAND, Key::C);
                h.run();
            }
            press(&mut h, k);
            assert_eq!(steps(&h).len(), before + 1);
            super::step_named(&h, "Welcome email (copy)");
        }
        Shortcut::SelectAll => {
            press(&mut h, k);
            assert_eq!(h.state().canvas.selection.len(), before);
        }
        Shortcut::Deselect => {
            select_card(&mut h, "Wait 1 day");
            press(&mut h, k);
            assert!(h.state().canvas.selection.is_empty());
        }
        Shortcut::ZoomToFit => {
            h.state_mut().canvas.scene_rect = rect.translate(egui::vec2(5000.0, 0.0));
            press(&mut h, k);
            h.run();
            let centre = h.state().canvas.scene_rect.center();
            assert!(centre.distance(rect.center()) < 4000.0, "{centre:?}");
        }
        Shortcut::ZoomIn | Shortcut::ZoomOut => {
            press(&mut h, k);
            let width = h.state().canvas.scene_rect.width();
            if shortcut == Shortcut::ZoomIn {
                assert!(width < rect.width(), "{width}");
            } else {
                assert!(width > rect.width(), "{width}");
            }
        }
        Shortcut::ZoomActualSize => {
            h.state_mut().canvas.zoom_by(0.5);
            press(&mut h, k);
            let zoom = h.state().canvas.zoom();
            assert!((zoom - 1.0).abs() < 0.01, "{zoom}");
        }
        Shortcut::Pan => {
            press(&mut h, k);
            assert_ne!(h.state().canvas.scene_rect.center(), rect.center());
        }
        Shortcut::Run => {
            press(&mut h, k);
            wait_for_run(&mut h);
            assert!(h.state().run.result.is_some());
        }
        Shortcut::PlayPause => {
            press(&mut h, k);
            assert!(
                status(&h).contains("run the journey first"),
                "{}",
                status(&h)
            );
            h.key_press(Key::F5);
            wait_for_run(&mut h);
            h.state_mut().run.ui.playback.playing = false;
            // Playing keeps frames coming: step them rather than settle.
            h.key_press_modifiers(k.modifiers, k.logical_key);
            h.step();
            assert!(h.state().run.ui.playback.playing, "Space plays");
            h.key_press_modifiers(k.modifiers, k.logical_key);
            h.step();
            assert!(!h.state().run.ui.playback.playing, "Space pauses");
        }
        Shortcut::Help => {
            press(&mut h, k);
            assert!(h.state().files.help_open);
        }
    }
}

#[test]
fn f1_shortcuts_match_the_handled_shortcuts() {
    for binding in SHORTCUTS {
        for k in binding.keys {
            check(binding.shortcut, *k);
        }
    }
    // The help window lists every row, with its keys and its words.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = fresh_window(dir.path());
    h.key_press(Key::F1);
    h.run();
    for binding in SHORTCUTS {
        h.get_by_label(binding.what);
        h.get_by_label(&keys_label(&h.ctx, binding));
    }
    h.get_by_label("Ctrl+A");
    h.get_by_label("F5");
    h.get_by_label("Space");
}

#[test]
fn space_toggles_play() {
    check(Shortcut::PlayPause, Shortcut::PlayPause.keys()[0]);
}

#[test]
fn the_edit_menu_lists_the_clipboard_duplicate_delete_and_select_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = window(app(Document::new(small_welcome())), dir.path());
    select_card(&mut h, "Welcome email");
    h.get_by_label("Edit").click();
    h.run();
    for item in ["Copy", "Cut", "Paste", "Duplicate", "Delete", "Select all"] {
        // The item's label carries its shortcut text too.
        h.get_by_label_contains(item);
    }
    h.get_by_label_contains("Duplicate").click();
    h.run();
    super::step_named(&h, "Welcome email (copy)");
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Select all").click();
    h.run();
    assert_eq!(h.state().canvas.selection.len(), steps(&h).len());
}
