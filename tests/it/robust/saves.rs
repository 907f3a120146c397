//! Saving keeps links, fits long names, names the folder when the folder is
//! the problem, and clears the debris of saves that were killed.

use std::path::{Path, PathBuf};

use journey_designer::store::{self, NotAFile, SaveError};

use super::{entries, welcome_text};

fn welcome() -> journey_designer::model::Journey {
    store::parse(&welcome_text()).unwrap()
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_replaces_the_file_it_leads_to_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("welcome.journey.ron");
    std::fs::write(&real, "old").unwrap();
    // A relative link to a link to the file.
    let link = dir.path().join("link.journey.ron");
    let link2 = dir.path().join("link2.journey.ron");
    std::os::unix::fs::symlink("real/welcome.journey.ron", &link).unwrap();
    std::os::unix::fs::symlink(&link, &link2).unwrap();
    store::save(&link2, &welcome()).unwrap();
    for l in [&link, &link2] {
        assert!(
            std::fs::symlink_metadata(l)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(store::load(&real).unwrap(), welcome());
    assert_eq!(entries(&real_dir), vec!["welcome.journey.ron".to_owned()]);
    assert_eq!(
        entries(dir.path()),
        vec!["link.journey.ron", "link2.journey.ron", "real"]
    );
}

#[cfg(unix)]
#[test]
fn saving_through_a_dangling_symlink_creates_the_file_and_a_loop_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("new.journey.ron");
    std::os::unix::fs::symlink("target.journey.ron", &link).unwrap();
    store::save(&link, &welcome()).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        store::load(&dir.path().join("target.journey.ron")).unwrap(),
        welcome()
    );
    let a = dir.path().join("a.journey.ron");
    let b = dir.path().join("b.journey.ron");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let err = store::save(&a, &welcome()).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::NotAFile {
                reason: NotAFile::LinkLoop,
                ..
            }
        ),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn saving_a_hard_linked_file_is_refused_and_both_names_keep_the_old_content() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.journey.ron");
    let two = dir.path().join("two.journey.ron");
    std::fs::write(&one, "old").unwrap();
    std::fs::hard_link(&one, &two).unwrap();
    let err = store::save(&one, &welcome()).unwrap_err();
    assert!(
        matches!(err, SaveError::HardLinked { links: 2, .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains("2 names (hard links)"), "{message}");
    assert!(message.contains("Save As"), "{message}");
    for name in [&one, &two] {
        assert_eq!(std::fs::read_to_string(name).unwrap(), "old");
    }
    assert_eq!(entries(dir.path()).len(), 2, "no temporary file");
}

#[test]
fn file_names_up_to_255_bytes_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    for len in [200, 242, 243, 250, 255] {
        let suffix = ".journey.ron";
        let name = "j".repeat(len - suffix.len()) + suffix;
        let path = dir.path().join(&name);
        store::save(&path, &welcome()).unwrap_or_else(|e| panic!("{len}: {e}"));
        store::save(&path, &welcome()).unwrap();
        assert_eq!(store::load(&path).unwrap(), welcome());
        assert_eq!(entries(dir.path()), vec![name]);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_trailing_slash_is_refused_as_naming_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = PathBuf::from(format!("{}/welcome.journey.ron/", dir.path().display()));
    let err = store::save(&path, &welcome()).unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::NotAFile {
                reason: NotAFile::TrailingSlash,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("add a file name"), "{err}");
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn a_folder_that_is_missing_or_a_file_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no such folder");
    let err = store::save(&missing.join("j.journey.ron"), &welcome()).unwrap_err();
    assert!(
        matches!(err, SaveError::Folder { ref folder, .. } if folder == &missing),
        "{err}"
    );
    assert!(
        err.to_string().contains("the folder does not exist"),
        "{err}"
    );
    let file = dir.path().join("plain file");
    std::fs::write(&file, "x").unwrap();
    let err = store::save(&file.join("j.journey.ron"), &welcome()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(&format!("the folder {}", file.display())),
        "{message}"
    );
    assert!(message.contains("it is not a folder"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_is_named_in_the_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = store::save(&locked.join("j.journey.ron"), &welcome());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Root may write anywhere: then the save simply works.
    if let Err(err) = result {
        assert!(
            matches!(err, SaveError::Folder { ref folder, .. } if folder == &locked),
            "{err}"
        );
        assert!(
            err.to_string().contains("you may not write in this folder"),
            "{err}"
        );
    }
}

/// A temporary name of `name` as a save of process `pid` writes it.
fn temp_of(dir: &Path, name: &str, pid: u32) -> PathBuf {
    dir.join(format!(".{name}.{pid}-0.tmp"))
}

#[cfg(target_os = "linux")]
#[test]
fn debris_of_a_dead_process_is_removed_at_load_and_at_save_but_a_locked_one_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let name = "welcome.journey.ron";
    let path = dir.path().join(name);
    store::save(&path, &welcome()).unwrap();
    // PIDs on Linux stay below 2^22: these processes do not exist.
    let dead = temp_of(dir.path(), name, 4_000_001);
    std::fs::write(&dead, "half a journ").unwrap();
    store::load(&path).unwrap();
    assert_eq!(
        entries(dir.path()),
        vec![name.to_owned()],
        "load removes it"
    );
    std::fs::write(&dead, "half a journ").unwrap();
    // A save still writing holds the lock on its temporary file.
    let busy = temp_of(dir.path(), name, 4_000_002);
    std::fs::write(&busy, "being written").unwrap();
    let held = std::fs::File::open(&busy).unwrap();
    held.lock().unwrap();
    // Another file's debris is not this file's to remove.
    let other = temp_of(dir.path(), "other.journey.ron", 4_000_001);
    std::fs::write(&other, "x").unwrap();
    store::save(&path, &welcome()).unwrap();
    assert!(!dead.exists(), "save removes it");
    assert!(busy.exists(), "a locked temporary file is in use");
    assert!(other.exists());
    drop(held);
    store::save(&path, &welcome()).unwrap();
    assert!(!busy.exists(), "once unlocked it is debris");
}
