//! Issue 11: a card's hover text says what the card does not (its kind in
//! words, where its paths lead, the run's numbers) and sits beside the card.

use std::time::Duration;

use egui_kittest::kittest::Queryable;

use super::{card, harness, welcome};

#[test]
fn a_cards_hover_text_sits_beside_it_and_does_not_repeat_it() {
    let mut h = harness(welcome());
    let rect = card(&h, "Wait 2 days");
    h.hover_at(rect.center());
    // Past the tooltip delay.
    for _ in 0..8 {
        h.step();
        std::thread::sleep(Duration::from_millis(80));
    }
    h.run();
    let kind = h.get_by_label("Wait step");
    let tip = kind.rect();
    assert!(
        !tip.intersects(rect),
        "the hover text {tip:?} covers the card {rect:?}"
    );
    h.get_by_label_contains("Next: “");
    // The name is on the card: said once (the card), not again in the tip.
    assert_eq!(h.query_all_by_label("Wait 2 days").count(), 1);
}
