//! Durations (`Span`) and instants as the file writes them.

use serde::{Deserialize, Serialize};

/// An instant in time, always UTC, written as an RFC 3339 string.
pub type Instant = chrono::DateTime<chrono::Utc>;

/// 23:59 UTC of the day `at` falls on: what an end date or a "wait until"
/// starts at, so that the whole chosen day is still included.
pub fn end_of_day(at: Instant) -> Instant {
    at.date_naive()
        .and_hms_opt(23, 59, 0)
        .map_or(at, |t| t.and_utc())
}

/// The longest span a journey may use anywhere (about ten years): longer ones
/// are refused by validation, so that adding spans to instants never overflows.
pub const MAX_SPAN: Span = Span::Days(3650);

/// A whole number of minutes, hours or days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Span {
    /// `n` minutes.
    Minutes(u32),
    /// `n` hours.
    Hours(u32),
    /// `n` days.
    Days(u32),
}

impl Span {
    /// The span in whole seconds.
    pub fn seconds(self) -> i64 {
        match self {
            Span::Minutes(n) => i64::from(n) * 60,
            Span::Hours(n) => i64::from(n) * 3_600,
            Span::Days(n) => i64::from(n) * 86_400,
        }
    }

    /// The span as a `chrono::Duration`.
    pub fn duration(self) -> chrono::Duration {
        chrono::Duration::seconds(self.seconds())
    }

    /// True for a span of zero length, whatever its unit.
    pub fn is_zero(self) -> bool {
        self.seconds() == 0
    }

    /// The number and unit, e.g. "2 days", "1 hour", "0 minutes".
    pub fn describe(self) -> String {
        let (n, one, many) = match self {
            Span::Minutes(n) => (n, "minute", "minutes"),
            Span::Hours(n) => (n, "hour", "hours"),
            Span::Days(n) => (n, "day", "days"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

impl From<Span> for chrono::Duration {
    fn from(span: Span) -> Self {
        span.duration()
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_converts_to_chrono_duration() {
        assert_eq!(Span::Days(2).duration(), chrono::Duration::hours(48));
        assert_eq!(
            chrono::Duration::from(Span::Minutes(90)),
            chrono::Duration::hours(1) + chrono::Duration::minutes(30)
        );
        assert!(Span::Hours(0).is_zero());
        assert_eq!(Span::Days(1).to_string(), "1 day");
    }
}
