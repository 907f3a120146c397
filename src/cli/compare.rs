//! `journey-designer compare A B`: two designs on the same customers (S25),
//! their metrics side by side and the paired differences.

use std::io::{Result, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::sim::{Compared, MetricDiff, ScenarioOf, SimOptions, compare};

/// The command line of `journey-designer compare`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// Design A (its scenario is used unless --scenario b).
    pub a: PathBuf,
    /// Design B.
    pub b: PathBuf,
    /// How many customers (default: the chosen scenario's).
    #[arg(long, value_name = "N")]
    pub customers: Option<u64>,
    /// The first seed (default: the chosen scenario's).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Runs per design, seeds S, S+1, … (intervals need 2 or more).
    #[arg(long, value_name = "R", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub replications: u32,
    /// Whose scenario both designs use: a (default) or b.
    #[arg(long, value_name = "a|b", default_value = "a", value_parser = parse_side)]
    pub scenario: Side,
    /// Print JSON (assets/docs/format.md) instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// `--scenario a` or `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side(pub ScenarioOf);

fn parse_side(text: &str) -> std::result::Result<Side, String> {
    match text.to_ascii_lowercase().as_str() {
        "a" => Ok(Side(ScenarioOf::A)),
        "b" => Ok(Side(ScenarioOf::B)),
        other => Err(format!("--scenario is a or b, not {other:?}")),
    }
}

/// Compares the two files; exit 0 with the comparison, 1 when a side is refused, 2 when unreadable.
pub fn run(args: &CompareArgs) -> ExitCode {
    let (a, b) = match (super::output::load(&args.a), super::output::load(&args.b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let options = SimOptions {
        customers: args.customers,
        seed: args.seed,
        ..SimOptions::default()
    };
    let compared = match compare(&a, &b, &options, args.replications, args.scenario.0) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            if let crate::sim::SimError::Invalid(problems) = e.sim_error() {
                for p in problems {
                    eprintln!("  {}", p.message);
                }
            }
            return ExitCode::from(1);
        }
    };
    if compared.goals_differ {
        eprintln!(
            "warning: A and B have different goals, so their goal rates measure different things"
        );
    }
    super::output::print("the comparison", |out| {
        if args.json {
            super::output::json(out, &JsonCompared(&compared))
        } else {
            table(out, &compared)
        }
    })
}

/// The comparison as a table, then the metrics whose interval excludes zero.
fn table(out: &mut impl Write, c: &Compared) -> Result<()> {
    writeln!(out, "A: {}\nB: {}", c.a, c.b)?;
    writeln!(
        out,
        "{} run{} each, the same customers and random numbers on both sides\n",
        c.replications,
        if c.replications == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "{:<14}{:>14}{:>14}{:>14}   95 % interval of B − A",
        "metric", "A", "B", "B − A"
    )?;
    for m in &c.metrics {
        let ci = m.ci95.map_or_else(
            || "(needs 2 or more runs)".to_owned(),
            |[lo, hi]| format!("{} to {}", show(m.name, lo), show(m.name, hi)),
        );
        writeln!(
            out,
            "{:<14}{:>14}{:>14}{:>14}   {ci}",
            m.name,
            show(m.name, m.a),
            show(m.name, m.b),
            show(m.name, m.diff)
        )?;
    }
    let clear: Vec<&str> = c
        .metrics
        .iter()
        .filter(|m| m.ci95.is_some_and(|[lo, hi]| lo > 0.0 || hi < 0.0))
        .map(|m| m.name)
        .collect();
    if clear.is_empty() {
        writeln!(out, "\nNo difference is clear of chance at 95 %.")
    } else {
        writeln!(
            out,
            "\nClear of chance at 95 % (interval excludes 0): {}",
            clear.join(", ")
        )
    }
}

/// A metric's value in its unit: rates in percent, counts with two decimals.
fn show(name: &str, x: f64) -> String {
    if name == "goal_rate" || name == "lift" {
        format!("{:.2} %", 100.0 * x)
    } else {
        format!("{x:.2}")
    }
}

struct JsonCompared<'a>(&'a Compared);

impl Serialize for JsonCompared<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("a", &c.a)?;
        map.serialize_entry("b", &c.b)?;
        map.serialize_entry("replications", &c.replications)?;
        map.serialize_entry("metrics", &JsonMetrics(&c.metrics))?;
        map.end()
    }
}

struct JsonMetrics<'a>(&'a [MetricDiff]);

impl Serialize for JsonMetrics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct One {
            a: f64,
            b: f64,
            diff: f64,
            ci95: Option<[f64; 2]>,
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for m in self.0 {
            let one = One {
                a: m.a,
                b: m.b,
                diff: m.diff,
                ci95: m.ci95,
            };
            map.serialize_entry(m.name, &one)?;
        }
        map.end()
    }
}
