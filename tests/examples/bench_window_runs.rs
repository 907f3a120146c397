//! Time from Run to result of the window's runs on the welcome series, as
//! the window makes them: a [`Worker`] on its own thread with the window's
//! options (the scenario's customers and random seed, cancel flag and
//! progress counter), timed from the spawn to the moment the thread hands
//! the result back. Also the "What moves the goal rate" chart the analytics
//! computes on demand. Medians of 5 after one warm-up; no assertion (see
//! tests/bench/RESULTS.md, "Window runs (issue 13)").
//!
//! Run: `cargo run --release --example bench_window_runs`.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::sync::mpsc;
use std::time::{Duration, Instant};

use journey_designer::app::background::{Signals, Task};
use journey_designer::app::simulation::worker::Worker;
use journey_designer::sim;
use journey_designer::ui::runner::RUN_COUNTS;

const TIMES: usize = 5;

/// Spawns a run as the window does and waits for its result.
fn window_run(journey: &journey_designer::model::Journey, runs: u32) -> Duration {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let mut worker = Worker::spawn(
        journey.clone(),
        (journey.scenario.customers, journey.scenario.seed, runs),
        Box::new(move || {
            let _ = tx.send(());
        }),
    )
    .unwrap();
    rx.recv().unwrap();
    let finished = loop {
        if let Some(f) = worker.try_finish() {
            break f;
        }
        std::thread::yield_now();
    };
    let took = started.elapsed();
    assert!(finished.outcome.is_ok(), "the run gave a result");
    took
}

/// The sensitivity chart as the analytics computes it (10 runs per variant).
fn chart(journey: &journey_designer::model::Journey) -> Duration {
    let j = journey.clone();
    let started = Instant::now();
    let (customers, seed) = (j.scenario.customers, j.scenario.seed);
    let mut task = Task::spawn("sensitivity", 0, Box::new(|| {}), move |s: &Signals| {
        sim::sensitivity(&j, &s.options(customers, seed), 10)
    })
    .unwrap();
    let result = loop {
        if let Some(r) = task.try_finish() {
            break r;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let took = started.elapsed();
    assert!(result.is_ok_and(|r| r.is_ok()), "the chart was computed");
    took
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let journey = journey_designer::templates::welcome();
    println!(
        "welcome series: {} customers, random seed {}, {} threads available",
        journey.scenario.customers,
        journey.scenario.seed,
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    for runs in RUN_COUNTS {
        window_run(&journey, runs);
        let times: Vec<Duration> = (0..TIMES).map(|_| window_run(&journey, runs)).collect();
        let all: Vec<String> = times.iter().map(|t| ms(*t)).collect();
        println!(
            "{runs} run(s): median {} (all: {})",
            ms(median(times.clone())),
            all.join(", ")
        );
    }
    let variants = 1 + 2 * sim::params(&journey).len();
    chart(&journey);
    let times: Vec<Duration> = (0..TIMES).map(|_| chart(&journey)).collect();
    let all: Vec<String> = times.iter().map(|t| ms(*t)).collect();
    println!(
        "what moves the goal rate ({variants} variants x 10 runs): median {} (all: {})",
        ms(median(times.clone())),
        all.join(", ")
    );
}
