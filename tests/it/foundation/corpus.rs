//! The samples (assets/ and the shared corpus) load, validate and round-trip.

use journey_designer::model::{Severity, validate};
use journey_designer::store;

use super::{assets_dir, corpus_dir, journey_files, sample_files};

#[test]
fn every_sample_loads_and_validates_without_errors() {
    let files = sample_files();
    assert!(!files.is_empty());
    for file in files {
        let journey = store::load(&file).unwrap_or_else(|e| panic!("{e}"));
        let errors: Vec<String> = validate(&journey)
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn every_sample_round_trips_load_save_load() {
    let dir = tempfile::tempdir().unwrap();
    for file in sample_files() {
        let journey = store::load(&file).unwrap();
        let copy = dir.path().join(file.file_name().unwrap());
        store::save(&copy, &journey).unwrap();
        let first = std::fs::read(&copy).unwrap();
        assert_eq!(store::load(&copy).unwrap(), journey, "{}", file.display());
        // Saving the same journey twice gives the same bytes.
        store::save(&copy, &store::load(&copy).unwrap()).unwrap();
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            first,
            "{}: second save differs",
            file.display()
        );
    }
}

#[test]
fn assets_are_templates_with_no_warnings_either() {
    let files = journey_files(&assets_dir());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for required in [
        "welcome-series.journey.ron",
        "cart-abandonment.journey.ron",
        "webinar-invite.journey.ron",
        "renewal-live-edit.journey.ron",
    ] {
        assert!(
            names.iter().any(|n| n == required),
            "assets/{required} is missing"
        );
    }
    for file in files {
        let journey = store::load(&file).unwrap();
        assert_eq!(validate(&journey), vec![], "{}", file.display());
        assert!(
            !journey.description.is_empty(),
            "{}: no description",
            file.display()
        );
    }
}

#[test]
fn assets_are_not_copies_of_the_corpus() {
    let Some(corpus) = corpus_dir() else {
        return;
    };
    let corpus: Vec<_> = journey_files(&corpus)
        .into_iter()
        .map(|f| store::load(&f).unwrap())
        .collect();
    for file in journey_files(&assets_dir()) {
        let asset = store::load(&file).unwrap();
        for c in &corpus {
            assert_ne!(
                asset.versions,
                c.versions,
                "{} copies the corpus",
                file.display()
            );
        }
    }
}

#[test]
fn the_shared_corpus_is_checked_when_present() {
    // A fresh clone without ../shared still runs the assets: nothing to assert then.
    if let Some(dir) = corpus_dir() {
        assert!(journey_files(&dir).len() >= 5, "{}", dir.display());
    }
}
