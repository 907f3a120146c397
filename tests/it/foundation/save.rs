//! Saving: atomic replacement, stable bytes, no leftovers.

use journey_designer::store;

use super::rule_test_journey;

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_onto_an_existing_file_replaces_it_wholly_and_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.journey.ron");
    // A longer previous content: nothing of it may survive the save.
    std::fs::write(&path, "x".repeat(100_000)).unwrap();
    let journey = rule_test_journey();
    store::save(&path, &journey).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, store::to_ron(&journey).unwrap());
    assert!(!text.contains('x'.to_string().repeat(10).as_str()));
    assert_eq!(store::load(&path).unwrap(), journey);
    assert_eq!(entries(dir.path()), vec!["rules.journey.ron".to_owned()]);
}

#[test]
fn save_writes_a_new_file_and_the_same_journey_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.journey.ron");
    let b = dir.path().join("b.journey.ron");
    store::save(&a, &rule_test_journey()).unwrap();
    store::save(&b, &store::load(&a).unwrap()).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(entries(dir.path()).len(), 2);
}

#[test]
fn save_into_a_missing_folder_fails_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such folder").join("j.journey.ron");
    let err = store::save(&path, &rule_test_journey()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("no such folder"), "{text}");
    assert!(text.contains("cannot save"), "{text}");
}

#[test]
fn save_onto_a_folder_fails_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("folder.journey.ron");
    std::fs::create_dir(&target).unwrap();
    assert!(store::save(&target, &rule_test_journey()).is_err());
    assert!(target.is_dir());
    assert_eq!(entries(dir.path()), vec!["folder.journey.ron".to_owned()]);
}

#[cfg(unix)]
#[test]
fn save_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.journey.ron");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&path, &rule_test_journey()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
