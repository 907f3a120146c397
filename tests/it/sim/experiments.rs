//! A/B tests (S12), channel optimization (S13), determinism (S14).

use journey_designer::model::{Channel, Condition, Span, TriggerModel};
use journey_designer::sim::stats::{two_proportion_p, wilson95};
use journey_designer::sim::{SimOptions, simulate};

use super::build::*;
use super::check::assert_conserved;

#[test]
fn s12_ab_test_splits_by_percent_and_tests_best_against_runner_up() {
    let mut j = journey(vec![(
        1,
        ab(
            &[("A", 50.0, None), ("B", 30.0, None), ("C", 20.0, None)],
            None,
        ),
    )]);
    j.scenario.customers = 20_000;
    j.scenario.triggers = triggers(&[("purchased", trigger(0.1))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let t = &r.ab_tests[0];
    for (v, p) in t.variants.iter().zip([0.5, 0.3, 0.2]) {
        assert_binomial(&v.name, v.assigned, 20_000, p, 5.0);
        assert_eq!(v.ci95, wilson95(v.converted, v.assigned));
    }
    let mut by_rate: Vec<_> = t.variants.iter().collect();
    by_rate.sort_by(|a, b| b.rate.total_cmp(&a.rate));
    let p = two_proportion_p(
        by_rate[0].converted,
        by_rate[0].assigned,
        by_rate[1].converted,
        by_rate[1].assigned,
    );
    assert!(
        (t.p_value - p).abs() < 1e-12,
        "p-value of best vs runner-up"
    );
    assert_eq!(t.winner.is_some(), p < 0.05);
    assert_eq!(
        t.decided_at, None,
        "no decision span: verdict at the horizon"
    );
    assert_conserved(&r);
}

#[test]
fn s12_decision_sends_later_arrivals_down_the_winner() {
    // Variant A gets an SMS that is always clicked, which lifts purchases 50-fold.
    let mut j = journey(vec![
        (
            1,
            ab(
                &[("A", 50.0, Some(2)), ("B", 50.0, None)],
                Some((Span::Days(3), "B")),
            ),
        ),
        (2, message(Channel::Sms, None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(10);
    j.scenario
        .channels
        .insert(Channel::Sms, channel(1.0, 1.0, 1.0));
    j.scenario.triggers = triggers(&[(
        "purchased",
        TriggerModel {
            per_day: 0.02,
            click_lift: 50.0,
            lift_for: Span::Days(3),
        },
    )]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let t = &r.ab_tests[0];
    assert_eq!(t.winner.as_deref(), Some("A"));
    assert!(t.p_value < 1e-6);
    assert_eq!(t.decided_at, Some(day(3.0)));
    // After the decision (row 72), nobody goes down B.
    let b = r
        .occupancy
        .connections
        .iter()
        .find(|c| c.step.0 == 1 && c.output == 1)
        .expect("B");
    assert_eq!(b.passes[72], *b.passes.last().expect("rows"));
    assert_binomial(
        "A's share",
        t.variants[0].assigned,
        20_000,
        0.5 + 0.5 * 0.7,
        5.0,
    );
    assert_conserved(&r);
}

#[test]
fn s12_inconclusive_decision_uses_the_default_variant() {
    let mut j = journey(vec![(
        1,
        ab(
            &[("A", 50.0, None), ("B", 50.0, None)],
            Some((Span::Days(2), "B")),
        ),
    )]);
    j.scenario.customers = 10_000;
    j.scenario.arrivals_over = Span::Days(10);
    j.scenario.triggers = triggers(&[("purchased", trigger(0.0))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let t = &r.ab_tests[0];
    assert_eq!(t.winner, None);
    assert_eq!(t.p_value, 1.0);
    assert_eq!(t.decided_at, Some(day(2.0)));
    let a = r
        .occupancy
        .connections
        .iter()
        .find(|c| c.output == 0)
        .expect("A");
    assert_eq!(
        a.passes[48],
        *a.passes.last().expect("rows"),
        "nobody goes down A after day 2"
    );
    assert_binomial(
        "B's share",
        t.variants[1].assigned,
        10_000,
        0.5 + 0.5 * 0.8,
        5.0,
    );
}

#[test]
fn s13_channel_optimization_picks_the_most_clickable_channel_per_customer() {
    let mut j = journey(vec![
        (
            1,
            journey_designer::model::Action::ChannelOptimization {
                channels: vec![Channel::Push, Channel::Email, Channel::Sms],
                content: String::new(),
                next: Some(journey_designer::model::StepId(2)),
            },
        ),
        (
            2,
            journey_designer::model::Action::ChannelOptimization {
                channels: vec![Channel::Push, Channel::Custom("app".to_owned())],
                content: String::new(),
                next: None,
            },
        ),
    ]);
    j.scenario.customers = 20_000;
    j.scenario
        .channels
        .insert(Channel::Push, channel(1.0, 0.2, 0.05));
    j.scenario
        .channels
        .insert(Channel::Email, channel(1.0, 0.5, 0.5));
    j.scenario
        .channels
        .insert(Channel::Sms, channel(1.0, 0.9, 0.1));
    j.scenario.segments = segments(&[("vip", segment(0.3, 0.0))]);
    j.scenario.segment_channels.insert(
        "vip".to_owned(),
        [(Channel::Sms, channel(1.0, 1.0, 1.0))]
            .into_iter()
            .collect(),
    );
    j.scenario.triggers = triggers(&[("purchased", trigger(0.1))]);
    j.goal = goal("purchased", Span::Days(3));
    let r = run(&j);
    let co = &r.channel_optimization[0];
    let (push, email, sms) = (&co.channels[0], &co.channels[1], &co.channels[2]);
    assert_eq!(push.sent, 0);
    assert_eq!(email.sent + sms.sent, 20_000);
    assert_binomial("vip on SMS", sms.sent, 20_000, 0.3, 5.0);
    assert_eq!(sms.clicked, sms.sent, "vip rates: every SMS is clicked");
    let best = if sms.rate > email.rate {
        "Sms"
    } else {
        "Email"
    };
    assert_eq!(co.best.as_deref(), Some(best));
    // Ties go to the order of the list: Push and the custom channel both click at 1 %.
    let tie = &r.channel_optimization[1];
    assert_eq!(tie.channels[0].sent, 20_000);
    assert_eq!(tie.channels[0].channel, "Push");
    assert_eq!(tie.channels[1].channel, "Custom:app");
    assert_eq!(tie.channels[1].sent, 0);
    assert_conserved(&r);
}

/// A journey with every kind of randomness: triggers with lift, segments, A/B with decision.
pub fn rich() -> journey_designer::model::Journey {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Hours(30), Some(3))),
        (
            3,
            if_then(
                journey_designer::model::Event::Opened(journey_designer::model::StepId(1)),
                Span::Days(2),
                Some(4),
                Some(5),
            ),
        ),
        (
            4,
            branch(
                vec![(Condition::Above("age".to_owned(), 40.0), Some(6))],
                Some(5),
            ),
        ),
        (5, message(Channel::Sms, Some(6))),
        (
            6,
            ab(
                &[("A", 60.0, Some(7)), ("B", 40.0, None)],
                Some((Span::Days(4), "B")),
            ),
        ),
        (7, message(Channel::Push, None)),
    ]);
    j.scenario.customers = 20_000;
    j.scenario.arrivals_over = Span::Days(8);
    j.scenario.horizon = Span::Days(12);
    j.scenario.attributes.insert(
        "age".to_owned(),
        journey_designer::model::Dist::Range(18.0, 80.0),
    );
    j.start.exclude_segments = vec!["staff".to_owned()];
    j.end.suppression_segments = vec!["complained".to_owned()];
    j.end.exit_triggers = vec!["unsubscribed".to_owned()];
    j.end.end_date = Some(day(6.0));
    j.scenario.segments = segments(&[
        ("staff", segment(0.05, 0.0)),
        ("complained", segment(0.01, 0.02)),
    ]);
    j.scenario.triggers = triggers(&[
        ("unsubscribed", trigger(0.03)),
        (
            "purchased",
            TriggerModel {
                per_day: 0.02,
                click_lift: 10.0,
                lift_for: Span::Days(1),
            },
        ),
    ]);
    j.goal = goal("purchased", Span::Days(3));
    j
}

#[test]
fn s14_same_seed_gives_the_same_bytes_whatever_the_threads() {
    let j = rich();
    let one = run_threads(&j, 1).to_json_string();
    assert_eq!(one, run_threads(&j, 4).to_json_string(), "1 vs 4 threads");
    assert_eq!(one, run_threads(&j, 3).to_json_string(), "1 vs 3 threads");
    assert_eq!(one, run_threads(&j, 1).to_json_string(), "run twice");
    let other = simulate(
        &j,
        &SimOptions {
            seed: Some(2),
            ..SimOptions::default()
        },
    )
    .expect("simulates")
    .to_json_string();
    assert_ne!(one, other, "another seed, another sample");
    assert_eq!(
        run_threads(&j, 2),
        run_threads(&j, 5),
        "the in-memory report too"
    );
}
