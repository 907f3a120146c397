//! The window's keyboard shortcuts, looked up in the one table
//! ([`crate::ui::shortcuts::SHORTCUTS`]) the help window lists: help, save,
//! save as, undo, redo, new, open, play/pause. The canvas reads its own
//! keys (delete, duplicate, clipboard, select all, pan, zoom) from the same
//! table; F5 is read where runs start (`simulation/frame.rs`).

use egui::Ui;

use super::JourneyApp;
use super::files::SaveKind;
use crate::ui::shortcuts::Shortcut;

/// The shortcuts this file handles, in the table's order (Redo before Undo:
/// Ctrl+Shift+Z is not read as Ctrl+Z).
const WINDOW_SHORTCUTS: [Shortcut; 5] = [
    Shortcut::Redo,
    Shortcut::Undo,
    Shortcut::New,
    Shortcut::Open,
    Shortcut::PlayPause,
];

impl JourneyApp {
    /// Handles the window-wide shortcuts of this frame.
    pub(crate) fn keyboard_shortcuts(&mut self, ui: &Ui) {
        if ui.input_mut(|i| Shortcut::Help.consume(i)) {
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
        if self.files.help_open
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.files.help_open = false;
        }
        let pressed: Vec<Shortcut> = ui.input_mut(|i| {
            WINDOW_SHORTCUTS
                .into_iter()
                .filter(|s| s.consume(i))
                .collect()
        });
        for shortcut in pressed {
            self.shortcut(shortcut);
        }
    }

    /// Does what a window shortcut asks.
    fn shortcut(&mut self, shortcut: Shortcut) {
        match shortcut {
            Shortcut::Undo => self.undo(),
            Shortcut::Redo => self.redo(),
            Shortcut::New => self.new_journey(),
            Shortcut::Open => self.open_dialog(),
            Shortcut::PlayPause => self.play_pause(),
            _ => {}
        }
    }

    /// Space: plays the latest run's playback, or pauses it.
    pub fn play_pause(&mut self) {
        let Some(rows) = self.run.result.as_ref().map(|r| r.report.timeline.len()) else {
            self.status = Some("Nothing to play yet: run the journey first (F5).".to_owned());
            return;
        };
        let playback = &mut self.run.ui.playback;
        if playback.playing {
            playback.playing = false;
        } else {
            playback.play(rows);
        }
    }

    /// Save works from inside a text field too: the field gives up the
    /// keyboard (which finishes its edit) and the save waits for the end of
    /// the frame, after the inspector has turned the edit into a command.
    fn save_shortcuts(&mut self, ui: &Ui) {
        let (save_as, save) = ui.input_mut(|i| {
            let save_as = Shortcut::SaveAs.consume(i);
            (save_as, Shortcut::Save.consume(i))
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
