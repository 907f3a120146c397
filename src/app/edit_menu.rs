//! The Edit menu: Undo and Redo (saying what), the clipboard, Duplicate,
//! Delete, Select all, each with its shortcut from the one table; then
//! Auto-layout.

use std::collections::BTreeSet;

use egui::{Button, Ui};

use super::JourneyApp;
use crate::model::StepId;
use crate::ui::canvas::CanvasAction;
use crate::ui::shortcuts::Shortcut;

impl JourneyApp {
    /// Draws the Edit menu's items.
    pub(crate) fn edit_menu_ui(&mut self, ui: &mut Ui) {
        self.undo_redo_items_ui(ui);
        ui.separator();
        let selection = self.canvas.selection.clone();
        let editable = !self.read_only();
        let some = !selection.is_empty();
        let can_paste = editable && self.clipboard.is_some();
        let items: [(&str, Shortcut, bool, Option<CanvasAction>); 5] = [
            (
                "Copy",
                Shortcut::Copy,
                some,
                Some(CanvasAction::Copy(selection.clone())),
            ),
            (
                "Cut",
                Shortcut::Cut,
                some && editable,
                Some(CanvasAction::Cut(selection.clone())),
            ),
            (
                "Paste",
                Shortcut::Paste,
                can_paste,
                Some(CanvasAction::Paste {
                    text: None,
                    at: None,
                }),
            ),
            (
                "Duplicate",
                Shortcut::Duplicate,
                some && editable,
                Some(CanvasAction::Duplicate(selection.clone())),
            ),
            (
                "Delete",
                Shortcut::Delete,
                some && editable,
                Some(CanvasAction::Delete(selection)),
            ),
        ];
        for (label, shortcut, enabled, action) in items {
            let button = Button::new(label).shortcut_text(shortcut.menu_text(ui.ctx()));
            if ui.add_enabled(enabled, button).clicked() {
                ui.close();
                self.apply_canvas_actions(ui, action.into_iter().collect());
            }
        }
        let all = Button::new("Select all").shortcut_text(Shortcut::SelectAll.menu_text(ui.ctx()));
        if ui.add(all).clicked() {
            ui.close();
            self.select_all();
        }
        ui.separator();
        if ui.button("Auto-layout").clicked() {
            ui.close();
            self.apply_canvas_actions(ui, vec![CanvasAction::AutoLayout]);
        }
    }

    fn undo_redo_items_ui(&mut self, ui: &mut Ui) {
        let undo = self.doc.undo_label().map(|l| format!("Undo {l}"));
        let redo = self.doc.redo_label().map(|l| format!("Redo {l}"));
        let undo_button = Button::new(undo.as_deref().unwrap_or("Undo"))
            .shortcut_text(Shortcut::Undo.menu_text(ui.ctx()));
        if ui.add_enabled(undo.is_some(), undo_button).clicked() {
            self.undo();
        }
        let redo_button = Button::new(redo.as_deref().unwrap_or("Redo"))
            .shortcut_text(Shortcut::Redo.menu_text(ui.ctx()));
        if ui.add_enabled(redo.is_some(), redo_button).clicked() {
            self.redo();
        }
    }

    /// Selects every step of the version shown.
    pub fn select_all(&mut self) {
        let all: BTreeSet<StepId> = self
            .doc
            .journey()
            .versions
            .get(self.version_index())
            .map(|v| v.steps.keys().copied().collect())
            .unwrap_or_default();
        self.canvas.selection = all;
    }
}
