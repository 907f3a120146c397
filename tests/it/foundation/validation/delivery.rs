//! Rules on delivery (quiet hours, caps), time zones and the holdout (format 2).

use journey_designer::model::{
    Action, Channel, Condition, Dist, FrequencyCap, Holdout, LocalTime, ProblemKind, QuietAction,
    QuietHours, Rule, Severity, Span, StepId, Weekday, validate,
};

use super::{action, line, only};
use crate::foundation::rule_test_journey;

fn time(h: u32, m: u32) -> LocalTime {
    LocalTime::new(h, m).unwrap()
}

fn quiet(channels: Vec<Channel>, from: LocalTime, to: LocalTime) -> QuietHours {
    QuietHours {
        channels,
        from,
        to,
        then: QuietAction::Hold,
    }
}

fn cap(channels: Vec<Channel>, max: u32, per: Span) -> FrequencyCap {
    FrequencyCap { channels, max, per }
}

#[test]
fn quiet_hours_with_the_same_start_and_end_is_an_error() {
    let mut j = rule_test_journey();
    j.delivery
        .quiet_hours
        .push(quiet(vec![Channel::Sms], time(21, 0), time(21, 0)));
    let p = only(&j, ProblemKind::QuietHoursEmpty, Severity::Error);
    assert_eq!(
        line(&p, &j),
        "journey: Quiet hours 21:00–21:00 cover no time: give different start and end"
    );
    // 21:00 to 08:00 wraps past midnight and is fine.
    j.delivery.quiet_hours[0].to = time(8, 0);
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn quiet_hours_naming_a_channel_no_message_uses_is_a_warning() {
    let mut j = rule_test_journey();
    j.delivery.quiet_hours.push(quiet(
        vec![Channel::Sms, Channel::Custom("WhatsApp".into())],
        time(21, 0),
        time(8, 0),
    ));
    let p = only(&j, ProblemKind::QuietHoursUnusedChannel, Severity::Warning);
    assert!(p.message.contains("name WhatsApp"), "{}", p.message);
    assert!(
        p.message
            .contains("no message of the journey is sent on it")
    );
}

#[test]
fn cap_with_max_0_is_an_error() {
    let mut j = rule_test_journey();
    j.delivery
        .frequency_caps
        .push(cap(vec![], 0, Span::Days(7)));
    let p = only(&j, ProblemKind::CapMax, Severity::Error);
    assert!(
        p.message
            .contains("The frequency cap of 0 per 7 days would block every message"),
        "{}",
        p.message
    );
}

#[test]
fn cap_with_a_zero_window_is_an_error() {
    let mut j = rule_test_journey();
    j.delivery
        .frequency_caps
        .push(cap(vec![Channel::Email], 3, Span::Hours(0)));
    let p = only(&j, ProblemKind::CapWindow, Severity::Error);
    assert!(p.message.contains("counts over no time"), "{}", p.message);
}

#[test]
fn cap_that_only_transactional_messages_reach_is_a_warning() {
    let mut j = rule_test_journey();
    if let Action::Message { transactional, .. } = action(&mut j, 0, 10) {
        *transactional = true;
    }
    j.delivery
        .frequency_caps
        .push(cap(vec![Channel::Sms], 1, Span::Days(1)));
    // Step 8 may send SMS too (channel optimization): not only transactional yet.
    assert_eq!(validate(&j), vec![]);
    if let Action::ChannelOptimization { channels, .. } = action(&mut j, 0, 8) {
        channels.retain(|c| *c != Channel::Sms);
    }
    let p = only(&j, ProblemKind::CapUnreachable, Severity::Warning);
    assert!(
        p.message
            .contains("every message it covers is transactional")
    );
    // A cap on a channel no message uses limits nothing either.
    let mut j = rule_test_journey();
    j.delivery
        .frequency_caps
        .push(cap(vec![Channel::Custom("Fax".into())], 1, Span::Days(1)));
    let p = only(&j, ProblemKind::CapUnreachable, Severity::Warning);
    assert!(
        p.message
            .contains("no message of the journey is on its channels")
    );
}

#[test]
fn holdout_percent_outside_0_to_100_is_an_error() {
    for percent in [0.0, 100.0, -5.0, 150.0, f64::NAN] {
        let mut j = rule_test_journey();
        j.holdout = Some(Holdout::new(percent));
        let p = only(&j, ProblemKind::HoldoutPercent, Severity::Error);
        assert!(p.message.contains("above 0 and below 100"), "{}", p.message);
    }
    let mut j = rule_test_journey();
    j.holdout = Some(Holdout::new(10.0));
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn holdout_with_a_zero_window_is_an_error() {
    let mut j = rule_test_journey();
    j.holdout = Some(Holdout {
        percent: 10.0,
        measure_for: Span::Days(0),
    });
    let p = only(&j, ProblemKind::HoldoutWindow, Severity::Error);
    assert!(p.message.contains("over no time"), "{}", p.message);
}

#[test]
fn holdout_with_reentry_is_a_warning() {
    let mut j = rule_test_journey();
    j.start.reentry = true;
    j.holdout = Some(Holdout::new(10.0));
    let p = only(&j, ProblemKind::HoldoutWithReentry, Severity::Warning);
    assert!(p.message.contains("mixes the groups"), "{}", p.message);
}

#[test]
fn holdout_without_a_goal_is_a_warning() {
    let mut j = rule_test_journey();
    j.goal = None;
    j.holdout = Some(Holdout::new(10.0));
    let p = only(&j, ProblemKind::HoldoutWithoutGoal, Severity::Warning);
    assert!(p.message.contains("without a goal"), "{}", p.message);
}

#[test]
fn time_zone_not_in_the_database_is_an_error_that_suggests_names() {
    let mut j = rule_test_journey();
    j.scenario.time_zones = vec![
        ("Europe/Berlin".into(), 0.5),
        ("America/New_Yrok".into(), 0.5),
    ];
    let p = only(&j, ProblemKind::UnknownTimeZone, Severity::Error);
    assert!(
        p.message
            .contains("'America/New_Yrok' is not in the time zone database"),
        "{}",
        p.message
    );
    assert!(
        p.message.contains("did you mean America/New_York"),
        "{}",
        p.message
    );
}

#[test]
fn time_zone_weights_negative_or_summing_to_0_is_an_error() {
    for weights in [[-1.0, 2.0], [0.0, 0.0], [f64::NAN, 1.0]] {
        let mut j = rule_test_journey();
        j.scenario.time_zones = vec![
            ("Europe/Berlin".into(), weights[0]),
            ("Asia/Tokyo".into(), weights[1]),
        ];
        only(&j, ProblemKind::TimeZoneWeights, Severity::Error);
    }
}

#[test]
fn time_zone_attribute_together_with_time_zones_is_an_error() {
    let mut j = rule_test_journey();
    j.scenario.attributes.insert(
        "time_zone".into(),
        Dist::Choice(vec![("Europe/Paris".into(), 1.0)]),
    );
    // An attribute alone is what conditions see: fine.
    assert_eq!(validate(&j), vec![]);
    j.scenario.time_zones = vec![("Europe/Paris".into(), 1.0)];
    let p = only(&j, ProblemKind::TimeZoneAttribute, Severity::Error);
    assert!(p.message.contains("keep only one"), "{}", p.message);
}

#[test]
fn time_zone_condition_needs_no_attribute_model() {
    // Every customer has a zone (UTC without time zones): not an unmodelled name.
    let mut j = rule_test_journey();
    if let Action::Branch { rules, .. } = action(&mut j, 0, 5) {
        rules.push(Rule {
            when: Condition::Equals("time_zone".into(), "UTC".into()),
            next: Some(StepId(9)),
        });
    }
    assert_eq!(validate(&j), vec![]);
}

#[test]
fn cycle_through_a_time_of_day_wait_is_an_error() {
    // 10 -> 11 (wait until 09:00) -> 10: a zero-time loop, whatever the clock says.
    let mut j = rule_test_journey();
    if let Action::Message { next, .. } = action(&mut j, 0, 10) {
        *next = Some(StepId(11));
    }
    j.versions[0].steps.insert(
        StepId(11),
        journey_designer::model::Step {
            name: "Next morning".into(),
            at: (1440.0, 140.0),
            action: Action::WaitUntilTime {
                time: time(9, 0),
                weekdays: vec![Weekday::Mon],
                next: Some(StepId(10)),
            },
        },
    );
    let p = only(&j, ProblemKind::InstantCycle, Severity::Error);
    assert!(
        p.message.contains("steps 10, 11 form a loop"),
        "{}",
        p.message
    );
    assert!(p.message.contains("time of day"), "{}", p.message);
}
