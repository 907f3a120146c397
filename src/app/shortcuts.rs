//! Window-wide keyboard shortcuts: undo/redo, open, save. The canvas reads
//! its own keys (delete, duplicate, clipboard, pan, fit).

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::JourneyApp;

/// Ctrl+Z.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+S.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+O.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);

/// Handles the shortcuts of this frame.
pub fn shortcuts(ui: &Ui, app: &mut JourneyApp) {
    if ui.ctx().egui_wants_keyboard_input() {
        // A text field's own undo wins while it has the keyboard.
        return;
    }
    let (undo, redo, save, open) = ui.input_mut(|i| {
        // Longest shortcut first, so Ctrl+Shift+Z is not read as Ctrl+Z.
        let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
        let undo = i.consume_shortcut(&UNDO);
        (
            undo,
            redo,
            i.consume_shortcut(&SAVE),
            i.consume_shortcut(&OPEN),
        )
    });
    if undo {
        app.undo();
    }
    if redo {
        app.redo();
    }
    if save {
        app.save(None);
    }
    if open && let Some(path) = super::files::pick_open() {
        app.open(&path);
    }
}
