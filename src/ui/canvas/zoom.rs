//! The zoom figure in the canvas's bottom-right corner: zoom out, the zoom
//! in percent (click for 100 %), zoom in, and fit. Drawn on a layer just
//! above the canvas, so it never moves the canvas.

use egui::{Align2, Button, LayerId, Rect, Ui, UiBuilder, vec2};

use super::Canvas;

/// The zoom as the window shows it: "80 %".
pub fn zoom_label(zoom: f32) -> String {
    format!("{:.0} %", zoom * 100.0)
}

/// Draws the zoom figure and its buttons over the bottom-right corner of `area`.
pub fn zoom_bar_ui(ui: &mut Ui, canvas: &mut Canvas, area: Rect) {
    let layer = LayerId::new(ui.layer_id().order, ui.make_persistent_id("zoom-bar"));
    ui.ctx().set_sublayer(ui.layer_id(), layer);
    let size = vec2(230.0, 28.0);
    let rect = Align2::RIGHT_BOTTOM.align_size_within_rect(size, area.shrink(8.0));
    let mut ui = ui.new_child(UiBuilder::new().layer_id(layer).max_rect(rect));
    egui::Frame::popup(ui.style())
        .inner_margin(vec2(4.0, 2.0))
        .show(&mut ui, |ui| {
            ui.horizontal(|ui| {
                if ui
                    .add(Button::new("−").small())
                    .on_hover_text("Zoom out (Ctrl −)")
                    .clicked()
                {
                    canvas.zoom_by(0.8);
                }
                let figure = zoom_label(canvas.zoom());
                if ui
                    .add(Button::new(&figure).small().frame(false))
                    .on_hover_text("Zoom: click for 100 % (Ctrl 0)")
                    .clicked()
                {
                    canvas.set_zoom(1.0);
                }
                if ui
                    .add(Button::new("+").small())
                    .on_hover_text("Zoom in (Ctrl +)")
                    .clicked()
                {
                    canvas.zoom_by(1.25);
                }
                if ui
                    .add(Button::new("Fit").small())
                    .on_hover_text("Show the whole journey (F)")
                    .clicked()
                {
                    canvas.zoom_to_fit();
                }
            });
        });
}
