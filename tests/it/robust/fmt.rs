//! `journey-designer fmt FILE... [--check]`.

use std::ffi::OsStr;

use journey_designer::store;

use super::{asset, entries, journey_designer, welcome_text};

/// A copy of an asset laid out by hand: other indentation, trailing blanks,
/// fields on one line, Windows line ends.
fn hand_formatted() -> String {
    welcome_text()
        .replace("seed: 1,\n", "seed: 1, ")
        .replace("    ", "  ")
        .replace(",\n", ",   \n")
        .replace('\n', "\r\n")
}

#[test]
fn fmt_check_exits_1_on_a_hand_formatted_asset_and_0_after_fmt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("welcome.journey.ron");
    std::fs::write(&path, hand_formatted()).unwrap();
    let before = store::load(&path).unwrap();
    let check = |path: &std::path::Path| {
        journey_designer(&["fmt".as_ref(), "--check".as_ref(), path.as_os_str()])
    };
    let run = check(&path);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        format!("{}: not in canonical form\n", path.display())
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        hand_formatted(),
        "--check changes nothing"
    );
    let run = journey_designer(&["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, format!("{}: formatted\n", path.display()));
    let run = check(&path);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(store::load(&path).unwrap(), before, "the same journey");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("// Welcome series: the first week"),
        "the top comments stay"
    );
    assert!(
        text.ends_with(&store::to_ron(&before).unwrap()),
        "then the journey as saved"
    );
    assert_eq!(entries(dir.path()), vec!["welcome.journey.ron".to_owned()]);
}

#[test]
fn fmt_of_canonical_files_changes_nothing_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.journey.ron");
    store::save(&path, &store::parse(&welcome_text()).unwrap()).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let run = journey_designer(&["fmt".as_ref(), path.as_os_str()]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn fmt_lists_every_file_and_exits_2_when_one_cannot_be_read_or_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let messy = dir.path().join("messy.journey.ron");
    let broken = dir.path().join("broken.journey.ron");
    let missing = dir.path().join("missing.journey.ron");
    std::fs::write(&messy, hand_formatted()).unwrap();
    std::fs::write(&broken, "Journey(format: 1, name: )").unwrap();
    let args: Vec<&OsStr> = vec![
        "fmt".as_ref(),
        "--check".as_ref(),
        broken.as_os_str(),
        messy.as_os_str(),
        missing.as_os_str(),
    ];
    let run = journey_designer(&args);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("messy.journey.ron: not in canonical form"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains(&format!("{}: line 1, column", broken.display())),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("{}: cannot read", missing.display())),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "Journey(format: 1, name: )"
    );
}

#[test]
fn fmt_refuses_a_file_with_a_comment_inside_the_journey_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commented.journey.ron");
    let text = welcome_text().replacen("        seed: 1,", "        seed: 1, // lucky", 1);
    std::fs::write(&path, &text).unwrap();
    let run = journey_designer(&["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("move it to the top of the file"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn fmt_check_accepts_a_formatted_copy_of_every_asset() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "welcome-series.journey.ron",
        "cart-abandonment.journey.ron",
        "webinar-invite.journey.ron",
        "renewal-live-edit.journey.ron",
    ] {
        let path = dir.path().join(name);
        std::fs::copy(asset(name), &path).unwrap();
        let run = journey_designer(&["fmt".as_ref(), path.as_os_str()]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let run = journey_designer(&["fmt".as_ref(), "--check".as_ref(), path.as_os_str()]);
        assert_eq!(run.code, 0, "{name}: {}", run.stdout);
        assert_eq!(
            store::load(&path).unwrap(),
            store::load(&asset(name)).unwrap()
        );
    }
}
