//! Writes a generated journey of N steps (default 100) to a file, for
//! screenshots and benchmarks: `cargo run --example generate_journey -- 100 out.journey.ron`.
#![allow(clippy::print_stderr)]

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let steps = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let out = args.next().map_or_else(
        || PathBuf::from(format!("generated-{steps}.journey.ron")),
        PathBuf::from,
    );
    let journey = journey_designer::ui::canvas::generate::generated_journey(steps, 7);
    match journey_designer::store::save(&out, &journey) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}
