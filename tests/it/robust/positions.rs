//! `NaN` and canvas positions that are not finite are refused when a file is
//! opened, with the line and column: a loaded journey always equals itself,
//! so it is never "unsaved" the moment it opens.

use journey_designer::store::{self, LoadError};

use super::{journey_designer, welcome_text};

/// The welcome series with the first step's position replaced; the line and
/// column where the new position's first coordinate starts.
fn with_first_position(at: &str) -> (String, usize, usize) {
    let text = welcome_text();
    let old = "at: (0.0, 0.0)";
    let offset = text.find(old).unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1 + "at: (".len();
    (text.replacen(old, &format!("at: {at}"), 1), line, column)
}

#[test]
fn nan_and_infinite_positions_are_refused_on_load_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for at in [
        "(NaN, 0.0)",
        "(inf, 0.0)",
        "(-inf, -inf)",
        "(1e39, 0.0)",
        "(-NaN, 1.0)",
    ] {
        let (text, line, column) = with_first_position(at);
        let path = dir.path().join("odd.journey.ron");
        std::fs::write(&path, &text).unwrap();
        let err = store::load(&path).unwrap_err();
        match &err {
            LoadError::Syntax {
                line: l, column: c, ..
            } => assert_eq!((*l, *c), (line, column), "{at}: {err}"),
            other => panic!("{at}: {other}"),
        }
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(
            message.contains("not a number") || message.contains(&format!("position {at}")),
            "{message}"
        );
        let run = journey_designer(&["validate".as_ref(), path.as_os_str()]);
        assert_eq!(run.code, 2, "{at}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr
                .contains(&format!("line {line}, column {column}")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn nan_anywhere_in_a_file_is_refused_but_not_in_text_or_comments() {
    let text = welcome_text().replacen("opened: 0.45", "opened: NaN", 1);
    let err = store::parse_bytes(text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("`NaN` (not a number)"), "{err}");
    let harmless = welcome_text()
        .replacen("name: \"Welcome series\"", "name: \"NaN at: (inf, 0)\"", 1)
        .replacen("Journey(", "// at: (NaN, inf)\nJourney(", 1);
    let journey = store::parse_bytes(harmless.as_bytes()).unwrap();
    assert_eq!(journey.name, "NaN at: (inf, 0)");
}

#[test]
fn finite_extreme_positions_still_load_and_every_loaded_journey_equals_itself() {
    let (text, _, _) = with_first_position("(3.4e38, -3.4e38)");
    let journey = store::parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(journey, journey.clone());
    let again = store::parse_bytes(store::to_ron(&journey).unwrap().as_bytes()).unwrap();
    assert_eq!(again, journey);
}

#[test]
fn the_text_parser_alone_still_reads_nan_as_ron_does() {
    // The window's robustness tests draw such journeys; only files are refused.
    let (text, _, _) = with_first_position("(NaN, inf)");
    let journey = store::parse(&text).unwrap();
    let at = journey.versions[0].steps.values().next().unwrap().at;
    assert!(at.0.is_nan() && at.1.is_infinite());
}
