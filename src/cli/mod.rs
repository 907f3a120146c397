//! Headless entry points over the same store and sim: `validate`, `simulate`,
//! `compare`, `plan`, `sensitivity`, `fmt`.
//!
//! The CLI is the one layer allowed to print.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod compare;
mod fmt;
mod html;
mod output;
mod plan;
mod replications;
mod sensitivity;
mod simulate;
mod summary;
mod validate;

pub use compare::CompareArgs;
pub use plan::PlanArgs;
pub use sensitivity::SensitivityArgs;
pub use simulate::SimulateArgs;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Journey Designer: design customer journeys and simulate a population through them.
///
/// With no command it opens the window (with FILE, or the last file you had open).
#[derive(Debug, Parser)]
#[command(
    name = "journey-designer",
    version,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A command to run headless; without one the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The journey file to open in the window.
    pub file: Option<PathBuf>,
    /// Render the window once it has settled, write it to this PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Run the simulation first (with --screenshot: show the finished run).
    #[arg(long)]
    pub run: bool,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check journey files: print every problem as `FILE: step N 'name': message`.
    ///
    /// Exits 0 when no file has errors (warnings are printed but allowed),
    /// 1 when a journey has errors, 2 when a file cannot be read or parsed.
    Validate {
        /// The `.journey.ron` files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Simulate a journey's scenario and print a summary (or the JSON report).
    ///
    /// Exits 0 with a report, 1 when the journey cannot be simulated (every
    /// problem is listed), 2 when the file cannot be read or parsed.
    Simulate(SimulateArgs),
    /// Compare two designs on the same customers and random numbers.
    ///
    /// Prints each metric for A and B, the paired difference B − A and its
    /// 95 % interval (with --replications 2 or more). Exits 0, 1 when a
    /// design cannot be simulated with the chosen scenario, 2 when a file
    /// cannot be read or parsed.
    Compare(CompareArgs),
    /// Plan the journey's A/B tests: how often each finds a winner, and the customers it needs.
    ///
    /// Exits 0, 1 when the journey cannot be simulated, 2 when the file cannot
    /// be read or parsed.
    Plan(PlanArgs),
    /// Which scenario assumption moves the goal rate most (each ×0.8 and ×1.2).
    ///
    /// Exits 0, 1 when the journey cannot be simulated, 2 when the file cannot
    /// be read or parsed.
    Sensitivity(SensitivityArgs),
    /// Rewrite journey files in canonical form (the top comments, then the journey as saved).
    ///
    /// With --check nothing changes: exits 1 listing the files that are not
    /// canonical, 0 when all are; 2 when a file cannot be read, parsed or written.
    Fmt {
        /// The `.journey.ron` files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Only check: list the files that are not canonical.
        #[arg(long)]
        check: bool,
    },
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate { files } => validate::run(&files),
        Command::Simulate(args) => simulate::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Sensitivity(args) => sensitivity::run(&args),
        Command::Fmt { files, check } => fmt::run(&files, check),
    }
}
