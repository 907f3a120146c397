//! Autosave and crash recovery: a copy of unsaved work in the user's data
//! folder, written atomically, found again at the next start.
//!
//! Every window has its own copy (an [`InstanceSlot`]: `<id>.journey.ron`)
//! and holds a lock on `<id>.lock` while it runs, so two windows never share
//! a copy: at start a window offers only the copies whose window is gone
//! ([`Autosave::recoverable`]), and claims each while offering it. A copy
//! that cannot be read is renamed aside (`….unreadable`), never deleted or
//! overwritten.
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
//!
//! A file path that is not UTF-8 is written as its bytes
//! (`// original: {"unix_bytes": [47, 104, ...]}`) and read back exactly.

mod header;
mod slot;
#[cfg(test)]
mod tests;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{LoadError, SaveError, parse_file_text, to_ron, write_atomic};
use crate::model::{Instant, Journey};
pub use slot::InstanceSlot;

/// The first line of every autosave file.
const MAGIC: &str = "// Journey Designer autosave";
/// The shared slot's file name (written by [`Autosave::write`], and by
/// versions before per-window copies).
const FILE_NAME: &str = "recovery.journey.ron";
/// How every copy's name ends.
const COPY_ENDING: &str = ".journey.ron";
/// How a window's lock file's name ends.
const LOCK_ENDING: &str = ".lock";

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
    /// The dead window's lock, held while the copy is offered here.
    pub claim: Claim,
}

/// A lock on a gone window's lock file, so no other window offers its copy
/// at the same time. Not part of the recovered value: claims compare equal.
#[derive(Clone, Debug, Default)]
pub struct Claim {
    _lock: Option<Arc<File>>,
}

impl PartialEq for Claim {
    fn eq(&self, _other: &Claim) -> bool {
        true
    }
}

/// A copy that could not be read, renamed aside so it is neither offered
/// again nor overwritten.
#[derive(Debug)]
pub struct KeptAside {
    /// Where the copy is now.
    pub path: PathBuf,
    /// Why it could not be read.
    pub error: AutosaveError,
}

impl std::fmt::Display for KeptAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "An autosaved copy could not be read ({}); it was kept at {}.",
            reason(&self.error),
            self.path.display()
        )
    }
}

/// The error's reason without the file it names.
fn reason(error: &AutosaveError) -> String {
    match error {
        AutosaveError::Corrupt { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

/// What a new window finds in the folder: copies of windows that are gone.
#[derive(Debug, Default)]
pub struct Recoverable {
    /// Readable copies, newest first, each claimed.
    pub copies: Vec<Recovery>,
    /// Copies that could not be read, now renamed aside.
    pub kept_aside: Vec<KeptAside>,
}

/// The autosave folder.
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

    /// The shared slot's file (see [`Autosave::write`]).
    pub fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// A slot of its own for one window, locked while it lives.
    pub fn instance(&self) -> Result<InstanceSlot, AutosaveError> {
        self.create_dir()?;
        InstanceSlot::create(&self.dir)
    }

    /// Writes a copy of `journey` into the shared slot now; `original_path`
    /// is the file it belongs to. Windows write their own slots
    /// ([`InstanceSlot::write`]); this is for tools and tests.
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
        self.create_dir()?;
        write_copy(&self.file(), journey, original_path, saved_at)
    }

    fn create_dir(&self) -> Result<(), AutosaveError> {
        std::fs::create_dir_all(&self.dir).map_err(|source| AutosaveError::Io {
            path: self.dir.clone(),
            source,
        })
    }

    /// The newest copy in the folder, of any window, gone or not (for tools
    /// and tests; a window asks [`Autosave::recoverable`]). A copy that
    /// cannot be read is reported as [`AutosaveError::Corrupt`].
    pub fn pending(&self) -> Result<Option<Recovery>, AutosaveError> {
        let mut newest: Option<Recovery> = None;
        for file in self.copies()? {
            let copy = read_copy(&file)?;
            if newest.as_ref().is_none_or(|n| copy.saved_at > n.saved_at) {
                newest = Some(copy);
            }
        }
        Ok(newest)
    }

    /// The copies of windows that are gone (their lock is free), claimed
    /// while offered; copies that cannot be read are renamed aside.
    pub fn recoverable(&self) -> Result<Recoverable, AutosaveError> {
        let mut found = Recoverable::default();
        for file in self.copies()? {
            let Some(claim) = slot::claim(&file) else {
                continue; // its window is still open
            };
            match read_copy(&file) {
                Ok(mut copy) => {
                    copy.claim = claim;
                    found.copies.push(copy);
                }
                Err(error) => found.kept_aside.push(KeptAside {
                    path: keep_aside(&file)?,
                    error,
                }),
            }
        }
        found.copies.sort_by_key(|c| std::cmp::Reverse(c.saved_at));
        Ok(found)
    }

    /// Deletes an offered copy once answered (recovered or discarded), with
    /// its gone window's lock file.
    pub fn dismiss(&self, recovery: Recovery) -> Result<(), AutosaveError> {
        let Recovery { file, claim, .. } = recovery;
        remove_if_there(&file)?;
        remove_if_there(&slot::lock_file_of(&file))?;
        drop(claim); // the lock file is gone: let go of its lock
        Ok(())
    }

    /// Removes the shared slot's copy. No copy is fine.
    pub fn clear(&self) -> Result<(), AutosaveError> {
        remove_if_there(&self.file())
    }

    /// Every copy's file in the folder (none when there is no folder).
    fn copies(&self) -> Result<Vec<PathBuf>, AutosaveError> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(AutosaveError::Io {
                    path: self.dir.clone(),
                    source,
                });
            }
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(COPY_ENDING) && !n.starts_with('.'))
            })
            .collect();
        files.sort();
        Ok(files)
    }
}

/// Writes `journey` with its header to `file`, atomically.
fn write_copy(
    file: &Path,
    journey: &Journey,
    original: Option<&Path>,
    saved_at: Instant,
) -> Result<(), AutosaveError> {
    let body = to_ron(journey).map_err(|e| AutosaveError::Serialize(e.to_string()))?;
    let text = format!("{MAGIC}\n{}{body}", header::write(original, saved_at));
    write_atomic(file, text.as_bytes())?;
    Ok(())
}

/// Reads the copy in `file`.
fn read_copy(file: &Path) -> Result<Recovery, AutosaveError> {
    let bytes = std::fs::read(file).map_err(|source| AutosaveError::Io {
        path: file.to_path_buf(),
        source,
    })?;
    let corrupt = |reason: String| AutosaveError::Corrupt {
        path: file.to_path_buf(),
        reason,
    };
    let text = String::from_utf8(bytes).map_err(|_| corrupt("it is not text".to_owned()))?;
    let mut lines = text.lines();
    if lines.next() != Some(MAGIC) {
        return Err(corrupt(
            "it does not start with the autosave header".to_owned(),
        ));
    }
    let header = header::read(&mut lines).map_err(corrupt)?;
    let journey = parse_file_text(&text).map_err(|e: LoadError| corrupt(e.to_string()))?;
    Ok(Recovery {
        journey,
        original: header.original,
        saved_at: header.saved_at,
        file: file.to_path_buf(),
        claim: Claim::default(),
    })
}

/// Renames an unreadable copy to `<name>.unreadable` (or `.unreadable-2`, ...),
/// never over another file.
fn keep_aside(file: &Path) -> Result<PathBuf, AutosaveError> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = file.with_file_name(format!("{name}.unreadable{suffix}"));
        if !aside.exists() {
            std::fs::rename(file, &aside).map_err(|source| AutosaveError::Io {
                path: file.to_path_buf(),
                source,
            })?;
            return Ok(aside);
        }
        n += 1;
    }
}

fn remove_if_there(file: &Path) -> Result<(), AutosaveError> {
    match std::fs::remove_file(file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(AutosaveError::Io {
            path: file.to_path_buf(),
            source,
        }),
    }
}
