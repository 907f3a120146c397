//! Screenshot mode: render until settled, capture the window, write a PNG
//! and close. Used for docs and as the CI smoke test under Xvfb.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to render before capturing: fonts load and the layout settles.
const SETTLE_FRAMES: u32 = 8;

/// The result shared between the screenshot callback and `main`.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

/// The screenshot mode's state.
#[derive(Debug)]
pub struct Screenshot {
    path: PathBuf,
    frames: u32,
    requested: bool,
    outcome: Outcome,
}

impl Screenshot {
    /// Will write the window to `path`.
    pub fn new(path: PathBuf) -> Self {
        Screenshot {
            path,
            frames: 0,
            requested: false,
            outcome: Arc::new(Mutex::new(None)),
        }
    }

    /// The shared outcome, for `main` to read after the window closed.
    pub fn outcome(&self) -> Outcome {
        Arc::clone(&self.outcome)
    }

    /// True until the capture is requested: panels may still change size.
    pub fn settling(&self) -> bool {
        !self.requested
    }

    /// Called every frame: waits, asks for the capture once, closes when written.
    pub fn frame(&mut self, ctx: &egui::Context, busy: bool) {
        self.frames += 1;
        ctx.request_repaint();
        let done = self.outcome.lock().map_or(true, |o| o.is_some());
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.requested || busy || self.frames < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let outcome = Arc::clone(&self.outcome);
        ctx.request_screenshot(move |image| {
            let result = write_png(&path, &image);
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(result);
            }
        });
    }
}

/// Writes an egui image as an RGBA PNG.
pub fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    image::save_buffer(path, &bytes, w as u32, h as u32, image::ColorType::Rgba8)
        .map_err(|e| format!("could not write {}: {e}", path.display()))
}
