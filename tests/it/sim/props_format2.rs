//! Property test: random format-2 journeys (quiet hours, caps, transactional messages,
//! time-of-day waits, zones, a holdout) conserve (S10 with held_out) and give the same
//! report on any number of threads (S14).

use journey_designer::model::{
    Action, Channel, FrequencyCap, Holdout, Journey, LocalTime, QuietAction, QuietHours, Span,
    Weekday, validate,
};
use journey_designer::sim::{SimOptions, simulate};
use proptest::prelude::*;

use super::check::assert_conserved;
use super::props::{Spec, journey_of, spec};

const ZONES: [&str; 5] = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "UTC",
];

#[derive(Clone, Debug)]
struct Rules {
    quiet: Vec<(u8, u32, u32, bool)>,
    caps: Vec<(u8, u32, u32)>,
    zones: Vec<(usize, f64)>,
    holdout: Option<f64>,
    flags: u8,
    times: (u32, u8),
}

fn rules() -> impl Strategy<Value = Rules> {
    (
        prop::collection::vec((any::<u8>(), 0u32..1440, 1u32..1440, any::<bool>()), 0..3),
        prop::collection::vec((any::<u8>(), 1u32..4, 1u32..96), 0..3),
        prop::collection::vec((0usize..5, 0.1f64..3.0), 0..4),
        prop::option::of(1.0f64..60.0),
        any::<u8>(),
        (0u32..1440, any::<u8>()),
    )
        .prop_map(|(quiet, caps, zones, holdout, flags, times)| Rules {
            quiet,
            caps,
            zones,
            holdout,
            flags,
            times,
        })
}

const CHANNELS: [Channel; 3] = [Channel::Email, Channel::Sms, Channel::Push];

fn channels(mask: u8) -> Vec<Channel> {
    (0..3)
        .filter(|k| mask & (1 << k) != 0)
        .map(|k| CHANNELS[k].clone())
        .collect()
}

fn time(minutes: u32) -> LocalTime {
    LocalTime::new(minutes / 60 % 24, minutes % 60).unwrap()
}

fn format2(spec: &Spec, rules: &Rules) -> Journey {
    let mut j = journey_of(spec);
    for &(mask, from, len, skip) in &rules.quiet {
        j.delivery.quiet_hours.push(QuietHours {
            channels: channels(mask),
            from: time(from),
            to: time(from + len),
            then: if skip {
                QuietAction::Skip
            } else {
                QuietAction::Hold
            },
        });
    }
    for &(mask, max, hours) in &rules.caps {
        j.delivery.frequency_caps.push(FrequencyCap {
            channels: channels(mask),
            max,
            per: Span::Hours(hours),
        });
    }
    j.scenario.time_zones = rules
        .zones
        .iter()
        .map(|&(z, w)| (ZONES[z].to_owned(), w))
        .collect();
    j.scenario.time_zones.dedup_by(|a, b| a.0 == b.0);
    j.holdout = rules.holdout.map(Holdout::new);
    let (minutes, days) = rules.times;
    for (k, step) in j
        .versions
        .iter_mut()
        .flat_map(|v| v.steps.values_mut())
        .enumerate()
    {
        match &mut step.action {
            // Waits until an instant become waits until a time of day.
            Action::WaitUntil { next, .. } if rules.flags & 1 != 0 => {
                step.action = Action::WaitUntilTime {
                    time: time(minutes + k as u32 * 97),
                    weekdays: Weekday::ALL
                        .iter()
                        .filter(|d| days & (1 << d.index()) != 0)
                        .copied()
                        .collect(),
                    next: *next,
                };
            }
            Action::Message { transactional, .. } => {
                *transactional = rules.flags & (2 << (k % 6)) != 0;
            }
            _ => {}
        }
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn s10_s14_random_format_2_journeys_conserve_and_are_deterministic(spec in spec(), rules in rules()) {
        let j = format2(&spec, &rules);
        let errors: Vec<_> = validate(&j).into_iter().filter(journey_designer::model::Problem::is_error).collect();
        prop_assert!(errors.is_empty(), "built an invalid journey: {:?}", errors);
        let one = simulate(&j, &SimOptions { threads: Some(1), ..SimOptions::default() })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_conserved(&one);
        let three = simulate(&j, &SimOptions { threads: Some(3), ..SimOptions::default() })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(one == three, "S14: 1 vs 3 threads differ");
        prop_assert_eq!(one.to_json_string(), three.to_json_string());
    }
}
