//! Where file paths come from: the native dialogs (rfd), or paths given in
//! advance. Tests and the screenshot mode never open a dialog (rfd returns
//! nothing under Xvfb): they hand the app a [`ScriptedDialogs`].

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// The file name ending every journey file gets.
pub const JOURNEY_EXTENSION: &str = ".journey.ron";

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// A journey file to open; `None` when the user cancelled.
    fn pick_open(&mut self) -> Option<PathBuf>;
    /// Where to save; `None` when the user cancelled. `suggested_name` is a
    /// file name without folder, e.g. `welcome-series.journey.ron`.
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
}

/// The platform's own dialogs (rfd).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a journey")
            .add_filter("Journey", &["ron"])
            .pick_file()
    }

    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save the journey as")
            .add_filter("Journey", &["ron"])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| with_journey_extension(&p))
    }
}

/// Paths given in advance, answered in order; an empty queue answers "cancelled".
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to "open", first first.
    pub open: VecDeque<PathBuf>,
    /// Answers to "save as", first first.
    pub save: VecDeque<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open.pop_front()
    }

    fn pick_save(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        self.save.pop_front()
    }
}

/// `path`, with `.journey.ron` added when the user typed a name without it.
pub fn with_journey_extension(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    match name {
        Some(n) if !is_ron(&n) => {
            let stem = n.strip_suffix(".journey").unwrap_or(&n);
            path.with_file_name(format!("{stem}{JOURNEY_EXTENSION}"))
        }
        _ => path.to_owned(),
    }
}

/// True for a name ending in `.ron`, in any case: the files Open and drop accept.
pub fn is_ron(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// A file name for a journey called `name`: lower case, words joined by
/// dashes, e.g. "Welcome series" gives `welcome-series.journey.ron`.
pub fn suggested_file_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "journey" } else { slug };
    format!("{slug}{JOURNEY_EXTENSION}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_without_extension_gets_journey_ron() {
        for (typed, saved) in [
            ("/tmp/welcome", "/tmp/welcome.journey.ron"),
            ("/tmp/welcome.journey", "/tmp/welcome.journey.ron"),
            ("/tmp/welcome.journey.ron", "/tmp/welcome.journey.ron"),
            ("/tmp/other.ron", "/tmp/other.ron"),
        ] {
            assert_eq!(
                with_journey_extension(Path::new(typed)),
                PathBuf::from(saved)
            );
        }
    }

    #[test]
    fn suggested_file_names_are_lower_case_with_dashes() {
        assert_eq!(
            suggested_file_name("Welcome series"),
            "welcome-series.journey.ron"
        );
        assert_eq!(
            suggested_file_name("Subscription renewal (live edited)"),
            "subscription-renewal-live-edited.journey.ron"
        );
        assert_eq!(suggested_file_name("  "), "journey.journey.ron");
    }

    #[test]
    fn scripted_dialogs_answer_in_order_then_cancel() {
        let mut d = ScriptedDialogs::default();
        d.open.push_back(PathBuf::from("a"));
        assert_eq!(d.pick_open(), Some(PathBuf::from("a")));
        assert_eq!(d.pick_open(), None);
        assert_eq!(d.pick_save("x.journey.ron"), None);
    }
}
