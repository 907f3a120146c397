//! RON text <-> journey: the format check and the stable writer.

use super::error::LoadError;
use crate::model::{FORMAT_VERSION, Journey, OLDEST_FORMAT};

/// Parses journey text. Never panics, whatever the text.
///
/// This is RON's reading alone: it accepts `NaN` and infinite canvas
/// positions, as RON does (the built-in templates and tests use it). Files
/// go through [`super::parse_bytes`] or [`super::load`], which refuse them.
pub fn parse(text: &str) -> Result<Journey, LoadError> {
    // A UTF-8 byte order mark, as some Windows editors write, is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Syntax {
            path: None,
            line: 1,
            column: 1,
            message: "the file is empty: a journey file starts with `Journey(format: 2, ...`"
                .to_owned(),
        });
    }
    // The format is read before the rest, so that a newer file gets "written
    // by a newer version" rather than an error about something it added.
    if let Some(found) = leading_format(text)
        && found > u64::from(FORMAT_VERSION)
    {
        return Err(newer(found));
    }
    let mut journey = ron::from_str::<Journey>(text).map_err(|e| LoadError::Syntax {
        path: None,
        line: e.span.start.line,
        column: e.span.start.col,
        message: explain(&e.code),
    })?;
    if journey.format > FORMAT_VERSION {
        return Err(newer(u64::from(journey.format)));
    }
    // Every format this release reads is a valid format 2 (format 2 only adds optional
    // fields): the journey in memory is format 2, and saving writes `format: 2`.
    // A format below the oldest is left as it is, for validation to name.
    if journey.format >= OLDEST_FORMAT {
        journey.format = FORMAT_VERSION;
    }
    Ok(journey)
}

fn newer(found: u64) -> LoadError {
    LoadError::NewerFormat {
        path: None,
        found: u32::try_from(found).unwrap_or(u32::MAX),
        supported: FORMAT_VERSION,
    }
}

/// The number of the leading `format: N` field, read by hand: a newer release
/// may write syntax this one cannot parse, but `format` is always first.
/// Saturates at `u64::MAX` for absurdly long numbers.
fn leading_format(text: &str) -> Option<u64> {
    let mut rest = skip_blank(text);
    rest = rest.strip_prefix("Journey").unwrap_or(rest);
    rest = skip_blank(rest).strip_prefix('(')?;
    rest = skip_blank(rest).strip_prefix("format")?;
    rest = skip_blank(rest).strip_prefix(':')?;
    rest = skip_blank(rest);
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '_')
        .filter(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return None;
    }
    Some(digits.parse::<u64>().unwrap_or(u64::MAX))
}

/// Skips whitespace and comments (`// ...`, `/* ... */`).
fn skip_blank(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return text;
        }
    }
}

/// The messages chrono gives for a string that is not an RFC 3339 instant.
const DATE_ERRORS: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

/// RON's message, with the wording a marketer can act on where we know better.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
        ron::Error::Message(m) if DATE_ERRORS.contains(&m.as_str()) => format!(
            "not a valid date and time ({m}): write instants in UTC like \"2026-03-02T09:00:00Z\""
        ),
        ron::Error::IntegerOutOfBounds => "this number is out of range: the field takes a whole \
             number that is not negative and not that large"
            .to_owned(),
        ron::Error::ExpectedString => "expected text in double quotes here".to_owned(),
        ron::Error::ExpectedInteger => "expected a whole number here".to_owned(),
        ron::Error::ExpectedFloat => "expected a number here".to_owned(),
        ron::Error::ExpectedOption => {
            "expected `None` or `Some(...)` here, e.g. `Some(8.0)`".to_owned()
        }
        ron::Error::ExpectedNamedStructLike("Journey") => {
            "this is not a journey: a journey file starts with `Journey(format: 2, ...`".to_owned()
        }
        other => other.to_string(),
    }
}

/// The journey as RON text: same journey, same bytes.
pub fn to_ron(journey: &Journey) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .depth_limit(7);
    // Saving always writes the current format (a format-1 journey built in code is a
    // valid format-2 journey).
    let body = if (OLDEST_FORMAT..FORMAT_VERSION).contains(&journey.format) {
        let upgraded = Journey {
            format: FORMAT_VERSION,
            ..journey.clone()
        };
        ron::ser::to_string_pretty(&upgraded, config)?
    } else {
        ron::ser::to_string_pretty(journey, config)?
    };
    // The top-level struct is named, as the hand-written files are; nested
    // ones stay unnamed, which keeps files short.
    Ok(format!("Journey{body}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_format_skips_comments_and_the_struct_name() {
        assert_eq!(
            leading_format("// hi\n/* x */ Journey( format : 7,"),
            Some(7)
        );
        assert_eq!(leading_format("(format: 1_000"), Some(1000));
        assert_eq!(leading_format("Journey(name: \"x\", format: 1"), None);
        assert_eq!(
            leading_format("Journey(format: 99999999999999999999999999"),
            Some(u64::MAX)
        );
        assert_eq!(leading_format("/* unclosed"), None);
    }
}
