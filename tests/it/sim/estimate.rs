//! The run-time estimate before a run (issue 14): cheap, and right within a factor of
//! a few, compared with what the engine really does.

use std::path::Path;
use std::time::Instant;

use journey_designer::model::Journey;
use journey_designer::sim::{SimOptions, estimate, simulate};

fn load(path: &str) -> Journey {
    journey_designer::store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn options(customers: u64) -> SimOptions {
    SimOptions {
        customers: Some(customers),
        threads: Some(2),
        ..SimOptions::default()
    }
}

/// The welcome series with every trigger once a minute, its audience trigger too, and
/// re-entry.
fn every_trigger_at_the_maximum() -> Journey {
    let mut j = load("assets/welcome-series.journey.ron");
    j.scenario.triggers.insert(
        "signed_up".into(),
        journey_designer::model::TriggerModel {
            per_day: 1.0,
            click_lift: 1.0,
            lift_for: journey_designer::model::Span::Days(1),
        },
    );
    for model in j.scenario.triggers.values_mut() {
        model.per_day = journey_designer::model::MAX_TRIGGERS_PER_DAY;
        model.click_lift = 1.0;
    }
    j.start.reentry = true;
    j
}

#[test]
fn the_reentry_journey_at_1000_customers_is_estimated_above_3_seconds() {
    let journey = load("tests/bench/reentry-visited.journey.ron");
    let started = Instant::now();
    let e = estimate(&journey, &options(1_000)).unwrap();
    // Cheap: no simulation (a debug build takes a few milliseconds).
    assert!(
        started.elapsed().as_millis() < 500,
        "{:?}",
        started.elapsed()
    );
    assert!(e.is_long(), "{e:?}");
    assert!(e.seconds > 3.0 && e.seconds < 60.0, "{e:?}");
    assert!(
        e.sentence().starts_with("This run may take about "),
        "{}",
        e.sentence()
    );
}

#[test]
fn the_welcome_series_at_10000_customers_is_estimated_well_under_a_second() {
    let journey = load("assets/welcome-series.journey.ron");
    let e = estimate(&journey, &options(10_000)).unwrap();
    assert!(e.seconds < 0.1, "{e:?}");
    assert!(!e.is_long());
}

#[test]
fn estimated_events_per_customer_are_within_a_factor_of_three_of_the_engines() {
    for (path, customers) in [
        ("tests/bench/reentry-visited.journey.ron", 2),
        ("tests/bench/steps300-10years.journey.ron", 300),
        ("tests/bench/welcome-series-delivery.journey.ron", 2_000),
        ("assets/welcome-series.journey.ron", 2_000),
        ("assets/black-friday-countdown.journey.ron", 2_000),
        ("assets/cart-abandonment.journey.ron", 2_000),
        ("assets/renewal-live-edit.journey.ron", 2_000),
        ("assets/webinar-invite.journey.ron", 2_000),
        ("every trigger at the maximum", 20),
    ] {
        let journey = if path == "every trigger at the maximum" {
            every_trigger_at_the_maximum()
        } else {
            load(path)
        };
        let e = estimate(&journey, &options(customers)).unwrap();
        let report = simulate(&journey, &options(customers)).unwrap();
        let measured = report.events as f64 / customers as f64;
        let ratio = e.events_per_customer / measured;
        eprintln!(
            "{path}: estimated {:.1}, measured {measured:.1} events per customer",
            e.events_per_customer
        );
        assert!(
            (1.0 / 3.0..=3.0).contains(&ratio),
            "{path}: estimated {} events per customer, the engine did {measured}",
            e.events_per_customer
        );
    }
}

#[test]
fn a_journey_the_simulator_refuses_has_no_estimate() {
    let mut journey = load("assets/welcome-series.journey.ron");
    journey.versions.clear();
    assert!(estimate(&journey, &options(1_000)).is_none());
}

#[test]
fn fewer_customers_are_suggested_when_a_run_is_long() {
    let journey = load("tests/bench/reentry-visited.journey.ron");
    let e = estimate(&journey, &options(1_000)).unwrap();
    let n = e.customers_within(2.0).unwrap();
    assert!(n < 1_000);
    assert!(estimate(&journey, &options(n)).unwrap().seconds <= 2.0);
}
