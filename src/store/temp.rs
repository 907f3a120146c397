//! Temporary files of a save: their names, their lock, and the removal of
//! those a killed save left behind.
//!
//! A save writes `.NAME.PID-N.tmp` beside the file `NAME` (PID: the saving
//! process, N: a counter), then renames it over `NAME`. A name longer than
//! [`STEM_MAX`] bytes is cut and ends in `~` and a hash of the whole name,
//! so that the temporary name stays within the 255 bytes a file name may
//! have.
//!
//! A process killed between writing and renaming leaves its temporary file.
//! Loading a file and saving it clear the debris beside it: a temporary file
//! of this pattern for this very file whose lock nobody holds (the saving
//! process locks it while it writes) and whose process is gone (Linux: no
//! `/proc/PID`) or that is older than a minute (where processes cannot be
//! looked up, and for a PID that was reused).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// The longest part of the file name kept in a temporary name.
const STEM_MAX: usize = 200;

/// How old a temporary file of a living (or unknown) process must be to be debris.
const STALE_AFTER: Duration = Duration::from_mins(1);

/// The part of `name` that temporary names carry: the name itself, or when
/// longer than [`STEM_MAX`] bytes, its start and `~` and a hash of all of it.
fn stem(name: &str) -> String {
    if name.len() <= STEM_MAX {
        return name.to_owned();
    }
    let mut cut = STEM_MAX - 9;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}~{:08x}", &name[..cut], fnv1a(name.as_bytes()))
}

/// FNV-1a, 32 bits: a hash that stays the same across releases and machines.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn file_name(target: &Path) -> String {
    target
        .file_name()
        .map_or_else(|| "journey".into(), |n| n.to_string_lossy().into_owned())
}

/// A unique temporary name beside `target` (same folder, so the rename is atomic).
pub(super) fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let stem = stem(&file_name(target));
    target.with_file_name(format!(".{stem}.{}-{n}.tmp", std::process::id()))
}

/// The PID in `entry` when it is a temporary name of the file whose stem is `stem`.
fn temp_pid(entry: &str, stem: &str) -> Option<u32> {
    let middle = entry
        .strip_prefix('.')?
        .strip_prefix(stem)?
        .strip_prefix('.')?
        .strip_suffix(".tmp")?;
    let (pid, n) = middle.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(pid) && digits(n) {
        pid.parse().ok()
    } else {
        None
    }
}

/// Holds the lock a save keeps on its temporary file while writing it, so
/// that [`remove_stale`] elsewhere leaves it alone. Where the file system
/// has no locks, the age rule alone protects it (a save takes milliseconds).
pub(super) fn lock(file: &File) {
    // Failure means "no locks here"; the file is written all the same.
    let _unsupported = file.try_lock();
}

/// Removes the temporary files that killed saves of `target` left behind (see
/// the module documentation). Best effort: a file that cannot be removed now
/// is tried again at the next load or save, and the save itself does not
/// depend on it. Returns how many were removed.
pub(super) fn remove_stale(target: &Path) -> usize {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let stem = stem(&file_name(target));
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = temp_pid(&name.to_string_lossy(), &stem) else {
            continue;
        };
        let path = entry.path();
        if is_stale(&path, pid) && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn is_stale(path: &Path, pid: u32) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return false,
        // No locks on this file system: go by the process and the age.
        Err(std::fs::TryLockError::Error(_)) => {}
    }
    let old = file
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_AFTER);
    old || process_is_gone(pid)
}

/// True when `pid` is certainly not a running process (Linux, where `/proc`
/// lists them); false when it runs or cannot be known.
fn process_is_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_fit_the_255_byte_limit_and_are_recognised() {
        for len in [1, 100, 200, 201, 242, 243, 250, 255] {
            let name: String = "é".repeat(len / 2) + &"x".repeat(len % 2);
            assert_eq!(name.len(), len);
            let temp = temp_path(&Path::new("/tmp").join(&name));
            let temp_name = temp
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            assert!(temp_name.len() <= 255, "{len}: {}", temp_name.len());
            assert_eq!(temp_pid(&temp_name, &stem(&name)), Some(std::process::id()));
        }
    }

    #[test]
    fn only_our_own_pattern_for_this_file_is_recognised() {
        let stem = stem("j.journey.ron");
        assert_eq!(temp_pid(".j.journey.ron.12-3.tmp", &stem), Some(12));
        for other in [
            "j.journey.ron",
            ".j.journey.ron.12-3.tmp~",
            ".j.journey.ron.12.tmp",
            ".j.journey.ron.x-3.tmp",
            ".j.journey.ron.1-2.3-4.tmp",
            ".k.journey.ron.12-3.tmp",
            ".j.journey.ron.-3.tmp",
        ] {
            assert_eq!(temp_pid(other, &stem), None, "{other}");
        }
    }

    #[test]
    fn long_names_that_share_a_start_get_different_stems() {
        let a = "a".repeat(240) + "1";
        let b = "a".repeat(240) + "2";
        assert_ne!(stem(&a), stem(&b));
        assert_eq!(stem(&a), stem(&a.clone()));
    }
}
