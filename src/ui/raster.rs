//! Drawing egui off screen, in software: a fresh `egui::Context` lays a
//! `ui` out on a page of a chosen size, its triangles are filled here pixel
//! by pixel. The canvas picture (Export → Canvas as PNG) is made this way,
//! so it has its own size and theme whatever the window's, and needs no
//! GPU (tests and headless machines draw it too).
//!
//! Blending is egui's: premultiplied sRGB, in gamma space.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Mesh, Primitive, TextureId, Vertex};
use egui::{Color32, ColorImage, Context, Pos2, RawInput, Rect, Ui, Vec2};

/// The passes run before the last one is drawn: the first lays out, the
/// next ones settle sizes measured in the previous pass.
const PASSES: usize = 3;

/// The textures egui asked for, kept as images.
#[derive(Default)]
struct Textures(HashMap<TextureId, ColorImage>);

impl Textures {
    /// Applies one pass's texture changes (whole images and patches).
    fn apply(&mut self, delta: &mut egui::TexturesDelta) {
        for (id, changes) in &delta.set {
            for change in changes {
                let egui::ImageData::Color(patch) = &change.image;
                match change.pos {
                    None => {
                        self.0.insert(*id, (**patch).clone());
                    }
                    Some(at) => {
                        if let Some(image) = self.0.get_mut(id) {
                            paste(image, patch, at);
                        }
                    }
                }
            }
        }
        // Applied here: egui checks that no change is dropped unseen.
        delta.clear();
    }

    /// The texel at normalised `uv` (nearest; white when unknown).
    fn sample(&self, id: TextureId, uv: Pos2) -> Color32 {
        let Some(image) = self.0.get(&id) else {
            return Color32::WHITE;
        };
        let [w, h] = image.size;
        if w == 0 || h == 0 {
            return Color32::WHITE;
        }
        let x = ((uv.x * w as f32) as usize).min(w - 1);
        let y = ((uv.y * h as f32) as usize).min(h - 1);
        image.pixels[y * w + x]
    }
}

/// Copies `patch` into `image` with its top-left corner at `at`.
fn paste(image: &mut ColorImage, patch: &ColorImage, [x0, y0]: [usize; 2]) {
    let [w, h] = image.size;
    let [pw, ph] = patch.size;
    for y in 0..ph.min(h.saturating_sub(y0)) {
        for x in 0..pw.min(w.saturating_sub(x0)) {
            image.pixels[(y0 + y) * w + x0 + x] = patch.pixels[y * pw + x];
        }
    }
}

/// Draws `add_contents` on a page of `size` points at `pixels_per_point`,
/// with `visuals`, and returns the picture.
pub fn render(
    size: Vec2,
    pixels_per_point: f32,
    visuals: &egui::Visuals,
    mut add_contents: impl FnMut(&mut Ui),
) -> ColorImage {
    let ctx = Context::default();
    ctx.set_visuals(visuals.clone());
    let page = Rect::from_min_size(Pos2::ZERO, size);
    let mut textures = Textures::default();
    let mut output = None;
    for _ in 0..PASSES {
        let mut input = RawInput {
            screen_rect: Some(page),
            ..RawInput::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(pixels_per_point);
        }
        let mut out = ctx.run_ui(input, &mut add_contents);
        textures.apply(&mut out.textures_delta);
        output = Some(out);
    }
    let [w, h] = [
        (size.x * pixels_per_point).round() as usize,
        (size.y * pixels_per_point).round() as usize,
    ];
    let mut image = ColorImage::filled([w, h], visuals.panel_fill);
    if let Some(out) = output {
        let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
        fill(&mut image, &primitives, &textures, out.pixels_per_point);
    }
    image
}

/// Fills every mesh of `primitives` into `image`, in order.
fn fill(
    image: &mut ColorImage,
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    pixels_per_point: f32,
) {
    let [w, h] = image.size;
    let whole = Rect::from_min_size(Pos2::ZERO, egui::vec2(w as f32, h as f32));
    for p in primitives {
        let Primitive::Mesh(mesh) = &p.primitive else {
            continue;
        };
        let clip = Rect::from_min_max(
            (p.clip_rect.min.to_vec2() * pixels_per_point).to_pos2(),
            (p.clip_rect.max.to_vec2() * pixels_per_point).to_pos2(),
        )
        .intersect(whole);
        if clip.is_positive() {
            fill_mesh(image, mesh, textures, clip, pixels_per_point);
        }
    }
}

/// One mesh's triangles.
fn fill_mesh(
    image: &mut ColorImage,
    mesh: &Mesh,
    textures: &Textures,
    clip: Rect,
    pixels_per_point: f32,
) {
    let scaled = |v: &Vertex| Vertex {
        pos: (v.pos.to_vec2() * pixels_per_point).to_pos2(),
        ..*v
    };
    for t in mesh.indices.chunks_exact(3) {
        let (Some(a), Some(b), Some(c)) = (
            mesh.vertices.get(t[0] as usize),
            mesh.vertices.get(t[1] as usize),
            mesh.vertices.get(t[2] as usize),
        ) else {
            continue;
        };
        let triangle = [scaled(a), scaled(b), scaled(c)];
        fill_triangle(image, &triangle, mesh.texture_id, textures, clip);
    }
}

/// Twice the signed area of (a, b, p): which side of a→b the point is on.
fn edge(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

/// Fills one triangle: the pixels whose centre is inside, with the
/// interpolated colour times the texture, blended over what is there.
fn fill_triangle(
    image: &mut ColorImage,
    [a, b, c]: &[Vertex; 3],
    texture: TextureId,
    textures: &Textures,
    clip: Rect,
) {
    let area = edge(a.pos, b.pos, c.pos);
    if area.abs() < 1e-6 {
        return;
    }
    let bounds = Rect::from_points(&[a.pos, b.pos, c.pos]).intersect(clip);
    if !bounds.is_positive() {
        return;
    }
    let width = image.size[0];
    let (x0, x1) = (bounds.min.x.floor() as usize, bounds.max.x.ceil() as usize);
    let (y0, y1) = (bounds.min.y.floor() as usize, bounds.max.y.ceil() as usize);
    for y in y0..y1.min(image.size[1]) {
        for x in x0..x1.min(width) {
            let p = Pos2::new(x as f32 + 0.5, y as f32 + 0.5);
            if !clip.contains(p) {
                continue;
            }
            // Barycentric weights; the half-open test keeps shared edges
            // from being filled twice.
            let wa = edge(b.pos, c.pos, p) / area;
            let wb = edge(c.pos, a.pos, p) / area;
            let wc = 1.0 - wa - wb;
            if wa < 0.0 || wb < 0.0 || wc <= 0.0 {
                continue;
            }
            let uv = Pos2::new(
                wa * a.uv.x + wb * b.uv.x + wc * c.uv.x,
                wa * a.uv.y + wb * b.uv.y + wc * c.uv.y,
            );
            let colour = mix([a.color, b.color, c.color], [wa, wb, wc]);
            let src = modulate(colour, textures.sample(texture, uv));
            let dst = &mut image.pixels[y * width + x];
            *dst = over(src, *dst);
        }
    }
}

/// The weighted mix of three premultiplied colours.
fn mix(colours: [Color32; 3], weights: [f32; 3]) -> [f32; 4] {
    let mut out = [0.0; 4];
    for (colour, weight) in colours.iter().zip(weights) {
        for (o, v) in out.iter_mut().zip(colour.to_array()) {
            *o += f32::from(v) * weight;
        }
    }
    out
}

/// A vertex colour times a texel (both premultiplied, 0–255).
fn modulate(colour: [f32; 4], texel: Color32) -> [f32; 4] {
    let t = texel.to_array();
    std::array::from_fn(|i| colour[i] * f32::from(t[i]) / 255.0)
}

/// `src` over `dst`, premultiplied.
fn over(src: [f32; 4], dst: Color32) -> Color32 {
    let keep = 1.0 - src[3] / 255.0;
    let d = dst.to_array();
    let c: [u8; 4] =
        std::array::from_fn(|i| (src[i] + f32::from(d[i]) * keep).round().clamp(0.0, 255.0) as u8);
    Color32::from_rgba_premultiplied(c[0], c[1], c[2], c[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_rectangle_is_drawn_where_it_was_painted() {
        let image = render(egui::vec2(40.0, 20.0), 1.0, &egui::Visuals::light(), |ui| {
            let r = Rect::from_min_size(egui::pos2(10.0, 5.0), egui::vec2(10.0, 10.0));
            ui.painter().rect_filled(r, 0.0, Color32::RED);
        });
        assert_eq!(image.size, [40, 20]);
        assert_eq!(image.pixels[10 * 40 + 15], Color32::RED);
        assert_eq!(image.pixels[2 * 40 + 2], egui::Visuals::light().panel_fill);
    }

    #[test]
    fn text_is_drawn_in_its_colour() {
        let image = render(
            egui::vec2(120.0, 40.0),
            2.0,
            &egui::Visuals::light(),
            |ui| {
                ui.painter().text(
                    egui::pos2(4.0, 4.0),
                    egui::Align2::LEFT_TOP,
                    "Welcome",
                    egui::FontId::proportional(24.0),
                    Color32::BLACK,
                );
            },
        );
        assert_eq!(image.size, [240, 80]);
        let dark = image.pixels.iter().filter(|p| p.r() < 60).count();
        assert!(dark > 100, "{dark} dark pixels");
    }
}
