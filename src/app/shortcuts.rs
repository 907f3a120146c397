//! Window-wide keyboard shortcuts: undo/redo, new, open, save, save as,
//! help. The canvas reads its own keys (delete, duplicate, clipboard, pan, fit).

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::JourneyApp;
use super::files::SaveKind;

/// Ctrl+Z.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+N.
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Ctrl+S.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+Shift+S.
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
/// Ctrl+O.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// F1.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// What the keyboard asked for this frame.
#[derive(Default)]
struct Pressed {
    undo: bool,
    redo: bool,
    new: bool,
    open: bool,
}

impl JourneyApp {
    /// Handles the window-wide shortcuts of this frame.
    pub(crate) fn keyboard_shortcuts(&mut self, ui: &Ui) {
        if ui.input_mut(|i| i.consume_shortcut(&HELP)) {
            self.files.help_open = !self.files.help_open;
        }
        if !self.files.modal_open() {
            self.save_shortcuts(ui);
        }
        if ui.ctx().egui_wants_keyboard_input() || self.files.modal_open() {
            // A text field's own undo wins while it has the keyboard; a dialog
            // waits for its answer.
            return;
        }
        if self.files.help_open && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.files.help_open = false;
        }
        let pressed = ui.input_mut(|i| {
            // Longest shortcut first, so Ctrl+Shift+Z is not read as Ctrl+Z.
            let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
            Pressed {
                undo: i.consume_shortcut(&UNDO),
                redo,
                new: i.consume_shortcut(&NEW),
                open: i.consume_shortcut(&OPEN),
            }
        });
        if pressed.undo {
            self.undo();
        }
        if pressed.redo {
            self.redo();
        }
        if pressed.new {
            self.new_journey();
        }
        if pressed.open {
            self.open_dialog();
        }
    }

    /// Save works from inside a text field too: the field gives up the
    /// keyboard (which finishes its edit) and the save waits for the end of
    /// the frame, after the inspector has turned the edit into a command.
    fn save_shortcuts(&mut self, ui: &Ui) {
        let (save_as, save) = ui.input_mut(|i| {
            let save_as = i.consume_shortcut(&SAVE_AS);
            (save_as, i.consume_shortcut(&SAVE))
        });
        if save || save_as {
            ui.ctx().memory_mut(egui::Memory::stop_text_input);
            self.files.save_at_end_of_frame = Some(if save_as {
                SaveKind::SaveAs
            } else {
                SaveKind::Save
            });
        }
    }
}
