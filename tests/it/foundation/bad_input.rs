//! Bad input never panics and always explains itself, with the line and
//! column where that makes sense.

use std::path::Path;

use journey_designer::model::{ProblemKind, validate};
use journey_designer::store::{self, LoadError};

use super::{RULE_TEST_JOURNEY, sample_files};

/// 1-based line and column (in characters) of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

/// Replaces `from` by `to` in the rule-test journey, parses it, and expects a
/// syntax error located on the line of `to`, near its column, whose message
/// contains every one of `words`.
fn syntax_error_at(from: &str, to: &str, words: &[&str]) -> LoadError {
    assert!(RULE_TEST_JOURNEY.contains(from), "{from}");
    let text = RULE_TEST_JOURNEY.replacen(from, to, 1);
    let err = store::parse(&text).expect_err("the text is broken");
    let (line, column) = err
        .position()
        .unwrap_or_else(|| panic!("not located: {err}"));
    let (want_line, want_column) = position_of(&text, to);
    assert_eq!(line, want_line, "{err}");
    assert!(
        column + 3 >= want_column && column <= want_column + to.chars().count(),
        "column {column}, expected near {want_column}: {err}"
    );
    let message = err.to_string();
    assert!(message.starts_with(&format!("line {line}, column {column}: ")));
    for word in words {
        assert!(message.contains(word), "{message:?} lacks {word:?}");
    }
    err
}

#[test]
fn empty_file_says_it_is_empty() {
    for text in ["", "   \n\n  ", "\u{feff}"] {
        let err = store::parse(text).unwrap_err();
        assert_eq!(err.position(), Some((1, 1)));
        assert!(err.to_string().contains("the file is empty"), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.journey.ron");
    std::fs::write(&path, "").unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}: line 1, column 1: ", path.display())),
        "{err}"
    );
}

#[test]
fn truncated_file_says_it_ends_too_early_at_every_cut() {
    for file in sample_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines = text.lines().count();
        let cuts: Vec<usize> = (1..text.trim_end().len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for cut in cuts {
            let part = &text[..cut];
            let Err(err) = store::parse(part) else {
                panic!("{}: a cut at byte {cut} still parses", file.display());
            };
            let (line, column) = err.position().unwrap_or_else(|| panic!("{err}"));
            assert!(line >= 1 && line <= lines + 1 && column >= 1, "{err}");
        }
        // Cut after the last value: the file ends too early, and says so.
        let cut = text.trim_end().len() - 1;
        let err = store::parse(&text[..cut]).unwrap_err();
        assert!(err.to_string().contains("ends too early"), "{err}");
    }
}

#[test]
fn binary_garbage_is_refused_as_not_a_journey_file() {
    let garbage: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let err = store::parse_bytes(&garbage).unwrap_err();
    assert!(matches!(err, LoadError::NotText { .. }), "{err}");
    assert!(err.to_string().contains("binary"), "{err}");
    // A PNG header: not text either.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(
        store::parse_bytes(png)
            .unwrap_err()
            .to_string()
            .contains("not a journey file")
    );
}

#[test]
fn non_utf8_text_says_so_with_line_and_column() {
    let text = b"Journey(\n    format: 1,\n    name: \"Caf\xe9 news\",\n";
    let err = store::parse_bytes(text).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, LoadError::NotText { .. }), "{message}");
    assert!(message.contains("not UTF-8"), "{message}");
    assert!(message.contains("line 3, column 15"), "{message}");
}

#[test]
fn utf16_text_says_to_save_as_utf8() {
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(RULE_TEST_JOURNEY.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = store::parse_bytes(&utf16).unwrap_err().to_string();
    assert!(err.contains("UTF-16") && err.contains("UTF-8"), "{err}");
}

#[test]
fn text_that_is_not_a_journey_says_so() {
    for text in ["hello", "[1, 2, 3]", "{\"format\": 1}", "Trip(format: 1)"] {
        let err = store::parse(text).unwrap_err();
        assert!(err.position().is_some(), "{err}");
    }
    let err = store::parse("[[[[[[").unwrap_err();
    assert!(err.to_string().contains("not a journey"), "{err}");
}

#[test]
fn wrong_type_names_line_and_column() {
    syntax_error_at("name: \"Rule test\"", "name: 5", &["expected text"]);
    syntax_error_at("customers: 1000", "customers: \"many\"", &["whole number"]);
    syntax_error_at(
        "target_percent: Some(5.0)",
        "target_percent: 5.0",
        &["`Some(...)`"],
    );
    syntax_error_at("at: (240.0, 0.0)", "at: (240.0)", &["size 2"]);
}

#[test]
fn misspelled_field_is_an_error_not_ignored() {
    syntax_error_at("channel: Sms", "chanel: Sms", &["chanel", "channel"]);
    syntax_error_at("(share: 0.01)", "(shares: 0.01)", &["shares", "share"]);
    syntax_error_at("within: Days(3)", "witin: Days(3)", &["witin", "within"]);
    syntax_error_at(
        "first_step: 1",
        "frist_step: 1",
        &["frist_step", "first_step"],
    );
    syntax_error_at(
        "exit_triggers:",
        "exit_trigers:",
        &["exit_trigers", "expected one of", "exit_triggers"],
    );
}

#[test]
fn misspelled_variant_lists_the_known_ones() {
    syntax_error_at(
        "channel: Sms",
        "channel: Fax",
        &["Fax", "Email", "Sms", "Push", "Custom"],
    );
}

#[test]
fn missing_field_is_named() {
    let text = RULE_TEST_JOURNEY.replacen("    name: \"Rule test\",\n", "", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(err.position().is_some());
    assert!(err.to_string().contains("`name`"), "{err}");
}

#[test]
fn duplicate_step_id_is_an_error_not_a_silent_overwrite() {
    let text = RULE_TEST_JOURNEY.replacen("10: (name: \"Last call\"", "9: (name: \"Last call\"", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(err.position().is_some(), "{err}");
    assert!(err.to_string().contains("step 9 appears twice"), "{err}");
    let text = RULE_TEST_JOURNEY.replacen("\"age\": Range", "\"country\": Range", 1);
    let err = store::parse(&text).unwrap_err();
    assert!(
        err.to_string().contains("\"country\" appears twice"),
        "{err}"
    );
}

#[test]
fn future_format_says_written_by_a_newer_version() {
    for text in [
        RULE_TEST_JOURNEY.replacen("format: 1", "format: 3", 1),
        // A newer release may add fields and syntax this one does not know.
        RULE_TEST_JOURNEY
            .replacen("format: 1", "format: 7", 1)
            .replacen(
                "name: \"Rule test\"",
                "name: \"Rule test\", colour: #ff0000",
                1,
            ),
        RULE_TEST_JOURNEY.replacen("format: 1", "format: 99999999999999999999999", 1),
    ] {
        let err = store::parse(&text).unwrap_err();
        assert!(matches!(err, LoadError::NewerFormat { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("written by a newer version of Journey Designer"),
            "{err}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.journey.ron");
    std::fs::write(
        &path,
        RULE_TEST_JOURNEY.replacen("format: 1", "format: 3", 1),
    )
    .unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
}

#[test]
fn format_zero_loads_but_does_not_validate() {
    let j = store::parse(&RULE_TEST_JOURNEY.replacen("format: 1", "format: 0", 1)).unwrap();
    assert_eq!(validate(&j)[0].kind, ProblemKind::UnsupportedFormat);
}

#[test]
fn bad_date_names_line_and_column_and_the_expected_form() {
    for bad in [
        "\"2026-02-30T09:00:00Z\"",
        "\"2026-13-01T09:00:00Z\"",
        "\"next monday\"",
        "\"2026-03-02\"",
        "\"2026-03-02T09:00:00Z and more\"",
    ] {
        syntax_error_at(
            "\"2026-03-02T09:00:00Z\"",
            bad,
            &["not a valid date and time", "2026-03-02T09:00:00Z"],
        );
    }
    syntax_error_at("\"2026-03-02T09:00:00Z\"", "20260302", &["expected text"]);
}

#[test]
fn absurd_numbers_are_refused_with_a_location() {
    let out_of_range = ["out of range"];
    syntax_error_at(
        "customers: 1000",
        "customers: 1000000000000000000000000000000",
        &out_of_range,
    );
    syntax_error_at("customers: 1000", "customers: -5", &out_of_range);
    syntax_error_at("horizon: Days(30)", "horizon: Days(-1)", &out_of_range);
    syntax_error_at(
        "horizon: Days(30)",
        "horizon: Days(99999999999)",
        &out_of_range,
    );
    syntax_error_at("first_step: 1", "first_step: -1", &out_of_range);
    syntax_error_at("seed: 7", "seed: 18446744073709551616", &out_of_range);
    syntax_error_at("horizon: Days(30)", "horizon: Days(1.5)", &[]);
}

#[test]
fn absurd_numbers_that_fit_the_type_are_validation_errors() {
    let parse = |from: &str, to: &str| {
        let j = store::parse(&RULE_TEST_JOURNEY.replacen(from, to, 1)).unwrap();
        validate(&j).into_iter().map(|p| p.kind).collect::<Vec<_>>()
    };
    assert_eq!(
        parse("customers: 1000", "customers: 18446744073709551615"),
        vec![ProblemKind::TooManyCustomers]
    );
    assert_eq!(
        parse("Wait(span: Days(2)", "Wait(span: Minutes(4294967295)"),
        vec![ProblemKind::SpanTooLong]
    );
    assert_eq!(
        parse("opened: 0.3", "opened: 1e308"),
        vec![ProblemKind::Probability]
    );
    assert_eq!(
        parse("(per_day: 0.01)", "(per_day: -1e308)"),
        vec![ProblemKind::NegativeRate]
    );
    assert_eq!(
        parse("(\"DE\", 0.4)", "(\"DE\", 1e308), (\"FR\", 1e308)"),
        vec![ProblemKind::ChoiceWeights]
    );
}

#[test]
fn byte_order_mark_and_windows_line_ends_are_accepted() {
    let text = format!("\u{feff}{}", RULE_TEST_JOURNEY.replace('\n', "\r\n"));
    let j = store::parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(j, super::rule_test_journey());
}

#[test]
fn missing_file_and_folder_name_the_path() {
    let err = store::load(Path::new("/no/such/dir/x.journey.ron")).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("/no/such/dir/x.journey.ron: cannot read"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let err = store::load(dir.path()).unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_refused_without_exhausting_memory() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        return;
    }
    let err = store::load(zero).unwrap_err().to_string();
    assert!(err.contains("larger than 64 MB"), "{err}");
}
