//! The canvas as a picture to hand over (Export → Canvas with counts as
//! PNG): the journey's name and the date on top, a legend of the count
//! colours, the cards with their counts in the light theme, at least
//! [`MIN_WIDTH`] pixels wide. Drawn off screen (`ui::raster`), so neither
//! the window's size nor its theme changes it; no problem badges, no
//! selection, no zoom bar.

use egui::{Color32, ColorImage, Rect, RichText, Stroke, Ui, UiBuilder, Vec2, vec2};

use super::count_layout::start_box;
use super::{Cache, Canvas, CanvasInput, Overlay, counts, scene};
use crate::model::Journey;
use crate::ui::style::colours;

/// The narrowest picture, in pixels.
pub const MIN_WIDTH: f32 = 1600.0;
/// The widest picture: larger journeys are drawn smaller.
const MAX_WIDTH: f32 = 4000.0;
/// The largest zoom: a small journey is drawn larger, not lost in white.
const MAX_ZOOM: f32 = 1.5;
/// Room around the cards, in canvas units.
const PAD: f32 = 48.0;
/// The page margin, in pixels.
const MARGIN: f32 = 32.0;
/// The title, date and legend above the cards, in pixels.
const HEADER: f32 = 128.0;

/// What the picture shows.
#[derive(Clone, Copy, Debug)]
pub struct PictureInput<'a> {
    /// The journey.
    pub journey: &'a Journey,
    /// The version drawn.
    pub version: usize,
    /// The run's counts, if there was a run.
    pub overlay: Option<&'a Overlay>,
    /// The line under the title: the date, the version, when the counts are.
    pub subtitle: &'a str,
}

/// The picture of the canvas, light theme, at least [`MIN_WIDTH`] wide.
pub fn picture(input: &PictureInput<'_>) -> ColorImage {
    // No problems: the picture shows no badges.
    let cache = Cache::build(input.journey, &[], 0, input.version, 0);
    let bounds = drawn_bounds(&cache, input.overlay).expand(PAD);
    let zoom = zoom_for(bounds.width());
    let area = bounds.size() * zoom;
    let page = vec2(
        (area.x + 2.0 * MARGIN).max(MIN_WIDTH),
        area.y + HEADER + 2.0 * MARGIN,
    );
    let mut canvas = Canvas {
        scene_rect: bounds,
        fit_frames: 0,
        ..Canvas::default()
    };
    let visuals = egui::Visuals::light();
    crate::ui::raster::render(page, 1.0, &visuals, |ui| {
        picture_ui(ui, input, &mut canvas, &cache, area);
    })
}

/// The cards, the Start card's count box and a margin for the end markers.
fn drawn_bounds(cache: &Cache, overlay: Option<&Overlay>) -> Rect {
    let rows = overlay
        .and_then(|o| o.entry.as_ref())
        .map_or(0, |e| e.lines().len());
    cache.bounds.union(start_box(cache.start, rows))
}

/// The zoom that makes the cards fill [`MIN_WIDTH`], within 100 %–150 %
/// unless the journey is wider than [`MAX_WIDTH`] at 100 %.
fn zoom_for(width: f32) -> f32 {
    let inner = |w: f32| w - 2.0 * MARGIN;
    let width = width.max(1.0);
    if width > inner(MAX_WIDTH) {
        inner(MAX_WIDTH) / width
    } else {
        (inner(MIN_WIDTH) / width).clamp(1.0, MAX_ZOOM)
    }
}

/// The page: header, legend, then the canvas in `area` (points).
fn picture_ui(
    ui: &mut Ui,
    input: &PictureInput<'_>,
    canvas: &mut Canvas,
    cache: &Cache,
    area: Vec2,
) {
    let page = ui.max_rect().shrink(MARGIN);
    let mut ui = ui.new_child(UiBuilder::new().max_rect(page));
    ui.label(RichText::new(&input.journey.name).size(30.0).strong());
    ui.label(RichText::new(input.subtitle).size(16.0).weak());
    ui.add_space(10.0);
    legend_ui(&mut ui, input.overlay.is_some());
    let top = page.top() + HEADER;
    let left = page.center().x - area.x / 2.0;
    let rect = Rect::from_min_size(egui::pos2(left.max(page.left()), top), area);
    let mut ui = ui.new_child(UiBuilder::new().max_rect(rect));
    ui.set_clip_rect(rect);
    let input = CanvasInput {
        journey: input.journey,
        problems: &[],
        overlay: input.overlay,
        document: 0,
        revision: 0,
        version: input.version,
        read_only: true,
    };
    let mut actions = Vec::new();
    scene::scene_ui(&mut ui, canvas, cache, &input, &mut actions);
    if let Some(overlay) = input.overlay {
        counts::counts_ui(&mut ui, overlay, cache, canvas.to_screen);
    }
}

/// What the colours and widths of the counts mean.
fn legend_ui(ui: &mut Ui, with_counts: bool) {
    if !with_counts {
        ui.label(RichText::new("No run yet: the picture shows the design only.").size(15.0));
        return;
    }
    let weak = ui.visuals().weak_text_color();
    ui.horizontal(|ui| {
        swatch_ui(
            ui,
            colours::NOW,
            "Blue figures: customers who reached the step, and their share of the step before",
        );
        ui.add_space(18.0);
        line_swatch_ui(
            ui,
            colours::NOW.gamma_multiply(0.36),
            "Thicker line: more customers passed along it",
        );
    });
    ui.horizontal(|ui| {
        swatch_ui(
            ui,
            weak,
            "Grey: here now · finished the journey · left early",
        );
        ui.add_space(18.0);
        swatch_ui(
            ui,
            colours::GOOD,
            "Green box: who arrived at Start and who entered",
        );
    });
}

/// A coloured square and its meaning.
fn swatch_ui(ui: &mut Ui, colour: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, colour);
    ui.label(RichText::new(text).size(15.0));
}

/// A thick line and its meaning.
fn line_swatch_ui(ui: &mut Ui, colour: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(28.0, 14.0), egui::Sense::hover());
    ui.painter().line_segment(
        [rect.left_center(), rect.right_center()],
        Stroke::new(8.0, colour),
    );
    ui.label(RichText::new(text).size(15.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_journeys_are_drawn_larger_and_large_ones_fit_the_widest_picture() {
        assert_eq!(zoom_for(100.0), MAX_ZOOM);
        assert_eq!(zoom_for(MIN_WIDTH), 1.0);
        let wide = 10_000.0;
        assert!((wide * zoom_for(wide) - (MAX_WIDTH - 2.0 * MARGIN)).abs() < 0.5);
    }

    #[test]
    fn the_picture_of_a_design_is_at_least_the_minimum_width_and_light() {
        let journey = crate::app::sample::sample_journey();
        let image = picture(&PictureInput {
            journey: &journey,
            version: 0,
            overlay: None,
            subtitle: "2 December 2026",
        });
        assert!(image.size[0] as f32 >= MIN_WIDTH);
        // The light page: the top-left corner is the light panel colour.
        assert_eq!(image.pixels[0], egui::Visuals::light().panel_fill);
    }
}
