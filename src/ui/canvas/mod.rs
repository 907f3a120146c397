//! The canvas: steps as cards on an `egui::Scene`, connected by curves.
//!
//! [`canvas_ui`] draws one version of a journey and returns what the user
//! did as [`CanvasAction`]s; the app turns them into `edit::Command`s in one
//! place. Pan/zoom, selection and gestures are view state in [`Canvas`].
//! What it draws comes in a [`CanvasInput`]: the journey, its validation
//! problems and, after a run, the counts at the playhead as a plain
//! [`Overlay`] (built by `ui::runner`; the canvas never reads a report).

mod cache;
pub mod card;
mod count_layout;
#[cfg(test)]
mod count_tests;
mod counts;
mod edges;
pub mod generate;
pub mod geometry;
pub(crate) mod gestures;
mod hover;
pub mod icons;
mod keys;
pub mod layout;
mod menus;
pub mod overlay;
pub mod palette;
pub mod picture;
pub mod problems;
mod scene;
pub mod summary;
pub mod zoom;

use std::collections::BTreeSet;

use egui::{Pos2, Rect, Ui, Vec2, pos2, vec2};

pub use cache::Cache;
pub use overlay::Overlay;

use crate::model::{ActionKind, Journey, Problem, StepId};

/// What the user did on the canvas. The app applies it as commands.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasAction {
    /// Add a step of a kind with its top-left corner at a canvas position.
    Add {
        /// The kind of step.
        kind: ActionKind,
        /// Where its card goes.
        at: (f32, f32),
    },
    /// Move steps (one whole drag).
    Move(Vec<(StepId, (f32, f32))>),
    /// Point an output at a step, or at the end of the path.
    Connect {
        /// The step whose output it is.
        from: StepId,
        /// Which output.
        output: usize,
        /// The new target.
        to: Option<StepId>,
    },
    /// Make a step the first step (connected from Start).
    SetFirst(StepId),
    /// Delete steps.
    Delete(BTreeSet<StepId>),
    /// Duplicate steps.
    Duplicate(BTreeSet<StepId>),
    /// Copy steps to the clipboard.
    Copy(BTreeSet<StepId>),
    /// Copy steps to the clipboard, then delete them.
    Cut(BTreeSet<StepId>),
    /// Paste steps: from clipboard text if the platform gave it, at a position if chosen.
    Paste {
        /// Clipboard text, if the platform delivered it.
        text: Option<String>,
        /// Where the pasted steps' top-left card goes.
        at: Option<(f32, f32)>,
    },
    /// Lay every step out again.
    AutoLayout,
    /// Give a journey without any version (an invalid file) a first one.
    AddVersion,
}

/// A gesture in progress.
#[derive(Clone, Debug, Default, PartialEq)]
enum Gesture {
    /// Nothing.
    #[default]
    Idle,
    /// Dragging the selection by `delta` (canvas units, not yet snapped).
    Move {
        /// The card grabbed.
        grabbed: StepId,
        /// The drag so far.
        delta: Vec2,
    },
    /// Dragging a connection out of an output (or out of Start when `from` is None).
    Connect {
        /// The step and output, or None for the Start card.
        from: Option<(StepId, usize)>,
        /// The pointer, in canvas units.
        pointer: Pos2,
    },
    /// Selecting by rubber band.
    Band {
        /// Where it started.
        start: Pos2,
        /// Where the pointer is.
        now: Pos2,
    },
}

/// The canvas's view state: kept by the app between frames, never saved
/// into the journey.
#[derive(Clone, Debug)]
pub struct Canvas {
    /// The part of the canvas shown (pan and zoom).
    pub scene_rect: Rect,
    /// Selected steps.
    pub selection: BTreeSet<StepId>,
    /// A kind picked in the palette, placed by the next click on the canvas.
    pub placing: Option<ActionKind>,
    /// Whether dragged cards snap to the grid.
    pub grid_snap: bool,
    /// Frames left on which to zoom to fit (the first frames of a window
    /// still settle its panel sizes, so the fit is repeated).
    fit_frames: u8,
    /// The pending fit is the opening one: readable rather than whole.
    fit_readable: bool,
    /// The size of the canvas on screen, as drawn last frame.
    view_size: Vec2,
    centre_pending: Option<StepId>,
    gesture: Gesture,
    /// A move that ended this frame: the grabbed card and the drag.
    finished_move: Option<(StepId, Vec2)>,
    /// Canvas position of the last right-click, and what was under it.
    menu_at: Option<(Pos2, menus::MenuTarget)>,
    cache: Option<Cache>,
    /// Canvas to screen, as drawn last frame.
    to_screen: egui::emath::TSTransform,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            scene_rect: Rect::from_min_size(pos2(-300.0, -300.0), vec2(1600.0, 900.0)),
            selection: BTreeSet::new(),
            placing: None,
            grid_snap: true,
            fit_frames: 3,
            fit_readable: true,
            view_size: vec2(800.0, 600.0),
            centre_pending: None,
            gesture: Gesture::Idle,
            finished_move: None,
            menu_at: None,
            cache: None,
            to_screen: egui::emath::TSTransform::IDENTITY,
        }
    }
}

/// What the canvas draws: the journey, its revision and which version,
/// its problems, and a run's counts.
#[derive(Clone, Copy, Debug)]
pub struct CanvasInput<'a> {
    /// The journey.
    pub journey: &'a Journey,
    /// The journey's problems (`model::validate`), computed by the caller
    /// once per revision; read when the revision changes.
    pub problems: &'a [Problem],
    /// A run's counts at the playhead, drawn over the cards.
    pub overlay: Option<&'a Overlay>,
    /// The document's identity (`Document::id`): caches never cross documents.
    pub document: u64,
    /// The document revision (caches are kept per revision).
    pub revision: u64,
    /// The version shown (the last one is edited).
    pub version: usize,
    /// True when the version cannot be changed (stopped).
    pub read_only: bool,
}

impl Canvas {
    /// Zooms to show every card on the next frame.
    pub fn zoom_to_fit(&mut self) {
        self.fit_frames = self.fit_frames.max(1);
        self.fit_readable = false;
    }

    /// Shows the journey as it opens: whole if it fits at a readable zoom,
    /// else at that zoom from the Start card (see [`geometry::readable_view`]).
    pub fn open_view(&mut self) {
        self.fit_frames = self.fit_frames.max(1);
        self.fit_readable = true;
    }

    /// Repeats the last fit on the next frame (while a window settles).
    pub fn refit(&mut self) {
        self.fit_frames = self.fit_frames.max(1);
    }

    /// The zoom as drawn last frame (1.0 = 100 %).
    pub fn zoom(&self) -> f32 {
        self.to_screen.scaling
    }

    /// Sets the zoom around the middle of the view (kept within 5 % to 200 %).
    pub fn set_zoom(&mut self, zoom: f32) {
        let zoom = zoom.clamp(geometry::MIN_ZOOM, geometry::MAX_ZOOM);
        let size = self.view_size.max(vec2(1.0, 1.0)) / zoom;
        self.scene_rect = Rect::from_center_size(self.scene_rect.center(), size);
        self.to_screen.scaling = zoom;
    }

    /// Zooms in (`factor` above 1) or out around the middle of the view.
    pub fn zoom_by(&mut self, factor: f32) {
        self.set_zoom(self.zoom() * factor);
    }

    /// Selects a step and centres the view on it on the next frame.
    pub fn focus_step(&mut self, id: StepId) {
        self.selection = BTreeSet::from([id]);
        self.centre_pending = Some(id);
    }

    /// True while a drag or connection is in progress (the screenshot mode waits).
    pub fn is_busy(&self) -> bool {
        self.fit_frames > 0 || self.gesture != Gesture::Idle
    }

    /// Canvas to screen coordinates, as drawn last frame.
    pub fn to_screen(&self) -> egui::emath::TSTransform {
        self.to_screen
    }

    /// The per-revision data, if the canvas has been drawn.
    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }

    /// Brings the cache up to date with the document.
    pub fn refresh(&mut self, input: &CanvasInput<'_>) {
        let stale = self.cache.as_ref().is_none_or(|c| {
            c.document != input.document
                || c.revision != input.revision
                || c.version != input.version
        });
        if stale {
            let cache = Cache::build(
                input.journey,
                input.problems,
                input.document,
                input.version,
                input.revision,
            );
            self.selection.retain(|id| cache.index.contains_key(id));
            self.cache = Some(cache);
        }
    }
}

/// A file may hold a journey with no version at all: say so, offer one.
fn no_version_ui(ui: &mut Ui, actions: &mut Vec<CanvasAction>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.label(
            egui::RichText::new("This journey has no version: there are no steps to show.")
                .strong(),
        );
        if ui
            .button("Add a version")
            .on_hover_text("Start version 1 with one email step")
            .clicked()
        {
            actions.push(CanvasAction::AddVersion);
        }
    });
}

/// Draws the canvas and returns what the user did.
pub fn canvas_ui(ui: &mut Ui, canvas: &mut Canvas, input: &CanvasInput<'_>) -> Vec<CanvasAction> {
    canvas.refresh(input);
    let Some(cache) = canvas.cache.take() else {
        return Vec::new();
    };
    let view_size = ui.available_size();
    if canvas.fit_frames == 0 {
        canvas.scene_rect = geometry::keep_zoom(canvas.scene_rect, canvas.view_size, view_size);
    }
    canvas.view_size = view_size;
    if canvas.fit_frames > 0 {
        canvas.fit_frames -= 1;
        canvas.scene_rect = if canvas.fit_readable {
            geometry::readable_view(cache.bounds, cache.start, 40.0, canvas.view_size)
        } else {
            geometry::fit_to_view(cache.bounds, 40.0, canvas.view_size)
        };
    }
    if let Some(id) = canvas.centre_pending.take()
        && let Some(&i) = cache.index.get(&id)
    {
        canvas.scene_rect = geometry::centre_on(canvas.scene_rect, cache.cards[i].rect.center());
    }
    let mut actions = Vec::new();
    if input.journey.versions.is_empty() {
        no_version_ui(ui, &mut actions);
        canvas.cache = Some(cache);
        return actions;
    }
    keys::keys(ui, canvas, &cache, input, &mut actions);
    if input.read_only {
        ui.label(
            egui::RichText::new("This version is stopped: it can be viewed, not changed.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    let area = ui.available_rect_before_wrap();
    scene::scene_ui(ui, canvas, &cache, input, &mut actions);
    // Not during a drag, where the counts would stay behind the moving cards.
    if let Some(overlay) = input.overlay
        && !canvas.is_busy()
    {
        counts::counts_ui(ui, overlay, &cache, canvas.to_screen);
    }
    zoom::zoom_bar_ui(ui, canvas, area);
    canvas.cache = Some(cache);
    if input.read_only {
        actions.retain(|a| matches!(a, CanvasAction::Copy(_)));
    }
    actions
}
