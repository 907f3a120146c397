//! The menu bar: File (in `file_menu`), Edit (with "Undo <what>"), View, Help.

use egui::Ui;

use super::shortcuts::{REDO, UNDO};
use super::{JourneyApp, Theme};

/// Draws the menu bar.
pub fn menu_ui(ui: &mut Ui, app: &mut JourneyApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| super::file_menu::file_menu_ui(ui, app));
        ui.menu_button("Edit", |ui| edit_menu(ui, app));
        ui.menu_button("View", |ui| view_menu(ui, app));
        ui.menu_button("Help", |ui| {
            if ui.button("Shortcuts and rules (F1)").clicked() {
                app.files.help_open = true;
                ui.close();
            }
        });
    });
}

fn edit_menu(ui: &mut Ui, app: &mut JourneyApp) {
    let undo = app.doc.undo_label().map(|l| format!("Undo {l}"));
    let redo = app.doc.redo_label().map(|l| format!("Redo {l}"));
    let undo_button = egui::Button::new(undo.as_deref().unwrap_or("Undo"))
        .shortcut_text(ui.ctx().format_shortcut(&UNDO));
    if ui.add_enabled(undo.is_some(), undo_button).clicked() {
        app.undo();
    }
    let redo_button = egui::Button::new(redo.as_deref().unwrap_or("Redo"))
        .shortcut_text(ui.ctx().format_shortcut(&REDO));
    if ui.add_enabled(redo.is_some(), redo_button).clicked() {
        app.redo();
    }
    ui.separator();
    if ui.button("Auto-layout").clicked() {
        let actions = vec![crate::ui::canvas::CanvasAction::AutoLayout];
        app.apply_actions(ui, actions);
    }
}

fn view_menu(ui: &mut Ui, app: &mut JourneyApp) {
    if ui.button("Zoom to fit (F)").clicked() {
        app.canvas.zoom_to_fit();
    }
    ui.checkbox(&mut app.canvas.grid_snap, "Snap to grid");
    let mut problems = !app.view.hide_problems;
    if ui.checkbox(&mut problems, "Problems list").changed() {
        app.view.hide_problems = !problems;
    }
    let mut inspector = !app.view.hide_inspector;
    if ui.checkbox(&mut inspector, "Inspector").changed() {
        app.view.hide_inspector = !inspector;
    }
    ui.separator();
    for (theme, label) in [
        (Theme::System, "System theme"),
        (Theme::Light, "Light"),
        (Theme::Dark, "Dark"),
    ] {
        ui.radio_value(&mut app.view.theme, theme, label);
    }
}
