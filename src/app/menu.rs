//! The menu bar: File (in `files/menu.rs`), Edit (with "Undo <what>"), View, Help.

use egui::Ui;

use super::shortcuts::{REDO, UNDO};
use super::{JourneyApp, Theme};

impl JourneyApp {
    /// Draws the menu bar.
    pub(crate) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui));
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui));
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                if ui.button("Shortcuts and rules (F1)").clicked() {
                    self.files.help_open = true;
                    ui.close();
                }
            });
        });
    }

    fn edit_menu_ui(&mut self, ui: &mut Ui) {
        let undo = self.doc.undo_label().map(|l| format!("Undo {l}"));
        let redo = self.doc.redo_label().map(|l| format!("Redo {l}"));
        let undo_button = egui::Button::new(undo.as_deref().unwrap_or("Undo"))
            .shortcut_text(ui.ctx().format_shortcut(&UNDO));
        if ui.add_enabled(undo.is_some(), undo_button).clicked() {
            self.undo();
        }
        let redo_button = egui::Button::new(redo.as_deref().unwrap_or("Redo"))
            .shortcut_text(ui.ctx().format_shortcut(&REDO));
        if ui.add_enabled(redo.is_some(), redo_button).clicked() {
            self.redo();
        }
        ui.separator();
        if ui.button("Auto-layout").clicked() {
            let actions = vec![crate::ui::canvas::CanvasAction::AutoLayout];
            self.apply_canvas_actions(ui, actions);
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        if ui.button("Zoom to fit (F)").clicked() {
            self.canvas.zoom_to_fit();
        }
        ui.checkbox(&mut self.canvas.grid_snap, "Snap to grid");
        let mut problems = !self.view.hide_problems;
        if ui.checkbox(&mut problems, "Problems list").changed() {
            self.view.hide_problems = !problems;
        }
        let mut inspector = !self.view.hide_inspector;
        if ui.checkbox(&mut inspector, "Inspector").changed() {
            self.view.hide_inspector = !inspector;
        }
        ui.separator();
        for (theme, label) in [
            (Theme::System, "System theme"),
            (Theme::Light, "Light"),
            (Theme::Dark, "Dark"),
        ] {
            ui.radio_value(&mut self.view.theme, theme, label);
        }
    }
}
