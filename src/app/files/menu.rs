//! The File menu: New, Open, Open recent, Save, Save as, Revert, Quit.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::app::JourneyApp;
use crate::ui::shortcuts::Shortcut;

impl JourneyApp {
    /// Draws the File menu's items.
    pub(crate) fn file_menu_ui(&mut self, ui: &mut Ui) {
        let shortcut = |s: Shortcut| s.menu_text(ui.ctx());
        let (new, open, save, save_as) = (
            shortcut(Shortcut::New),
            shortcut(Shortcut::Open),
            shortcut(Shortcut::Save),
            shortcut(Shortcut::SaveAs),
        );
        if ui.add(Button::new("New...").shortcut_text(new)).clicked() {
            ui.close();
            self.new_journey();
        }
        if ui.add(Button::new("Open...").shortcut_text(open)).clicked() {
            ui.close();
            self.open_dialog();
        }
        self.recent_menu_ui(ui);
        ui.separator();
        if ui.add(Button::new("Save").shortcut_text(save)).clicked() {
            ui.close();
            self.save();
        }
        if ui
            .add(Button::new("Save as...").shortcut_text(save_as))
            .clicked()
        {
            ui.close();
            self.save_as();
        }
        let can_revert = self.doc.path.is_some() && self.doc.is_dirty();
        if ui
            .add_enabled(can_revert, Button::new("Revert to saved"))
            .on_disabled_hover_text("Only for a journey with unsaved changes to its file")
            .clicked()
        {
            ui.close();
            self.revert();
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            ui.close();
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// "Open recent": newest first; a file that no longer exists says so and,
    /// when clicked, is removed from the list with a message.
    fn recent_menu_ui(&mut self, ui: &mut Ui) {
        let recent = self.view.recent_files.clone();
        ui.add_enabled_ui(!recent.is_empty(), |ui| {
            ui.menu_button("Open recent", |ui| {
                let mut chosen: Option<PathBuf> = None;
                for path in &recent {
                    let mut text = path.display().to_string();
                    if !path.exists() {
                        text.push_str("  (missing)");
                    }
                    if ui.button(text).clicked() {
                        chosen = Some(path.clone());
                    }
                }
                ui.separator();
                if ui.button("Clear the list").clicked() {
                    self.clear_recent();
                    ui.close();
                }
                if let Some(path) = chosen {
                    ui.close();
                    self.open_path(&path);
                }
            });
        });
    }
}
