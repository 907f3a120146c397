//! Atomic file replacement: write a temporary file beside the target, flush,
//! sync, rename. A crash, a kill or a full disk never leaves a half-written
//! file: the target holds the old content or the new, in full.
//!
//! What a save does, in order:
//! - A name that ends in a slash, a folder, a device or a pipe is refused
//!   ([`SaveError::NotAFile`]).
//! - A symbolic link is followed (link to link, up to 40) and the file it
//!   leads to is replaced; the link stays a link. A link to a file that does
//!   not exist yet creates that file.
//! - A file with several names (hard links) is refused
//!   ([`SaveError::HardLinked`]). Replacing it would give the name saved a
//!   new file and leave the other names with the old journey; writing it in
//!   place would keep the names together but could leave it half-written if
//!   the save is interrupted. Neither is acceptable silently, so the
//!   marketer is told to save a copy under another name.
//! - Debris of killed saves beside the file is removed ([`super::temp`]).
//! - The temporary file (`.NAME.PID-N.tmp`, within the 255-byte name limit)
//!   is created, locked, given the file's permissions, written, synced and
//!   renamed over the file; the folder is synced so the rename survives a
//!   power cut. On any error the temporary file is removed and the file is
//!   untouched. A failure to create it names the folder
//!   ([`SaveError::Folder`]): missing, not a folder, or not writable.
//! - The saved file belongs to the saving user (a rename cannot keep another
//!   owner), as with every editor that saves this way.
//!
//! Why not `tempfile::NamedTempFile::persist` or `atomic-write-file`
//! (issue 9 asked): both rename over a symbolic link instead of following it
//! (`atomic-write-file` documents this and asks callers to canonicalize),
//! neither treats hard links, and neither can tell its own debris from a
//! killed process (random names, no lock), so neither can clean it up.
//! `atomic-write-file` names its temporary file `.NAME.XXXXXX`, 8 bytes
//! longer than the name, so a 248-byte name cannot be saved;
//! `NamedTempFile` creates its file private (0600) instead of keeping the
//! file's permissions. Each would still need every step above except the
//! create, write and rename, a dozen lines here, and would add a
//! dependency (`tempfile` is only a dev-dependency).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{NotAFile, SaveError};
use super::temp;

/// The most symbolic links followed from the path given to the file.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` so that `path` holds either the old or the new
/// content in full, never a mix or nothing. See the module documentation.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, std::io::Write::write_all)
}

/// [`write_atomic`] with the write itself injectable, so tests can make it
/// fail midway.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let target = real_file(path)?;
    let permissions = check_target(path, &target)?;
    check_folder(path, &target)?;
    temp::remove_stale(&target);
    let temp = temp::temp_path(&target);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|source| folder_error(path, &target, source))?;
    temp::lock(&file);
    let result = (|| {
        if let Some(permissions) = permissions {
            // Best effort: some file systems (FAT, some network shares) have no modes.
            let _unsupported = file.set_permissions(permissions);
        }
        write(&mut file, bytes)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, &target)
    })();
    match result {
        Ok(()) => {
            sync_folder(&target);
            Ok(())
        }
        Err(source) => {
            // The temporary file is ours and incomplete: remove it; the target
            // was never touched. Should even that fail (the folder turned
            // read-only meanwhile), the next load or save removes it.
            let _retried_later = std::fs::remove_file(&temp);
            Err(SaveError::Io {
                path: path.to_owned(),
                source,
            })
        }
    }
}

/// The file that `path` names once symbolic links are followed.
fn real_file(path: &Path) -> Result<PathBuf, SaveError> {
    let refuse = |reason| {
        Err(SaveError::NotAFile {
            path: path.to_owned(),
            reason,
        })
    };
    let text = path.as_os_str().as_encoded_bytes();
    if text
        .last()
        .is_some_and(|&b| std::path::is_separator(b as char))
    {
        return refuse(NotAFile::TrailingSlash);
    }
    if path.file_name().is_none() {
        return refuse(NotAFile::Folder);
    }
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|source| SaveError::Io {
                    path: path.to_owned(),
                    source,
                })?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
                if current.file_name().is_none() {
                    return refuse(NotAFile::Folder);
                }
            }
            _ => return Ok(current),
        }
    }
    refuse(NotAFile::LinkLoop)
}

/// Refuses a folder, a device, a pipe or a hard-linked file; the permissions
/// to keep for an existing file.
fn check_target(path: &Path, target: &Path) -> Result<Option<std::fs::Permissions>, SaveError> {
    let Ok(meta) = std::fs::metadata(target) else {
        return Ok(None);
    };
    let refuse = |reason| SaveError::NotAFile {
        path: path.to_owned(),
        reason,
    };
    if meta.is_dir() {
        return Err(refuse(NotAFile::Folder));
    }
    if !meta.is_file() {
        return Err(refuse(NotAFile::Special));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(SaveError::HardLinked {
                path: path.to_owned(),
                links: meta.nlink(),
            });
        }
    }
    Ok(Some(meta.permissions()))
}

/// The folder of the file must exist and be a folder.
fn check_folder(path: &Path, target: &Path) -> Result<(), SaveError> {
    let folder = folder_of(target);
    match std::fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(folder_error(
            path,
            target,
            std::io::Error::from(std::io::ErrorKind::NotADirectory),
        )),
        Err(source) => Err(folder_error(path, target, source)),
    }
}

fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn folder_error(path: &Path, target: &Path, source: std::io::Error) -> SaveError {
    SaveError::Folder {
        path: path.to_owned(),
        folder: folder_of(target),
        source,
    }
}

/// Makes the rename itself durable. Best effort: not every platform can open
/// a folder, and the file's own content is already synced.
fn sync_folder(target: &Path) {
    if let Ok(dir) = std::fs::File::open(folder_of(target)) {
        let _unsupported = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

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

    #[test]
    fn atomic_save_of_a_255_byte_name_works_and_leaves_only_the_file() {
        let dir = tempfile::tempdir().unwrap();
        for len in [242, 243, 250, 255] {
            let name = "n".repeat(len);
            let path = dir.path().join(&name);
            write_atomic(&path, b"one").unwrap();
            write_atomic(&path, b"two").unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), b"two");
            std::fs::remove_file(&path).unwrap();
        }
        assert_eq!(entries(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn atomic_save_with_a_trailing_slash_says_the_name_names_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = PathBuf::from(format!("{}/j.journey.ron/", dir.path().display()));
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("ends in a slash"), "{err}");
        assert_eq!(entries(dir.path()), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn atomic_save_removes_a_stale_temp_file_of_a_dead_process_but_not_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.journey.ron");
        // PIDs are at most 2^22 on Linux: this one runs nowhere.
        let dead = dir.path().join(".j.journey.ron.4294967295-0.tmp");
        let mine = dir
            .path()
            .join(format!(".j.journey.ron.{}-999999.tmp", std::process::id()));
        let other = dir.path().join(".k.journey.ron.4294967295-0.tmp");
        for file in [&dead, &mine, &other] {
            std::fs::write(file, b"half").unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert!(!dead.exists() || !Path::new("/proc/self").exists());
        assert!(mine.exists(), "a recent file of a living process is kept");
        assert!(other.exists(), "another file's temporary file is kept");
    }
}
