//! The `journey-designer` binary: parse arguments, run a command or open the window.

use std::process::ExitCode;

use clap::Parser;
use journey_designer::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => match journey_designer::app::run(args.file, args.screenshot, args.run) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("journey-designer: {message}");
                }
                ExitCode::FAILURE
            }
        },
    }
}
