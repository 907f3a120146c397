//! `journey-designer validate FILE...`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::validate;
use crate::store;

/// Validates each file; see [`super::Command::Validate`] for exit codes.
///
/// Output goes through `writeln!`, not `println!`: when the reader goes away
/// (`validate ... | head`) the command stops quietly instead of panicking.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut worst = 0u8;
    for file in files {
        let journey = match store::load(file) {
            Ok(journey) => journey,
            Err(e) => {
                worst = 2;
                if writeln!(err, "{e}").is_err() {
                    break;
                }
                continue;
            }
        };
        let problems = validate(&journey);
        let several = journey.versions.len() > 1;
        let errors = problems.iter().filter(|p| p.is_error()).count();
        if errors > 0 {
            worst = worst.max(1);
        }
        if write_report(&mut out, file, &problems, several, errors).is_err() {
            break;
        }
    }
    ExitCode::from(worst)
}

/// One line per problem, then "ok" when the journey has no errors.
fn write_report(
    out: &mut impl Write,
    file: &std::path::Path,
    problems: &[crate::model::Problem],
    several_versions: bool,
    errors: usize,
) -> std::io::Result<()> {
    for p in problems {
        let kind = if p.is_error() { "" } else { "warning: " };
        writeln!(
            out,
            "{}: {}: {kind}{}",
            file.display(),
            p.location(several_versions),
            p.message
        )?;
    }
    if errors == 0 {
        writeln!(
            out,
            "{}: ok ({} warning{})",
            file.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        )?;
    }
    out.flush()
}
