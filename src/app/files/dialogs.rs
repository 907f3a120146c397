//! Where file paths come from: the native dialogs (rfd), or paths given in
//! advance. Tests and the screenshot mode never open a dialog: they hand the
//! app a [`ScriptedDialogs`].
//!
//! rfd answers "no file" both when the user cancels and when no dialog could
//! be shown at all (no desktop portal and no zenity: minimal desktops, Xvfb).
//! [`NativeDialogs`] tells the two apart (is there a service to ask? did the
//! answer come back faster than a person could cancel?) and answers
//! [`Picked::Unavailable`], so the app opens its own chooser instead of doing
//! nothing.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The file name ending every journey file gets.
pub const JOURNEY_EXTENSION: &str = ".journey.ron";

/// An answer faster than this did not come from a person.
const FASTEST_CANCEL: Duration = Duration::from_millis(350);

/// What a file dialog came back with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; says why, in words.
    Unavailable(String),
}

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    /// A journey file to open.
    fn pick_open(&mut self) -> Picked;
    /// A journey file to compare the open one with (by default asked as Open is).
    fn pick_compare(&mut self) -> Picked {
        self.pick_open()
    }
    /// Where to save. `suggested_name` is a file name without folder, e.g.
    /// `welcome-series.journey.ron`.
    fn pick_save(&mut self, suggested_name: &str) -> Picked;
}

/// The platform's own dialogs (rfd), checked for being there at all.
#[derive(Clone, Debug, Default)]
pub struct NativeDialogs {
    /// Set once no dialog could be shown: not tried again this session.
    unavailable: Option<String>,
}

impl NativeDialogs {
    /// Runs `ask` unless the dialogs are known to be missing.
    fn ask(&mut self, ask: impl FnOnce() -> Option<PathBuf>) -> Picked {
        if self.unavailable.is_none() {
            self.unavailable = missing_dialog_service();
        }
        if let Some(reason) = &self.unavailable {
            return Picked::Unavailable(reason.clone());
        }
        self.timed(ask)
    }

    /// Runs `ask`; an empty answer faster than a person could cancel means
    /// no dialog was shown (remembered for the session).
    fn timed(&mut self, ask: impl FnOnce() -> Option<PathBuf>) -> Picked {
        let asked = Instant::now();
        match ask() {
            Some(path) => Picked::Path(path),
            None if asked.elapsed() < FASTEST_CANCEL => {
                let reason = "the system file dialog did not open".to_owned();
                self.unavailable = Some(reason.clone());
                Picked::Unavailable(reason)
            }
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Picked {
        self.ask(|| {
            rfd::FileDialog::new()
                .set_title("Open a journey")
                .add_filter("Journey", &["ron"])
                .pick_file()
        })
    }

    fn pick_compare(&mut self) -> Picked {
        self.ask(|| {
            rfd::FileDialog::new()
                .set_title("Compare with a journey")
                .add_filter("Journey", &["ron"])
                .pick_file()
        })
    }

    fn pick_save(&mut self, suggested_name: &str) -> Picked {
        let picked = self.ask(|| {
            rfd::FileDialog::new()
                .set_title("Save the journey as")
                .add_filter("Journey", &["ron"])
                .set_file_name(suggested_name)
                .save_file()
        });
        match picked {
            Picked::Path(p) => Picked::Path(with_journey_extension(&p)),
            other => other,
        }
    }
}

/// On Linux and the BSDs rfd needs a desktop portal (on the session D-Bus)
/// or zenity: says which is missing when neither can be there.
#[cfg(all(unix, not(target_os = "macos")))]
fn missing_dialog_service() -> Option<String> {
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty());
    if bus || program_on_path("zenity") {
        return None;
    }
    Some("neither a desktop portal nor zenity is running".to_owned())
}

/// Windows and macOS always have their own dialogs.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn missing_dialog_service() -> Option<String> {
    None
}

/// True when `name` is an executable file in a folder of `PATH`.
#[cfg(all(unix, not(target_os = "macos")))]
fn program_on_path(name: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(name))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

/// Paths given in advance, answered in order; an empty queue answers
/// "cancelled", or "unavailable" when `unavailable` is set.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to "open", first first.
    pub open: VecDeque<PathBuf>,
    /// Answers to "save as", first first.
    pub save: VecDeque<PathBuf>,
    /// When set, every dialog is unavailable for this reason (as on a
    /// desktop without a file dialog service).
    pub unavailable: Option<String>,
}

impl ScriptedDialogs {
    /// Dialogs that can never be shown, for `reason`.
    pub fn unavailable(reason: &str) -> ScriptedDialogs {
        ScriptedDialogs {
            unavailable: Some(reason.to_owned()),
            ..ScriptedDialogs::default()
        }
    }

    fn answer(&self, next: Option<PathBuf>) -> Picked {
        match (&self.unavailable, next) {
            (Some(reason), _) => Picked::Unavailable(reason.clone()),
            (None, Some(path)) => Picked::Path(path),
            (None, None) => Picked::Cancelled,
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Picked {
        let next = self.open.pop_front();
        self.answer(next)
    }

    fn pick_save(&mut self, _suggested_name: &str) -> Picked {
        let next = self.save.pop_front();
        self.answer(next)
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
    fn unavailable_dialogs_say_why_instead_of_answering_cancelled() {
        let mut d = ScriptedDialogs::unavailable("no portal");
        assert_eq!(d.pick_open(), Picked::Unavailable("no portal".to_owned()));
        let mut native = NativeDialogs::default();
        let slow = native.timed(|| {
            std::thread::sleep(FASTEST_CANCEL + Duration::from_millis(50));
            None
        });
        assert_eq!(slow, Picked::Cancelled, "a person took their time");
        // A dialog that "returns nothing" at once was never shown...
        assert_eq!(
            native.timed(|| None),
            Picked::Unavailable("the system file dialog did not open".to_owned())
        );
        // ...and is not tried again this session.
        assert!(matches!(
            native.ask(|| Some(PathBuf::from("x"))),
            Picked::Unavailable(_)
        ));
    }

    #[test]
    fn scripted_dialogs_answer_in_order_then_cancel() {
        let mut d = ScriptedDialogs::default();
        d.open.push_back(PathBuf::from("a"));
        assert_eq!(d.pick_open(), Picked::Path(PathBuf::from("a")));
        assert_eq!(d.pick_open(), Picked::Cancelled);
        assert_eq!(d.pick_save("x.journey.ron"), Picked::Cancelled);
    }
}
