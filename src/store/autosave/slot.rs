//! One window's autosave slot: `<id>.journey.ron`, and `<id>.lock` held
//! locked while the window lives. A lock file that can be locked belongs to
//! a window that is gone (closed or crashed): its copy may be offered.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::{AutosaveError, COPY_ENDING, Claim, LOCK_ENDING, remove_if_there, write_copy};
use crate::model::Journey;

/// One window's own autosave copy, locked while the window lives.
#[derive(Clone, Debug)]
pub struct InstanceSlot {
    file: PathBuf,
    lock_file: PathBuf,
    // Held for the slot's life; the OS lets go when the window dies.
    _lock: Arc<File>,
}

impl InstanceSlot {
    /// A new slot in `dir` with a name no other window uses, locked.
    pub(super) fn create(dir: &Path) -> Result<InstanceSlot, AutosaveError> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| AutosaveError::Io { path, source }
        };
        loop {
            let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let id = format!("window-{stamp}-{}-{n}", std::process::id());
            let lock_file = dir.join(format!("{id}{LOCK_ENDING}"));
            let lock = match OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&lock_file)
            {
                Ok(lock) => lock,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io(&lock_file)(e)),
            };
            lock.lock().map_err(io(&lock_file))?;
            return Ok(InstanceSlot {
                file: dir.join(format!("{id}{COPY_ENDING}")),
                lock_file,
                _lock: Arc::new(lock),
            });
        }
    }

    /// The copy's file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Writes a copy of `journey` now; `original` is the file it belongs to.
    pub fn write(&self, journey: &Journey, original: Option<&Path>) -> Result<(), AutosaveError> {
        write_copy(&self.file, journey, original, chrono::Utc::now())
    }

    /// Removes the copy (the work was saved, discarded or undone). No copy is fine.
    pub fn clear(&self) -> Result<(), AutosaveError> {
        remove_if_there(&self.file)
    }

    /// The window closes cleanly: the copy and the lock file go.
    pub fn release(self) -> Result<(), AutosaveError> {
        self.clear()?;
        remove_if_there(&self.lock_file)
    }
}

/// The lock file of the window that wrote `copy`.
pub(super) fn lock_file_of(copy: &Path) -> PathBuf {
    let name = copy
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = name.strip_suffix(COPY_ENDING).unwrap_or(&name);
    copy.with_file_name(format!("{id}{LOCK_ENDING}"))
}

/// Claims the copy in `copy` when its window is gone: `None` while that
/// window still holds its lock. A copy without a lock file (the shared slot,
/// older versions) is anyone's; so is one whose lock the system cannot take.
pub(super) fn claim(copy: &Path) -> Option<Claim> {
    let Ok(lock) = OpenOptions::new().write(true).open(lock_file_of(copy)) else {
        return Some(Claim::default());
    };
    match lock.try_lock() {
        Ok(()) => Some(Claim {
            _lock: Some(Arc::new(lock)),
        }),
        Err(TryLockError::WouldBlock) => None,
        Err(TryLockError::Error(_)) => Some(Claim::default()),
    }
}
