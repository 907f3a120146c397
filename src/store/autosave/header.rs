//! The comment lines after the autosave's first line: the file the copy
//! belongs to and when it was written, as JSON values. A path that is UTF-8
//! is a string; any other path is its bytes (Unix) or UTF-16 units
//! (Windows), so it is read back exactly.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::model::Instant;

/// What the header says.
pub(super) struct Header {
    /// The file the journey belongs to.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub saved_at: Instant,
}

/// The header's lines, each ending in a newline.
pub(super) fn write(original: Option<&Path>, saved_at: Instant) -> String {
    let original = original.map_or(Value::Null, path_value);
    let saved_at = Value::String(saved_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    format!("// original: {original}\n// saved_at: {saved_at}\n")
}

/// Reads the header from the lines after the first; the error says what is wrong.
pub(super) fn read<'a>(lines: &mut impl Iterator<Item = &'a str>) -> Result<Header, String> {
    let mut value = |key: &str| -> Result<Value, String> {
        lines
            .next()
            .and_then(|l| l.strip_prefix(&format!("// {key}: ")))
            .and_then(|v| serde_json::from_str(v).ok())
            .ok_or_else(|| format!("its '{key}' line is missing or unreadable"))
    };
    let original = match value("original")? {
        Value::Null => None,
        v => Some(path_from(&v).ok_or("its 'original' is not a file path")?),
    };
    let saved_at = value("saved_at")?
        .as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&chrono::Utc))
        .ok_or("its 'saved_at' is not an instant")?;
    Ok(Header { original, saved_at })
}

fn path_value(path: &Path) -> Value {
    if let Some(text) = path.to_str() {
        return Value::String(text.to_owned());
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        json!({ "unix_bytes": path.as_os_str().as_bytes() })
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        let units: Vec<u16> = path.as_os_str().encode_wide().collect();
        json!({ "wide": units })
    }
}

fn path_from(value: &Value) -> Option<PathBuf> {
    if let Some(text) = value.as_str() {
        return Some(PathBuf::from(text));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes: Vec<u8> = serde_json::from_value(value.get("unix_bytes")?.clone()).ok()?;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStringExt;
        let units: Vec<u16> = serde_json::from_value(value.get("wide")?.clone()).ok()?;
        Some(PathBuf::from(std::ffi::OsString::from_wide(&units)))
    }
}
