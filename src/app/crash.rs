//! A panic loses nothing: the recovery copy of the unsaved document is written
//! by a panic hook before the process ends, and the next start offers it like
//! any autosave copy.
//!
//! The hook cannot reach the app (the panicking frame holds it), so the app
//! hands it a copy of the document whenever the document or its unsaved state
//! changes ([`CrashCopy::follow`], once a frame: a clone per edit, nothing per
//! frame otherwise). The hook takes that copy with `try_lock` (a panic while the
//! copy is being replaced finds it busy and writes nothing rather than waiting
//! forever) and writes it through the same atomic autosave as every 30 s.
//! Panics of other threads (a simulation worker) are caught where they happen
//! and the window goes on; the copy they write is the same one the next autosave
//! would write, and a clean exit removes it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, TryLockError};

use crate::model::Journey;
use crate::store::autosave::Autosave;

/// What the hook writes: the document and where.
#[derive(Clone, Debug)]
struct Pending {
    autosave: Autosave,
    journey: Journey,
    original: Option<PathBuf>,
}

/// The copy the panic hook writes, kept up to date by the window.
#[derive(Clone, Debug, Default)]
pub struct CrashCopy {
    shared: Arc<Mutex<Option<Pending>>>,
    /// What the copy was taken from: (revision, unsaved, path), to take it only on change.
    taken_from: Option<(u64, bool, Option<PathBuf>)>,
}

/// What [`CrashCopy::follow`] looks at.
pub struct Unsaved<'a> {
    /// The document.
    pub journey: &'a Journey,
    /// Its revision (changes with every edit).
    pub revision: u64,
    /// Its file.
    pub path: Option<&'a Path>,
    /// True when there is work to lose (and no earlier copy waits to be offered).
    pub unsaved: bool,
}

impl CrashCopy {
    /// Keeps the hook's copy equal to `doc` (nothing to write when nothing is unsaved).
    pub fn follow(&mut self, autosave: Option<&Autosave>, doc: &Unsaved<'_>) {
        let key = (doc.revision, doc.unsaved, doc.path.map(Path::to_owned));
        if self.taken_from.as_ref() == Some(&key) {
            return;
        }
        let pending = autosave.filter(|_| doc.unsaved).map(|autosave| Pending {
            autosave: autosave.clone(),
            journey: doc.journey.clone(),
            original: doc.path.map(Path::to_owned),
        });
        *self.shared.lock().unwrap_or_else(PoisonError::into_inner) = pending;
        self.taken_from = Some(key);
    }

    /// Installs the panic hook (before the previous one, which still prints the panic).
    pub fn install_hook(&self) {
        let shared = Arc::clone(&self.shared);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            write_copy(&shared);
            previous(info);
        }));
    }
}

/// Writes the pending copy, if any, and says on stderr where it went (the window may
/// be gone by the time anyone looks).
fn write_copy(shared: &Mutex<Option<Pending>>) {
    let guard = match shared.try_lock() {
        Ok(guard) => guard,
        Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
        Err(TryLockError::WouldBlock) => return,
    };
    let Some(pending) = guard.as_ref() else {
        return;
    };
    #[allow(clippy::print_stderr)]
    match pending
        .autosave
        .write(&pending.journey, pending.original.as_deref())
    {
        Ok(()) => eprintln!(
            "journey-designer: your unsaved changes were kept in {}; the next start offers them",
            pending.autosave.file().display()
        ),
        Err(e) => eprintln!("journey-designer: could not keep your unsaved changes: {e}"),
    }
}
