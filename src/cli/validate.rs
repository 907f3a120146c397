//! `journey-designer validate FILE...`

use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::validate;
use crate::store;

/// Validates each file; see [`super::Command::Validate`] for exit codes.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut worst = 0u8;
    for file in files {
        let journey = match store::load(file) {
            Ok(journey) => journey,
            Err(e) => {
                eprintln!("{e}");
                worst = 2;
                continue;
            }
        };
        let problems = validate(&journey);
        let several = journey.versions.len() > 1;
        let errors = problems.iter().filter(|p| p.is_error()).count();
        for p in &problems {
            let kind = if p.is_error() { "" } else { "warning: " };
            println!(
                "{}: {}: {kind}{}",
                file.display(),
                p.location(several),
                p.message
            );
        }
        if errors > 0 {
            worst = worst.max(1);
        } else {
            println!(
                "{}: ok ({} warning{})",
                file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
        }
    }
    ExitCode::from(worst)
}
