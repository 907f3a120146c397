//! The playhead: where in simulated time the canvas and the plots are, and
//! how fast it moves when playing. Plain view state; the report's timeline
//! has one row per hour, so the playhead is measured in hours from the
//! journey's start.

use chrono::Duration;

use crate::model::Instant;

/// Playback speeds offered, in simulated hours per real second (an hour to a week).
pub const SPEEDS: [(f64, &str); 5] = [
    (1.0, "1 hour/s"),
    (6.0, "6 hours/s"),
    (24.0, "1 day/s"),
    (72.0, "3 days/s"),
    (168.0, "1 week/s"),
];

/// The playhead and play state.
#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    /// Hours since the journey's start (fractional while playing).
    pub hour: f64,
    /// True while playing.
    pub playing: bool,
    /// Simulated hours per real second.
    pub hours_per_second: f64,
}

impl Default for Playback {
    fn default() -> Self {
        Playback {
            hour: 0.0,
            playing: false,
            hours_per_second: 24.0,
        }
    }
}

impl Playback {
    /// The timeline row at the playhead, for a timeline of `rows` rows.
    pub fn row(&self, rows: usize) -> usize {
        let last = rows.saturating_sub(1);
        (self.hour.max(0.0).floor() as usize).min(last)
    }

    /// Moves the playhead to `hour`, kept within a timeline of `rows` rows.
    pub fn seek(&mut self, hour: f64, rows: usize) {
        let last = rows.saturating_sub(1) as f64;
        self.hour = hour.clamp(0.0, last);
    }

    /// Advances by `dt` real seconds while playing; stops at the end.
    /// Returns true when the playhead moved.
    pub fn advance(&mut self, dt: f64, rows: usize) -> bool {
        if !self.playing {
            return false;
        }
        let last = rows.saturating_sub(1) as f64;
        let before = self.hour;
        self.hour = (self.hour + dt * self.hours_per_second).min(last);
        if self.hour >= last {
            self.playing = false;
        }
        self.hour != before
    }

    /// Starts playing; from the start again when at the end.
    pub fn play(&mut self, rows: usize) {
        if self.hour >= rows.saturating_sub(1) as f64 {
            self.hour = 0.0;
        }
        self.playing = true;
    }
}

/// The instant of timeline row `row` for a journey starting at `starts_at`.
pub fn instant_of(starts_at: Instant, row: usize) -> Instant {
    Duration::try_hours(row as i64)
        .and_then(|d| starts_at.checked_add_signed(d))
        .unwrap_or(starts_at)
}

/// The row at or after `at` (whole hours from `starts_at`), if `at` is not before the start.
pub fn row_of(starts_at: Instant, at: Instant) -> Option<f64> {
    let seconds = (at - starts_at).num_seconds();
    (seconds >= 0).then(|| (seconds as f64 / 3600.0).ceil())
}

/// An instant as the marketer reads it: "Mon 2 Mar 2026, 09:00".
pub fn show_when(at: Instant) -> String {
    at.format("%a %-d %b %Y, %H:%M").to_string()
}

/// Time since the start as "day 3, 14:00" (day 1 is the first day).
pub fn show_elapsed(row: usize) -> String {
    format!("day {}, +{}h", row / 24 + 1, row % 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playing_stops_at_the_end_of_the_timeline() {
        let mut p = Playback {
            hours_per_second: 24.0,
            ..Playback::default()
        };
        p.play(49);
        assert!(p.advance(1.0, 49));
        assert_eq!(p.row(49), 24);
        p.advance(5.0, 49);
        assert_eq!(p.row(49), 48);
        assert!(!p.playing);
        p.play(49);
        assert_eq!(p.row(49), 0, "play at the end starts again");
    }

    #[test]
    fn rows_are_whole_hours_after_the_start() {
        let start: Instant = "2026-03-02T09:00:00Z".parse().expect("instant");
        assert_eq!(
            instant_of(start, 25).to_rfc3339(),
            "2026-03-03T10:00:00+00:00"
        );
        let at: Instant = "2026-03-02T10:30:00Z".parse().expect("instant");
        assert_eq!(row_of(start, at), Some(2.0));
        assert_eq!(row_of(at, start), None);
        assert_eq!(show_when(start), "Mon 2 Mar 2026, 09:00");
    }
}
