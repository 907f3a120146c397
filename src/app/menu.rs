//! The menu bar: File (in `files/menu.rs`), Edit (in `edit_menu.rs`), View, Help.

use egui::Ui;

use super::{JourneyApp, Theme};
use crate::ui::shortcuts::Shortcut;

impl JourneyApp {
    /// Draws the menu bar.
    pub(crate) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            let file = ui.menu_button("File", |ui| self.file_menu_ui(ui));
            if file.response.clicked() {
                // Another window may have opened files since: show them too.
                if let Some(problem) = self.load_recent() {
                    self.status = Some(problem);
                }
            }
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui));
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                if ui
                    .add(
                        egui::Button::new("Shortcuts and how a journey works")
                            .shortcut_text(Shortcut::Help.menu_text(ui.ctx())),
                    )
                    .clicked()
                {
                    self.files.help_open = true;
                    ui.close();
                }
            });
        });
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        ui.label(format!(
            "Zoom: {}",
            crate::ui::canvas::zoom::zoom_label(self.canvas.zoom())
        ));
        for (label, keys, factor) in [
            ("Zoom in", "Ctrl +", Some(1.25)),
            ("Zoom out", "Ctrl −", Some(0.8)),
            ("Actual size (100 %)", "Ctrl 0", None),
        ] {
            if ui
                .add(egui::Button::new(label).shortcut_text(keys))
                .clicked()
            {
                match factor {
                    Some(f) => self.canvas.zoom_by(f),
                    None => self.canvas.set_zoom(1.0),
                }
            }
        }
        if ui
            .add(egui::Button::new("Zoom to fit").shortcut_text("F"))
            .clicked()
        {
            self.canvas.zoom_to_fit();
        }
        ui.separator();
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
