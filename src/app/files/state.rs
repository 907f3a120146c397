//! The window's file state: where paths come from, the autosave slot and
//! schedule, and which file dialog (prompt, error, gallery, recovery) waits
//! for the user. What the user can do with files is in `ops`; the dialogs
//! are drawn by `prompts`.

use super::autosave::AutosaveTimer;
use super::dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
use crate::edit::Document;
use crate::store::autosave::{Autosave, AutosaveError, Recovery};
use crate::ui::dialogs::OpenError;

/// What happens once the unsaved-changes prompt is answered with Save or Discard.
#[derive(Debug)]
pub enum Then {
    /// Replace the document: New, Open, Open recent, a dropped file.
    Replace {
        /// The document that takes its place.
        doc: Box<Document>,
        /// True for a journey fresh from a template: unchanged, it has nothing to lose.
        fresh: bool,
        /// What waits, for the prompt: "opening another journey".
        before: &'static str,
    },
    /// Close the window.
    Close,
}

/// Which save a shortcut asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveKind {
    /// Save to the journey's file (asking where when it has none).
    Save,
    /// Ask where, then save there.
    SaveAs,
}

/// The file side of the window.
pub struct Files {
    /// Where Open and Save As get their paths.
    pub dialogs: Box<dyn FileDialogs>,
    /// The autosave slot; `None` disables autosave (screenshot mode).
    pub autosave: Option<Autosave>,
    /// When the next autosave is due.
    pub timer: AutosaveTimer,
    /// Work found in the autosave slot at start, offered until answered.
    pub recovery: Option<Recovery>,
    /// An action waiting for the answer to the unsaved-changes prompt.
    pub waiting: Option<Then>,
    /// The open error being shown.
    pub open_error: Option<OpenError>,
    /// The template gallery (File > New) is open.
    pub gallery_open: bool,
    /// The "revert to the saved file?" confirmation is open.
    pub revert_asked: bool,
    /// The help window (F1) is open.
    pub help_open: bool,
    /// The document is a template or sample nobody has changed yet.
    pub fresh: bool,
    /// The user agreed to close: the next close request goes through.
    pub closing: bool,
    /// The window should be told to close (after the prompt let it).
    pub send_close: bool,
    /// Ctrl+S or Ctrl+Shift+S was pressed this frame; done once the panels
    /// have applied their edits.
    pub save_at_end_of_frame: Option<SaveKind>,
    /// The window title last sent.
    pub title: String,
}

impl Files {
    /// Files with `dialogs` and `autosave`, nothing waiting.
    pub fn new(dialogs: Box<dyn FileDialogs>, autosave: Option<Autosave>) -> Files {
        Files {
            dialogs,
            autosave,
            timer: AutosaveTimer::default(),
            recovery: None,
            waiting: None,
            open_error: None,
            gallery_open: false,
            revert_asked: false,
            help_open: false,
            fresh: false,
            closing: false,
            send_close: false,
            save_at_end_of_frame: None,
            title: String::new(),
        }
    }

    /// The window's setting: native dialogs, autosave in the user's data folder.
    pub fn for_window() -> Files {
        Files::new(Box::new(NativeDialogs), Autosave::in_user_data_folder())
    }

    /// True while a dialog that takes the whole window (a modal) is shown.
    pub fn modal_open(&self) -> bool {
        self.recovery.is_some()
            || self.waiting.is_some()
            || self.open_error.is_some()
            || self.gallery_open
            || self.revert_asked
    }

    /// Looks for work left by a crash (kept in `recovery` to be offered).
    pub fn look_for_recovery(&mut self) -> Result<(), AutosaveError> {
        if let Some(autosave) = &self.autosave {
            self.recovery = autosave.pending()?;
        }
        Ok(())
    }

    /// Removes the autosave copy and starts the schedule over.
    pub fn clear_autosave(&mut self) -> Result<(), AutosaveError> {
        self.timer.reset();
        match &self.autosave {
            Some(autosave) => autosave.clear(),
            None => Ok(()),
        }
    }
}

impl Default for Files {
    /// No dialogs and no autosave: nothing leaves the process.
    fn default() -> Self {
        Files::new(Box::new(ScriptedDialogs::default()), None)
    }
}
