//! What the user does with files: New, Open, Open recent, Save, Save as,
//! Revert, close, autosave and recovery. Every path that would throw away
//! unsaved work goes through [`JourneyApp::request`], which asks first.

use std::path::{Path, PathBuf};

use super::dialogs::{Picked, suggested_file_name};
use super::{Files, Then};
use crate::app::files;
use crate::app::{JourneyApp, ViewState};
use crate::edit::Document;
use crate::model::Journey;
use crate::templates::TEMPLATES;
use crate::ui::canvas::Canvas;
use crate::ui::dialogs::{ChooserMode, OpenError, UnsavedChoice};

/// The gallery's last card, after the templates.
pub const EMPTY_JOURNEY: (&str, &str) = (
    "Empty journey",
    "One email step, everyone as the audience, no rules: build it from scratch.",
);

impl JourneyApp {
    /// The app at start-up with `files`: `file` if given, else the last file,
    /// else the welcome series; then any work left by a crash is offered.
    pub fn start_with(file: Option<PathBuf>, view: ViewState, files: Files) -> Self {
        let wanted = file.or_else(|| view.last_file.clone());
        let mut open_error = None;
        let opened = match wanted.as_deref().map(files::open) {
            Some(Ok(doc)) => Some(doc),
            Some(Err(e)) => {
                open_error = Some(e.to_string());
                None
            }
            None => None,
        };
        let opened_path = opened.as_ref().and_then(|doc| doc.path.clone());
        let fresh = opened.is_none();
        let doc = opened.unwrap_or_else(|| Document::new(crate::templates::welcome()));
        let mut app = JourneyApp::new(doc, view);
        app.files = files;
        app.files.fresh = fresh;
        let mut recent = app.load_recent();
        if let Some(p) = opened_path {
            recent = recent.or(app.remember(&p));
        }
        let recovery = match app.files.look_for_recovery() {
            Ok(said) => said,
            Err(e) => vec![e.to_string()],
        };
        // All are said: the file that did not open, the list of recent
        // files, and the copies' news.
        let said: Vec<String> = open_error
            .into_iter()
            .chain(recent)
            .chain(recovery)
            .collect();
        app.status = (!said.is_empty()).then(|| said.join(" · "));
        app
    }

    /// True when closing or replacing the document would lose work: it
    /// differs from its file, or it was never saved and is no longer fresh.
    pub fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty() && !(self.files.fresh && self.doc.revision() == 0)
    }

    /// File > New: shows the template gallery.
    pub fn new_journey(&mut self) {
        self.files.gallery_open = true;
    }

    /// Starts from template `index` of [`TEMPLATES`], or the empty journey
    /// for any index past them (asking about unsaved work first).
    pub fn new_from_template(&mut self, index: usize) {
        let journey = match TEMPLATES.get(index) {
            Some(t) => match t.journey() {
                Ok(j) => j,
                Err(e) => {
                    self.status = Some(format!("The template '{}' is broken: {e}", t.title));
                    return;
                }
            },
            None => Journey::new_empty("New journey", next_full_hour(chrono::Utc::now())),
        };
        self.request(Then::Replace {
            doc: Box::new(Document::new(journey)),
            fresh: true,
            before: "starting a new journey",
        });
    }

    /// File > Open: asks for a file, then opens it. Without a system
    /// dialog, the app's own chooser asks instead.
    pub fn open_dialog(&mut self) {
        match self.files.dialogs.pick_open() {
            Picked::Path(path) => self.open_path(&path),
            Picked::Cancelled => self.status = Some("Nothing was opened.".to_owned()),
            Picked::Unavailable(reason) => self.open_chooser(ChooserMode::Open, reason),
        }
    }

    /// Opens `path` (asking about unsaved work first). A file that cannot be
    /// read shows the open error and leaves the current journey as it is.
    pub fn open_path(&mut self, path: &Path) {
        match files::open(path) {
            Ok(doc) => self.request(Then::Replace {
                doc: Box::new(doc),
                fresh: false,
                before: "opening another journey",
            }),
            Err(e) => {
                let mut error = OpenError::from_load_error(path, &e);
                if !path.exists() {
                    self.forget_recent(path);
                    "the file no longer exists (it was removed from Open recent)"
                        .clone_into(&mut error.message);
                }
                self.files.open_error = Some(error);
            }
        }
    }

    /// Saves to the journey's file, or asks where when it has none.
    /// Returns true when the journey was saved.
    pub fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Asks where, then saves there. Returns true when the journey was
    /// saved now; false when cancelled, failed, or when the app's own chooser
    /// opened (without a system dialog) and the save waits for it.
    pub fn save_as(&mut self) -> bool {
        let name = suggested_file_name(&self.doc.journey().name);
        match self.files.dialogs.pick_save(&name) {
            Picked::Path(path) => self.save_to(&path),
            Picked::Cancelled => {
                self.status = Some("Not saved: Save as was cancelled.".to_owned());
                false
            }
            Picked::Unavailable(reason) => {
                self.open_chooser(ChooserMode::Save, reason);
                false
            }
        }
    }

    /// Saves to `path` through the atomic store. Returns true when saved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match files::save(&mut self.doc, path) {
            Ok(()) => {
                let note = self.doc.path.clone().and_then(|p| self.remember(&p));
                self.files.fresh = false;
                self.clear_autosave_then_say(with_note(format!("Saved {}", path.display()), note));
                true
            }
            Err(e) => {
                self.status = Some(format!("Not saved: {e}"));
                false
            }
        }
    }

    /// File > Revert: asks, then reloads the file (see [`JourneyApp::revert_now`]).
    pub fn revert(&mut self) {
        if self.doc.path.is_some() {
            self.files.revert_asked = true;
        }
    }

    /// Reloads the journey's file, dropping the changes since the last save.
    pub fn revert_now(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match files::open(&path) {
            Ok(doc) => {
                self.replace_document(doc, false);
                self.clear_autosave_then_say(format!("Reverted to {}", path.display()));
            }
            Err(e) => self.files.open_error = Some(OpenError::from_load_error(&path, &e)),
        }
    }

    /// The window was asked to close: true when it may close now; otherwise
    /// the unsaved-changes prompt is up and the caller cancels the close.
    /// (The autosave copy is removed on exit, when the window has closed.)
    pub fn close_requested(&mut self) -> bool {
        if self.files.closing || !self.has_unsaved_work() {
            self.files.closing = true;
            return true;
        }
        self.request(Then::Close);
        false
    }

    /// Does `then` now when nothing would be lost, else asks first.
    pub fn request(&mut self, then: Then) {
        if self.has_unsaved_work() {
            self.files.waiting = Some(then);
        } else {
            self.proceed(then);
        }
    }

    /// Acts on the answer to the unsaved-changes prompt.
    pub fn answer_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(then) = self.files.waiting.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => {
                if self.save() {
                    self.proceed(then);
                } else if self.files.chooser.is_some() {
                    // Saved once the chooser has a place; then `then` goes on.
                    self.files.after_save = Some(then);
                }
            }
            UnsavedChoice::Discard => {
                // Closing removes the copy on exit; another document, now.
                let cleared = match then {
                    Then::Close => Ok(()),
                    Then::Replace { .. } => self.files.clear_autosave(),
                };
                self.proceed(then);
                if let Err(e) = cleared {
                    self.status = Some(e.to_string());
                }
            }
            UnsavedChoice::Cancel => self.status = Some("Nothing changed.".to_owned()),
        }
    }

    pub(crate) fn proceed(&mut self, then: Then) {
        match then {
            Then::Replace { doc, fresh, .. } => {
                let opened = doc.path.clone();
                self.replace_document(*doc, fresh);
                self.status = Some(match opened {
                    Some(path) => {
                        let note = self.remember(&path);
                        with_note(format!("Opened {}", path.display()), note)
                    }
                    None => format!("New journey '{}'", self.doc.journey().name),
                });
            }
            Then::Close => {
                self.files.closing = true;
                self.files.send_close = true;
            }
        }
    }

    /// Removes the autosave copy; says `done`, or why the copy is still there.
    pub(crate) fn clear_autosave_then_say(&mut self, done: String) {
        self.status = Some(match self.files.clear_autosave() {
            Ok(()) => done,
            Err(e) => e.to_string(),
        });
    }

    pub(crate) fn replace_document(&mut self, doc: Document, fresh: bool) {
        self.doc = doc;
        self.canvas = Canvas::default();
        self.files.fresh = fresh;
        self.files.timer.reset();
    }
}

/// `done`, then `note` (a problem met on the way) if any.
fn with_note(done: String, note: Option<String>) -> String {
    match note {
        Some(note) => format!("{done} · {note}"),
        None => done,
    }
}

/// The first full hour after `now`: a tidy start date for an empty journey.
fn next_full_hour(now: crate::model::Instant) -> crate::model::Instant {
    use chrono::DurationRound;
    let hour = chrono::TimeDelta::hours(1);
    now.duration_trunc(hour).map_or(now, |t| t + hour)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    #[test]
    fn an_empty_journey_starts_at_the_next_full_hour() {
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 25, 9, 41, 7)
            .single()
            .expect("valid");
        let start = chrono::Utc
            .with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(super::next_full_hour(now), start);
    }
}
