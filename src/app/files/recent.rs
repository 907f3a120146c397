//! The recent-files list: this window's (in its saved view state) and the
//! one every window shares (in the user's data folder), kept in step. A
//! problem with the shared list is returned as a note for the status bar;
//! the window's own list works regardless.

use std::path::{Path, PathBuf};

use crate::app::JourneyApp;
use crate::app::view::RECENT_MAX;

impl JourneyApp {
    /// At start: the shared list first, then this window's own files it lacks.
    pub(crate) fn load_recent(&mut self) -> Option<String> {
        let shared = self.files.recent.as_ref()?;
        match shared.load() {
            Ok(list) => {
                self.view.recent_files = merged(list, &self.view.recent_files);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    }

    /// Records `path` as opened or saved, here and in the shared list.
    pub(crate) fn remember(&mut self, path: &Path) -> Option<String> {
        self.view.opened(path);
        let shared = self.files.recent.as_ref()?;
        match shared.record(path, RECENT_MAX) {
            Ok(list) => {
                self.view.recent_files = merged(list, &self.view.recent_files);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    }

    /// Forgets a file that no longer exists, here and in the shared list.
    pub(crate) fn forget_recent(&mut self, path: &Path) {
        self.view.recent_files.retain(|p| p != path);
        if let Some(shared) = &self.files.recent
            && let Err(e) = shared.forget(path)
        {
            self.status = Some(e.to_string());
        }
    }

    /// File > Open recent > Clear the list, here and in the shared list.
    pub(crate) fn clear_recent(&mut self) {
        self.view.recent_files.clear();
        self.status = Some(
            match self
                .files
                .recent
                .as_ref()
                .map(crate::store::recent::RecentFiles::clear)
            {
                Some(Err(e)) => e.to_string(),
                _ => "The list of recent files was cleared.".to_owned(),
            },
        );
    }
}

/// `first`, then the paths of `then` it lacks, at most [`RECENT_MAX`].
fn merged(first: Vec<PathBuf>, then: &[PathBuf]) -> Vec<PathBuf> {
    let mut list = first;
    for p in then {
        if !list.contains(p) {
            list.push(p.clone());
        }
    }
    list.truncate(RECENT_MAX);
    list
}
