//! Hard to break (issue 14): values that overflow, files that RON reads but
//! a journey must not hold, saves through links and long names, debris of
//! killed saves, `fmt`, and saves killed at random moments.

mod cancel;
mod fmt;
mod kill;
mod positions;
mod saves;
mod values;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A sample journey of the crate.
fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

/// The welcome series' text.
fn welcome_text() -> String {
    std::fs::read_to_string(asset("welcome-series.journey.ron")).unwrap()
}

/// What the binary did: exit code, standard output, standard error.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the `journey-designer` binary; nothing it prints may be a panic.
fn journey_designer(args: &[&std::ffi::OsStr]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_journey-designer"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let run = Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(
        !format!("{}{}", run.stdout, run.stderr).contains("panicked"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    run
}

/// The names in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
