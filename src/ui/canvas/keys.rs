//! Canvas keyboard: arrow keys pan, Ctrl +/- (or +/-) zoom, Ctrl+0 is 100 %, F fits, Delete, Ctrl+D, Ctrl+A, Escape,
//! and the clipboard (Ctrl+C/X/V, or the platform's Copy/Cut/Paste events).
//!
//! Nothing here runs while a text field has the keyboard.

use std::collections::BTreeSet;

use egui::{Event, Key, Modifiers, Ui, vec2};

use super::{Cache, Canvas, CanvasAction, CanvasInput, Gesture};
use crate::model::StepId;
use crate::ui::shortcuts::Shortcut;

/// The clipboard asked for this frame, by key or by the platform's events.
#[derive(Default)]
struct ClipboardAsk {
    copy: bool,
    cut: bool,
    paste: bool,
    /// The platform's text for the paste, if it gave some.
    paste_text: Option<String>,
}

/// Reads this frame's keys and turns them into view changes and actions.
pub fn keys(
    ui: &Ui,
    canvas: &mut Canvas,
    cache: &Cache,
    input: &CanvasInput<'_>,
    actions: &mut Vec<CanvasAction>,
) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let selection = canvas.selection.clone();
    let has_selection = !selection.is_empty();
    let (pan, events) = ui.input(|i| (arrow_pan(i), i.events.clone()));
    if pan != vec2(0.0, 0.0) {
        let size = canvas.scene_rect.size();
        canvas.scene_rect = canvas.scene_rect.translate(pan * size.x.max(size.y));
    }
    let mut ask = ClipboardAsk::default();
    for event in &events {
        match event {
            Event::Copy => ask.copy = true,
            Event::Cut => ask.cut = true,
            Event::Paste(text) => {
                ask.paste = true;
                ask.paste_text = Some(text.clone());
            }
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => key_pressed(
                canvas, cache, *key, *modifiers, &selection, &mut ask, actions,
            ),
            _ => {}
        }
    }
    if ask.copy && has_selection {
        actions.push(CanvasAction::Copy(selection.clone()));
    }
    if ask.cut && has_selection && !input.read_only {
        actions.push(CanvasAction::Cut(selection));
    }
    if ask.paste {
        actions.push(CanvasAction::Paste {
            text: ask.paste_text,
            at: None,
        });
    }
}

/// How far the arrow keys held this frame pan, as a fraction of the view.
fn arrow_pan(i: &egui::InputState) -> egui::Vec2 {
    let step = 0.08;
    let mut pan = vec2(0.0, 0.0);
    for (key, dir) in [
        (Key::ArrowLeft, vec2(-1.0, 0.0)),
        (Key::ArrowRight, vec2(1.0, 0.0)),
        (Key::ArrowUp, vec2(0.0, -1.0)),
        (Key::ArrowDown, vec2(0.0, 1.0)),
    ] {
        if i.key_pressed(key) && Shortcut::of(key, i.modifiers) == Some(Shortcut::Pan) {
            pan += dir * step;
        }
    }
    pan
}

/// One key press: the clipboard keys note what was asked in `ask`; the
/// others act on `selection` (as it was when the frame began) or the view.
fn key_pressed(
    canvas: &mut Canvas,
    cache: &Cache,
    key: Key,
    modifiers: Modifiers,
    selection: &BTreeSet<StepId>,
    ask: &mut ClipboardAsk,
    actions: &mut Vec<CanvasAction>,
) {
    let has_selection = !selection.is_empty();
    // The keys are the shortcut table's (the help window lists the same).
    match Shortcut::of(key, modifiers) {
        Some(Shortcut::Copy) => ask.copy = true,
        Some(Shortcut::Cut) => ask.cut = true,
        Some(Shortcut::Paste) => ask.paste = true,
        Some(Shortcut::Duplicate) if has_selection => {
            actions.push(CanvasAction::Duplicate(selection.clone()));
        }
        Some(Shortcut::SelectAll) => {
            canvas.selection = cache.index.keys().copied().collect();
        }
        Some(Shortcut::Delete) if has_selection => {
            actions.push(CanvasAction::Delete(selection.clone()));
        }
        Some(Shortcut::ZoomToFit) => canvas.zoom_to_fit(),
        Some(Shortcut::ZoomIn) => canvas.zoom_by(1.25),
        Some(Shortcut::ZoomOut) => canvas.zoom_by(0.8),
        Some(Shortcut::ZoomActualSize) => canvas.set_zoom(1.0),
        Some(Shortcut::Deselect) => {
            canvas.placing = None;
            canvas.gesture = Gesture::Idle;
            canvas.selection.clear();
        }
        _ => {}
    }
}
