//! The canvas keeps its place on screen: the problems list growing or
//! emptying and the playback row filling after a run never move it (a click
//! aimed at a card or at *To end* lands where it was aimed).

use egui_kittest::Harness;

use super::{harness, steps, welcome};
use crate::app::JourneyApp;
use crate::app::tests::runner::press_run;
use crate::edit::Command;
use crate::model::StepId;

/// Adds three steps no path reaches: three problems in the list.
fn add_unreached_steps(h: &mut Harness<'_, JourneyApp>) {
    let version = h.state().version_index();
    let (_, step) = steps(h).into_iter().next().expect("a step");
    for k in 0..3 {
        let mut step = step.clone();
        step.at = (step.at.0 + 40.0 * k as f32, step.at.1 + 400.0);
        let command = Command::AddStep {
            version,
            id: StepId(900 + k),
            step,
        };
        assert!(h.state_mut().apply_command(command, "add"));
    }
    h.run();
}

#[test]
fn the_canvas_stays_put_when_problems_come_and_go_and_after_a_run() {
    let mut h = harness(welcome());
    let before = h.state().canvas_rect;
    assert!(h.state_mut().problems().is_empty());
    add_unreached_steps(&mut h);
    assert!(h.state_mut().problems().len() >= 3, "problems listed");
    assert_eq!(h.state().canvas_rect, before, "with problems listed");
    while h.state_mut().doc.undo() {}
    h.run();
    assert!(h.state_mut().problems().is_empty());
    assert_eq!(h.state().canvas_rect, before, "after the problems went");
    press_run(&mut h);
    assert!(h.state().run.result.is_some(), "the run finished");
    assert_eq!(h.state().canvas_rect, before, "with the playback row");
}
