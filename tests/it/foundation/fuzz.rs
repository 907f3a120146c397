//! Property tests: whatever the bytes, `parse_bytes` returns a journey or a
//! located error, and never panics; `validate` never panics on what loads.

use std::sync::LazyLock;

use journey_designer::model::{Journey, validate};
use journey_designer::store::{self, LoadError};
use proptest::prelude::*;

use super::{RULE_TEST_JOURNEY, sample_files};

/// The sample files' bytes, plus the rule-test journey.
static SAMPLES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let mut samples: Vec<Vec<u8>> = sample_files()
        .iter()
        .map(|f| std::fs::read(f).unwrap())
        .collect();
    samples.push(RULE_TEST_JOURNEY.as_bytes().to_vec());
    samples
});

/// Characters that matter to RON, to make mutations likely to reach deep.
const INTERESTING: &[u8] = b"(){}[],:\"'0123456789-+._eExZT /\\\n#!rbSomeNn";

/// Checks the contract for one input.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    match store::parse_bytes(bytes) {
        Ok(journey) => check_journey(&journey),
        Err(LoadError::Syntax { line, column, .. }) => {
            let lines = bytes.split(|&b| b == b'\n').count();
            prop_assert!(line >= 1 && line <= lines, "line {line} of {lines}");
            prop_assert!(column >= 1);
            Ok(())
        }
        Err(LoadError::NotText { detail, .. }) => {
            prop_assert!(!detail.is_empty());
            Ok(())
        }
        Err(LoadError::NewerFormat {
            found, supported, ..
        }) => {
            prop_assert!(found > supported);
            Ok(())
        }
        Err(e @ LoadError::Io { .. }) => Err(TestCaseError::fail(format!("no io here: {e}"))),
    }
}

/// Whatever loads validates without panicking, and saves and loads back.
fn check_journey(journey: &Journey) -> Result<(), TestCaseError> {
    let _problems = validate(journey);
    let text = store::to_ron(journey).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let again = store::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    // NaN is the one value not equal to itself.
    if !format!("{journey:?}").contains("NaN") {
        prop_assert_eq!(&again, journey);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes)?;
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        check(text.as_bytes())?;
        check(format!("Journey(format: 1, {text}").as_bytes())?;
    }

    #[test]
    fn single_character_mutations_of_samples_never_panic(
        sample in any::<prop::sample::Index>(),
        position in any::<prop::sample::Index>(),
        op in 0..4u8,
        pick in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = SAMPLES[sample.index(SAMPLES.len())].clone();
        let at = position.index(bytes.len());
        let interesting = INTERESTING[pick.index(INTERESTING.len())];
        match op {
            0 => bytes[at] = interesting,
            1 => bytes.insert(at, interesting),
            2 => { bytes.remove(at); }
            _ => bytes[at] = byte,
        }
        check(&bytes)?;
    }

    #[test]
    fn truncations_and_swaps_of_samples_never_panic(
        sample in any::<prop::sample::Index>(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let bytes = &SAMPLES[sample.index(SAMPLES.len())];
        let (a, b) = (a.index(bytes.len()), b.index(bytes.len()));
        check(&bytes[..a])?;
        let mut swapped = bytes.clone();
        swapped.swap(a, b);
        check(&swapped)?;
    }
}
