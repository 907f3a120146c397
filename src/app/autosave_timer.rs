//! When to autosave: every 30 s while there are unsaved changes, and only
//! when something changed since the last copy. Plain logic on a clock the
//! caller passes in (egui's input time, or any number in tests).

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
