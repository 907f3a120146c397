//! The template gallery for File > New: a card per template with its title
//! and a short description. Takes plain data, so it does not depend on where
//! the templates come from.

use egui::{Context, Id, Modal, RichText, ScrollArea};

/// What the user chose in the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GalleryChoice {
    /// Start from the template at this index.
    Template(usize),
    /// Close the gallery; nothing changes.
    Cancel,
}

/// Shows the gallery of `(title, description)` pairs; returns the choice once made.
pub fn template_gallery_ui<T: AsRef<str>, D: AsRef<str>>(
    ctx: &Context,
    templates: &[(T, D)],
) -> Option<GalleryChoice> {
    let mut choice = None;
    let max_height = (ctx.content_rect().height() - 160.0).max(200.0);
    let modal = Modal::new(Id::unique("journey-designer-template-gallery")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading("New journey");
        ui.label("Start from a template. You can change everything afterwards.");
        ui.add_space(6.0);
        ScrollArea::vertical()
            .max_height(max_height)
            .show(ui, |ui| {
                for (index, (title, description)) in templates.iter().enumerate() {
                    ui.push_id(index, |ui| {
                        ui.group(|ui| {
                            ui.set_width(ui.available_width());
                            ui.horizontal(|ui| {
                                ui.label(RichText::new(title.as_ref()).strong());
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        if ui
                                            .button("Use")
                                            .accessible_name(format!("Use {}", title.as_ref()))
                                            .on_hover_text(format!(
                                                "Start from '{}'",
                                                title.as_ref()
                                            ))
                                            .clicked()
                                        {
                                            choice = Some(GalleryChoice::Template(index));
                                        }
                                    },
                                );
                            });
                            ui.label(RichText::new(description.as_ref()).weak());
                        });
                    });
                }
            });
        ui.add_space(6.0);
        if ui.button("Cancel").clicked() {
            choice = Some(GalleryChoice::Cancel);
        }
    });
    if choice.is_none() && modal.should_close() {
        choice = Some(GalleryChoice::Cancel);
    }
    choice
}
