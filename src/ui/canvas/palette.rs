//! The palette: one button per kind of step. Drag one onto the canvas, or
//! click it and then click where the step goes. Below it, layout tools.

use egui::{Button, RichText, Sense, Ui};

use super::card::kind_colour;
use super::icons::paint_icon;
use super::{Canvas, CanvasAction};
use crate::model::ActionKind;

/// The drag-and-drop payload of a palette button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaletteDrag(pub ActionKind);

/// Draws the palette (left panel) and returns the layout actions asked for.
pub fn palette_ui(ui: &mut Ui, canvas: &mut Canvas, read_only: bool) -> Vec<CanvasAction> {
    let mut actions = Vec::new();
    ui.heading("Steps");
    ui.label(
        RichText::new("Drag onto the canvas, or click then place.")
            .small()
            .weak(),
    );
    ui.add_space(4.0);
    ui.add_enabled_ui(!read_only, |ui| {
        for kind in ActionKind::ALL {
            kind_button_ui(ui, canvas, kind, read_only);
        }
    });
    if let Some(kind) = canvas.placing {
        ui.label(
            RichText::new(format!(
                "Click the canvas to place a {} step (Esc cancels).",
                kind.label()
            ))
            .small(),
        );
    }
    ui.separator();
    layout_tools_ui(ui, canvas, read_only, &mut actions);
    actions
}

/// One kind's button: drag it onto the canvas, or click it to place the
/// next click's step (click again to cancel).
fn kind_button_ui(ui: &mut Ui, canvas: &mut Canvas, kind: ActionKind, read_only: bool) {
    let colour = kind_colour(kind);
    let placing = canvas.placing == Some(kind);
    // Room on the left for the icon, painted over the button.
    let text = RichText::new(format!("       {}", kind.label()));
    let button = Button::new(text)
        .selected(placing)
        .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.6)))
        .sense(Sense::click_and_drag())
        .min_size(egui::vec2(ui.available_width(), 28.0));
    let resp = ui.add(button);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, !read_only, kind.label()));
    resp.dnd_set_drag_payload(PaletteDrag(kind));
    let icon_at = egui::pos2(resp.rect.left() + 16.0, resp.rect.center().y);
    paint_icon(ui.painter(), kind, icon_at, 14.0, colour);
    if resp.clicked() {
        canvas.placing = if placing { None } else { Some(kind) };
    }
}

/// Auto-layout, zoom to fit, snap to grid, and how to move around.
fn layout_tools_ui(
    ui: &mut Ui,
    canvas: &mut Canvas,
    read_only: bool,
    actions: &mut Vec<CanvasAction>,
) {
    ui.heading("Layout");
    if ui
        .add_enabled(!read_only, Button::new("Auto-layout"))
        .on_hover_text("Lay steps out left to right by depth")
        .clicked()
    {
        actions.push(CanvasAction::AutoLayout);
    }
    if ui.button("Zoom to fit (F)").clicked() {
        canvas.zoom_to_fit();
    }
    ui.checkbox(&mut canvas.grid_snap, "Snap to grid");
    ui.add_space(8.0);
    ui.label(
        RichText::new(
            "Drag the background or scroll to pan;\nCtrl+scroll, pinch or Ctrl +/− to zoom.\nShift+drag selects with a band.\nDrag from a dot on a card's right edge onto another card to connect.",
        )
        .small()
        .weak(),
    );
}
