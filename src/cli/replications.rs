//! `journey-designer simulate FILE --replications R`: the report of run 0,
//! then the spread over the R runs (S24), as JSON or as ranges in words.

use std::io::{Result, Write};
use std::process::ExitCode;

use super::simulate::{SimulateArgs, refused, write_out};
use crate::model::Journey;
use crate::sim::{Replicated, SimOptions, Spread, replicate};

/// Runs the replications and prints them; exit codes as `simulate`.
pub fn run(args: &SimulateArgs, journey: &Journey, options: &SimOptions, count: u32) -> ExitCode {
    match replicate(journey, options, count) {
        Ok(done) => {
            if let Some(out) = &args.html
                && let Err(code) = super::html::write(out, journey, &done.first)
            {
                return code;
            }
            write_out(args, |out| {
                if args.json {
                    writeln!(out, "{}", done.to_json_string())
                } else {
                    super::summary::write(out, &done.first)?;
                    ranges(out, &done)
                }
            })
        }
        Err(e) => refused(args, journey, &e),
    }
}

/// "completed 6,053 (5,960–6,140, 80 % of runs)" for every metric.
fn ranges(out: &mut impl Write, done: &Replicated) -> Result<()> {
    let r = &done.replications;
    let seed = done.first.seed;
    writeln!(
        out,
        "\nOver {} runs (seeds {seed} to {}): the median, and the range of the middle 80 % of runs",
        r.count,
        seed.wrapping_add(r.count.saturating_sub(1))
    )?;
    for m in &r.metrics {
        writeln!(out, "  {:<30}{}", m.name, range_text(&m.name, &m.spread))?;
    }
    for v in &r.ab_verdicts {
        let wins: Vec<String> = v
            .winners
            .iter()
            .map(|(name, n)| format!("{name} won {n}"))
            .collect();
        let wins = wins.join(", ");
        writeln!(
            out,
            "  A/B test (version {}, step {}): {wins}; no winner in {} of {} runs",
            v.version, v.step, v.inconclusive, r.count
        )?;
    }
    Ok(())
}

/// A metric's median and 80 % range in its own unit (rates in percent).
fn range_text(name: &str, s: &Spread) -> String {
    let rate = name == "goal_rate" || name == "lift";
    let show = |x: f64| {
        if rate {
            format!("{:.2} %", 100.0 * x)
        } else {
            crate::report::text::count(x.max(0.0) as u64)
        }
    };
    format!(
        "{} ({}–{}, 80 % of runs)",
        show(s.p50),
        show(s.p10),
        show(s.p90)
    )
}
