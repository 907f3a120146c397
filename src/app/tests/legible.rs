//! The canvas a marketer can read: every card's name at least 11 px high as
//! a journey opens at 1280x800, zoom shortcuts, counts at once after a run.

use egui::{Key, Modifiers, vec2};
use egui_kittest::kittest::Queryable;

use super::harness_as_opened;
use super::runner::{counts_label, headless, press_run, small_welcome};
use crate::model::Journey;
use crate::templates::TEMPLATES;

/// A card's name is drawn 14 canvas units high.
const NAME_UNITS: f32 = 14.0;

fn journeys() -> Vec<(String, Journey)> {
    let mut all: Vec<(String, Journey)> = TEMPLATES
        .iter()
        .map(|t| (t.title.to_owned(), t.journey().expect("template loads")))
        .collect();
    for steps in [12, 15] {
        let j = crate::ui::canvas::generate::generated_journey(steps, 3);
        all.push((format!("generated {steps} steps"), j));
    }
    all
}

#[test]
fn every_card_name_is_at_least_11_px_as_a_journey_opens_at_1280x800() {
    for (name, journey) in journeys() {
        let h = harness_as_opened(journey, vec2(1280.0, 800.0));
        let px = h.state().canvas.zoom() * NAME_UNITS;
        assert!(px >= 11.0, "{name}: card names are {px:.1} px high");
        // The Start card is in view: the journey opens at its beginning.
        let start = h.state().canvas.cache().expect("drawn").start;
        let on_screen = h.state().canvas.to_screen() * start;
        assert!(
            h.state().canvas_rect.contains_rect(on_screen),
            "{name}: the Start card is in view"
        );
    }
}

#[test]
fn zoom_shortcuts_and_the_zoom_figure_change_the_zoom() {
    let mut h = harness_as_opened(small_welcome(), vec2(1280.0, 800.0));
    let opened = h.state().canvas.zoom();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    let zoomed_in = h.state().canvas.zoom();
    assert!(zoomed_in > opened * 1.1, "{opened} -> {zoomed_in}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!(h.state().canvas.zoom() < zoomed_in * 0.7);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!((h.state().canvas.zoom() - 1.0).abs() < 0.01);
    h.get_by_label("100 %");
    h.key_press(Key::F);
    h.run();
    h.run();
    let fitted = h.state().canvas.zoom();
    assert!(fitted < 0.8, "the whole journey: {fitted}");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Zoom in").click();
    h.run();
    assert!(h.state().canvas.zoom() > fitted);
}

#[test]
fn after_a_run_the_cards_show_non_zero_counts_without_touching_the_playhead() {
    let j = small_welcome();
    let expected = headless(&j);
    let mut h = harness_as_opened(j, vec2(1280.0, 800.0));
    press_run(&mut h);
    let step = expected
        .steps
        .iter()
        .find(|s| s.name == "Welcome email")
        .expect("step");
    assert!(step.reached > 0);
    // The final numbers, at once: the playhead went to the end by itself.
    h.get_by_label(&counts_label(&step.name, step.in_progress, step.reached));
    let overlay = h.state().run.overlay.clone().expect("an overlay");
    assert!(overlay.steps.values().any(|t| t.reached > 0));
}

#[test]
fn analytics_opens_beside_the_design_with_room_for_both() {
    let mut h = harness_as_opened(small_welcome(), vec2(1280.0, 800.0));
    press_run(&mut h);
    let before = h.state().canvas_rect;
    let zoom = h.state().canvas.zoom();
    h.get_by_label("Analytics").click();
    h.run();
    h.run();
    let after = h.state().canvas_rect;
    let zoom_after = h.state().canvas.zoom();
    assert!(
        (zoom_after - zoom).abs() < 0.01,
        "the cards stay readable: zoom {zoom} -> {zoom_after}"
    );
    assert!(
        after.height() >= 300.0,
        "the canvas keeps 300 points: {after:?}"
    );
    assert!(
        before.height() - after.height() >= 200.0,
        "the analytics get room to read: canvas {before:?} -> {after:?}"
    );
}
