//! Autosave and recovery: when to write the copy (every 30 s while there are
//! unsaved changes, and only when something changed since the last copy:
//! plain logic on a clock the caller passes in, egui's input time or any
//! number in tests), writing it, keeping the panic hook's copy up to date
//! (`crate::app::crash`), and the answer to the recovery offer.

use crate::app::JourneyApp;
use crate::app::crash::Unsaved;
use crate::edit::Document;
use crate::ui::dialogs::RecoveryChoice;

/// Seconds between autosaves.
pub const AUTOSAVE_EVERY_SECONDS: f64 = 30.0;

/// The autosave schedule of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AutosaveTimer {
    /// When the next copy is due; `None` while there is nothing unsaved.
    due_at: Option<f64>,
    /// The document revision of the last copy written.
    written: Option<u64>,
}

impl AutosaveTimer {
    /// Called every frame: returns true when a copy of revision `revision`
    /// should be written now. `now` is in seconds on any steady clock.
    pub fn tick(&mut self, now: f64, unsaved: bool, revision: u64) -> bool {
        if !unsaved {
            self.due_at = None;
            return false;
        }
        let due = *self.due_at.get_or_insert(now + AUTOSAVE_EVERY_SECONDS);
        if now < due {
            return false;
        }
        self.due_at = Some(now + AUTOSAVE_EVERY_SECONDS);
        self.written != Some(revision)
    }

    /// Records that revision `revision` was copied.
    pub fn written(&mut self, revision: u64) {
        self.written = Some(revision);
    }

    /// Starts over: after a save, or when another document replaces this one.
    pub fn reset(&mut self) {
        *self = AutosaveTimer::default();
    }

    /// Seconds until the next copy is due, to wake the window then.
    pub fn seconds_left(&self, now: f64) -> Option<f64> {
        self.due_at.map(|due| (due - now).max(0.0))
    }
}

impl JourneyApp {
    /// Writes this window's copy when it is due (`now` in seconds, any
    /// steady clock), and removes it once the journey is back to its saved
    /// state (saved, or undone back to it).
    pub fn autosave_tick(&mut self, now: f64) {
        if self.files.recovery.is_some() {
            return; // the offer is answered first
        }
        let unsaved = self.has_unsaved_work();
        if !unsaved && self.files.copy_written {
            if let Err(e) = self.files.clear_autosave() {
                self.status = Some(e.to_string());
            }
            return;
        }
        let revision = self.doc.revision();
        let doc = Unsaved {
            journey: self.doc.journey(),
            revision,
            path: self.doc.path.as_deref(),
            unsaved,
        };
        self.files.crash.follow(self.files.autosave.as_ref(), &doc);
        if !self.files.timer.tick(now, unsaved, revision) {
            return;
        }
        match self
            .files
            .write_copy(self.doc.journey(), self.doc.path.as_deref())
        {
            Ok(()) => self.files.timer.written(revision),
            Err(e) => self.status = Some(e.to_string()),
        }
    }

    /// Acts on the answer to the recovery offer. Recover makes the work this
    /// window's own (its copy is written at once) before the old copy goes;
    /// if that fails, the old copy stays and the status bar says so.
    pub fn answer_recovery(&mut self, choice: RecoveryChoice) {
        let Some(recovery) = self.files.recovery.take() else {
            return;
        };
        let said = match choice {
            RecoveryChoice::Recover => {
                let mut doc = Document::new(recovery.journey.clone());
                doc.path.clone_from(&recovery.original);
                self.replace_document(doc, false);
                let saved_at = recovery.saved_at.format("%Y-%m-%d %H:%M UTC");
                match self
                    .files
                    .write_copy(self.doc.journey(), self.doc.path.as_deref())
                {
                    Ok(()) => self.files.dismiss(recovery).map(|()| {
                        format!(
                            "Recovered the unsaved changes kept at {saved_at}; save to keep them."
                        )
                    }),
                    Err(e) => Err(e),
                }
            }
            RecoveryChoice::Discard => self
                .files
                .dismiss(recovery)
                .map(|()| "The unsaved work was deleted.".to_owned()),
        };
        self.status = Some(match said {
            Ok(said) => said,
            Err(e) => format!("{e} (the autosaved copy was kept)"),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autosave_is_due_30_seconds_after_the_first_unsaved_change() {
        let mut t = AutosaveTimer::default();
        assert!(!t.tick(0.0, false, 0), "nothing unsaved: never");
        assert!(!t.tick(10.0, true, 1), "just changed");
        assert_eq!(t.seconds_left(10.0), Some(30.0));
        assert!(!t.tick(39.9, true, 1));
        assert!(t.tick(40.0, true, 1));
        t.written(1);
        assert!(!t.tick(70.0, true, 1), "no change since the last copy");
        assert!(
            !t.tick(80.0, true, 2),
            "changed, but the next slot is at 100"
        );
        assert!(t.tick(100.0, true, 2));
    }

    #[test]
    fn saving_stops_the_schedule() {
        let mut t = AutosaveTimer::default();
        t.tick(0.0, true, 1);
        assert!(!t.tick(5.0, false, 1));
        assert_eq!(t.seconds_left(5.0), None);
        assert!(!t.tick(31.0, true, 2), "a new change waits a full period");
        assert!(t.tick(61.0, true, 2));
        t.reset();
        assert_eq!(t, AutosaveTimer::default());
    }
}
