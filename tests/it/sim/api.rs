//! The API the app uses: options, cancellation, progress, refusals.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use journey_designer::model::{Channel, Event, ProblemKind, Span, StepId};
use journey_designer::sim::{SimError, SimOptions, simulate};

use super::build::*;

#[test]
fn options_override_customers_and_seed_and_progress_counts_customers() {
    let j = journey(vec![(1, message(Channel::Email, None))]);
    let progress = Arc::new(AtomicU64::new(0));
    let r = simulate(
        &j,
        &SimOptions {
            customers: Some(12_345),
            seed: Some(99),
            threads: Some(2),
            progress: Some(Arc::clone(&progress)),
            ..SimOptions::default()
        },
    )
    .expect("simulates");
    assert_eq!((r.customers, r.seed), (12_345, 99));
    assert_eq!(r.arrivals.arrived, 12_345);
    assert_eq!(progress.load(Ordering::Relaxed), 12_345);
}

#[test]
fn a_cancelled_run_returns_cancelled() {
    let j = journey(vec![(1, message(Channel::Email, None))]);
    let cancel = Arc::new(AtomicBool::new(true));
    let result = simulate(
        &j,
        &SimOptions {
            customers: Some(1_000_000),
            cancel: Some(cancel),
            ..SimOptions::default()
        },
    );
    assert!(matches!(result, Err(SimError::Cancelled)));
}

#[test]
fn refusal_lists_every_error_and_every_unmodelled_name() {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(7))),
        (
            2,
            if_then(
                Event::Trigger("clicked_ad".to_owned()),
                Span::Days(1),
                None,
                None,
            ),
        ),
    ]);
    j.end.suppression_segments = vec!["complained".to_owned()];
    let Err(SimError::Invalid(problems)) = simulate(&j, &SimOptions::default()) else {
        panic!("refused");
    };
    let kinds: Vec<ProblemKind> = problems.iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&ProblemKind::MissingNext), "{problems:?}");
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == ProblemKind::Unmodelled)
            .count(),
        2,
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("'clicked_ad'") && p.step == Some(StepId(2)))
    );
    assert!(problems.iter().any(|p| p.message.contains("'complained'")));
    // Warnings that are not about names (an unreachable step) do not refuse.
    let j = journey(vec![
        (1, message(Channel::Email, None)),
        (2, wait(Span::Days(1), None)),
    ]);
    assert!(simulate(&j, &SimOptions::default()).is_ok());
}

#[test]
fn more_customers_than_the_maximum_are_refused() {
    let j = journey(vec![(1, message(Channel::Email, None))]);
    let result = simulate(
        &j,
        &SimOptions {
            customers: Some(journey_designer::model::MAX_CUSTOMERS + 1),
            ..SimOptions::default()
        },
    );
    let Err(SimError::Invalid(problems)) = result else {
        panic!("refused")
    };
    assert_eq!(problems[0].kind, ProblemKind::TooManyCustomers);
}
