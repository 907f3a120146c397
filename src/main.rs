//! The `journey-designer` binary: parse arguments, run a command or open the window.

use std::process::ExitCode;

use clap::Parser;
use journey_designer::app::{self, Launch};
use journey_designer::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    let launch = Launch {
        file: args.file,
        screenshot: args.screenshot,
        run_first: args.run,
    };
    match app::run_window(launch) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("journey-designer: {error}");
            }
            ExitCode::FAILURE
        }
    }
}
