//! The window's file state: where paths come from, the autosave slot and
//! schedule, and which file dialog (prompt, error, gallery, recovery) waits
//! for the user. What the user can do with files is in `ops`; the dialogs
//! are drawn by `prompts`.

use super::autosave::AutosaveTimer;
use super::dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
use crate::app::crash::CrashCopy;
use crate::edit::Document;
use crate::store::autosave::{Autosave, AutosaveError, InstanceSlot, Recovery};
use crate::store::recent::RecentFiles;
use crate::ui::dialogs::{FileChooser, OpenError};

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
    /// The autosave folder; `None` disables autosave (screenshot mode).
    pub autosave: Option<Autosave>,
    /// The recent-files list every window shares; `None` keeps the list in
    /// this window's view only (tests, screenshots).
    pub recent: Option<RecentFiles>,
    /// This window's own copy in that folder, made at the first autosave.
    pub slot: Option<InstanceSlot>,
    /// True while this window's copy is on disk.
    pub copy_written: bool,
    /// When the next autosave is due.
    pub timer: AutosaveTimer,
    /// The copy a panic writes (kept equal to the unsaved document).
    pub crash: CrashCopy,
    /// Work of a window that is gone, found at start, offered until answered.
    pub recovery: Option<Recovery>,
    /// An action waiting for the answer to the unsaved-changes prompt.
    pub waiting: Option<Then>,
    /// The open error being shown.
    pub open_error: Option<OpenError>,
    /// The app's own file chooser, open when the system dialog could not be shown.
    pub chooser: Option<FileChooser>,
    /// What waits for the chooser's save (the unsaved-changes prompt's Save).
    pub after_save: Option<Then>,
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
            recent: None,
            slot: None,
            copy_written: false,
            timer: AutosaveTimer::default(),
            crash: CrashCopy::default(),
            recovery: None,
            waiting: None,
            open_error: None,
            chooser: None,
            after_save: None,
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
        let mut files = Files::new(
            Box::new(NativeDialogs::default()),
            Autosave::in_user_data_folder(),
        );
        files.recent = RecentFiles::in_user_data_folder();
        files
    }

    /// True while a dialog that takes the whole window (a modal) is shown.
    pub fn modal_open(&self) -> bool {
        self.recovery.is_some()
            || self.waiting.is_some()
            || self.open_error.is_some()
            || self.chooser.is_some()
            || self.gallery_open
            || self.revert_asked
    }

    /// Looks for work left by windows that are gone: the newest is kept in
    /// `recovery` to be offered (the others wait for the next window).
    /// Returns what there is to say: copies kept aside, copies still waiting.
    pub fn look_for_recovery(&mut self) -> Result<Vec<String>, AutosaveError> {
        let Some(autosave) = &self.autosave else {
            return Ok(Vec::new());
        };
        let found = autosave.recoverable()?;
        let mut said: Vec<String> = found.kept_aside.iter().map(ToString::to_string).collect();
        let mut copies = found.copies.into_iter();
        self.recovery = copies.next();
        let more = copies.count();
        if more > 0 {
            said.push(format!(
                "{more} more cop{} of unsaved work will be offered when another window opens.",
                if more == 1 { "y" } else { "ies" }
            ));
        }
        Ok(said)
    }

    /// Writes this window's copy of `journey` (belonging to `original`).
    pub fn write_copy(
        &mut self,
        journey: &crate::model::Journey,
        original: Option<&std::path::Path>,
    ) -> Result<(), AutosaveError> {
        let Some(autosave) = &self.autosave else {
            return Ok(());
        };
        if self.slot.is_none() {
            self.slot = Some(autosave.instance()?);
        }
        if let Some(slot) = &self.slot {
            slot.write(journey, original)?;
            self.copy_written = true;
        }
        Ok(())
    }

    /// Removes this window's copy and starts the schedule over.
    pub fn clear_autosave(&mut self) -> Result<(), AutosaveError> {
        self.timer.reset();
        match &self.slot {
            Some(slot) if self.copy_written => {
                slot.clear()?;
                self.copy_written = false;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The window closes with nothing to lose: its copy and lock file go.
    pub fn release_autosave(&mut self) -> Result<(), AutosaveError> {
        self.copy_written = false;
        match self.slot.take() {
            Some(slot) => slot.release(),
            None => Ok(()),
        }
    }

    /// Deletes an offered copy once answered.
    pub fn dismiss(&self, recovery: Recovery) -> Result<(), AutosaveError> {
        match &self.autosave {
            Some(autosave) => autosave.dismiss(recovery),
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
