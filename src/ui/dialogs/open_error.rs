//! The dialog shown when a journey file cannot be opened. The current
//! document is left as it was; the dialog only tells what went wrong, where.

use std::path::Path;

use egui::{Context, Id, Modal, RichText};

use crate::store::LoadError;

/// What the dialog shows: the file, the position (for syntax errors) and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenError {
    /// The file the user tried to open.
    pub file: String,
    /// 1-based line of a syntax error.
    pub line: Option<usize>,
    /// 1-based column of a syntax error.
    pub column: Option<usize>,
    /// What is wrong, without the file name and position.
    pub message: String,
}

impl OpenError {
    /// The dialog's content for a load error of `path`.
    pub fn from_load_error(path: &Path, error: &LoadError) -> OpenError {
        let (line, column, message) = match error {
            LoadError::Syntax {
                line,
                column,
                message,
                ..
            } => (Some(*line), Some(*column), message.clone()),
            LoadError::Io { source, .. } => (None, None, format!("cannot read the file: {source}")),
            LoadError::NotText { detail, .. } => {
                (None, None, format!("not a journey file: {detail}"))
            }
            LoadError::NewerFormat { .. } => {
                // The error's own text, minus the file prefix it may carry.
                let text = error.to_string();
                let prefix = format!("{}: ", path.display());
                let text = text
                    .strip_prefix(&prefix)
                    .map_or(text.clone(), str::to_owned);
                (None, None, text)
            }
        };
        OpenError {
            file: path.display().to_string(),
            line,
            column,
            message,
        }
    }

    /// "line 3, column 14", or `None` when the error has no position.
    pub fn position(&self) -> Option<String> {
        match (self.line, self.column) {
            (Some(l), Some(c)) => Some(format!("line {l}, column {c}")),
            (Some(l), None) => Some(format!("line {l}")),
            _ => None,
        }
    }
}

/// Shows the error; returns true when the user dismisses it (OK, Escape or a
/// click outside).
pub fn open_error_ui(ctx: &Context, error: &OpenError) -> bool {
    let mut ok = false;
    let modal = Modal::new(Id::unique("journey-designer-open-error")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("The journey could not be opened");
        ui.add_space(4.0);
        egui::Grid::new("open-error-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("File:");
                ui.label(RichText::new(&error.file).monospace());
                ui.end_row();
                if let Some(position) = error.position() {
                    ui.label("Where:");
                    ui.label(position);
                    ui.end_row();
                }
                ui.label("Problem:");
                ui.label(&error.message);
                ui.end_row();
            });
        ui.add_space(4.0);
        ui.label(
            RichText::new("Your current journey was not changed.")
                .small()
                .weak(),
        );
        ui.add_space(6.0);
        if ui.button("OK").clicked() {
            ok = true;
        }
    });
    ok || modal.should_close()
}
