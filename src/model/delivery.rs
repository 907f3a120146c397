//! Delivery rules (format 2): quiet hours, frequency caps, the holdout, and the
//! local time of day and weekdays they are written in (rules S18–S23 of
//! `assets/docs/rules.md`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::span::Span;
use super::step::Channel;

/// A time of day on the customer's local clock, "HH:MM" on a 24-hour clock.
///
/// Always valid: built only by [`LocalTime::new`] or [`LocalTime::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime {
    minutes: u16,
}

impl LocalTime {
    /// `hour:minute`, or `None` when the hour is above 23 or the minute above 59.
    pub fn new(hour: u32, minute: u32) -> Option<LocalTime> {
        (hour <= 23 && minute <= 59).then(|| LocalTime {
            minutes: (hour * 60 + minute) as u16,
        })
    }

    /// `hour:minute` with the hour clamped to 23 and the minute to 59.
    pub fn clamped(hour: u32, minute: u32) -> LocalTime {
        LocalTime {
            minutes: (hour.min(23) * 60 + minute.min(59)) as u16,
        }
    }

    /// Parses "HH:MM" (exactly two digits each). The error says what is wrong in words.
    pub fn parse(text: &str) -> Result<LocalTime, String> {
        let wrong = || {
            format!(
                "{text:?} is not a time of day: write it as \"HH:MM\" on a 24-hour clock, \
                 from \"00:00\" to \"23:59\" (e.g. \"08:30\")"
            )
        };
        let bytes = text.as_bytes();
        if bytes.len() != 5 || bytes[2] != b':' {
            return Err(wrong());
        }
        let two = |a: u8, b: u8| {
            (a.is_ascii_digit() && b.is_ascii_digit())
                .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        };
        match (two(bytes[0], bytes[1]), two(bytes[3], bytes[4])) {
            (Some(h), Some(m)) => LocalTime::new(h, m).ok_or_else(wrong),
            _ => Err(wrong()),
        }
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u32 {
        u32::from(self.minutes / 60)
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u32 {
        u32::from(self.minutes % 60)
    }

    /// Minutes after midnight, 0–1439.
    pub fn minutes_of_day(self) -> u32 {
        u32::from(self.minutes)
    }
}

impl std::fmt::Display for LocalTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LocalTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A day of the week, on the customer's local calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The short name shown to the marketer ("Mon").
    pub fn label(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }

    /// A list of days in words: "any day", "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri".
    pub fn describe(days: &[Weekday]) -> String {
        let mut on = [false; 7];
        for d in days {
            on[d.index()] = true;
        }
        if days.is_empty() || on.iter().all(|&b| b) {
            return "any day".to_owned();
        }
        let mut parts = Vec::new();
        let mut i = 0;
        while i < 7 {
            if !on[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i + 1 < 7 && on[i + 1] {
                i += 1;
            }
            let (a, b) = (Weekday::ALL[start].label(), Weekday::ALL[i].label());
            parts.push(match i - start {
                0 => a.to_owned(),
                1 => format!("{a}, {b}"),
                _ => format!("{a}–{b}"),
            });
            i += 1;
        }
        parts.join(", ")
    }
}

/// What quiet hours do to a message that falls in them (S18).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum QuietAction {
    /// Send it when the quiet hours end.
    #[default]
    Hold,
    /// Do not send it; the customer goes on.
    Skip,
}

/// Hours of the customer's local day in which messages are not sent (S18).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietHours {
    /// The channels covered; empty: every channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Start of the quiet time (local).
    pub from: LocalTime,
    /// End of the quiet time (local); before `from`: past midnight.
    pub to: LocalTime,
    /// Hold or skip a message that falls in the quiet time.
    #[serde(default, skip_serializing_if = "is_hold")]
    pub then: QuietAction,
}

impl QuietHours {
    /// Whether the rule covers `channel`.
    pub fn covers(&self, channel: &Channel) -> bool {
        self.channels.is_empty() || self.channels.contains(channel)
    }

    /// Whether a local time of day, in minutes after midnight, is quiet.
    pub fn is_quiet_at(&self, minutes: u32) -> bool {
        let (from, to) = (self.from.minutes_of_day(), self.to.minutes_of_day());
        if from <= to {
            (from..to).contains(&minutes)
        } else {
            minutes >= from || minutes < to
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_hold(action: &QuietAction) -> bool {
    *action == QuietAction::Hold
}

/// At most `max` messages per customer in any rolling window of `per` (S19).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyCap {
    /// The channels whose messages count together; empty: every channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// The most messages in the window, at least 1.
    pub max: u32,
    /// The rolling window, positive.
    pub per: Span,
}

impl FrequencyCap {
    /// Whether the cap covers `channel`.
    pub fn covers(&self, channel: &Channel) -> bool {
        self.channels.is_empty() || self.channels.contains(channel)
    }
}

/// The journey's delivery rules; they apply to every version.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Delivery {
    /// Quiet hours (S18).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quiet_hours: Vec<QuietHours>,
    /// Frequency caps (S19).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub frequency_caps: Vec<FrequencyCap>,
}

impl Delivery {
    /// True without quiet hours and caps.
    pub fn is_empty(&self) -> bool {
        self.quiet_hours.is_empty() && self.frequency_caps.is_empty()
    }
}

/// A share of entries held out of the journey to measure its lift (S23).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holdout {
    /// Percent of entries held out, strictly between 0 and 100.
    pub percent: f64,
    /// How long after entry a conversion counts for the lift.
    #[serde(default = "fourteen_days", skip_serializing_if = "is_fourteen_days")]
    pub measure_for: Span,
}

impl Holdout {
    /// A holdout of `percent` measured over the default 14 days.
    pub fn new(percent: f64) -> Holdout {
        Holdout {
            percent,
            measure_for: fourteen_days(),
        }
    }
}

fn fourteen_days() -> Span {
    Span::Days(14)
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_fourteen_days(span: &Span) -> bool {
    *span == fourteen_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_parses_hh_mm_only() {
        assert_eq!(LocalTime::parse("08:05"), Ok(LocalTime::new(8, 5).unwrap()));
        assert_eq!(LocalTime::parse("23:59").unwrap().to_string(), "23:59");
        for bad in ["24:00", "8:00", "08:60", "0800", "08:0a", "", "08:00 "] {
            assert!(LocalTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn s18_quiet_hours_wrap_past_midnight() {
        let rule = QuietHours {
            channels: vec![],
            from: LocalTime::new(21, 0).unwrap(),
            to: LocalTime::new(8, 0).unwrap(),
            then: QuietAction::Hold,
        };
        assert!(rule.is_quiet_at(21 * 60));
        assert!(rule.is_quiet_at(3 * 60));
        assert!(!rule.is_quiet_at(8 * 60));
        assert!(!rule.is_quiet_at(12 * 60));
    }

    #[test]
    fn weekdays_are_described_as_ranges() {
        use Weekday::*;
        assert_eq!(Weekday::describe(&[Mon, Tue, Wed, Thu, Fri]), "Mon–Fri");
        assert_eq!(Weekday::describe(&[]), "any day");
        assert_eq!(Weekday::describe(&[Sat, Sun]), "Sat, Sun");
        assert_eq!(Weekday::describe(&[Mon, Wed, Thu, Fri]), "Mon, Wed–Fri");
    }
}
