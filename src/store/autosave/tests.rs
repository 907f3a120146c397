//! The autosave folder: copies written, found, cleared, kept aside.

use chrono::TimeZone;

use super::*;

fn journey() -> Journey {
    let start = chrono::Utc
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .expect("valid");
    let mut j = Journey::new_empty("Unsaved welcome", start);
    j.end.exit_triggers.push("unsubscribed".to_owned());
    j
}

#[test]
fn autosave_is_written_and_recovered_with_its_file_and_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path().join("data"));
    assert_eq!(autosave.pending().expect("no error"), None);
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 10, 30, 0)
        .single()
        .expect("valid");
    let original = Path::new("/home/ann/journeys/welcome \"v2\".journey.ron");
    autosave
        .write_at(&journey(), Some(original), at)
        .expect("written");
    let recovery = autosave.pending().expect("readable").expect("found");
    assert_eq!(recovery.journey, journey());
    assert_eq!(recovery.original.as_deref(), Some(original));
    assert_eq!(recovery.saved_at, at);
    // The copy is an ordinary journey file too.
    assert_eq!(
        crate::store::load(&recovery.file).expect("loads"),
        journey()
    );
}

#[test]
fn autosave_of_a_never_saved_journey_has_no_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path());
    autosave.write(&journey(), None).expect("written");
    let recovery = autosave.pending().expect("readable").expect("found");
    assert_eq!(recovery.original, None);
    assert_eq!(recovery.journey, journey());
}

#[test]
fn clear_removes_the_autosave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path());
    autosave.write(&journey(), None).expect("written");
    autosave.clear().expect("cleared");
    assert_eq!(autosave.pending().expect("no error"), None);
    autosave.clear().expect("clearing nothing is fine");
}

#[test]
fn corrupt_autosave_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path());
    autosave.write(&journey(), None).expect("written");
    let text = std::fs::read_to_string(autosave.file()).expect("read");
    // Cut off halfway, as a crash of the disk might leave it.
    std::fs::write(autosave.file(), &text[..text.len() / 2]).expect("write");
    let err = autosave.pending().expect_err("corrupt");
    assert!(matches!(err, AutosaveError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("cannot be recovered"), "{err}");
    for bytes in [
        &b"\xff\x00garbage"[..],
        b"",
        b"// Journey Designer autosave\n",
    ] {
        std::fs::write(autosave.file(), bytes).expect("write");
        assert!(matches!(
            autosave.pending(),
            Err(AutosaveError::Corrupt { .. })
        ));
    }
}

#[test]
fn two_windows_keep_separate_copies_and_a_live_window_s_copy_is_never_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = Autosave::new(dir.path());
    let first = folder.instance().expect("slot");
    let second = folder.instance().expect("slot");
    assert_ne!(first.file(), second.file());
    first.write(&journey(), None).expect("written");
    let mut other = journey();
    other.name = "Other window".to_owned();
    second.write(&other, None).expect("written");
    // Both windows live: nothing to recover for a third.
    let found = folder.recoverable().expect("readable");
    assert!(found.copies.is_empty(), "{:?}", found.copies);
    // The second clears its copy: the first's stays.
    second.clear().expect("cleared");
    assert!(first.file().exists());
    // The first window dies: a new window finds its copy, and claims it.
    drop(first);
    let found = folder.recoverable().expect("readable");
    assert_eq!(found.copies.len(), 1);
    assert_eq!(found.copies[0].journey, journey());
    let claimed_elsewhere = folder.recoverable().expect("readable");
    assert!(
        claimed_elsewhere.copies.is_empty(),
        "offered in one window at a time"
    );
    let copy = found.copies.into_iter().next().expect("one");
    let file = copy.file.clone();
    folder.dismiss(copy).expect("dismissed");
    assert!(!file.exists());
    second.release().expect("released");
    assert_eq!(std::fs::read_dir(dir.path()).expect("folder").count(), 0);
}

#[test]
fn a_file_path_that_is_not_utf8_is_kept_exactly() {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let autosave = Autosave::new(dir.path());
        let original = Path::new(std::ffi::OsStr::from_bytes(
            b"/home/ann/caf\xe9.journey.ron",
        ));
        assert!(original.to_str().is_none());
        autosave.write(&journey(), Some(original)).expect("written");
        let recovery = autosave.pending().expect("readable").expect("found");
        assert_eq!(recovery.original.as_deref(), Some(original));
    }
}

#[test]
fn an_unreadable_copy_is_kept_aside_with_a_message_never_deleted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let autosave = Autosave::new(dir.path());
    std::fs::write(autosave.file(), b"// Journey Designer autosave\nbroken").expect("write");
    let found = autosave.recoverable().expect("listed");
    assert!(found.copies.is_empty());
    assert_eq!(found.kept_aside.len(), 1);
    let aside = &found.kept_aside[0];
    assert_eq!(
        std::fs::read(&aside.path).expect("kept"),
        b"// Journey Designer autosave\nbroken"
    );
    assert!(!autosave.file().exists(), "not offered again");
    let said = aside.to_string();
    assert!(
        said.contains("could not be read") && said.contains("kept at"),
        "{said}"
    );
    // A second unreadable copy does not overwrite the first one kept aside.
    std::fs::write(autosave.file(), b"garbage").expect("write");
    let again = autosave.recoverable().expect("listed");
    assert_ne!(again.kept_aside[0].path, aside.path);
    assert!(aside.path.exists());
}
