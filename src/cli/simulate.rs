//! `journey-designer simulate FILE [--customers N] [--seed S] [--json] [--html OUT] [--threads N]`

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::model::Journey;
use crate::sim::{Estimate, Report, SimError, SimOptions, estimate, simulate};
use crate::store;

/// Runs below this many customers finish too fast to need a progress bar.
const BAR_FROM: u64 = 2_000_000;

/// What `simulate` was asked for: the command line of `journey-designer simulate`.
#[derive(Debug, Clone, clap::Args)]
pub struct SimulateArgs {
    /// The `.journey.ron` file.
    pub file: PathBuf,
    /// How many customers (default: the scenario's).
    #[arg(long, value_name = "N")]
    pub customers: Option<u64>,
    /// The seed (default: the scenario's).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Print the JSON report (assets/docs/format.md) instead of the summary.
    #[arg(long)]
    pub json: bool,
    /// Also write the run's report as one self-contained HTML file (with --replications: run 0's).
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    /// Worker threads, at least 1 (default: all cores; more are cut down to the cores).
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// Run R times with seeds S, S+1, … and report the spread (run 0 is the plain run).
    #[arg(long, value_name = "R", value_parser = clap::value_parser!(u32).range(1..))]
    pub replications: Option<u32>,
    /// Benchmark: run N times, print wall times to stderr, no report.
    #[arg(long, value_name = "N", hide = true)]
    pub repeat: Option<u32>,
}

/// `--threads`: a whole number of at least 1.
fn parse_threads(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("a simulation needs at least 1 thread".to_owned()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("not a number of threads: {e}")),
    }
}

/// The threads to run on: what was asked, but no more than the machine's
/// cores (more would only share them), with a note when it is cut down.
fn threads(asked: Option<usize>) -> Option<usize> {
    let asked = asked?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if asked > cores {
        eprintln!(
            "note: --threads {asked} is more than the {cores} core{} of this machine; using {cores}",
            if cores == 1 { "" } else { "s" }
        );
        return Some(cores);
    }
    Some(asked)
}

/// Simulates the file; exit 0 with a report, 1 when the journey is refused, 2 when unreadable.
pub fn run(args: &SimulateArgs) -> ExitCode {
    let journey = match store::load(&args.file) {
        Ok(journey) => journey,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let progress = Arc::new(AtomicU64::new(0));
    let options = SimOptions {
        customers: args.customers,
        seed: args.seed,
        threads: threads(args.threads),
        cancel: None,
        progress: Some(Arc::clone(&progress)),
    };
    if let Some(times) = args.repeat {
        return repeat(&journey, &options, times);
    }
    if let Some(count) = args.replications {
        return super::replications::run(args, &journey, &options, count);
    }
    if let Some(warning) = long_run_warning(&journey, &options) {
        eprintln!("{warning}");
    }
    match simulate_with_bar(&journey, &options, &progress) {
        Ok(Ok(report)) => {
            if let Some(out) = &args.html
                && let Err(code) = super::html::write(out, &journey, &report)
            {
                return code;
            }
            print_report(args, &report)
        }
        Ok(Err(e)) => refused(args, &journey, &e),
        Err(_) => {
            eprintln!("{}: the simulation failed", args.file.display());
            ExitCode::from(1)
        }
    }
}

/// One line before a run that may take more than a few seconds: how long, how much
/// work, and how many customers would be quick.
fn long_run_warning(journey: &Journey, options: &SimOptions) -> Option<String> {
    let estimate = estimate(journey, options).filter(Estimate::is_long)?;
    let shorter = match estimate.customers_within(2.0) {
        Some(n) => format!("--customers {n} makes it shorter"),
        None => "a shorter horizon makes it shorter".to_owned(),
    };
    Some(format!("{}; {shorter}.", estimate.sentence()))
}

/// Simulates on a worker thread; on a terminal, a long run shows a progress bar.
/// `Err` when the worker panicked.
fn simulate_with_bar(
    journey: &Journey,
    options: &SimOptions,
    progress: &AtomicU64,
) -> std::thread::Result<Result<Report, SimError>> {
    let total = options.customers.unwrap_or(journey.scenario.customers);
    let show_bar = std::io::stderr().is_terminal() && total >= BAR_FROM;
    std::thread::scope(|scope| {
        let worker = scope.spawn(|| simulate(journey, options));
        if show_bar {
            let bar = indicatif::ProgressBar::new(total);
            while !worker.is_finished() {
                bar.set_position(progress.load(Ordering::Relaxed));
                std::thread::sleep(Duration::from_millis(50));
            }
            bar.finish_and_clear();
        }
        worker.join()
    })
}

/// Says why the journey was not simulated (every problem, when it is invalid); exit 1.
pub(super) fn refused(args: &SimulateArgs, journey: &Journey, error: &SimError) -> ExitCode {
    let file = args.file.display();
    let SimError::Invalid(problems) = error else {
        eprintln!("{file}: {error}");
        return ExitCode::from(1);
    };
    let several = journey.versions.len() > 1;
    eprintln!(
        "{file}: the journey cannot be simulated ({} problem{}):",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        eprintln!("{file}: {}: {}", p.location(several), p.message);
    }
    ExitCode::from(1)
}

/// Prints the summary, or the JSON report with `--json`.
///
/// A closed pipe (`| head`) is not an error of the simulation: exit 0 quietly.
fn print_report(args: &SimulateArgs, report: &Report) -> ExitCode {
    write_out(args, |out| {
        if args.json {
            writeln!(out, "{}", report.to_json_string())
        } else {
            super::summary::write(out, report)
        }
    })
}

/// Writes to standard output; a closed pipe (`| head`) is not an error: exit 0 quietly.
pub(super) fn write_out(
    args: &SimulateArgs,
    write: impl FnOnce(&mut std::io::StdoutLock<'static>) -> std::io::Result<()>,
) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let written = write(&mut out).and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: could not write the report: {e}", args.file.display());
            ExitCode::from(1)
        }
    }
}

/// Runs the simulation `times` times and prints each wall time to stderr.
fn repeat(journey: &Journey, options: &SimOptions, times: u32) -> ExitCode {
    let mut walls = Vec::new();
    for _ in 0..times.max(1) {
        let start = Instant::now();
        match simulate(journey, options) {
            Ok(report) => {
                let wall = start.elapsed().as_secs_f64();
                walls.push(wall);
                eprintln!(
                    "simulate: {} customers in {:.2} ms ({} events)",
                    report.customers,
                    wall * 1e3,
                    report.events
                );
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    walls.sort_by(f64::total_cmp);
    eprintln!("median {:.2} ms", walls[walls.len() / 2] * 1e3);
    ExitCode::SUCCESS
}
