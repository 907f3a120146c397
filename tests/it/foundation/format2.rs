//! Format 2 (delivery rules, time zones, holdout): loading, saving, round trip.

use journey_designer::model::{
    Action, Channel, Delivery, FORMAT_VERSION, FrequencyCap, Holdout, LocalTime, QuietAction,
    QuietHours, Span, Weekday,
};
use journey_designer::store::{self, LoadError};

use super::rule_test_journey;

/// The format reference's format-2 fragment, verbatim in spirit.
const FLASH_SALE: &str = r#"Journey(
    format: 2,
    name: "Flash sale",
    start: (audience: Segment("subscribers"), starts_at: "2026-11-23T00:00:00Z"),
    goal: Some((trigger: "purchased", target_percent: Some(4.0))),
    delivery: (
        quiet_hours: [
            (channels: [Sms, Push], from: "21:00", to: "08:00"),
            (from: "23:00", to: "06:00", then: Skip),
        ],
        frequency_caps: [(channels: [Email], max: 3, per: Days(7)), (max: 5, per: Days(7))],
    ),
    holdout: Some((percent: 10.0)),
    versions: [(first_step: 1, steps: {
        1: (name: "Morning teaser", at: (0.0, 0.0),
            action: WaitUntilTime(time: "09:00", weekdays: [Mon, Tue, Wed, Thu, Fri], next: Some(2))),
        2: (name: "Sale email", at: (0.0, 120.0),
            action: Message(channel: Email, content: "sale", next: Some(3))),
        3: (name: "Order receipt", at: (0.0, 240.0),
            action: Message(channel: Email, transactional: true, next: None)),
    })],
    scenario: (time_zones: [("Europe/Berlin", 0.6), ("America/New_York", 0.4)],
        triggers: { "purchased": (per_day: 0.01, click_lift: 5.0) }),
)
"#;

fn time(h: u32, m: u32) -> LocalTime {
    LocalTime::new(h, m).unwrap()
}

#[test]
fn format_2_fragment_loads_with_every_field() {
    let j = store::parse(FLASH_SALE).unwrap();
    assert_eq!(j.format, FORMAT_VERSION);
    assert_eq!(
        j.delivery.quiet_hours[0],
        QuietHours {
            channels: vec![Channel::Sms, Channel::Push],
            from: time(21, 0),
            to: time(8, 0),
            then: QuietAction::Hold,
        }
    );
    assert_eq!(j.delivery.quiet_hours[1].then, QuietAction::Skip);
    assert!(j.delivery.quiet_hours[1].channels.is_empty());
    assert_eq!(
        j.delivery.frequency_caps,
        vec![
            FrequencyCap {
                channels: vec![Channel::Email],
                max: 3,
                per: Span::Days(7)
            },
            FrequencyCap {
                channels: vec![],
                max: 5,
                per: Span::Days(7)
            },
        ]
    );
    assert_eq!(j.holdout, Some(Holdout::new(10.0)));
    assert_eq!(j.holdout.as_ref().unwrap().measure_for, Span::Days(14));
    let steps = &j.versions[0].steps;
    assert!(matches!(
        &steps.values().next().unwrap().action,
        Action::WaitUntilTime { time: t, weekdays, .. }
            if *t == time(9, 0) && weekdays.len() == 5 && weekdays[0] == Weekday::Mon
    ));
    assert!(matches!(
        steps.values().nth(1).unwrap().action,
        Action::Message {
            transactional: false,
            ..
        }
    ));
    assert!(matches!(
        steps.values().nth(2).unwrap().action,
        Action::Message {
            transactional: true,
            ..
        }
    ));
    assert_eq!(
        j.scenario.time_zones,
        vec![
            ("Europe/Berlin".to_owned(), 0.6),
            ("America/New_York".to_owned(), 0.4)
        ]
    );
}

#[test]
fn format_2_round_trips_every_field() {
    let mut j = store::parse(FLASH_SALE).unwrap();
    // Non-default values of every optional field, so each one is written and read back.
    j.holdout = Some(Holdout {
        percent: 12.5,
        measure_for: Span::Hours(36),
    });
    j.delivery.quiet_hours.push(QuietHours {
        channels: vec![Channel::Custom("WhatsApp".to_owned())],
        from: time(0, 0),
        to: time(23, 59),
        then: QuietAction::Hold,
    });
    let text = store::to_ron(&j).unwrap();
    assert!(text.starts_with("Journey(\n    format: 2,"), "{text}");
    for needle in [
        "from: \"21:00\"",
        "then: Skip",
        "transactional: true",
        "weekdays: [",
        "time_zones: [",
        "measure_for: Hours(36)",
        "frequency_caps: [",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
    let back = store::parse(&text).unwrap();
    assert_eq!(back, j);
    assert_eq!(store::to_ron(&back).unwrap(), text);
}

#[test]
fn format_1_loads_and_saving_writes_format_2() {
    let j = rule_test_journey();
    assert_eq!(j.format, 2);
    assert_eq!(j.delivery, Delivery::default());
    assert_eq!(j.holdout, None);
    assert!(j.scenario.time_zones.is_empty());
    let text = store::to_ron(&j).unwrap();
    assert!(text.starts_with("Journey(\n    format: 2,"), "{text}");
    // No format-2 field is written when it has its default.
    for absent in ["delivery", "holdout", "time_zones", "transactional"] {
        assert!(!text.contains(absent), "{absent} in\n{text}");
    }
}

#[test]
fn format_3_says_written_by_a_newer_version() {
    let err = store::parse(&FLASH_SALE.replacen("format: 2", "format: 3", 1)).unwrap_err();
    assert!(
        matches!(err, LoadError::NewerFormat { found: 3, .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("written by a newer version"),
        "{err}"
    );
}

#[test]
fn a_time_of_day_that_is_not_hh_mm_names_its_line_and_column() {
    for bad in ["25:00", "9:00", "21:60", "noon"] {
        let text = FLASH_SALE.replacen("from: \"21:00\"", &format!("from: \"{bad}\""), 1);
        let err = store::parse(&text).unwrap_err();
        let (line, column) = err.position().unwrap_or_else(|| panic!("{err}"));
        assert_eq!(line, 8, "{err}");
        assert!(column > 30, "{err}");
        let message = err.to_string();
        assert!(message.contains("is not a time of day"), "{message}");
        assert!(message.contains("HH:MM"), "{message}");
    }
}
