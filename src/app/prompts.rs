//! Once a frame: the close request, dropped files, the autosave tick, the
//! window title, and whichever file dialog waits for the user (one at a
//! time: recovery, open error, unsaved changes, template gallery, revert),
//! plus the help window.

use std::time::Duration;

use egui::{Context, Id, Modal, Ui, ViewportCommand};

use super::JourneyApp;
use super::file_ops::EMPTY_JOURNEY;
use super::files::Then;
use super::title::{update_title, window_title};
use crate::templates::TEMPLATES;
use crate::ui::dialogs::{
    GalleryChoice, SHORTCUTS, help_ui, open_error_ui, recovery_ui, template_gallery_ui,
    unsaved_changes_ui,
};

/// Runs the file side of the window for this frame (call after the panels,
/// so the dialogs sit on top).
pub fn files_ui(ui: &Ui, app: &mut JourneyApp) {
    let ctx = ui.ctx().clone();
    if ctx.input(|i| i.viewport().close_requested()) && !app.close_requested() {
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
    }
    match app.files.save_at_end_of_frame.take() {
        Some(true) => {
            app.save_as();
        }
        Some(false) => {
            app.save();
        }
        None => {}
    }
    dropped_files(&ctx, app);

    let now = ctx.input(|i| i.time);
    app.autosave_tick(now);
    if let Some(left) = app.files.timer.seconds_left(now) {
        ctx.request_repaint_after(Duration::from_secs_f64(left.max(0.1)));
    }

    let title = window_title(
        &app.doc.journey().name,
        app.doc.path.as_deref(),
        app.has_unsaved_work(),
    );
    update_title(&ctx, title, &mut app.files.title);

    dialogs_ui(&ctx, app);
    help_ui(&ctx, &mut app.files.help_open, SHORTCUTS);
    if std::mem::take(&mut app.files.send_close) {
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}

fn dialogs_ui(ctx: &Context, app: &mut JourneyApp) {
    if let Some(recovery) = &app.files.recovery {
        let original = recovery.original.as_ref().map(|p| p.display().to_string());
        let saved_at = recovery.saved_at.format("%Y-%m-%d %H:%M UTC").to_string();
        if let Some(choice) =
            recovery_ui(ctx, &recovery.journey.name, original.as_deref(), &saved_at)
        {
            app.answer_recovery(choice);
        }
        return;
    }
    if let Some(error) = &app.files.open_error {
        if open_error_ui(ctx, error) {
            app.files.open_error = None;
        }
        return;
    }
    if let Some(then) = &app.files.waiting {
        let before = match then {
            Then::Replace { before, .. } => before,
            Then::Close => "closing",
        };
        if let Some(choice) = unsaved_changes_ui(ctx, &app.doc.journey().name, before) {
            app.answer_unsaved(choice);
        }
        return;
    }
    if app.files.gallery_open {
        let cards: Vec<(&str, &str)> = TEMPLATES
            .iter()
            .map(|t| (t.title, t.description))
            .chain(std::iter::once(EMPTY_JOURNEY))
            .collect();
        match template_gallery_ui(ctx, &cards) {
            Some(GalleryChoice::Template(index)) => {
                app.files.gallery_open = false;
                app.new_from_template(index);
            }
            Some(GalleryChoice::Cancel) => app.files.gallery_open = false,
            None => {}
        }
        return;
    }
    if app.files.revert_asked {
        let file = app
            .doc
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if let Some(revert) = revert_ui(ctx, &file) {
            app.files.revert_asked = false;
            if revert {
                app.revert_now();
            }
        }
    }
}

/// "Revert to the saved file?": Some(true) to revert, Some(false) to keep the changes.
fn revert_ui(ctx: &Context, file: &str) -> Option<bool> {
    let mut choice = None;
    let modal = Modal::new(Id::unique("journey-designer-revert")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Revert to the saved file?");
        ui.label(format!(
            "The journey is read again from {file}. The changes since it was last saved are lost."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Revert").clicked() {
                choice = Some(true);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(false);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(false);
    }
    choice
}

/// Opens the first `.journey.ron` dropped onto the window; shows a hint while
/// files are dragged over it.
fn dropped_files(ctx: &Context, app: &mut JourneyApp) {
    let (hovered, dropped) = ctx.input(|i| {
        (
            !i.raw.hovered_files.is_empty(),
            i.raw.dropped_files.first().map(|f| f.path().to_owned()),
        )
    });
    if hovered {
        drop_hint_ui(ctx);
    }
    let Some(path) = dropped else {
        return;
    };
    if !super::file_dialogs::is_ron(&path.to_string_lossy()) {
        app.status = Some(format!(
            "{} is not a journey file (*.journey.ron).",
            path.display()
        ));
        return;
    }
    if app.files.modal_open() {
        app.status = Some("Answer the open dialog first, then drop the file again.".to_owned());
        return;
    }
    app.open_path(&path);
}

fn drop_hint_ui(ctx: &Context) {
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        Id::unique("journey-designer-drop-hint"),
    ));
    let visuals = ctx.global_style().visuals.clone();
    painter.rect_filled(rect, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a .journey.ron file to open it",
        egui::FontId::proportional(24.0),
        visuals.strong_text_color(),
    );
}
