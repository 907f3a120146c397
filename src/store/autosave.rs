//! Autosave and crash recovery: a copy of unsaved work in the user's data
//! folder, written atomically, found again at the next start.
//!
//! The copy is an ordinary journey file with a comment header naming the file
//! it belongs to and when it was written, so it can also be opened by hand:
//!
//! ```text
//! // Journey Designer autosave
//! // original: "/home/ann/welcome.journey.ron"
//! // saved_at: "2026-03-02T09:00:00Z"
//! Journey(
//!     format: 1,
//! ...
//! ```

use std::path::{Path, PathBuf};

use super::{LoadError, SaveError, parse_file_text, to_ron, write_atomic};
use crate::model::{Instant, Journey};

/// The first line of every autosave file.
const MAGIC: &str = "// Journey Designer autosave";
/// The autosave file's name inside the folder.
const FILE_NAME: &str = "recovery.journey.ron";

/// Why autosave or recovery failed. Never a panic; the app shows it and goes on.
#[derive(Debug, thiserror::Error)]
pub enum AutosaveError {
    /// The folder or file could not be written, read or removed.
    #[error("{}: autosave: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The copy could not be written (the folder, the disk; see [`SaveError`]).
    #[error("autosave: {0}")]
    Save(#[from] SaveError),
    /// The journey could not be turned into text.
    #[error("autosave: cannot write the journey: {0}")]
    Serialize(String),
    /// An autosave file exists but cannot be read back (e.g. cut off by a crash of the disk).
    #[error("{}: the autosaved journey cannot be recovered: {reason}", path.display())]
    Corrupt {
        /// The autosave file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// Unsaved work found after a crash.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The journey as last autosaved.
    pub journey: Journey,
    /// The file the journey belonged to, if it had been saved before.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub saved_at: Instant,
    /// The autosave file itself.
    pub file: PathBuf,
}

/// The autosave slot in one folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Autosave {
    dir: PathBuf,
}

impl Autosave {
    /// Autosave into `dir` (created on the first write). Tests pass a temporary folder.
    pub fn new(dir: impl Into<PathBuf>) -> Autosave {
        Autosave { dir: dir.into() }
    }

    /// Autosave into the user's data folder (e.g. `~/.local/share/journey-designer`),
    /// or `None` when the system has no home folder.
    pub fn in_user_data_folder() -> Option<Autosave> {
        directories::ProjectDirs::from("", "", "journey-designer")
            .map(|dirs| Autosave::new(dirs.data_dir()))
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The autosave file.
    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Writes a copy of `journey` now; `original_path` is the file it belongs to.
    pub fn write(
        &self,
        journey: &Journey,
        original_path: Option<&Path>,
    ) -> Result<(), AutosaveError> {
        self.write_at(journey, original_path, chrono::Utc::now())
    }

    /// [`Autosave::write`] with the instant given (for tests).
    pub fn write_at(
        &self,
        journey: &Journey,
        original_path: Option<&Path>,
        saved_at: Instant,
    ) -> Result<(), AutosaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| AutosaveError::Io {
            path: self.dir.clone(),
            source,
        })?;
        let body = to_ron(journey).map_err(|e| AutosaveError::Serialize(e.to_string()))?;
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "null".to_owned());
        let original =
            original_path.map_or_else(|| "null".to_owned(), |p| quote(&p.to_string_lossy()));
        let text = format!(
            "{MAGIC}\n// original: {original}\n// saved_at: {}\n{body}",
            quote(&saved_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        );
        write_atomic(&self.file(), text.as_bytes())?;
        Ok(())
    }

    /// The unsaved work found in the folder, if any. A file that cannot be
    /// read back is reported as [`AutosaveError::Corrupt`]; the app may then
    /// [`clear`](Autosave::clear) it.
    pub fn pending(&self) -> Result<Option<Recovery>, AutosaveError> {
        let file = self.file();
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(AutosaveError::Io { path: file, source }),
        };
        let corrupt = |reason: String| AutosaveError::Corrupt {
            path: file.clone(),
            reason,
        };
        let text = String::from_utf8(bytes).map_err(|_| corrupt("it is not text".to_owned()))?;
        let mut lines = text.lines();
        if lines.next() != Some(MAGIC) {
            return Err(corrupt(
                "it does not start with the autosave header".to_owned(),
            ));
        }
        let header = |line: Option<&str>, key: &str| -> Result<serde_json::Value, AutosaveError> {
            line.and_then(|l| l.strip_prefix(&format!("// {key}: ")))
                .and_then(|v| serde_json::from_str(v).ok())
                .ok_or_else(|| corrupt(format!("its '{key}' line is missing or unreadable")))
        };
        let original = match header(lines.next(), "original")? {
            serde_json::Value::String(s) => Some(PathBuf::from(s)),
            _ => None,
        };
        let saved_at = header(lines.next(), "saved_at")?
            .as_str()
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&chrono::Utc))
            .ok_or_else(|| corrupt("its 'saved_at' is not an instant".to_owned()))?;
        let journey = parse_file_text(&text).map_err(|e: LoadError| corrupt(e.to_string()))?;
        Ok(Some(Recovery {
            journey,
            original,
            saved_at,
            file: file.clone(),
        }))
    }

    /// Removes the autosave copy (after a save, a recovery or a discard). No copy is fine.
    pub fn clear(&self) -> Result<(), AutosaveError> {
        let file = self.file();
        match std::fs::remove_file(&file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(AutosaveError::Io { path: file, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn journey() -> Journey {
        let start = chrono::Utc
            .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
            .single()
            .expect("valid");
        let mut j = Journey::new_empty("Unsaved welcome", start);
        j.end.exit_triggers.push("unsubscribed".to_owned());
        j
    }

    #[test]
    fn autosave_is_written_and_recovered_with_its_file_and_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let autosave = Autosave::new(dir.path().join("data"));
        assert_eq!(autosave.pending().expect("no error"), None);
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 11, 25, 10, 30, 0)
            .single()
            .expect("valid");
        let original = Path::new("/home/ann/journeys/welcome \"v2\".journey.ron");
        autosave
            .write_at(&journey(), Some(original), at)
            .expect("written");
        let recovery = autosave.pending().expect("readable").expect("found");
        assert_eq!(recovery.journey, journey());
        assert_eq!(recovery.original.as_deref(), Some(original));
        assert_eq!(recovery.saved_at, at);
        // The copy is an ordinary journey file too.
        assert_eq!(
            crate::store::load(&recovery.file).expect("loads"),
            journey()
        );
    }

    #[test]
    fn autosave_of_a_never_saved_journey_has_no_original() {
        let dir = tempfile::tempdir().expect("temp dir");
        let autosave = Autosave::new(dir.path());
        autosave.write(&journey(), None).expect("written");
        let recovery = autosave.pending().expect("readable").expect("found");
        assert_eq!(recovery.original, None);
        assert_eq!(recovery.journey, journey());
    }

    #[test]
    fn clear_removes_the_autosave() {
        let dir = tempfile::tempdir().expect("temp dir");
        let autosave = Autosave::new(dir.path());
        autosave.write(&journey(), None).expect("written");
        autosave.clear().expect("cleared");
        assert_eq!(autosave.pending().expect("no error"), None);
        autosave.clear().expect("clearing nothing is fine");
    }

    #[test]
    fn corrupt_autosave_is_reported_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        let autosave = Autosave::new(dir.path());
        autosave.write(&journey(), None).expect("written");
        let text = std::fs::read_to_string(autosave.file()).expect("read");
        // Cut off halfway, as a crash of the disk might leave it.
        std::fs::write(autosave.file(), &text[..text.len() / 2]).expect("write");
        let err = autosave.pending().expect_err("corrupt");
        assert!(matches!(err, AutosaveError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("cannot be recovered"), "{err}");
        for bytes in [
            &b"\xff\x00garbage"[..],
            b"",
            b"// Journey Designer autosave\n",
        ] {
            std::fs::write(autosave.file(), bytes).expect("write");
            assert!(matches!(
                autosave.pending(),
                Err(AutosaveError::Corrupt { .. })
            ));
        }
    }
}
