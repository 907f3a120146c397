//! Run, then read the numbers: on the canvas, in the analytics, at the
//! playhead, while playing.

use egui_kittest::kittest::Queryable;

use super::{counts_label, headless, press_run, report, seek, small_welcome};
use crate::app::tests::harness;
use crate::ui::analytics::cards::{card_text, percent};
use crate::ui::style::count;

#[test]
fn run_shows_the_numbers_of_the_headless_report() {
    let j = small_welcome();
    let expected = headless(&j);
    let mut h = harness(j);
    h.get_by_label_contains("Not run yet");
    press_run(&mut h);
    assert_eq!(report(&h), expected, "the window's run is the headless run");
    h.get_by_label_contains("Run complete: 3,000 customers, random seed 11");

    // At the end of the run, each card shows its final tile numbers.
    h.get_by_label("To end").click();
    h.run();
    let step = expected
        .steps
        .iter()
        .find(|s| s.name == "Welcome email")
        .expect("step");
    h.get_by_label(&counts_label(
        "Welcome email",
        step.in_progress,
        step.reached,
    ))
    .hover();
    h.run();
    // Hovering the card shows its tile analytics, with the step's own conversions (S11).
    let series = expected
        .occupancy
        .steps
        .iter()
        .find(|s| s.id == step.id && s.version == step.version)
        .expect("series");
    h.get_by_label_contains(&format!(
        "conversions (customers who passed here) so far: {}",
        count(series.converted_total)
    ));
    let coupon = expected
        .steps
        .iter()
        .find(|s| s.name == "10% first-order coupon")
        .expect("step");
    h.get_by_label(&counts_label(
        &coupon.name,
        coupon.in_progress,
        coupon.reached,
    ));

    // The analytics panel shows the goal and the totals.
    h.get_by_label("Analytics").click();
    h.run();
    let goal = expected
        .goal
        .as_ref()
        .expect("the welcome series has a goal");
    h.get_by_label(&card_text("Goal rate", &percent(goal.rate)));
    h.get_by_label(&card_text(
        "Converted (first_purchase)",
        &count(goal.converted),
    ));
    h.get_by_label(&card_text("Entered", &count(expected.arrivals.entered)));
    h.get_by_label(&card_text("Completed", &count(expected.outcomes.completed)));
    h.get_by_label(&card_text(
        "Excluded at start",
        &count(expected.arrivals.excluded),
    ));
}

#[test]
fn moving_the_playhead_shows_who_is_in_each_step_at_that_hour() {
    let j = small_welcome();
    let expected = headless(&j);
    let mut h = harness(j);
    press_run(&mut h);
    for row in [30, 100, 200] {
        seek(&mut h, row);
        for name in ["Wait 1 day", "Wait 3 days"] {
            let id = expected
                .steps
                .iter()
                .find(|s| s.name == name)
                .expect("step")
                .id;
            let series = expected
                .occupancy
                .steps
                .iter()
                .find(|s| s.id == id && s.version == 1)
                .expect("series");
            h.get_by_label(&counts_label(
                name,
                series.at_step[row],
                series.reached[row],
            ));
        }
    }
    // The date at the playhead is shown in the journey's words.
    h.get_by_label_contains("Tue 10 Mar 2026, 17:00");
}

#[test]
fn play_moves_the_playhead_and_pause_stops_it() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    h.get_by_label("Play").click();
    for _ in 0..10 {
        h.step();
    }
    let hour = h.state().run.ui.playback.hour;
    assert!(hour > 0.0, "the playhead moved: {hour}");
    h.get_by_label("Pause").click();
    h.step();
    let paused = h.state().run.ui.playback.hour;
    h.step();
    h.step();
    assert_eq!(h.state().run.ui.playback.hour, paused);
    assert!(!h.state().run.ui.playback.playing);
}
