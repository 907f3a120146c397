//! The status bar says what happened, and forgets it when it goes stale.

use egui_kittest::kittest::Queryable;

use super::harness;
use super::runner::{small_welcome, wait_for_run};
use crate::app::simulation::Job;
use crate::ui::runner::RunnerIntent;

#[test]
fn cancelling_a_run_says_so_in_the_status_bar() {
    let mut h = harness(small_welcome());
    let ctx = h.ctx.clone();
    h.state_mut().start_run(Job::Main, &ctx);
    h.state_mut().runner_intent(RunnerIntent::Cancel, &ctx);
    h.run();
    h.get_by_label("Run cancelled: nothing was simulated.");

    // With a result on screen, it says the numbers are the previous run's.
    h.state_mut().start_run(Job::Main, &ctx);
    wait_for_run(&mut h);
    h.state_mut().start_run(Job::Main, &ctx);
    h.state_mut().runner_intent(RunnerIntent::Cancel, &ctx);
    h.run();
    h.get_by_label_contains("still those of the previous run");
    assert!(h.state().run.result.is_some());
}
