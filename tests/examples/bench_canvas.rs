//! Frame CPU time of the designer window on a generated 500-step journey,
//! headless: an `egui::Context` runs the app's `ui_main` and tessellates each
//! frame, while the pointer pans the canvas or drags 50 selected steps.
//!
//! Run: `cargo run --release --example bench_canvas` (see tests/bench/CANVAS.md).
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, pos2, vec2};
use journey_designer::app::{JourneyApp, ViewState};
use journey_designer::edit::Document;
use journey_designer::model::StepId;
use journey_designer::ui::canvas::generate::generated_journey_with_paths;

const FRAMES: usize = 300;

struct Bench {
    ctx: egui::Context,
    app: JourneyApp,
    time: f64,
    /// CPU time per frame of the last drag, averaged (the wall clock also
    /// counts waiting for a core on a busy machine; this does not).
    cpu_per_frame: Option<f64>,
}

impl Bench {
    fn new(steps: usize) -> Bench {
        // Up to 20 paths side by side: a dense canvas, the hard case for drawing.
        let journey = generated_journey_with_paths(steps, 7, 20);
        let mut app = JourneyApp::new(Document::new(journey), ViewState::default());
        // A journey opens at a readable zoom from its Start card; the
        // benchmark's cases start from the whole journey, as they always did.
        app.canvas.zoom_to_fit();
        let mut b = Bench {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
            cpu_per_frame: None,
        };
        for _ in 0..5 {
            b.frame(Vec::new());
        }
        b
    }

    /// Runs one frame with `events` and returns its CPU time in milliseconds.
    fn frame(&mut self, events: Vec<Event>) -> f64 {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let mut out = self.ctx.run_ui(input, |ui| self.app.ui_main(ui));
        // No renderer here: the font atlas updates are not uploaded anywhere.
        out.textures_delta.clear();
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prims);
        start.elapsed().as_secs_f64() * 1000.0
    }

    /// Drags with the primary button from `from` by `step` per frame; returns frame times.
    fn drag(&mut self, from: Pos2, step: egui::Vec2) -> Vec<f64> {
        let press = |pos, pressed| Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        self.frame(vec![Event::PointerMoved(from)]);
        self.frame(vec![press(from, true)]);
        let mut times = Vec::with_capacity(FRAMES);
        let cpu_before = thread_cpu_ms();
        let mut p = from;
        for i in 0..FRAMES {
            // Back and forth so the content stays in view.
            let dir = if (i / 50) % 2 == 0 { 1.0 } else { -1.0 };
            p += step * dir;
            times.push(self.frame(vec![Event::PointerMoved(p)]));
        }
        if let (Some(a), Some(b)) = (cpu_before, thread_cpu_ms()) {
            self.cpu_per_frame = Some((b - a) / FRAMES as f64);
        }
        // End away from the start, so the drag is a real move.
        p += step * 20.0;
        self.frame(vec![Event::PointerMoved(p)]);
        self.frame(vec![press(p, false)]);
        times
    }

    /// How many cards the canvas shows now.
    fn cards_on_screen(&self) -> usize {
        let view = self.app.canvas.scene_rect;
        self.app.doc.journey().versions[0]
            .steps
            .values()
            .filter(|s| journey_designer::ui::canvas::geometry::card_rect(s).intersects(view))
            .count()
    }

    /// Where a step's card is on screen now.
    fn card_on_screen(&self, id: StepId) -> Pos2 {
        let step = &self.app.doc.journey().versions[0].steps[&id];
        let canvas_rect = journey_designer::ui::canvas::geometry::card_rect(step);
        self.app.canvas.to_screen() * canvas_rect.center()
    }
}

/// CPU time (user + system) this thread has used, in milliseconds, from
/// Linux's `/proc/thread-self/stat` (10 ms ticks: only good over many frames).
fn thread_cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the ")" that closes the command name; utime and stime are the 12th and 13th.
    let rest = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: usize) -> f64 {
    v.sort_by(f64::total_cmp);
    v[(v.len() * p / 100).min(v.len() - 1)]
}

fn report(name: &str, times: Vec<f64>, cpu_per_frame: Option<f64>) {
    let cpu = cpu_per_frame.map_or_else(|| "-".to_owned(), |c| format!("{c:.2} ms"));
    println!(
        "{name:<52} wall median {:5.2} ms  p10 {:5.2}  p90 {:5.2}   CPU/frame {cpu}",
        median(times.clone()),
        percentile(times.clone(), 10),
        percentile(times, 90)
    );
}

fn main() {
    let steps = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    println!(
        "{steps}-step generated journey (up to 20 paths side by side), 1280x800 window, {FRAMES} frames each"
    );

    // Zoomed to fit: every card on screen (drawn as blocks at this zoom).
    let mut b = Bench::new(steps);
    let times = b.drag(pos2(600.0, 120.0), vec2(4.0, 0.0));
    report(
        "pan, zoomed to fit (all cards visible)",
        times,
        b.cpu_per_frame,
    );

    // Zoomed in: cards drawn in full (0.3 is the most zoomed-out that still draws text).
    for zoom in [0.5, 0.3] {
        let mut b = Bench::new(steps);
        let centre = b.app.canvas.scene_rect.center();
        b.app.canvas.scene_rect = Rect::from_center_size(centre, vec2(964.0, 700.0) / zoom);
        b.frame(Vec::new());
        let on_screen = b.cards_on_screen();
        let times = b.drag(pos2(600.0, 120.0), vec2(4.0, 0.0));
        report(
            &format!("pan, zoom {zoom} ({on_screen} cards in full detail)"),
            times,
            b.cpu_per_frame,
        );
    }

    // Drag a selection of 50 steps, zoomed to fit.
    let mut b = Bench::new(steps);
    let ids: Vec<StepId> = (200..250).map(StepId).collect();
    b.app.canvas.selection = ids.iter().copied().collect();
    b.frame(Vec::new());
    let grab = b.card_on_screen(ids[0]);
    let times = b.drag(grab, vec2(2.0, 1.0));
    report(
        "drag 50 selected steps, zoomed to fit",
        times,
        b.cpu_per_frame,
    );
    let moved = b.app.doc.undo_label().map(str::to_owned);
    println!("  (the drag ended as one command: {moved:?})");

    // The same at zoom 0.5.
    let mut b = Bench::new(steps);
    b.app.canvas.selection = ids.iter().copied().collect();
    b.frame(Vec::new());
    let first = &b.app.doc.journey().versions[0].steps[&ids[0]];
    let c = journey_designer::ui::canvas::geometry::card_rect(first).center();
    b.app.canvas.scene_rect = Rect::from_center_size(c, vec2(1900.0, 1400.0));
    b.frame(Vec::new());
    b.frame(Vec::new());
    let grab = b.card_on_screen(ids[0]);
    let times = b.drag(grab, vec2(2.0, 1.0));
    report("drag 50 selected steps, zoom 0.5", times, b.cpu_per_frame);
    let moved = b.app.doc.undo_label().map(str::to_owned);
    println!("  (the drag ended as one command: {moved:?})");
}
