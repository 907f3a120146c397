//! `journey-designer fmt FILE... [--check]`: journeys in canonical form.
//!
//! The canonical form is the comments at the top of the file, then the
//! journey as a save writes it ([`store::canonical`]). `fmt` rewrites each
//! file that is not in it, through the same atomic save as the window;
//! `--check` changes nothing and lists the files that are not.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::store;

/// What became of one file.
enum Outcome {
    /// Already canonical.
    Canonical,
    /// Not canonical: rewritten, or (with `--check`) listed.
    Changed,
    /// Not read, parsed or written; the reason is printed.
    Failed,
}

/// Formats (or checks) each file. Exits 0 when every file is (now)
/// canonical, 1 when `--check` found files that are not, 2 when a file
/// cannot be read, parsed, formatted or written.
///
/// Output goes through `writeln!`, as in `validate`: a reader that goes
/// away stops the command quietly.
pub fn run(files: &[PathBuf], check: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let mut worst = 0u8;
    for file in files {
        let (outcome, line) = format_one(file, check);
        let written = match (&outcome, line) {
            (Outcome::Failed, Some(line)) => writeln!(err, "{line}"),
            (_, Some(line)) => writeln!(out, "{line}"),
            (_, None) => Ok(()),
        };
        worst = worst.max(match outcome {
            Outcome::Canonical => 0,
            Outcome::Changed => u8::from(check),
            Outcome::Failed => 2,
        });
        if written.is_err() {
            break;
        }
    }
    ExitCode::from(worst)
}

/// Formats one file; the line to print, if any.
fn format_one(file: &Path, check: bool) -> (Outcome, Option<String>) {
    let text = match store::load_text(file) {
        Ok(text) => text,
        Err(e) => return (Outcome::Failed, Some(e.to_string())),
    };
    let canonical = match store::canonical(&text) {
        Ok(canonical) => canonical,
        Err(store::FmtError::Load(e)) => {
            return (Outcome::Failed, Some(e.in_file(file).to_string()));
        }
        Err(e) => return (Outcome::Failed, Some(format!("{}: {e}", file.display()))),
    };
    if canonical.text == text {
        return (Outcome::Canonical, None);
    }
    if check {
        return (
            Outcome::Changed,
            Some(format!("{}: not in canonical form", file.display())),
        );
    }
    match store::write_atomic(file, canonical.text.as_bytes()) {
        Ok(()) => (
            Outcome::Changed,
            Some(format!("{}: formatted", file.display())),
        ),
        Err(e) => (Outcome::Failed, Some(e.to_string())),
    }
}
