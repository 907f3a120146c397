//! View state persisted with eframe's storage: theme, recent files, the
//! last file, which panels are open. Never written into a journey file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu remembers.
pub const RECENT_MAX: usize = 8;

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    /// The egui preference for this theme.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Everything about the window that is kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    /// The colour theme.
    pub theme: Theme,
    /// Recently opened or saved files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// The file open when the app last closed.
    pub last_file: Option<PathBuf>,
    /// Whether the problems list is shown.
    pub hide_problems: bool,
    /// Whether the inspector is shown.
    pub hide_inspector: bool,
}

impl ViewState {
    /// The key under which eframe stores it.
    pub const KEY: &'static str = "journey-designer-view";

    /// Records `path` as the newest recent file and the last file.
    pub fn opened(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_MAX);
        self.last_file = Some(path.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut v = ViewState::default();
        for name in ["a", "b", "a"] {
            v.opened(Path::new(name));
        }
        assert_eq!(v.recent_files, vec![PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(v.last_file, Some(PathBuf::from("a")));
    }

    #[test]
    fn missing_fields_take_defaults_when_reading_old_state() {
        let v: ViewState = ron::from_str("(theme: Dark)").expect("reads");
        assert_eq!(v.theme, Theme::Dark);
        assert!(v.recent_files.is_empty());
    }
}
