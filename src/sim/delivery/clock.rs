//! A customer's local clock (S21, S22): the zone's UTC offsets over the simulated
//! period as a table of segments, read with a binary search.
//!
//! The table is built once per run from the IANA database (`chrono-tz`): the offset
//! is sampled every six hours from two days before the start to ten days after the
//! horizon (a wait for a weekday looks up to a week ahead), and every change is
//! narrowed down to the second. Zones change their offset at most a few times a year,
//! never twice within six hours. Outside the table the nearest segment's offset holds.
//!
//! Instants are seconds after `start.starts_at` (as everywhere in the engine); the
//! local clock is `epoch + t + offset`, where `epoch` is `starts_at` in seconds since
//! 1970-01-01T00:00:00Z, a Thursday.

use chrono::{Offset, TimeZone};
use chrono_tz::Tz;

/// Seconds per day.
pub const DAY: f64 = 86_400.0;

/// Seconds between two samples of the offset.
const SAMPLE: i64 = 6 * 3_600;

/// One stretch of constant offset.
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// First instant (seconds after the start) with this offset.
    from: f64,
    /// Local minus UTC, seconds.
    offset: f64,
}

/// A zone's offsets over the run.
#[derive(Clone, Debug)]
pub struct ZoneClock {
    /// `starts_at` in seconds since the Unix epoch.
    epoch: f64,
    /// Segments in time order; the first starts at minus infinity.
    segments: Vec<Segment>,
}

/// The local clock at one instant.
#[derive(Clone, Copy, Debug)]
pub struct Local {
    /// Seconds after local midnight, `0..86400`.
    pub second_of_day: f64,
    /// Local days since 1970-01-01.
    pub day: i64,
    /// 0 for Monday to 6 for Sunday.
    pub weekday: usize,
    /// The next instant the offset changes (infinity: never).
    pub changes_at: f64,
    /// Local minus UTC, seconds.
    pub offset: f64,
    /// `starts_at` in Unix seconds.
    epoch: f64,
}

impl Local {
    /// The instant at which this offset's clock shows `second_of_day` on local `day`
    /// (exact in whole seconds: no rounding from the time of day this came from).
    #[inline]
    pub fn instant_at(&self, day: i64, second_of_day: f64) -> f64 {
        day as f64 * DAY + second_of_day - self.epoch - self.offset
    }
}

impl ZoneClock {
    /// UTC: one segment of offset 0.
    pub fn utc(epoch: f64) -> ZoneClock {
        ZoneClock {
            epoch,
            segments: vec![Segment {
                from: f64::NEG_INFINITY,
                offset: 0.0,
            }],
        }
    }

    /// Whether this clock shows UTC throughout (its local hours are the UTC hours).
    pub fn is_utc(&self) -> bool {
        self.segments.iter().all(|s| s.offset == 0.0)
    }

    /// The clock of `zone` for a run starting at `epoch` (Unix seconds) and lasting
    /// `horizon` seconds.
    pub fn new(zone: Tz, epoch: f64, horizon: f64) -> ZoneClock {
        let offset_at = |unix: i64| -> i64 {
            chrono::DateTime::from_timestamp(unix, 0).map_or(0, |utc| {
                i64::from(
                    zone.offset_from_utc_datetime(&utc.naive_utc())
                        .fix()
                        .local_minus_utc(),
                )
            })
        };
        let start = epoch.floor() as i64 - 2 * 86_400;
        let end = (epoch + horizon).ceil() as i64 + 10 * 86_400;
        let mut segments = vec![Segment {
            from: f64::NEG_INFINITY,
            offset: offset_at(start) as f64,
        }];
        let mut previous = (start, offset_at(start));
        let mut unix = start;
        while unix < end {
            unix = (unix + SAMPLE).min(end);
            let offset = offset_at(unix);
            if offset != previous.1 {
                // The first second with the new offset, in (previous.0, unix].
                let (mut lo, mut hi) = (previous.0, unix);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if offset_at(mid) == previous.1 {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                segments.push(Segment {
                    from: hi as f64 - epoch,
                    offset: offset_at(hi) as f64,
                });
            }
            previous = (unix, offset);
        }
        ZoneClock { epoch, segments }
    }

    /// The index of the segment holding instant `t`.
    #[inline]
    fn segment(&self, t: f64) -> usize {
        if self.segments.len() == 1 {
            return 0;
        }
        self.segments
            .partition_point(|s| s.from <= t)
            .saturating_sub(1)
    }

    /// Local minus UTC at `t`, seconds.
    #[inline]
    pub fn offset(&self, t: f64) -> f64 {
        self.segments[self.segment(t)].offset
    }

    /// The local clock at `t`.
    pub fn local(&self, t: f64) -> Local {
        let i = self.segment(t);
        let local = self.epoch + t + self.segments[i].offset;
        let day = (local / DAY).floor();
        Local {
            second_of_day: local - day * DAY,
            day: day as i64,
            weekday: (day as i64 + 3).rem_euclid(7) as usize,
            changes_at: self.segments.get(i + 1).map_or(f64::INFINITY, |s| s.from),
            offset: self.segments[i].offset,
            epoch: self.epoch,
        }
    }

    /// The instant at which the local clock shows `second_of_day` on local day `day`:
    /// the earlier one when the clock shows it twice (fall back), the end of the gap
    /// when it skips it (spring forward).
    pub fn instant_of(&self, day: i64, second_of_day: f64) -> f64 {
        let wall = day as f64 * DAY + second_of_day - self.epoch;
        let guess = self.segment(wall - self.segments[self.segment(wall)].offset);
        let lo = guess.saturating_sub(1);
        let hi = (guess + 1).min(self.segments.len() - 1);
        let mut best = f64::INFINITY;
        for i in lo..=hi {
            let t = wall - self.segments[i].offset;
            if self.segment(t) == i && t < best {
                best = t;
            }
        }
        if best.is_finite() {
            return best;
        }
        // In a gap: the change at which the clock jumps over the wall time.
        for i in (lo + 1)..=hi {
            let change = self.segments[i].from;
            let before = wall - self.segments[i - 1].offset;
            let after = wall - self.segments[i].offset;
            if after < change && before >= change {
                return change;
            }
        }
        wall - self.segments[guess].offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn epoch(text: &str) -> f64 {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("valid")
            .timestamp() as f64
    }

    #[test]
    fn s22_berlin_follows_daylight_saving() {
        // 2026-03-29 01:00 UTC Berlin springs from +1 h to +2 h.
        let start = epoch("2026-03-28T00:00:00Z");
        let clock = ZoneClock::new(chrono_tz::Europe::Berlin, start, 5.0 * DAY);
        assert_eq!(clock.offset(0.0), 3_600.0);
        assert_eq!(clock.offset(DAY + 3_599.0), 3_600.0);
        assert_eq!(clock.offset(DAY + 3_600.0), 7_200.0);
        let local = clock.local(0.0);
        assert_eq!(local.second_of_day, 3_600.0);
        assert_eq!(local.weekday, 5, "a Saturday");
    }

    #[test]
    fn s21_a_missing_local_time_is_the_end_of_the_gap_and_a_repeated_one_the_first() {
        let start = epoch("2026-03-28T00:00:00Z");
        let clock = ZoneClock::new(chrono_tz::Europe::Berlin, start, 240.0 * DAY);
        let day = clock.local(DAY + 60.0).day; // local 2026-03-29
        // 02:30 does not exist on 29 March: the gap ends at 03:00 local = 01:00 UTC.
        assert_eq!(clock.instant_of(day, 2.5 * 3_600.0), DAY + 3_600.0);
        // 25 October 2026: 02:30 happens twice; the first is 00:30 UTC.
        let october = epoch("2026-10-25T00:30:00Z") - start;
        let day = clock.local(october).day;
        assert_eq!(clock.instant_of(day, 2.5 * 3_600.0), october);
    }
}
