//! Every control of every inspector tab, clicked once, on every hand-built
//! invalid journey: buttons, check boxes, combo boxes (their first choice).

use egui::{Key, Modifiers, Pos2, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{click, frames, press, tour_invalid_journeys};
use crate::app::JourneyApp;
use crate::app::tests::harness;
use crate::ui::inspector::Tab;

/// Where the inspector panel begins (left of its tab bar).
fn inspector_left(h: &Harness<'_, JourneyApp>) -> f32 {
    h.query_all_by_role_and_label(Role::Button, Tab::Journey.title())
        .map(|n| n.rect().min.x)
        .fold(0.0, f32::max)
        - 10.0
}

/// The centres of the clickable controls in the inspector, top to bottom.
fn controls(h: &Harness<'_, JourneyApp>) -> Vec<Pos2> {
    let left = inspector_left(h);
    h.root()
        .children_recursive()
        .filter(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::Button | Role::CheckBox | Role::ComboBox | Role::RadioButton
            )
        })
        .map(|n| n.rect().center())
        .filter(|p| p.x > left && p.y > 30.0 && p.y < 790.0)
        .collect()
}

/// Controls clicked per tab (the first ones: the forms' top sections).
const CONTROLS: usize = 24;

/// Returns how many controls it clicked.
fn click_everything(journey: &crate::model::Journey) -> usize {
    let mut clicked = 0;
    let mut h = harness(journey.clone());
    frames(&mut h, 2);
    let selected = journey
        .versions
        .last()
        .and_then(|v| v.steps.keys().next().copied());
    for tab in Tab::ALL {
        for i in 0..CONTROLS {
            if tab == Tab::Step {
                match selected {
                    Some(id) => h.state_mut().canvas.selection = [id].into(),
                    None => break,
                }
            }
            h.state_mut().inspector.tab = tab;
            h.state_mut().inspector.scenario_tables_open = [true; 4];
            frames(&mut h, 1);
            let Some(&pos) = controls(&h).get(i) else {
                break;
            };
            click(&mut h, pos);
            clicked += 1;
            // A combo box or menu opened: take its first choice, if any, then close.
            h.key_press(Key::ArrowDown);
            h.key_press(Key::Enter);
            h.step();
            press(&mut h, Modifiers::NONE, Key::Escape);
            h.state_mut().run.cancel();
        }
    }
    clicked
}

#[test]
fn clicking_every_inspector_control_on_invalid_journeys_never_panics() {
    let clicked = tour_invalid_journeys(click_everything);
    assert!(clicked > 500, "only {clicked} controls clicked");
}
