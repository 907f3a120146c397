//! Once a frame: the close request, dropped files, the autosave tick, the
//! window title, and whichever file dialog waits for the user (one at a
//! time: recovery, open error, unsaved changes, template gallery, revert),
//! plus the help window.

use std::path::PathBuf;
use std::time::Duration;

use egui::{Context, Id, Modal, Ui, ViewportCommand};

use super::dialogs::is_ron;
use super::{EMPTY_JOURNEY, SaveKind, Then};
use crate::app::JourneyApp;
use crate::app::title::{update_title, window_title};
use crate::templates::TEMPLATES;
use crate::ui::dialogs::{
    GalleryChoice, SHORTCUTS, help_ui, open_error_ui, recovery_ui, template_gallery_ui,
    unsaved_changes_ui,
};

/// The answer to "Revert to the saved file?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RevertChoice {
    /// Read the file again.
    Revert,
    /// Keep the changes.
    Keep,
}

impl JourneyApp {
    /// Runs the file side of the window for this frame (call after the
    /// panels, so the dialogs sit on top).
    pub(crate) fn file_prompts_ui(&mut self, ui: &Ui) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_requested() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        match self.files.save_at_end_of_frame.take() {
            Some(SaveKind::SaveAs) => {
                self.save_as();
            }
            Some(SaveKind::Save) => {
                self.save();
            }
            None => {}
        }
        self.dropped_files(&ctx);

        let now = ctx.input(|i| i.time);
        self.autosave_tick(now);
        if let Some(left) = self.files.timer.seconds_left(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(left.max(0.1)));
        }

        let title = window_title(
            &self.doc.journey().name,
            self.doc.path.as_deref(),
            self.has_unsaved_work(),
        );
        update_title(&ctx, title, &mut self.files.title);

        self.file_dialog_ui(&ctx);
        help_ui(&ctx, &mut self.files.help_open, SHORTCUTS);
        if std::mem::take(&mut self.files.send_close) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// The one file dialog waiting for an answer, most urgent first.
    fn file_dialog_ui(&mut self, ctx: &Context) {
        if self.files.chooser.is_some() {
            self.chooser_ui(ctx);
        } else if self.files.recovery.is_some() {
            self.recovery_prompt_ui(ctx);
        } else if let Some(error) = &self.files.open_error {
            if open_error_ui(ctx, error) {
                self.files.open_error = None;
            }
        } else if let Some(then) = &self.files.waiting {
            let before = match then {
                Then::Replace { before, .. } => before,
                Then::Close => "closing",
            };
            if let Some(choice) = unsaved_changes_ui(ctx, &self.doc.journey().name, before) {
                self.answer_unsaved(choice);
            }
        } else if self.files.gallery_open {
            self.gallery_ui(ctx);
        } else if self.files.revert_asked {
            self.revert_prompt_ui(ctx);
        }
    }

    fn recovery_prompt_ui(&mut self, ctx: &Context) {
        let Some(recovery) = &self.files.recovery else {
            return;
        };
        let original = recovery.original.as_ref().map(|p| p.display().to_string());
        let saved_at = recovery.saved_at.format("%Y-%m-%d %H:%M UTC").to_string();
        if let Some(choice) =
            recovery_ui(ctx, &recovery.journey.name, original.as_deref(), &saved_at)
        {
            self.answer_recovery(choice);
        }
    }

    /// File > New: the templates, then the empty journey.
    fn gallery_ui(&mut self, ctx: &Context) {
        let cards: Vec<(&str, &str)> = TEMPLATES
            .iter()
            .map(|t| (t.title, t.description))
            .chain(std::iter::once(EMPTY_JOURNEY))
            .collect();
        match template_gallery_ui(ctx, &cards) {
            Some(GalleryChoice::Template(index)) => {
                self.files.gallery_open = false;
                self.new_from_template(index);
            }
            Some(GalleryChoice::Cancel) => self.files.gallery_open = false,
            None => {}
        }
    }

    fn revert_prompt_ui(&mut self, ctx: &Context) {
        let file = self
            .doc
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if let Some(choice) = revert_ui(ctx, &file) {
            self.files.revert_asked = false;
            if choice == RevertChoice::Revert {
                self.revert_now();
            }
        }
    }

    /// Opens the first `.journey.ron` dropped onto the window; shows a hint
    /// while files are dragged over it.
    fn dropped_files(&mut self, ctx: &Context) {
        let hovered = ctx.input(|i| !i.raw.hovered_files.is_empty());
        let dropped: Option<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()));
        if hovered {
            drop_hint_ui(ctx);
        }
        let Some(path) = dropped else {
            return;
        };
        if !is_ron(&path.to_string_lossy()) {
            self.status = Some(format!(
                "{} is not a journey file (*.journey.ron).",
                path.display()
            ));
            return;
        }
        if self.files.modal_open() {
            self.status =
                Some("Answer the open dialog first, then drop the file again.".to_owned());
            return;
        }
        self.open_path(&path);
    }
}

/// "Revert to the saved file?"; `None` while it waits for an answer.
fn revert_ui(ctx: &Context, file: &str) -> Option<RevertChoice> {
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
                choice = Some(RevertChoice::Revert);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(RevertChoice::Keep);
            }
        });
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(RevertChoice::Keep);
    }
    choice
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
