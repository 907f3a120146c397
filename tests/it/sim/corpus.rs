//! Every sample journey (../shared/journeys, assets/): simulates, conserves (S10) and is
//! deterministic (S14).

use std::path::{Path, PathBuf};

use journey_designer::sim::{SimOptions, simulate};
use journey_designer::store;

use super::check::assert_conserved;

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [root.join("../shared/journeys"), root.join("assets")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(".journey.ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn s10_every_sample_journey_simulates_and_conserves() {
    let files = corpus();
    if files.is_empty() {
        return;
    }
    for file in files {
        let journey = store::load(&file).expect("sample loads");
        let report = simulate(&journey, &SimOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(report.customers, journey.scenario.customers);
        assert!(
            report.arrivals.entered > 0,
            "{}: somebody enters",
            file.display()
        );
        assert_conserved(&report);
    }
}

#[test]
fn s14_every_sample_journey_is_deterministic_across_threads() {
    for file in corpus() {
        let journey = store::load(&file).expect("sample loads");
        let opts = |threads| SimOptions {
            threads: Some(threads),
            ..SimOptions::default()
        };
        let one = simulate(&journey, &opts(1))
            .expect("simulates")
            .to_json_string();
        let four = simulate(&journey, &opts(4))
            .expect("simulates")
            .to_json_string();
        assert_eq!(one, four, "{}: 1 vs 4 threads", file.display());
        let again = simulate(&journey, &opts(1))
            .expect("simulates")
            .to_json_string();
        assert_eq!(one, again, "{}: same seed, same bytes", file.display());
    }
}
