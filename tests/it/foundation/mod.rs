//! Foundation (issue 2): the file format, validation, safe saving and the
//! `validate` command, tested from outside the crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod bad_input;
mod cli;
mod corpus;
mod format2;
mod fuzz;
mod generated;
mod save;
mod validation;

use std::path::{Path, PathBuf};

use journey_designer::model::Journey;
use journey_designer::store;

/// The crate's own sample journeys.
fn assets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// The shared conformance corpus; absent in a fresh clone without `../shared`.
fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/journeys");
    dir.is_dir().then_some(dir)
}

/// The `*.journey.ron` files of a folder, sorted.
fn journey_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".journey.ron"))
        .collect();
    files.sort();
    files
}

/// Every sample: the assets, and the shared corpus when it is there.
fn sample_files() -> Vec<PathBuf> {
    let mut files = journey_files(&assets_dir());
    match corpus_dir() {
        Some(dir) => files.extend(journey_files(&dir)),
        None => println!("../shared/journeys is absent: checking assets/ only"),
    }
    files
}

/// A valid journey that uses every kind of step, every end rule, a goal and
/// a scenario modelling every name; each validation test breaks it in one way.
const RULE_TEST_JOURNEY: &str = r#"Journey(
    format: 1,
    name: "Rule test",
    start: (
        audience: Trigger("signed_up"),
        starts_at: "2026-03-02T09:00:00Z",
        exclude_segments: ["staff"],
    ),
    end: (
        exit_triggers: ["unsubscribed"],
        suppression_segments: ["complained"],
        end_date: Some("2026-03-20T09:00:00Z"),
    ),
    goal: Some((trigger: "purchased", target_percent: Some(5.0))),
    versions: [(
        first_step: 1,
        steps: {
            1: (name: "Welcome email", at: (0.0, 0.0),
                action: Message(channel: Email, content: "welcome", next: Some(2))),
            2: (name: "Wait 2 days", at: (240.0, 0.0),
                action: Wait(span: Days(2), next: Some(3))),
            3: (name: "Opened welcome?", at: (480.0, 0.0),
                action: IfThen(event: Opened(1), within: Days(3), yes: Some(4), no: Some(5))),
            4: (name: "Coupon: email or push?", at: (720.0, -140.0),
                action: AbTest(
                    variants: [
                        (name: "Email", percent: 50.0, next: Some(6)),
                        (name: "Push", percent: 50.0, next: Some(7)),
                    ],
                    decide: Some((after: Days(5), default_variant: "Email")),
                )),
            5: (name: "Country?", at: (720.0, 140.0),
                action: Branch(rules: [(when: Equals("country", "DE"), next: Some(8))],
                               otherwise: Some(9))),
            6: (name: "Coupon email", at: (960.0, -210.0),
                action: Message(channel: Email, content: "coupon", next: None)),
            7: (name: "Coupon push", at: (960.0, -70.0),
                action: Message(channel: Push, content: "coupon", next: None)),
            8: (name: "German reminder", at: (960.0, 70.0),
                action: ChannelOptimization(channels: [Email, Sms], content: "reminder",
                                            next: Some(10))),
            9: (name: "Wait for the launch", at: (960.0, 210.0),
                action: WaitUntil(instant: "2026-03-10T09:00:00Z", next: Some(10))),
            10: (name: "Last call", at: (1200.0, 140.0),
                action: Message(channel: Sms, next: None)),
        },
    )],
    scenario: (
        customers: 1000,
        seed: 7,
        arrivals_over: Days(7),
        horizon: Days(30),
        attributes: {
            "country": Choice([("US", 0.6), ("DE", 0.4)]),
            "age": Range(18.0, 70.0),
        },
        segments: {
            "staff": (share: 0.01),
            "complained": (joins_per_day: 0.001),
        },
        triggers: {
            "unsubscribed": (per_day: 0.01),
            "purchased": (per_day: 0.005, click_lift: 5.0),
        },
        channels: {
            Email: (delivered: 0.98, opened: 0.3, clicked: 0.1),
        },
        segment_channels: {
            "staff": {Sms: (delivered: 1.0, opened: 0.9, clicked: 0.2)},
        },
    ),
)
"#;

/// A fresh copy of [`RULE_TEST_JOURNEY`].
fn rule_test_journey() -> Journey {
    store::parse(RULE_TEST_JOURNEY).unwrap()
}
