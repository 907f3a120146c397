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

/// CPU time of the whole process so far (user + system, all threads), from
/// /proc/self/stat in clock ticks of 10 ms; zero where there is no /proc.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces) in parentheses.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Times `f` TIMES times after one warm-up: the wall times and the mean CPU time.
fn measure(mut f: impl FnMut() -> Duration) -> (Vec<Duration>, Duration) {
    f();
    let before = cpu();
    let times: Vec<Duration> = (0..TIMES).map(|_| f()).collect();
    let used = cpu().saturating_sub(before);
    (times, used / TIMES as u32)
}

fn line(what: &str, (times, cpu): (Vec<Duration>, Duration)) {
    let all: Vec<String> = times.iter().map(|t| ms(*t)).collect();
    println!(
        "{what}: median {} wall (all: {}); CPU {} per run, all threads",
        ms(median(times.clone())),
        all.join(", "),
        ms(cpu)
    );
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
        line(
            &format!("{runs} run(s)"),
            measure(|| window_run(&journey, runs)),
        );
    }
    let variants = 1 + 2 * sim::params(&journey).len();
    line(
        &format!("what moves the goal rate ({variants} variants x 10 runs)"),
        measure(|| chart(&journey)),
    );
}
