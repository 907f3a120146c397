//! The runner as a person uses it: Run and wait, read the numbers on the
//! canvas and in the analytics, move the playhead, stop a version, publish a
//! draft. Every number shown is checked against a headless `sim::simulate`
//! of the same journey and seed (what `simulate --json` prints).

use std::time::{Duration, Instant as Clock};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::app::JourneyApp;
use crate::model::Journey;
use crate::sim::{self, Report, SimOptions};
use crate::ui::style::count;

mod compare;
mod customers;
mod long_run;
mod outputs;
mod planner;
mod playback;
mod reruns;
mod runs;
mod sensitivity;
mod versions;

/// The welcome series, smaller so that debug builds run it quickly.
pub(super) fn small_welcome() -> Journey {
    let mut j = crate::templates::welcome();
    j.scenario.customers = 3000;
    j.scenario.seed = 11;
    j
}

pub(super) fn headless(j: &Journey) -> Report {
    let options = SimOptions {
        customers: Some(j.scenario.customers),
        seed: Some(j.scenario.seed),
        ..SimOptions::default()
    };
    sim::simulate(j, &options).expect("the journey simulates")
}

/// Steps frames until the worker is done, then settles.
pub(super) fn wait_for_run(h: &mut Harness<'_, JourneyApp>) {
    let deadline = Clock::now() + Duration::from_mins(2);
    h.step();
    while h.state().run.is_running() {
        assert!(Clock::now() < deadline, "the run did not finish");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.run();
}

/// Scrolls the control `label` into view, as a person would, and clicks it.
pub(super) fn press(h: &mut Harness<'_, JourneyApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Steps frames until the sensitivity chart is computed, then settles.
pub(super) fn wait_for_chart(h: &mut Harness<'_, JourneyApp>) {
    let deadline = Clock::now() + Duration::from_mins(3);
    h.step();
    while h.state().sensitivity.is_running() {
        assert!(Clock::now() < deadline, "the chart was not computed");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    h.run();
}

pub(super) fn press_run(h: &mut Harness<'_, JourneyApp>) {
    h.get_by_role_and_label(egui::Role::Button, "Run").click();
    wait_for_run(h);
}

pub(super) fn seek(h: &mut Harness<'_, JourneyApp>, row: usize) {
    h.state_mut().run.ui.playback.hour = row as f64;
    h.run();
}

pub(super) fn report(h: &Harness<'_, JourneyApp>) -> Report {
    h.state()
        .run
        .result
        .as_ref()
        .expect("a run result")
        .report
        .clone()
}

pub(super) fn counts_label(name: &str, now: u64, reached: u64) -> String {
    format!(
        "{name}: {} in it now, {} reached so far",
        count(now),
        count(reached)
    )
}
