//! The `journey-designer` binary: parse arguments, run a command or open the window.

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use journey_designer::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Some(command) = args.command {
        cli::run(command)
    } else {
        // TODO(window): open the designer window here once it exists.
        let _printed = Cli::command().print_help();
        ExitCode::SUCCESS
    }
}
