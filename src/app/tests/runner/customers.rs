//! One Customers, one seed: the runner bar's fields are the scenario's own.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::small_welcome;
use crate::app::JourneyApp;
use crate::app::tests::harness;

/// Types `text` into the runner bar's field named `label` and presses Enter
/// (the inspector shows the Journey tab, so the runner's is the only one).
fn fill_runner(h: &mut Harness<'_, JourneyApp>, label: &str, text: &str) {
    h.get_by_role_and_label(egui::Role::SpinButton, label)
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::Role::SpinButton, label)
        .type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// S14, issue 11: Customers and Random seed edited in the runner bar are the
/// scenario's: one undoable command each, saved with the journey; a number
/// above the maximum is refused in words, not clamped in silence.
#[test]
fn s14_customers_edited_in_the_runner_is_the_saved_value() {
    let mut h = harness(small_welcome());
    fill_runner(&mut h, "Customers", "2500");
    assert_eq!(h.state().doc.journey().scenario.customers, 2500);
    assert_eq!(h.state().run.customers(h.state().doc.journey()), 2500);
    fill_runner(&mut h, "Random seed", "42");
    assert_eq!(h.state().doc.journey().scenario.seed, 42);
    fill_runner(&mut h, "Customers", "200000000");
    h.get_by_label("200000000 is out of range: enter a whole number from 1 to 100,000,000.");
    assert_eq!(
        h.state().doc.journey().scenario.customers,
        2500,
        "not clamped"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("saved.journey.ron");
    assert!(h.state_mut().save_to(&path), "saved");
    let saved = crate::store::load(&path).expect("loads");
    assert_eq!((saved.scenario.customers, saved.scenario.seed), (2500, 42));
    assert!(h.state_mut().doc.undo(), "the seed edit undoes");
    assert!(h.state_mut().doc.undo(), "the customers edit undoes");
    assert_eq!(h.state().doc.journey().scenario.customers, 3000);
}
