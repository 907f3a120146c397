//! Compiling the journey's delivery rules, time zones and holdout.

use chrono::Timelike;

use super::clock::ZoneClock;
use super::{Cap, Grid, HoldoutRule, QuietRule, Rules};
use crate::model::time_zone::zone;
use crate::model::{Journey, QuietAction};
use crate::sim::compiled;

/// The delivery rules of a validated journey, for the compiled `channels`.
pub fn compile(journey: &Journey, channels: &[compiled::Channel], horizon: f64) -> Rules {
    let delivery = &journey.delivery;
    let quiet: Vec<QuietRule> = delivery
        .quiet_hours
        .iter()
        .map(|rule| QuietRule {
            from: f64::from(rule.from.minutes_of_day()) * 60.0,
            to: f64::from(rule.to.minutes_of_day()) * 60.0,
            skip: rule.then == QuietAction::Skip,
        })
        .collect();
    let quiet_by_channel = channels
        .iter()
        .map(|c| {
            (0..quiet.len())
                .filter(|&r| delivery.quiet_hours[r].covers(&c.id))
                .collect()
        })
        .collect();
    let caps: Vec<Cap> = delivery
        .frequency_caps
        .iter()
        .map(|cap| Cap {
            max: cap.max,
            per: cap.per.seconds() as f64,
            channels: channels.iter().map(|c| cap.covers(&c.id)).collect(),
        })
        .collect();
    let caps_by_channel = (0..channels.len())
        .map(|i| (0..caps.len()).filter(|&k| caps[k].channels[i]).collect())
        .collect();
    let starts_at = journey.start.starts_at;
    let epoch = starts_at.timestamp_millis() as f64 / 1000.0;
    let zones = Zones::new(journey, epoch, horizon);
    let plain = quiet.is_empty()
        && caps.is_empty()
        && zones.clocks.len() == 1
        && zones.clocks.iter().all(ZoneClock::is_utc);
    let holdout = journey.holdout.as_ref().map(|h| HoldoutRule {
        share: h.percent / 100.0,
        measure_for: h.measure_for.seconds() as f64,
    });
    Rules {
        // A plain run has one zone, UTC: only a holdout draws per customer.
        per_customer: !plain || holdout.is_some(),
        plain,
        quiet,
        quiet_by_channel,
        caps,
        caps_by_channel,
        holdout,
        draw_zone: zones.clocks.len() > 1,
        zones: zones.clocks,
        zone_weights: zones.weights,
        grid: grid(starts_at, horizon),
    }
}

/// The send-volume grid: from UTC midnight of the day before the start to two days
/// after the horizon (local clocks run up to 14 hours either side of UTC).
fn grid(starts_at: crate::model::Instant, horizon: f64) -> Grid {
    let into_day = f64::from(starts_at.num_seconds_from_midnight())
        + f64::from(starts_at.nanosecond() % 1_000_000_000) / 1e9;
    let lead = 86_400.0 + into_day;
    let hours = ((lead + horizon) / 3_600.0).ceil() as usize + 48;
    let first = starts_at - chrono::Duration::milliseconds((lead * 1000.0).round() as i64);
    Grid { lead, hours, first }
}

/// The scenario's zones: clocks and running weights.
struct Zones {
    clocks: Vec<ZoneClock>,
    weights: Vec<f64>,
}

impl Zones {
    fn new(journey: &Journey, epoch: f64, horizon: f64) -> Zones {
        let list = &journey.scenario.time_zones;
        if list.is_empty() {
            return Zones {
                clocks: vec![ZoneClock::utc(epoch)],
                weights: vec![1.0],
            };
        }
        let mut total = 0.0;
        Zones {
            clocks: list
                .iter()
                .map(|(name, _)| {
                    zone(name).map_or_else(
                        || ZoneClock::utc(epoch),
                        |tz| ZoneClock::new(tz, epoch, horizon),
                    )
                })
                .collect(),
            weights: list
                .iter()
                .map(|(_, w)| {
                    total += w.max(0.0);
                    total
                })
                .collect(),
        }
    }
}
