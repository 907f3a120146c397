//! `journey-designer plan FILE`: per A/B step, how often the test finds a
//! winner at the scenario's customers, and how many customers it needs for
//! the power asked for.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::sim::{AbPlan, PlanRequest, SimOptions, plan};

/// The command line of `journey-designer plan`.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArgs {
    /// The `.journey.ron` file.
    pub file: PathBuf,
    /// The power to reach: the share of runs that find a winner (0 to 1).
    #[arg(long, value_name = "P", default_value_t = 0.8, value_parser = parse_power)]
    pub power: f64,
    /// Runs per customer count (seeds S, S+1, …).
    #[arg(long, value_name = "R", default_value_t = 200,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub replications: u32,
    /// The first seed (default: the scenario's).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Print JSON (assets/docs/format.md) instead of sentences.
    #[arg(long)]
    pub json: bool,
    /// Simulate every customer count the search tries, even above the
    /// scenario's (slow: up to R runs of 100,000,000 customers). Without it,
    /// larger counts are judged on the power curve measured at the scenario's.
    #[arg(long)]
    pub exact: bool,
}

fn parse_power(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if p > 0.0 && p <= 1.0 => Ok(p),
        Ok(p) => Err(format!(
            "the power is a share above 0 and at most 1, not {p}"
        )),
        Err(e) => Err(format!("not a number: {e}")),
    }
}

/// Plans the file's A/B tests; exit 0, 1 when refused, 2 when unreadable.
pub fn run(args: &PlanArgs) -> ExitCode {
    let journey = match super::output::load(&args.file) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let options = SimOptions {
        seed: args.seed,
        ..SimOptions::default()
    };
    let request = PlanRequest {
        power: args.power,
        replications: args.replications,
        exact: args.exact,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message("planning");
        bar
    });
    let tick = |customers: u64| {
        if let Some(bar) = &bar {
            bar.set_message(format!(
                "{} runs of {customers} customers done",
                args.replications
            ));
            bar.tick();
        }
    };
    let plans = plan(&journey, &options, &request, &tick);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match plans {
        Ok(plans) => print(args, &plans),
        Err(e) => {
            eprintln!("{}: {e}", args.file.display());
            ExitCode::from(1)
        }
    }
}

fn print(args: &PlanArgs, plans: &[AbPlan]) -> ExitCode {
    super::output::print("the plan", |out| {
        if args.json {
            super::output::json(out, &JsonPlans(plans))
        } else {
            sentences(out, args, plans)
        }
    })
}

/// "With 10,000 customers this test finds a winner in 41 % of runs; about
/// 38,000 would make it 80 %."
fn sentences(out: &mut impl Write, args: &PlanArgs, plans: &[AbPlan]) -> std::io::Result<()> {
    if plans.is_empty() {
        return writeln!(out, "{}: no A/B test to plan", args.file.display());
    }
    for p in plans {
        let wins: Vec<String> = p.winners.iter().map(|(v, n)| format!("{v} {n}")).collect();
        let needed = p.customers_for_power.map_or_else(
            || "even 100,000,000 customers would not make it".to_owned(),
            |n| {
                format!(
                    "about {} customers would make it",
                    crate::report::text::count(n)
                )
            },
        );
        writeln!(
            out,
            "A/B test (version {}, step {}): with {} customers it finds a winner in {:.0} % of {} runs (wins: {}); {needed} {:.0} %.",
            p.version,
            p.step,
            crate::report::text::count(p.customers),
            100.0 * p.power,
            args.replications,
            wins.join(", "),
            100.0 * args.power
        )?;
    }
    Ok(())
}

struct JsonPlans<'a>(&'a [AbPlan]);

impl Serialize for JsonPlans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        let tests: Vec<JsonPlan<'_>> = self.0.iter().map(JsonPlan).collect();
        map.serialize_entry("ab_tests", &tests)?;
        map.end()
    }
}

struct JsonPlan<'a>(&'a AbPlan);

impl Serialize for JsonPlan<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("version", &p.version)?;
        map.serialize_entry("step", &p.step)?;
        map.serialize_entry("customers", &p.customers)?;
        map.serialize_entry("power", &p.power)?;
        map.serialize_entry("winners", &Winners(&p.winners))?;
        map.serialize_entry("customers_for_power", &p.customers_for_power)?;
        map.end()
    }
}

struct Winners<'a>(&'a [(String, u64)]);

impl Serialize for Winners<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, n) in self.0 {
            map.serialize_entry(name, n)?;
        }
        map.end()
    }
}
