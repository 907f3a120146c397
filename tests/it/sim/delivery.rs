//! Delivery rules, time zones and the holdout (rules S18–S23).

use chrono::{Duration, Timelike, Utc};
use journey_designer::model::{
    Action, Channel, Condition, FrequencyCap, Holdout, Instant, Journey, LocalTime, QuietAction,
    QuietHours, Span, StepId, Weekday,
};
use journey_designer::sim::Report;

use super::build::*;
use super::check::assert_conserved;

fn local(h: u32, m: u32) -> LocalTime {
    LocalTime::new(h, m).unwrap()
}

fn quiet(channels: Vec<Channel>, from: u32, to: u32, then: QuietAction) -> QuietHours {
    QuietHours {
        channels,
        from: local(from, 0),
        to: local(to, 0),
        then,
    }
}

fn cap(max: u32, per: Span) -> FrequencyCap {
    FrequencyCap {
        channels: vec![],
        max,
        per,
    }
}

fn transactional(channel: Channel, n: Option<u32>) -> Action {
    Action::Message {
        channel,
        content: String::new(),
        transactional: true,
        next: n.map(StepId),
    }
}

fn wait_until_time(time: LocalTime, weekdays: Vec<Weekday>, n: Option<u32>) -> Action {
    Action::WaitUntilTime {
        time,
        weekdays,
        next: n.map(StepId),
    }
}

fn at(text: &str) -> Instant {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// The journey starting at `start` with everyone arriving then (or over `over`).
fn starting(steps: Vec<(u32, Action)>, start: &str, over: Span, customers: u64) -> Journey {
    let mut j = journey(steps);
    j.start.starts_at = at(start);
    j.scenario.arrivals_over = over;
    j.scenario.customers = customers;
    j.scenario.horizon = Span::Days(10);
    j
}

/// Asserts `seen` is within 5 standard errors of the binomial mean `n p`.
fn binomial(seen: u64, n: u64, p: f64) {
    let mean = n as f64 * p;
    let se = (n as f64 * p * (1.0 - p)).sqrt();
    assert!(
        (seen as f64 - mean).abs() <= 5.0 * se + 1e-9,
        "{seen} is not within 5 standard errors of {mean} (se {se})"
    );
}

/// Sends per UTC hour of `channel` (index in the channels report), with the hour's start.
fn sends_by_utc_hour(r: &Report, channel: usize) -> Vec<(Instant, u64)> {
    let v = &r.send_volume;
    let first = v.first.unwrap();
    v.utc[channel]
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(h, n)| (first + Duration::hours(h as i64), *n))
        .collect()
}

/// Sends per local hour of day (0–23) of `channel`, all days together.
fn sends_by_local_hour(r: &Report, channel: usize) -> [u64; 24] {
    let mut hours = [0; 24];
    for (h, n) in r.send_volume.local[channel].iter().enumerate() {
        hours[h % 24] += n;
    }
    hours
}

/// A small format-1 journey: email, wait, SMS or push by A/B, with a goal and exits.
fn welcome() -> Journey {
    let mut j = starting(
        vec![
            (1, message(Channel::Email, Some(2))),
            (2, wait(Span::Days(1), Some(3))),
            (3, ab(&[("a", 50.0, Some(4)), ("b", 50.0, Some(5))], None)),
            (4, message(Channel::Sms, None)),
            (5, message(Channel::Push, None)),
        ],
        "2026-01-01T06:00:00Z",
        Span::Days(3),
        5_000,
    );
    j.goal = goal("purchased", Span::Days(3));
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j.scenario
        .triggers
        .insert("purchased".to_owned(), trigger(0.05));
    j.scenario
        .triggers
        .insert("unsubscribed".to_owned(), trigger(0.02));
    j
}

#[test]
fn s18_hold_releases_a_nights_messages_at_the_end_of_quiet_hours() {
    // Arrivals spread over the first day (UTC customers); SMS quiet 21:00–08:00.
    let n = 20_000;
    let mut j = starting(
        vec![(1, message(Channel::Sms, None))],
        "2026-01-01T00:00:00Z",
        Span::Days(1),
        n,
    );
    j.delivery
        .quiet_hours
        .push(quiet(vec![Channel::Sms], 21, 8, QuietAction::Hold));
    let r = run(&j);
    assert_conserved(&r);
    let m = step(&r, 1, 1).messages;
    binomial(m.held, n, 11.0 / 24.0);
    assert_eq!(
        (m.sent, m.skipped, m.capped),
        (n, 0, 0),
        "every message goes out"
    );
    // Nothing goes out during quiet hours; the night's messages all go at 08:00.
    let by_hour = sends_by_utc_hour(&r, 0);
    for (hour, _) in &by_hour {
        assert!((8..21).contains(&hour.hour()), "a send at {hour}");
    }
    let at_eight: u64 = by_hour
        .iter()
        .filter(|(h, _)| h.hour() == 8)
        .map(|(_, n)| n)
        .sum();
    let arrived_at_eight = at_eight - m.held;
    binomial(arrived_at_eight, n, 1.0 / 24.0);
    // The timeline row that ends at 08:00 holds the releases of the first morning.
    let first_morning = r.timeline[8].sent;
    binomial(first_morning, n, 8.0 / 24.0);
    assert_eq!(step(&r, 1, 1).completed, n);
}

#[test]
fn s18_skip_moves_on_and_the_message_counts_as_skipped() {
    let n = 20_000;
    let mut j = starting(
        vec![
            (1, message(Channel::Push, Some(2))),
            (2, wait(Span::Hours(1), None)),
        ],
        "2026-01-01T00:00:00Z",
        Span::Days(1),
        n,
    );
    j.delivery
        .quiet_hours
        .push(quiet(vec![], 22, 6, QuietAction::Skip));
    let r = run(&j);
    assert_conserved(&r);
    let m = step(&r, 1, 1).messages;
    binomial(m.skipped, n, 8.0 / 24.0);
    assert_eq!(m.sent + m.skipped, n);
    assert_eq!(m.held, 0);
    // The customer goes on at once: the wait after the message is reached by everyone.
    assert_eq!(step(&r, 1, 1).completed, n);
    assert_eq!(step(&r, 1, 2).reached, n);
    assert_eq!(r.channels[0].skipped, m.skipped);
    assert_eq!(r.channels[0].sent, m.sent);
}

#[test]
fn s18_skip_wins_over_hold() {
    let mut j = starting(
        vec![(1, message(Channel::Sms, None))],
        "2026-01-01T23:00:00Z",
        Span::Minutes(0),
        500,
    );
    j.delivery.quiet_hours = vec![
        quiet(vec![Channel::Sms], 21, 8, QuietAction::Hold),
        quiet(vec![], 22, 6, QuietAction::Skip),
    ];
    let r = run(&j);
    let m = step(&r, 1, 1).messages;
    assert_eq!((m.sent, m.held, m.skipped), (0, 0, 500));
}

#[test]
fn s18_a_held_customer_who_hits_an_exit_trigger_is_never_sent_the_message() {
    // Everyone reaches the SMS at 22:00, held until 08:00; "unsubscribed" 5 times a day.
    let n = 5_000;
    let mut j = starting(
        vec![(1, message(Channel::Sms, None))],
        "2026-01-01T22:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.delivery
        .quiet_hours
        .push(quiet(vec![Channel::Sms], 21, 8, QuietAction::Hold));
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j.scenario
        .triggers
        .insert("unsubscribed".to_owned(), trigger(5.0));
    let r = run(&j);
    assert_conserved(&r);
    let s = step(&r, 1, 1);
    assert_eq!(s.messages.held, n);
    let left = s.exited.exit_trigger;
    binomial(left, n, 1.0 - (-5.0f64 * 10.0 / 24.0).exp());
    assert_eq!(
        s.messages.sent,
        n - left,
        "those who left were never sent it"
    );
    assert_eq!(r.channels[0].sent, n - left);
    // Every send is at 08:00, ten hours after the start.
    assert_eq!(r.timeline[10].sent, n - left);
    // Stop applies while held too: a version stopped at 02:00 sends nothing.
    j.end.exit_triggers.clear();
    j.versions[0].stopped_at = Some(at("2026-01-02T02:00:00Z"));
    let r = run(&j);
    assert_conserved(&r);
    let s = step(&r, 1, 1);
    assert_eq!((s.messages.sent, s.exited.stopped), (0, n));
}

#[test]
fn s18_a_release_at_or_after_the_horizon_leaves_the_customer_in_progress() {
    let mut j = starting(
        vec![(1, message(Channel::Sms, None))],
        "2026-01-01T22:00:00Z",
        Span::Minutes(0),
        300,
    );
    j.scenario.horizon = Span::Hours(10); // 08:00 is the horizon itself
    j.delivery
        .quiet_hours
        .push(quiet(vec![], 21, 8, QuietAction::Hold));
    let r = run(&j);
    assert_conserved(&r);
    let s = step(&r, 1, 1);
    assert_eq!(
        (s.messages.held, s.messages.sent, s.in_progress),
        (300, 0, 300)
    );
}

#[test]
fn s22_quiet_hours_in_two_zones_give_different_utc_send_hours() {
    // At 04:00 UTC it is 05:00 in Berlin and 23:00 in New York: both quiet (21:00–08:00).
    let n = 10_000;
    let mut j = starting(
        vec![(1, message(Channel::Sms, None))],
        "2026-01-05T04:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.delivery
        .quiet_hours
        .push(quiet(vec![], 21, 8, QuietAction::Hold));
    j.scenario.time_zones = vec![
        ("Europe/Berlin".to_owned(), 0.5),
        ("America/New_York".to_owned(), 0.5),
    ];
    let r = run(&j);
    assert_conserved(&r);
    let by_hour = sends_by_utc_hour(&r, 0);
    let hours: Vec<u32> = by_hour.iter().map(|(h, _)| h.hour()).collect();
    // 08:00 in Berlin is 07:00 UTC; 08:00 in New York is 13:00 UTC.
    assert_eq!(hours, vec![7, 13], "{by_hour:?}");
    binomial(by_hour[0].1, n, 0.5);
    assert_eq!(by_hour[0].1 + by_hour[1].1, n);
    // On the customers' own clocks every message went out at 08:00.
    let local = sends_by_local_hour(&r, 0);
    assert_eq!(local[8], n, "{local:?}");
}

#[test]
fn s19_a_cap_counts_only_sent_messages() {
    // Push is skipped at night; two SMS are sent; the third SMS hits the cap of 2 a day.
    let n = 1_000;
    let mut j = starting(
        vec![
            (1, message(Channel::Push, Some(2))),
            (2, message(Channel::Sms, Some(3))),
            (3, message(Channel::Sms, Some(4))),
            (4, message(Channel::Sms, None)),
        ],
        "2026-01-01T23:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.delivery
        .quiet_hours
        .push(quiet(vec![Channel::Push], 21, 8, QuietAction::Skip));
    j.delivery.frequency_caps.push(cap(2, Span::Days(1)));
    let r = run(&j);
    assert_conserved(&r);
    assert_eq!(step(&r, 1, 1).messages.skipped, n);
    assert_eq!(step(&r, 1, 2).messages.sent, n);
    assert_eq!(step(&r, 1, 3).messages.sent, n);
    assert_eq!(step(&r, 1, 4).messages.capped, n);
    assert_eq!(step(&r, 1, 4).messages.sent, 0);
    assert_eq!(
        step(&r, 1, 4).completed,
        n,
        "a capped message completes its step"
    );
}

#[test]
fn s19_caps_run_over_a_rolling_window_across_entries() {
    // Customers enter again and again (every 2 days on average); one message a week.
    let n = 2_000;
    let mut j = starting(
        vec![(1, message(Channel::Email, None))],
        "2026-01-01T00:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.start.audience = journey_designer::model::Audience::Trigger("visited".to_owned());
    j.start.reentry = true;
    j.scenario
        .triggers
        .insert("visited".to_owned(), trigger(0.5));
    j.scenario.horizon = Span::Days(6);
    j.delivery.frequency_caps.push(cap(1, Span::Days(7)));
    let r = run(&j);
    assert_conserved(&r);
    let m = step(&r, 1, 1).messages;
    // Within 6 days only each customer's first message fits a 7-day window.
    assert_eq!(m.sent, n);
    assert_eq!(m.capped, r.arrivals.entered - n);
    assert!(m.capped > 0);
    // With a one-minute window only entries a minute apart are capped: hardly any.
    j.delivery.frequency_caps[0].per = Span::Minutes(1);
    let r = run(&j);
    let m = step(&r, 1, 1).messages;
    assert_eq!(m.sent + m.capped, r.arrivals.entered);
    assert!(m.capped * 100 < r.arrivals.entered, "{m:?}");
}

#[test]
fn s19_a_capped_messages_if_then_takes_no() {
    let n = 1_000;
    let mut j = starting(
        vec![
            (1, message(Channel::Email, Some(2))),
            (2, message(Channel::Email, Some(3))),
            (
                3,
                if_then(
                    journey_designer::model::Event::Opened(StepId(2)),
                    Span::Days(2),
                    Some(4),
                    Some(5),
                ),
            ),
            (4, wait(Span::Hours(1), None)),
            (5, wait(Span::Hours(1), None)),
        ],
        "2026-01-01T12:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.scenario
        .channels
        .insert(Channel::Email, channel(1.0, 1.0, 0.0));
    j.delivery.frequency_caps.push(cap(1, Span::Days(1)));
    let r = run(&j);
    assert_conserved(&r);
    assert_eq!(step(&r, 1, 2).messages.capped, n);
    assert_eq!(
        step(&r, 1, 4).reached,
        0,
        "nobody opens a message never sent"
    );
    assert_eq!(step(&r, 1, 5).reached, n, "everyone takes the no path");
    // Without the cap every message is opened: the yes path.
    j.delivery.frequency_caps.clear();
    assert_eq!(step(&run(&j), 1, 4).reached, n);
}

#[test]
fn s20_transactional_messages_are_neither_capped_nor_counted() {
    let n = 1_000;
    let mut j = starting(
        vec![
            (1, transactional(Channel::Email, Some(2))),
            (2, message(Channel::Email, Some(3))),
            (3, transactional(Channel::Email, Some(4))),
            (4, message(Channel::Email, Some(5))),
            (5, transactional(Channel::Sms, None)),
        ],
        "2026-01-01T23:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.delivery.frequency_caps.push(cap(1, Span::Days(1)));
    j.delivery
        .quiet_hours
        .push(quiet(vec![Channel::Sms], 21, 8, QuietAction::Hold));
    let r = run(&j);
    assert_conserved(&r);
    // 1: sent, not counted; 2: sent, counted (1 of 1); 3: sent despite the full cap;
    // 4: capped; 5: sent at 23:00 despite quiet hours.
    let sent: Vec<u64> = (1..=5).map(|id| step(&r, 1, id).messages.sent).collect();
    assert_eq!(sent, vec![n, n, n, 0, n]);
    assert_eq!(step(&r, 1, 4).messages.capped, n);
    assert_eq!(step(&r, 1, 5).messages.held, 0);
    assert_eq!(r.timeline[0].sent, 4 * n, "all sent at the start instant");
}

#[test]
fn s21_wait_until_time_on_a_daylight_saving_day_in_berlin() {
    // Saturday 28 March 2026, noon UTC. Berlin springs forward on Sunday at 02:00 local.
    let n = 400;
    let mut j = starting(
        vec![
            (1, wait_until_time(local(2, 30), vec![], Some(2))),
            (2, message(Channel::Email, Some(3))),
            (
                3,
                wait_until_time(local(9, 0), Weekday::ALL[..5].to_vec(), Some(4)),
            ),
            (4, message(Channel::Sms, None)),
        ],
        "2026-03-28T12:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.scenario.time_zones = vec![("Europe/Berlin".to_owned(), 1.0)];
    let r = run(&j);
    assert_conserved(&r);
    // 02:30 does not exist on 29 March: the end of the gap, 03:00 CEST = 01:00 UTC.
    assert_eq!(
        sends_by_utc_hour(&r, 0),
        vec![(at("2026-03-29T01:00:00Z"), n)]
    );
    assert_eq!(
        r.timeline[13].sent, n,
        "01:00 UTC is 13 hours after the start"
    );
    // Then Monday 09:00 CEST = 07:00 UTC (Sunday is not a weekday of the step).
    assert_eq!(
        sends_by_utc_hour(&r, 1),
        vec![(at("2026-03-30T07:00:00Z"), n)]
    );
    // Fall back, 25 October: 02:30 happens twice; the wait ends at the first, 00:30 UTC.
    j.start.starts_at = at("2026-10-24T12:00:00Z");
    let r = run(&j);
    assert_conserved(&r);
    assert_eq!(
        sends_by_utc_hour(&r, 0),
        vec![(at("2026-10-25T00:00:00Z"), n)]
    );
    assert_eq!(sends_by_local_hour(&r, 0)[2], n);
}

#[test]
fn s21_reached_exactly_at_the_time_they_leave_at_once() {
    let mut j = starting(
        vec![
            (1, wait_until_time(local(9, 0), vec![], Some(2))),
            (2, message(Channel::Email, None)),
        ],
        "2026-01-01T09:00:00Z",
        Span::Minutes(0),
        100,
    );
    let r = run(&j);
    assert_eq!(r.timeline[0].sent, 100);
    // A minute later they wait for the next day.
    j.start.starts_at = at("2026-01-01T09:01:00Z");
    let r = run(&j);
    assert_eq!(r.timeline[24].sent, 100);
}

#[test]
fn s22_time_zones_are_drawn_by_weight_and_seen_as_time_zone() {
    let n = 20_000;
    let mut j = starting(
        vec![
            (
                1,
                branch(
                    vec![(
                        Condition::Equals("time_zone".to_owned(), "Europe/Berlin".to_owned()),
                        Some(2),
                    )],
                    Some(3),
                ),
            ),
            (2, wait(Span::Hours(1), None)),
            (3, wait(Span::Hours(1), None)),
        ],
        "2026-01-01T00:00:00Z",
        Span::Minutes(0),
        n,
    );
    j.scenario.time_zones = vec![
        ("Europe/Berlin".to_owned(), 0.7),
        ("Asia/Tokyo".to_owned(), 0.3),
    ];
    let r = run(&j);
    assert_conserved(&r);
    binomial(step(&r, 1, 2).reached, n, 0.7);
    // Without zones everyone lives in UTC.
    j.scenario.time_zones.clear();
    if let Action::Branch { rules, .. } =
        &mut j.versions[0].steps.get_mut(&StepId(1)).unwrap().action
    {
        rules[0].when = Condition::Equals("time_zone".to_owned(), "UTC".to_owned());
    }
    assert_eq!(step(&run(&j), 1, 2).reached, n);
}

#[test]
fn s22_the_zone_draw_does_not_shift_other_draws() {
    // Zones on a journey that never reads the clock change nothing.
    let j = welcome();
    let mut zoned = j.clone();
    zoned.scenario.time_zones = vec![
        ("Europe/Berlin".to_owned(), 0.5),
        ("America/New_York".to_owned(), 0.5),
    ];
    let (a, b) = (run(&j), run(&zoned));
    assert_eq!(a.steps, b.steps);
    assert_eq!(a.channels, b.channels);
    assert_eq!(a.goal, b.goal);
}

#[test]
fn s23_held_out_entries_reach_no_step_and_the_lift_without_clicks_is_zero() {
    let n = 40_000;
    let mut j = starting(
        vec![
            (1, message(Channel::Email, Some(2))),
            (2, wait(Span::Days(2), None)),
        ],
        "2026-01-01T00:00:00Z",
        Span::Days(1),
        n,
    );
    j.goal = goal("purchased", Span::Days(3));
    j.scenario
        .triggers
        .insert("purchased".to_owned(), trigger(0.05));
    j.holdout = Some(Holdout::new(20.0));
    let r = run(&j);
    assert_conserved(&r);
    let h = r.holdout.clone().expect("a holdout report");
    binomial(h.held_out, n, 0.2);
    assert_eq!(h.treated + h.held_out, n);
    assert_eq!(r.outcomes.held_out, h.held_out);
    assert_eq!(
        step(&r, 1, 1).reached,
        h.treated,
        "held-out entries reach no step"
    );
    assert_eq!(r.channels[0].sent, h.treated);
    // Conversions do not depend on the journey: the lift is 0 within 5 standard errors.
    let (rt, rh) = (h.treated_rate, h.held_out_rate);
    let se = (rt * (1.0 - rt) / h.treated as f64 + rh * (1.0 - rh) / h.held_out as f64).sqrt();
    assert!(h.lift.abs() <= 5.0 * se, "lift {} (se {se})", h.lift);
    assert!(h.treated_converted > 0 && h.held_out_converted > 0);
    assert!(h.ci95[0] <= h.lift && h.lift <= h.ci95[1]);
    assert!((h.ci95[1] - h.lift - 1.959_964 * se).abs() < 1e-12);
    // The goal rate counts treated entries only.
    let goal = r.goal.as_ref().unwrap();
    assert_eq!(goal.rate, goal.converted as f64 / h.treated as f64);
    // A timeline row's exits include held-out entries.
    let exited: u64 = r.timeline.iter().map(|t| t.exited).sum();
    assert_eq!(exited, r.outcomes.completed + h.held_out);
}

#[test]
fn s23_clicks_that_lift_purchases_show_a_positive_lift() {
    let n = 40_000;
    let mut j = starting(
        vec![(1, message(Channel::Email, None))],
        "2026-01-01T00:00:00Z",
        Span::Days(1),
        n,
    );
    j.goal = goal("purchased", Span::Days(3));
    j.scenario.triggers.insert(
        "purchased".to_owned(),
        journey_designer::model::TriggerModel {
            per_day: 0.02,
            click_lift: 20.0,
            lift_for: Span::Days(2),
        },
    );
    j.scenario
        .channels
        .insert(Channel::Email, channel(1.0, 0.8, 0.5));
    j.holdout = Some(Holdout::new(50.0));
    let h = run(&j).holdout.unwrap();
    assert!(
        h.lift > 0.0 && h.ci95[0] > 0.0 && h.p_value < 0.001,
        "{h:?}"
    );
}

#[test]
fn s23_a_holdout_without_a_goal_reports_zero_lift() {
    let mut j = starting(
        vec![(1, message(Channel::Email, None))],
        "2026-01-01T00:00:00Z",
        Span::Days(1),
        1_000,
    );
    j.holdout = Some(Holdout::new(10.0));
    let h = run(&j).holdout.unwrap();
    assert_eq!((h.treated_converted, h.held_out_converted), (0, 0));
    assert_eq!((h.lift, h.ci95, h.p_value), (0.0, [0.0, 0.0], 1.0));
}

#[test]
fn s14_delivery_rules_give_the_same_bytes_on_any_number_of_threads() {
    let mut j = welcome();
    j.delivery.quiet_hours = vec![
        quiet(vec![Channel::Sms, Channel::Push], 21, 8, QuietAction::Hold),
        quiet(vec![Channel::Email], 23, 6, QuietAction::Skip),
    ];
    j.delivery.frequency_caps.push(cap(2, Span::Days(3)));
    j.holdout = Some(Holdout::new(10.0));
    j.scenario.time_zones = vec![
        ("Europe/Berlin".to_owned(), 0.5),
        ("America/Los_Angeles".to_owned(), 0.5),
    ];
    let one = run_threads(&j, 1);
    assert_conserved(&one);
    assert_eq!(one.to_json_string(), run_threads(&j, 3).to_json_string());
    assert_eq!(one, run_threads(&j, 2));
}

#[test]
fn format_1_journeys_report_zero_delivery_counts() {
    let r = run(&welcome());
    assert_eq!(r.outcomes.held_out, 0);
    assert!(r.holdout.is_none());
    let json = r.to_json_value();
    assert!(json["holdout"].is_null());
    assert_eq!(json["outcomes"]["held_out"], 0);
    for s in &r.steps {
        assert_eq!(
            (s.messages.held, s.messages.skipped, s.messages.capped),
            (0, 0, 0)
        );
    }
    assert_eq!(
        step(&r, 1, 2).messages,
        journey_designer::sim::MessageCounts::default()
    );
}

#[test]
fn format_2_a_plain_run_counts_sends_per_hour_as_a_run_with_rules_that_never_bind() {
    // A plain run takes its sends per hour from the message steps' visits; a cap that
    // never binds takes the counted path. Same sends in the same hours, same grid.
    let plain = welcome();
    let mut capped = welcome();
    capped
        .delivery
        .frequency_caps
        .push(cap(1_000, Span::Days(1)));
    let a = run(&plain);
    let b = run(&capped);
    let hourly = |r: &Report| r.timeline.iter().map(|t| t.sent).collect::<Vec<_>>();
    assert!(hourly(&a).iter().sum::<u64>() > 0);
    assert_eq!(hourly(&a), hourly(&b));
    assert_eq!(a.send_volume.utc, b.send_volume.utc);
    assert_eq!(a.send_volume.local, b.send_volume.local);
}
