//! Edits on invalid journeys, and the panics found by hand: an undo during
//! a connection drag, Cancel during a run with enormous rates, tiny windows.

use std::time::{Duration, Instant as Clock};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::cases::{base, invalid_journeys, with};
use super::{click, frames, panic_message, press};
use crate::app::JourneyApp;
use crate::app::tests::{button, harness};
use crate::model::{Action, Journey, Span, StepId, TriggerModel, Variant};

/// Every canvas edit on an invalid journey: select all, duplicate, copy,
/// paste, delete, add a step of each kind, auto-layout; then undo all.
fn edit_tour(name: &str, journey: &Journey) {
    let mut h = harness(journey.clone());
    frames(&mut h, 2);
    let ctrl = Modifiers::COMMAND;
    for (modifiers, key) in [
        (ctrl, Key::A),
        (ctrl, Key::D),
        (ctrl, Key::C),
        (ctrl, Key::V),
        (ctrl, Key::A),
        (Modifiers::NONE, Key::Delete),
        (ctrl, Key::V),
        (ctrl, Key::A),
        (ctrl, Key::X),
        (ctrl, Key::V),
    ] {
        press(&mut h, modifiers, key);
    }
    let canvas = h.state().canvas_rect;
    for (i, kind) in crate::model::ActionKind::ALL.iter().enumerate() {
        if let Some(pos) = h
            .query_by_role_and_label(egui::Role::Button, kind.label())
            .map(|n| n.rect().center())
        {
            click(&mut h, pos);
            click(
                &mut h,
                canvas.center() + egui::vec2(30.0 * i as f32, 20.0 * i as f32),
            );
        }
    }
    if let Some(pos) = h
        .query_by_role_and_label(egui::Role::Button, "Auto-layout")
        .map(|n| n.rect().center())
    {
        click(&mut h, pos);
    }
    frames(&mut h, 2);
    while h.state_mut().doc.undo() {}
    frames(&mut h, 2);
    let text = |j: &Journey| crate::store::to_ron(j).unwrap_or_default();
    assert_eq!(
        text(h.state().doc.journey()),
        text(journey),
        "{name}: undo all"
    );
}

#[test]
fn editing_invalid_journeys_never_panics_and_undo_all_restores_them() {
    let mut failures = Vec::new();
    for (name, journey) in invalid_journeys() {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            edit_tour(name, &journey);
        }));
        if let Err(e) = outcome {
            failures.push(format!("{name}: {}", panic_message(e.as_ref())));
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

#[test]
fn cancel_stops_a_run_with_enormous_rates_at_once() {
    // Valid (every trigger at the maximum rate, once a minute), but each
    // customer lives through tens of thousands of events and there are
    // millions of them: Cancel must not wait for a batch to finish.
    let j = with(|j| {
        for model in j.scenario.triggers.values_mut() {
            model.per_day = crate::model::MAX_TRIGGERS_PER_DAY;
            model.click_lift = 1.0;
        }
        j.scenario.customers = 10_000_000;
        j.scenario.triggers.insert(
            "signed_up".into(),
            TriggerModel {
                per_day: crate::model::MAX_TRIGGERS_PER_DAY,
                click_lift: 1.0,
                lift_for: Span::Days(1),
            },
        );
        j.start.reentry = true;
    });
    assert!(
        crate::sim::refusals(&j).is_empty(),
        "{:?}",
        crate::sim::refusals(&j)
    );
    let mut h = harness(j);
    press(&mut h, Modifiers::NONE, Key::F5);
    std::thread::sleep(Duration::from_millis(300));
    frames(&mut h, 1);
    assert!(h.state().run.is_running(), "the run takes long");
    let started = Clock::now();
    h.state_mut().run.cancel();
    // Not a performance figure: a hang detector. Without the per-customer
    // cancel check this run would take hours; with it, cancel is immediate
    // (0.4 s measured), so a generous bound never flakes on a busy machine.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "cancel took {:?}",
        started.elapsed()
    );
    frames(&mut h, 2);
    assert!(h.state().run.result.is_none());
}

#[test]
fn undo_during_a_connection_drag_that_removes_its_output() {
    let mut h = harness(base());
    // A third variant, added as an edit so that undo removes it again.
    let mut step = h.state().doc.journey().versions[0].steps[&StepId(7)].clone();
    if let Action::AbTest { variants, .. } = &mut step.action {
        for v in variants.iter_mut() {
            v.percent = 30.0;
        }
        variants.push(Variant {
            name: "Sms".into(),
            percent: 40.0,
            next: None,
        });
    }
    let command = crate::edit::Command::SetStep {
        version: 0,
        id: StepId(7),
        step,
    };
    h.state_mut().doc.apply(command).expect("applies");
    frames(&mut h, 2);
    let (port, target) = {
        let app = h.state();
        let cache = app.canvas.cache().expect("drawn");
        let card = &cache.cards[cache.index[&StepId(7)]];
        let to_screen = app.canvas.to_screen();
        (
            to_screen * card.outputs[2].2,
            to_screen * cache.cards[cache.index[&StepId(1)]].rect.center(),
        )
    };
    h.hover_at(port);
    frames(&mut h, 1);
    button(&h, port, true, Modifiers::NONE);
    frames(&mut h, 1);
    h.hover_at(port + egui::vec2(40.0, 40.0));
    frames(&mut h, 1);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    h.hover_at(target);
    frames(&mut h, 1);
    button(&h, target, false, Modifiers::NONE);
    frames(&mut h, 2);
    let j = h.state().doc.journey();
    assert!(matches!(
        &j.versions[0].steps[&StepId(7)].action,
        Action::AbTest { variants, .. } if variants.len() == 2
    ));
}

#[test]
fn tiny_and_odd_window_sizes_never_panic() {
    for size in [
        egui::vec2(640.0, 400.0),
        egui::vec2(120.0, 80.0),
        egui::vec2(1.0, 1.0),
        egui::vec2(4000.0, 60.0),
    ] {
        for journey in [base(), with(|j| j.versions.clear())] {
            let app = JourneyApp::new(
                crate::edit::Document::new(journey),
                crate::app::ViewState::default(),
            );
            let mut h = egui_kittest::Harness::builder()
                .with_size(size)
                .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
            frames(&mut h, 3);
            press(&mut h, Modifiers::NONE, Key::F);
            h.state_mut().run.ui.show_analytics = true;
            frames(&mut h, 3);
        }
    }
}
