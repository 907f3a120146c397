//! Atomic file replacement: write a temporary file beside the target, flush,
//! sync, rename. A crash or a full disk never leaves a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` so that `path` holds either the old or the new
/// content in full, never a mix or nothing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, std::io::Write::write_all)
}

/// [`write_atomic`] with the write itself injectable, so tests can make it
/// fail midway.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        // Keep the permissions the user gave the file (best effort).
        if let Ok(meta) = std::fs::metadata(path) {
            let _ignored = file.set_permissions(meta.permissions());
        }
        write(&mut file, bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        // The temporary file is ours and incomplete: remove it; the target was never touched.
        let _ignored = std::fs::remove_file(&temp);
    } else {
        sync_parent(path);
    }
    result
}

/// A unique temporary name in the target's own folder (so rename is atomic).
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "journey".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent()
        && let Ok(dir) = std::fs::File::open(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
    {
        let _ignored = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_save_failing_midway_leaves_previous_file_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journey.ron");
        std::fs::write(&path, b"previous content").unwrap();
        let err = write_atomic_with(&path, b"new content that will not arrive", |file, bytes| {
            file.write_all(&bytes[..5])?;
            Err(std::io::Error::other("injected: disk full"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"));
        assert_eq!(std::fs::read(&path).unwrap(), b"previous content");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "the temporary file is removed");
    }

    #[test]
    fn atomic_save_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journey.ron");
        std::fs::write(&path, b"a much longer previous content").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}
