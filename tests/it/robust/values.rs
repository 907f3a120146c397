//! Validation refuses numbers that are not finite or whose products overflow
//! (a journey `validate` accepted used to make `simulate` run forever).

use journey_designer::model::{ProblemKind, validate};
use journey_designer::store;

use super::{journey_designer, welcome_text};

/// The welcome series with the first purchase's model replaced.
fn with_first_purchase(model: &str) -> String {
    let text = welcome_text();
    let old = "\"first_purchase\": (per_day: 0.01, click_lift: 6.0, lift_for: Days(2))";
    assert!(text.contains(old));
    text.replacen(old, &format!("\"first_purchase\": ({model})"), 1)
}

#[test]
fn a_rate_times_a_lift_that_overflows_is_refused_by_validate_naming_the_values() {
    let dir = tempfile::tempdir().unwrap();
    for (model, values) in [
        (
            "per_day: 1e308, click_lift: 2.0",
            ["1e308", "2 times as often"],
        ),
        (
            "per_day: 2, click_lift: 1e308",
            ["2 times a day", "1e308 times as often"],
        ),
    ] {
        let path = dir.path().join("overflow.journey.ron");
        std::fs::write(&path, with_first_purchase(model)).unwrap();
        let run = journey_designer(&["validate".as_ref(), path.as_os_str()]);
        assert_eq!(run.code, 1, "{model}: {}{}", run.stdout, run.stderr);
        let line = run
            .stdout
            .lines()
            .find(|l| l.contains("trigger 'first_purchase' would happen"))
            .unwrap_or_else(|| panic!("{model}: {}", run.stdout));
        for value in values {
            assert!(line.contains(value), "{line}");
        }
        assert!(line.contains("1440 times a day (once a minute)"), "{line}");
        let run = journey_designer(&["simulate".as_ref(), path.as_os_str()]);
        assert_eq!(run.code, 1, "simulate refuses it too: {}", run.stdout);
    }
}

#[test]
fn infinite_and_overflowing_numbers_are_refused_with_their_value() {
    let cases = [
        (
            "per_day: 1e309",
            ProblemKind::NegativeRate,
            "per day is infinite",
        ),
        (
            "per_day: 1, click_lift: 1e309",
            ProblemKind::NegativeRate,
            "click lift is infinite",
        ),
        (
            "per_day: -inf",
            ProblemKind::NegativeRate,
            "per day is minus infinite",
        ),
        (
            "per_day: 1440, click_lift: 1.5",
            ProblemKind::RateTooHigh,
            "that is 2160 times a day",
        ),
        (
            "per_day: 1e300",
            ProblemKind::RateTooHigh,
            "1e300 times a day",
        ),
    ];
    for (model, kind, words) in cases {
        let journey = store::parse(&with_first_purchase(model)).unwrap();
        let problems = validate(&journey);
        let p = problems
            .iter()
            .find(|p| p.kind == kind)
            .unwrap_or_else(|| panic!("{model}: {problems:?}"));
        assert!(p.message.contains(words), "{model}: {}", p.message);
        assert!(p.is_error());
    }
    let joins = welcome_text().replacen("joins_per_day: 0.0005", "joins_per_day: inf", 1);
    let problems = validate(&store::parse(&joins).unwrap());
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("'complained' joins per day is infinite")),
        "{problems:?}"
    );
}

#[test]
fn infinite_probabilities_weights_and_ranges_are_refused_with_their_value() {
    let text = welcome_text()
        .replacen("opened: 0.45", "opened: inf", 1)
        .replacen(
            "\"existing_customers\": (share: 0.08)",
            "\"existing_customers\": (share: -1e-320)",
            1,
        )
        .replacen(
            "scenario: (",
            "scenario: (\n        attributes: {\"age\": Range(-inf, 3.0), \"plan\": Choice([(\"a\", inf), (\"b\", 1.0)])},",
            1,
        );
    let problems = validate(&store::parse(&text).unwrap());
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    for words in [
        "channel Email opened is infinite",
        "share is -1e-320",
        "attribute 'age' ranges from minus infinite to 3: both ends must be ordinary numbers",
        "attribute 'plan' gives 'a' the weight infinite",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(words)),
            "{words}: {messages:#?}"
        );
    }
}
