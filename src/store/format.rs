//! RON text <-> journey: the format check and the stable writer.

use serde::Deserialize;

use super::error::LoadError;
use crate::model::{FORMAT_VERSION, Journey};

/// Just the `format` field, read before the rest so that a newer file gets
/// "written by a newer version" rather than an error about a field it added.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Parses journey text. Never panics, whatever the text.
pub fn parse(text: &str) -> Result<Journey, LoadError> {
    if let Ok(FormatOnly { format }) = ron::from_str::<FormatOnly>(text)
        && format > FORMAT_VERSION
    {
        return Err(LoadError::NewerFormat {
            path: None,
            found: format,
            supported: FORMAT_VERSION,
        });
    }
    ron::from_str::<Journey>(text).map_err(|e| LoadError::Syntax {
        path: None,
        line: e.span.start.line,
        column: e.span.start.col,
        message: explain(&e.code),
    })
}

/// RON's message, with the wording a marketer can act on where we know better.
fn explain(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it cut off?)".to_owned(),
        other => other.to_string(),
    }
}

/// The journey as RON text: same journey, same bytes.
pub fn to_ron(journey: &Journey) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .depth_limit(6);
    let body = ron::ser::to_string_pretty(journey, config)?;
    // The top-level struct is named, as the hand-written files are; nested
    // ones stay unnamed, which keeps files short.
    Ok(format!("Journey{body}\n"))
}
