//! The File menu: New, Open, Open recent, Save, Save as, Revert, Quit.

use std::path::PathBuf;

use egui::{Button, Ui};

use super::JourneyApp;
use super::shortcuts::{NEW, OPEN, SAVE, SAVE_AS};

/// Draws the File menu's items.
pub fn file_menu_ui(ui: &mut Ui, app: &mut JourneyApp) {
    let shortcut = |s| ui.ctx().format_shortcut(&s);
    let (new, open, save, save_as) = (
        shortcut(NEW),
        shortcut(OPEN),
        shortcut(SAVE),
        shortcut(SAVE_AS),
    );
    if ui.add(Button::new("New...").shortcut_text(new)).clicked() {
        ui.close();
        app.new_journey();
    }
    if ui.add(Button::new("Open...").shortcut_text(open)).clicked() {
        ui.close();
        app.open_dialog();
    }
    recent_menu_ui(ui, app);
    ui.separator();
    if ui.add(Button::new("Save").shortcut_text(save)).clicked() {
        ui.close();
        app.save();
    }
    if ui
        .add(Button::new("Save as...").shortcut_text(save_as))
        .clicked()
    {
        ui.close();
        app.save_as();
    }
    let can_revert = app.doc.path.is_some() && app.doc.is_dirty();
    if ui
        .add_enabled(can_revert, Button::new("Revert to saved"))
        .on_disabled_hover_text("Only for a journey with unsaved changes to its file")
        .clicked()
    {
        ui.close();
        app.revert();
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.close();
        ui.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// "Open recent": newest first; a file that no longer exists says so and,
/// when clicked, is removed from the list with a message.
fn recent_menu_ui(ui: &mut Ui, app: &mut JourneyApp) {
    let recent = app.view.recent_files.clone();
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
                app.view.recent_files.clear();
                ui.close();
            }
            if let Some(path) = chosen {
                ui.close();
                app.open_path(&path);
            }
        });
    });
}
