//! Every control of the runner bar and the analytics panel, clicked once
//! after a run (or a refused one), on every hand-built invalid journey:
//! Stop, Publish, Start draft, Export, play/pause, the playhead, the filters.

use std::time::{Duration, Instant as Clock};

use egui::{Key, Modifiers, Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{click, frames, press, tour_invalid_journeys};
use crate::app::JourneyApp;
use crate::app::tests::harness;

/// Controls clicked per journey.
const CONTROLS: usize = 30;

/// The centres of the controls below the canvas (runner bar, analytics).
fn controls(h: &Harness<'_, JourneyApp>) -> Vec<Pos2> {
    let Some(run) = h
        .query_all_by_role_and_label(Role::Button, "Run")
        .map(|n| n.rect().center())
        .max_by(|a, b| a.y.total_cmp(&b.y))
    else {
        return Vec::new();
    };
    let canvas = h.state().canvas_rect;
    h.root()
        .children_recursive()
        .filter(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::Button | Role::CheckBox | Role::ComboBox | Role::Slider
            )
        })
        .map(|n| n.rect().center())
        .filter(|p| p.y >= run.y - 5.0 || !canvas.contains(*p) && p.x > canvas.left())
        .filter(|p| p.x > canvas.left() && p.x < canvas.right() && p.y < 795.0)
        .collect()
}

fn click_everything(journey: &crate::model::Journey) -> usize {
    let mut h = harness(journey.clone());
    press(&mut h, Modifiers::NONE, Key::F5);
    let deadline = Clock::now() + Duration::from_secs(20);
    while h.state().run.is_running() && Clock::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    let mut clicked = 0;
    for i in 0..CONTROLS {
        h.state_mut().run.ui.show_analytics = true;
        frames(&mut h, 1);
        let Some(&pos) = controls(&h).get(i) else {
            break;
        };
        click(&mut h, pos);
        clicked += 1;
        h.key_press(Key::ArrowDown);
        h.key_press(Key::Enter);
        h.step();
        press(&mut h, Modifiers::NONE, Key::Escape);
        // A run started by a click: let it finish or cancel it.
        h.state_mut().run.cancel();
    }
    clicked
}

#[test]
fn clicking_every_runner_and_analytics_control_on_invalid_journeys_never_panics() {
    let clicked = tour_invalid_journeys(click_everything);
    assert!(clicked > 200, "only {clicked} controls clicked");
}
