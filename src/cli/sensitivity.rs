//! `journey-designer sensitivity FILE`: which scenario assumption moves the
//! goal rate most, each scaled by ×0.8 and ×1.2 on the same random numbers.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::sim::{FACTORS, Measured, Sensitivity, SimOptions, sensitivity};

/// The command line of `journey-designer sensitivity`.
#[derive(Debug, Clone, clap::Args)]
pub struct SensitivityArgs {
    /// The `.journey.ron` file.
    pub file: PathBuf,
    /// How many customers (default: the scenario's).
    #[arg(long, value_name = "N")]
    pub customers: Option<u64>,
    /// The first seed (default: the scenario's).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Runs per variant, seeds S, S+1, …
    #[arg(long, value_name = "R", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub replications: u32,
    /// Print JSON (assets/docs/format.md) instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// Runs the sensitivity; exit 0, 1 when refused, 2 when unreadable.
pub fn run(args: &SensitivityArgs) -> ExitCode {
    let journey = match super::output::load(&args.file) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let options = SimOptions {
        customers: args.customers,
        seed: args.seed,
        ..SimOptions::default()
    };
    let result = match sensitivity(&journey, &options, args.replications) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", args.file.display());
            return ExitCode::from(1);
        }
    };
    super::output::print("the sensitivity", |out| {
        if args.json {
            super::output::json(out, &json(&journey.name, &result))
        } else {
            table(out, &result)
        }
    })
}

fn table(out: &mut impl Write, s: &Sensitivity) -> std::io::Result<()> {
    writeln!(
        out,
        "Goal rate {:.2} %, {:.0} completed (mean of {} runs). Each assumption ×0.8 and ×1.2, on the same random numbers; largest change first:\n",
        100.0 * s.base.goal_rate,
        s.base.completed,
        s.replications
    )?;
    writeln!(
        out,
        "{:<44}{:>10}{:>16}{:>16}{:>14}{:>14}",
        "assumption", "value", "goal ×0.8", "goal ×1.2", "done ×0.8", "done ×1.2"
    )?;
    for e in &s.effects {
        let goal = |m: &Measured| format!("{:+.2} pts", 100.0 * (m.goal_rate - s.base.goal_rate));
        let done = |m: &Measured| format!("{:+.0}", m.completed - s.base.completed);
        writeln!(
            out,
            "{:<44}{:>10}{:>16}{:>16}{:>14}{:>14}",
            e.param.label(),
            format!("{:.4}", e.value),
            goal(&e.scaled[0]),
            goal(&e.scaled[1]),
            done(&e.scaled[0]),
            done(&e.scaled[1])
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSensitivity<'a> {
    journey: &'a str,
    replications: u32,
    base: JsonMeasured,
    assumptions: Vec<JsonAssumption>,
}

#[derive(Serialize)]
struct JsonMeasured {
    goal_rate: f64,
    completed: f64,
}

#[derive(Serialize)]
struct JsonScaled {
    factor: f64,
    goal_rate: f64,
    completed: f64,
    goal_rate_change: f64,
    completed_change: f64,
}

#[derive(Serialize)]
struct JsonAssumption {
    assumption: String,
    label: String,
    value: f64,
    scaled: Vec<JsonScaled>,
}

fn json<'a>(name: &'a str, s: &Sensitivity) -> JsonSensitivity<'a> {
    let base = s.base;
    JsonSensitivity {
        journey: name,
        replications: s.replications,
        base: JsonMeasured {
            goal_rate: base.goal_rate,
            completed: base.completed,
        },
        assumptions: s
            .effects
            .iter()
            .map(|e| JsonAssumption {
                assumption: e.param.key(),
                label: e.param.label(),
                value: e.value,
                scaled: e
                    .scaled
                    .iter()
                    .zip(FACTORS)
                    .map(|(m, factor)| JsonScaled {
                        factor,
                        goal_rate: m.goal_rate,
                        completed: m.completed,
                        goal_rate_change: m.goal_rate - base.goal_rate,
                        completed_change: m.completed - base.completed,
                    })
                    .collect(),
            })
            .collect(),
    }
}
