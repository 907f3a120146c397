//! Cancel takes effect within 100 ms in every case (issue 14): the engine looks at
//! the flag between customers and every 1,024 events within one.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use journey_designer::model::{Journey, MAX_TRIGGERS_PER_DAY, Span, TriggerModel};
use journey_designer::sim::{SimError, SimOptions, simulate};

fn load(path: &str) -> Journey {
    journey_designer::store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap()
}

/// The welcome series with every trigger at the maximum rate (once a minute), the
/// audience trigger modelled too, and re-entry.
fn every_trigger_at_the_maximum() -> Journey {
    let mut j = load("assets/welcome-series.journey.ron");
    j.scenario.triggers.insert(
        "signed_up".into(),
        TriggerModel {
            per_day: 1.0,
            click_lift: 1.0,
            lift_for: Span::Days(1),
        },
    );
    for model in j.scenario.triggers.values_mut() {
        model.per_day = MAX_TRIGGERS_PER_DAY;
        model.click_lift = 1.0;
    }
    j.start.reentry = true;
    j
}

/// Starts `journey` with `customers` on a thread, sets the cancel flag after 200 ms
/// and returns how long the run took to return after the flag.
fn cancel_after_200_ms(journey: &Journey, customers: u64) -> Duration {
    let cancel = Arc::new(AtomicBool::new(false));
    let options = SimOptions {
        customers: Some(customers),
        threads: Some(2),
        cancel: Some(Arc::clone(&cancel)),
        ..SimOptions::default()
    };
    std::thread::scope(|scope| {
        let run = scope.spawn(|| simulate(journey, &options));
        std::thread::sleep(Duration::from_millis(200));
        assert!(!run.is_finished(), "{}: the run is heavy", journey.name);
        let flagged = Instant::now();
        cancel.store(true, Ordering::Relaxed);
        let outcome = run.join().unwrap();
        let took = flagged.elapsed();
        assert!(
            matches!(outcome, Err(SimError::Cancelled)),
            "{}: {outcome:?}",
            journey.name
        );
        took
    })
}

#[test]
fn cancel_ends_every_kind_of_heavy_run_at_once() {
    let cases = [
        (load("tests/bench/reentry-visited.journey.ron"), 100_000),
        (load("tests/bench/steps300-10years.journey.ron"), 10_000_000),
        (every_trigger_at_the_maximum(), 10_000_000),
    ];
    for (journey, customers) in &cases {
        assert!(
            journey_designer::sim::refusals(journey).is_empty(),
            "{}",
            journey.name
        );
        let took = cancel_after_200_ms(journey, *customers);
        eprintln!("{}: cancelled in {took:?}", journey.name);
        assert!(
            took < Duration::from_millis(100),
            "{}: cancel took {took:?}",
            journey.name
        );
    }
}
