//! The recent-files list every window shares: a small RON list in the
//! user's data folder, read and merged at each change and written
//! atomically, so two windows open at once both keep their files in it
//! (each window's own saved view state would keep only its own).

use std::path::{Path, PathBuf};

use super::{SaveError, write_atomic};

/// Why the shared list could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum RecentError {
    /// The list's file could not be read.
    #[error("{}: the recent files cannot be read: {source}", path.display())]
    Read {
        /// The list's file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The list could not be written.
    #[error("the recent files cannot be kept: {0}")]
    Write(#[from] SaveError),
}

/// The shared list's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentFiles {
    file: PathBuf,
}

impl RecentFiles {
    /// The list kept in `file`.
    pub fn new(file: impl Into<PathBuf>) -> RecentFiles {
        RecentFiles { file: file.into() }
    }

    /// The list in the user's data folder, or `None` without a home folder.
    pub fn in_user_data_folder() -> Option<RecentFiles> {
        directories::ProjectDirs::from("", "", "journey-designer")
            .map(|dirs| RecentFiles::new(dirs.data_dir().join("recent-files.ron")))
    }

    /// The list, newest first (empty when there is none yet). A list that is
    /// not readable RON counts as empty: it is rewritten at the next change.
    pub fn load(&self) -> Result<Vec<PathBuf>, RecentError> {
        match std::fs::read_to_string(&self.file) {
            Ok(text) => Ok(ron::from_str(&text).unwrap_or_default()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(source) => Err(RecentError::Read {
                path: self.file.clone(),
                source,
            }),
        }
    }

    /// Puts `path` first (keeping at most `max`), merged with what other
    /// windows wrote; returns the list.
    pub fn record(&self, path: &Path, max: usize) -> Result<Vec<PathBuf>, RecentError> {
        let mut list = self.load()?;
        list.retain(|p| p != path);
        list.insert(0, path.to_owned());
        list.truncate(max);
        self.write(&list)?;
        Ok(list)
    }

    /// Removes `path` (a file that no longer exists); returns the list.
    pub fn forget(&self, path: &Path) -> Result<Vec<PathBuf>, RecentError> {
        let mut list = self.load()?;
        list.retain(|p| p != path);
        self.write(&list)?;
        Ok(list)
    }

    /// Empties the list.
    pub fn clear(&self) -> Result<(), RecentError> {
        self.write(&[])
    }

    fn write(&self, list: &[PathBuf]) -> Result<(), RecentError> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|source| RecentError::Read {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // Paths that are not UTF-8 cannot be written as RON text: they stay
        // in the window's own list only.
        let text: Vec<&str> = list.iter().filter_map(|p| p.to_str()).collect();
        let text = ron::to_string(&text).unwrap_or_else(|_| "[]".to_owned());
        write_atomic(&self.file, text.as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_windows_recording_files_both_keep_theirs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = RecentFiles::new(dir.path().join("recent.ron"));
        let second = first.clone();
        first.record(Path::new("/a.journey.ron"), 8).expect("kept");
        second.record(Path::new("/b.journey.ron"), 8).expect("kept");
        let list = first.record(Path::new("/a.journey.ron"), 8).expect("kept");
        assert_eq!(
            list,
            [
                PathBuf::from("/a.journey.ron"),
                PathBuf::from("/b.journey.ron")
            ]
        );
        assert_eq!(
            second.forget(Path::new("/a.journey.ron")).expect("kept"),
            [PathBuf::from("/b.journey.ron")]
        );
        second.clear().expect("cleared");
        assert!(first.load().expect("read").is_empty());
    }
}
