//! `journey-designer simulate FILE [--customers N] [--seed S] [--json] [--threads N]`

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::sim::{Report, SimError, SimOptions, simulate};
use crate::store;

/// Runs below this many customers finish too fast to need a progress bar.
const BAR_FROM: u64 = 2_000_000;

/// What `simulate` was asked for.
#[derive(Debug, Clone)]
pub struct Args<'a> {
    /// The journey file.
    pub file: &'a Path,
    /// Customers (default: the scenario's).
    pub customers: Option<u64>,
    /// Seed (default: the scenario's).
    pub seed: Option<u64>,
    /// Print the JSON report.
    pub json: bool,
    /// Worker threads.
    pub threads: Option<usize>,
    /// Run this many times and print timings to stderr (benchmarks).
    pub repeat: Option<u32>,
}

/// Simulates the file; exit 0 with a report, 1 when the journey is refused, 2 when unreadable.
pub fn run(args: &Args<'_>) -> ExitCode {
    let journey = match store::load(args.file) {
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
        threads: args.threads,
        cancel: None,
        progress: Some(Arc::clone(&progress)),
    };
    if let Some(times) = args.repeat {
        return repeat(&journey, &options, times);
    }
    let total = options.customers.unwrap_or(journey.scenario.customers);
    let show_bar = std::io::stderr().is_terminal() && total >= BAR_FROM;
    let result = std::thread::scope(|scope| {
        let worker = scope.spawn(|| simulate(&journey, &options));
        if show_bar {
            let bar = indicatif::ProgressBar::new(total);
            while !worker.is_finished() {
                bar.set_position(progress.load(Ordering::Relaxed));
                std::thread::sleep(Duration::from_millis(50));
            }
            bar.finish_and_clear();
        }
        worker.join()
    });
    let report = match result {
        Ok(Ok(report)) => report,
        Ok(Err(SimError::Invalid(problems))) => {
            let several = journey.versions.len() > 1;
            eprintln!(
                "{}: the journey cannot be simulated ({} problem{}):",
                args.file.display(),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            for p in &problems {
                eprintln!(
                    "{}: {}: {}",
                    args.file.display(),
                    p.location(several),
                    p.message
                );
            }
            return ExitCode::from(1);
        }
        Ok(Err(e)) => {
            eprintln!("{}: {e}", args.file.display());
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("{}: the simulation failed", args.file.display());
            return ExitCode::from(1);
        }
    };
    let text = if args.json {
        report.to_json_string() + "\n"
    } else {
        summary(&report)
    };
    // A closed pipe (`| head`) is not an error of the simulation.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::SUCCESS
}

/// Runs the simulation `times` times and prints each wall time to stderr.
fn repeat(journey: &crate::model::Journey, options: &SimOptions, times: u32) -> ExitCode {
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

fn pct(k: u64, n: u64) -> String {
    if n == 0 {
        "-".to_owned()
    } else {
        format!("{:.2}%", 100.0 * k as f64 / n as f64)
    }
}

/// The readable summary printed without `--json`.
pub fn summary(report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let a = &report.arrivals;
    let o = &report.outcomes;
    let _ = writeln!(
        out,
        "{}: {} customers, seed {}",
        report.journey, report.customers, report.seed
    );
    let _ = writeln!(out, "\nArrivals                        {:>12}", a.arrived);
    for (label, n) in [
        ("entered", a.entered),
        ("excluded", a.excluded),
        ("after end date", a.after_end_date),
        ("after stop", a.after_stop),
        ("not re-entered", a.not_reentered),
    ] {
        let _ = writeln!(out, "  {label:<30}{n:>12}  {:>8}", pct(n, a.arrived));
    }
    let _ = writeln!(out, "\nOutcomes (of {} entered)", a.entered);
    let _ = writeln!(
        out,
        "  {:<30}{:>12}  {:>8}",
        "completed",
        o.completed,
        pct(o.completed, a.entered)
    );
    for (name, n) in &o.suppressed {
        let _ = writeln!(
            out,
            "  {:<30}{n:>12}  {:>8}",
            format!("suppressed: {name}"),
            pct(*n, a.entered)
        );
    }
    for (name, n) in &o.exit_trigger {
        let _ = writeln!(
            out,
            "  {:<30}{n:>12}  {:>8}",
            format!("exit: {name}"),
            pct(*n, a.entered)
        );
    }
    let _ = writeln!(
        out,
        "  {:<30}{:>12}  {:>8}",
        "stopped",
        o.stopped,
        pct(o.stopped, a.entered)
    );
    let _ = writeln!(
        out,
        "  {:<30}{:>12}  {:>8}",
        "in progress",
        o.in_progress,
        pct(o.in_progress, a.entered)
    );
    if let Some(g) = &report.goal {
        let target = match (g.target_percent, g.met) {
            (Some(t), Some(met)) => {
                format!(", target {t}%: {}", if met { "met" } else { "not met" })
            }
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "\nGoal '{}': {} converted, {:.2}%{target}",
            g.trigger,
            g.converted,
            100.0 * g.rate
        );
    }
    let _ = writeln!(
        out,
        "\n{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}",
        "ver", "step", "name", "reached", "completed", "suppr.", "exit", "stopped", "in prog."
    );
    for st in &report.steps {
        let name: String = st.name.chars().take(26).collect();
        let _ = writeln!(
            out,
            "{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}",
            st.version,
            st.id.0,
            name,
            st.reached,
            st.completed,
            st.exited.suppressed,
            st.exited.exit_trigger,
            st.exited.stopped,
            st.in_progress
        );
    }
    for ab in &report.ab_tests {
        let _ = writeln!(
            out,
            "\nA/B test (version {}, step {}):",
            ab.version, ab.step
        );
        for v in &ab.variants {
            let _ = writeln!(
                out,
                "  {:<20}{:>10} assigned {:>8} converted  {:>6.2}%  [{:.2}%, {:.2}%]",
                v.name,
                v.assigned,
                v.converted,
                100.0 * v.rate,
                100.0 * v.ci95[0],
                100.0 * v.ci95[1]
            );
        }
        let verdict = ab
            .winner
            .as_deref()
            .map_or_else(|| "inconclusive".to_owned(), |w| format!("winner {w}"));
        let when = ab.decided_at.map_or_else(
            || "at the horizon".to_owned(),
            |d| format!("decided {}", d.format("%Y-%m-%dT%H:%M:%SZ")),
        );
        let _ = writeln!(out, "  {verdict} (p = {:.3e}, {when})", ab.p_value);
    }
    for co in &report.channel_optimization {
        let _ = writeln!(
            out,
            "\nChannel optimization (version {}, step {}):",
            co.version, co.step
        );
        for ch in &co.channels {
            let _ = writeln!(
                out,
                "  {:<12}{:>10} sent {:>8} clicked {:>8} converted  {:>6.2}%",
                ch.channel,
                ch.sent,
                ch.clicked,
                ch.converted,
                100.0 * ch.rate
            );
        }
        let _ = writeln!(out, "  best: {}", co.best.as_deref().unwrap_or("none"));
    }
    let _ = writeln!(
        out,
        "\n{:<12}{:>10}{:>10}{:>10}{:>10}{:>10}",
        "channel", "sent", "delivered", "opened", "clicked", "converted"
    );
    for ch in &report.channels {
        let _ = writeln!(
            out,
            "{:<12}{:>10}{:>10}{:>10}{:>10}{:>10}",
            ch.channel, ch.sent, ch.delivered, ch.opened, ch.clicked, ch.converted
        );
    }
    out
}
