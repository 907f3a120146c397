//! The app's own file chooser, for when the system's file dialog cannot be
//! shown: where it starts, listing the folder it shows, and what a choice
//! comes to (open the file, save there, or say why not and stay open).

use std::path::{Path, PathBuf};

use egui::Context;

use super::dialogs::{is_ron, suggested_file_name, with_journey_extension};
use crate::app::JourneyApp;
use crate::ui::dialogs::{ChooserAnswer, ChooserMode, FileChooser, Listing, file_chooser_ui};

impl JourneyApp {
    /// Opens the chooser in `mode` because the system dialog could not be
    /// shown for `reason`, and says so in the status bar.
    pub(crate) fn open_chooser(&mut self, mode: ChooserMode, reason: String) {
        let folder = self.chooser_start_folder();
        let name = match mode {
            ChooserMode::Open | ChooserMode::Compare => String::new(),
            ChooserMode::Save => suggested_file_name(&self.doc.journey().name),
        };
        self.status = Some(format!(
            "No system file dialog ({reason}): using Journey Designer's own chooser."
        ));
        let mut chooser = FileChooser::new(mode, reason, &folder, &name);
        chooser.recent_folders = recent_folders(&self.view.recent_files);
        chooser.listing = list_folder(&chooser.folder());
        self.files.chooser = Some(chooser);
    }

    /// The journey's own folder, else the newest recent file's, else the
    /// working folder, else the home folder.
    fn chooser_start_folder(&self) -> PathBuf {
        self.doc
            .path
            .iter()
            .chain(&self.view.recent_files)
            .find_map(|p| p.parent().filter(|f| f.is_dir()).map(Path::to_path_buf))
            .or_else(|| std::env::current_dir().ok())
            .or_else(|| directories::UserDirs::new().map(|d| d.home_dir().to_path_buf()))
            .unwrap_or_default()
    }

    /// Draws the chooser while it is open and acts on its answer.
    pub(crate) fn chooser_ui(&mut self, ctx: &Context) {
        let Some(chooser) = self.files.chooser.as_mut() else {
            return;
        };
        let folder = chooser.folder();
        if folder != chooser.listing.folder {
            chooser.listing = list_folder(&folder);
        }
        match file_chooser_ui(ctx, chooser) {
            Some(ChooserAnswer::Cancel) => self.chooser_cancelled(),
            Some(ChooserAnswer::Chosen(path)) => self.chosen(&path),
            None => {}
        }
    }

    fn chooser_cancelled(&mut self) {
        let mode = self.files.chooser.take().map(|c| c.mode);
        let waited = self.files.after_save.take().is_some();
        self.status = Some(
            match (mode, waited) {
                (Some(ChooserMode::Open), _) => "Nothing was opened.",
                (Some(ChooserMode::Compare), _) => "Nothing was compared.",
                (_, true) => "Not saved; nothing else changed.",
                _ => "Not saved.",
            }
            .to_owned(),
        );
    }

    /// Acts on a path chosen in the chooser: a folder is shown, a missing
    /// file or name is said in the chooser, anything else is opened or saved.
    fn chosen(&mut self, path: &Path) {
        let Some(chooser) = self.files.chooser.as_mut() else {
            return;
        };
        if path.is_dir() {
            chooser.go_to(path);
            return;
        }
        let mode = chooser.mode;
        if let Some(refused) = refusal(mode, path, &chooser.file_name()) {
            chooser.error = Some(refused);
            return;
        }
        match mode {
            ChooserMode::Open => {
                self.files.chooser = None;
                self.open_path(path);
            }
            ChooserMode::Compare => {
                self.files.chooser = None;
                self.compare_pending = Some(crate::app::compare::Source::File(path.to_owned()));
            }
            ChooserMode::Save => {
                if self.save_to(&with_journey_extension(path)) {
                    self.files.chooser = None;
                    if let Some(then) = self.files.after_save.take() {
                        self.proceed(then);
                    }
                } else if let Some(chooser) = self.files.chooser.as_mut() {
                    chooser.error.clone_from(&self.status);
                }
            }
        }
    }
}

/// Why `path` cannot be opened or saved to, in words; `None` when it can.
fn refusal(mode: ChooserMode, path: &Path, name: &str) -> Option<String> {
    let folder = path.parent().unwrap_or(Path::new(""));
    if name.trim().is_empty() {
        return Some("Type a file name, or choose a file in the list.".to_owned());
    }
    if !folder.is_dir() {
        return Some(format!("There is no folder {}.", folder.display()));
    }
    match mode {
        ChooserMode::Open | ChooserMode::Compare if !path.exists() => {
            Some(format!("There is no file {name} in {}.", folder.display()))
        }
        _ => None,
    }
}

/// The folders of `recent` files, newest first, each once, existing only.
fn recent_folders(recent: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for folder in recent.iter().filter_map(|p| p.parent()) {
        if folder.is_dir() && !folders.iter().any(|f| f == folder) {
            folders.push(folder.to_path_buf());
        }
    }
    folders
}

/// The sub-folders (not hidden) and journey files of `folder`, sorted.
pub fn list_folder(folder: &Path) -> Listing {
    let mut listing = Listing {
        folder: folder.to_path_buf(),
        ..Listing::default()
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            listing.error = Some(format!("{} cannot be shown: {e}", folder.display()));
            return listing;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if entry.path().is_dir() {
            listing.folders.push(name);
        } else if is_ron(&name) {
            listing.files.push(name);
        }
    }
    listing.folders.sort_by_key(|n| n.to_lowercase());
    listing.files.sort_by_key(|n| n.to_lowercase());
    listing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_journey_files_and_sub_folders_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b.journey.ron", "A.journey.ron", "notes.txt", ".hidden.ron"] {
            std::fs::write(dir.path().join(name), "x").expect("written");
        }
        std::fs::create_dir(dir.path().join("campaigns")).expect("folder");
        let listing = list_folder(dir.path());
        assert_eq!(listing.files, ["A.journey.ron", "b.journey.ron"]);
        assert_eq!(listing.folders, ["campaigns"]);
        assert_eq!(listing.error, None);
        let missing = list_folder(&dir.path().join("nope"));
        assert!(missing.error.is_some_and(|e| e.contains("cannot be shown")));
    }

    #[test]
    fn a_choice_without_a_name_or_folder_or_file_is_refused_in_words() {
        let dir = tempfile::tempdir().expect("temp dir");
        let there = dir.path().join("x.journey.ron");
        assert!(refusal(ChooserMode::Save, &there, "x.journey.ron").is_none());
        let open = refusal(ChooserMode::Open, &there, "x.journey.ron");
        assert!(open.is_some_and(|e| e.contains("There is no file x.journey.ron")));
        let nowhere = dir.path().join("nope").join("x.journey.ron");
        let save = refusal(ChooserMode::Save, &nowhere, "x.journey.ron");
        assert!(save.is_some_and(|e| e.contains("There is no folder")));
        assert!(refusal(ChooserMode::Save, dir.path(), "").is_some());
    }
}
