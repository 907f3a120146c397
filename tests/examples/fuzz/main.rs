//! A fuzz driver on stable Rust: mutated journey files are parsed,
//! validated and, when valid, simulated with a small population, each
//! within a time limit; any panic or hang fails the run.
//!
//! ```text
//! cargo run --release --example fuzz -- --count 100000 --case-timeout-ms 2000
//! ```
//!
//! Seeds: `assets/*.journey.ron` and `../shared/journeys/*.journey.ron`
//! (or the folders given with `--corpus`). Case `i` of `--seed s` is always
//! the same input: `--only i` runs it alone and writes it out. The first
//! cases are the seeds as they are; then come the mutations:
//! bit flips, insertions, deletions, splices between files, truncations,
//! brackets, huge and tiny numbers, unicode, identifier and string swaps,
//! instants, and lines deleted, doubled or moved (mostly one per input, up to four).
//!
//! A case over the time limit is cancelled (the simulator's cancel flag). It
//! is a hang when it does not stop, or when the work its journey asks for is
//! small ([`work`]); a valid journey that is heavy by design (a trigger once
//! a minute for years) is counted as slow and kept, not failed.
//!
//! Besides "no panic, no hang" each parsed file must save and load back
//! equal, and its canonical form (`fmt`) must be stable. A failing input is
//! written to the `--out` folder. Prints the counts (inputs, parsed, valid,
//! simulated, panics, hangs, the slowest case) and exits 1 on any failure.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod mutate;
mod work;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use journey_designer::model::validate;
use journey_designer::sim::{SimError, SimOptions, simulate};
use journey_designer::store;
use mutate::{Kind, Rng};

/// The command line.
struct Options {
    count: u64,
    seed: u64,
    customers: u64,
    limit: Duration,
    jobs: u64,
    out: PathBuf,
    corpus: Vec<PathBuf>,
    only: Option<u64>,
}

fn options() -> Result<Options, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = Options {
        count: 100_000,
        seed: 1,
        customers: 200,
        limit: Duration::from_secs(2),
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get() as u64),
        out: std::env::temp_dir().join("journey-designer-fuzz"),
        corpus: Vec::new(),
        only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--count" => o.count = number(value()?)?,
            "--seed" => o.seed = number(value()?)?,
            "--customers" => o.customers = number(value()?)?,
            "--case-timeout-ms" => o.limit = Duration::from_millis(number(value()?)?),
            "--jobs" => o.jobs = number(value()?)?.max(1),
            "--out" => o.out = PathBuf::from(value()?),
            "--corpus" => o.corpus.push(PathBuf::from(value()?)),
            "--only" => o.only = Some(number(value()?)?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if o.corpus.is_empty() {
        o.corpus.push(root.join("assets"));
        let shared = root.join("../shared/journeys");
        if shared.is_dir() {
            o.corpus.push(shared);
        }
    }
    Ok(o)
}

fn seeds(folders: &[PathBuf]) -> Result<Vec<Vec<u8>>, String> {
    let mut files = Vec::new();
    for folder in folders {
        let entries =
            std::fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(".journey.ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err("no seed files (*.journey.ron) found".to_owned());
    }
    files
        .iter()
        .map(|f| std::fs::read(f).map_err(|e| format!("{}: {e}", f.display())))
        .collect()
}

/// The input of case `i`, and the mutations it went through. The first
/// cases are the seed files themselves.
fn make_case(seed: u64, i: u64, seeds: &[Vec<u8>]) -> (Vec<u8>, Vec<Kind>) {
    if let Some(file) = usize::try_from(i).ok().and_then(|i| seeds.get(i)) {
        return (file.clone(), Vec::new());
    }
    let mut rng = Rng::new(seed, i);
    let mut bytes = rng.pick(seeds).clone();
    // Mostly one mutation, so that many inputs still parse and reach the
    // simulator; sometimes up to four.
    let count = [1, 1, 1, 1, 1, 2, 2, 3, 4][rng.below(9)];
    let kinds: Vec<Kind> = (0..count).map(|_| *rng.pick(&Kind::ALL)).collect();
    for kind in &kinds {
        mutate::apply(*kind, &mut bytes, seeds, &mut rng);
    }
    (bytes, kinds)
}

/// How far one input got, and what went wrong.
#[derive(Default)]
struct Outcome {
    parsed: bool,
    valid: bool,
    simulated: bool,
    refused: bool,
    failure: Option<String>,
    /// [`work::expected_events`], for a simulated (or cancelled) case.
    work: f64,
}

/// Parses, checks the round trips, validates and simulates one input.
fn run_case(bytes: &[u8], customers: u64, cancel: Arc<AtomicBool>) -> Outcome {
    let mut out = Outcome::default();
    let Ok(journey) = store::parse_bytes(bytes) else {
        return out;
    };
    out.parsed = true;
    let text = match store::to_ron(&journey) {
        Ok(text) => text,
        Err(e) => {
            out.failure = Some(format!("a parsed journey does not save: {e}"));
            return out;
        }
    };
    if store::parse_bytes(text.as_bytes()).ok().as_ref() != Some(&journey) {
        out.failure = Some("a saved journey does not load back equal".to_owned());
        return out;
    }
    if let Ok(once) = store::canonical(&String::from_utf8_lossy(bytes)) {
        let twice = store::canonical(&once.text).map(|c| c.text);
        if twice.as_ref().ok() != Some(&once.text) || once.journey != journey {
            out.failure = Some("the canonical form is not stable".to_owned());
            return out;
        }
    }
    out.valid = validate(&journey).iter().all(|p| !p.is_error());
    if !out.valid {
        return out;
    }
    out.work = work::expected_events(&journey, customers);
    let options = SimOptions {
        customers: Some(customers),
        threads: Some(1),
        cancel: Some(cancel),
        ..SimOptions::default()
    };
    match simulate(&journey, &options) {
        Ok(report) => {
            out.simulated = !report.to_json_string().is_empty();
        }
        Err(SimError::Invalid(_)) => out.refused = true,
        Err(SimError::Cancelled) => {}
        Err(e @ SimError::Threads(_)) => out.failure = Some(e.to_string()),
    }
    out
}

/// The counts of a run (or of one job).
#[derive(Default)]
struct Tally {
    inputs: u64,
    parsed: u64,
    valid: u64,
    simulated: u64,
    refused: u64,
    panics: u64,
    hangs: u64,
    slow: u64,
    failures: u64,
    slowest: (Duration, u64, bool, f64),
    applied: [u64; Kind::ALL.len()],
    reached_parse: [u64; Kind::ALL.len()],
    stuck: bool,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.inputs += other.inputs;
        self.parsed += other.parsed;
        self.valid += other.valid;
        self.simulated += other.simulated;
        self.refused += other.refused;
        self.panics += other.panics;
        self.hangs += other.hangs;
        self.slow += other.slow;
        self.failures += other.failures;
        if other.slowest.0 > self.slowest.0 {
            self.slowest = other.slowest;
        }
        for k in 0..Kind::ALL.len() {
            self.applied[k] += other.applied[k];
            self.reached_parse[k] += other.reached_parse[k];
        }
        self.stuck |= other.stuck;
    }

    fn record(&mut self, i: u64, kinds: &[Kind], outcome: &Outcome, took: Duration) {
        self.inputs += 1;
        self.parsed += u64::from(outcome.parsed);
        self.valid += u64::from(outcome.valid);
        self.simulated += u64::from(outcome.simulated);
        self.refused += u64::from(outcome.refused);
        self.failures += u64::from(outcome.failure.is_some());
        if took > self.slowest.0 {
            self.slowest = (took, i, outcome.simulated, outcome.work);
        }
        for kind in kinds {
            let k = Kind::ALL.iter().position(|x| x == kind).unwrap_or(0);
            self.applied[k] += 1;
            self.reached_parse[k] += u64::from(outcome.parsed);
        }
    }

    fn failed(&self) -> u64 {
        self.panics + self.hangs + self.failures
    }
}

/// A case handed to a worker thread.
struct Job {
    bytes: Vec<u8>,
    cancel: Arc<AtomicBool>,
}

/// A worker's answer: the outcome, or the panic's message.
struct Done {
    result: Result<Outcome, String>,
    took: Duration,
}

fn spawn_worker(customers: u64) -> (mpsc::Sender<Job>, mpsc::Receiver<Done>) {
    let (to_worker, jobs) = mpsc::channel::<Job>();
    let (to_supervisor, done) = mpsc::channel::<Done>();
    std::thread::spawn(move || {
        for job in jobs {
            let start = Instant::now();
            let result = std::panic::catch_unwind(|| run_case(&job.bytes, customers, job.cancel))
                .map_err(|payload| panic_message(payload.as_ref()));
            if to_supervisor
                .send(Done {
                    result,
                    took: start.elapsed(),
                })
                .is_err()
            {
                break;
            }
        }
    });
    (to_worker, done)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned());
    let place = LAST_PANIC_PLACE
        .lock()
        .map(|p| p.clone())
        .unwrap_or_default();
    format!("{message} ({place})")
}

static LAST_PANIC_PLACE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Writes a failing input where it can be found again.
fn keep(out: &Path, index: u64, bytes: &[u8], what: &str) {
    let file = out.join(format!("case-{index}.journey.ron"));
    match std::fs::create_dir_all(out).and_then(|()| std::fs::write(&file, bytes)) {
        Ok(()) => eprintln!(
            "case {index}: {what}\n  input written to {}",
            file.display()
        ),
        Err(e) => eprintln!("case {index}: {what}\n  (could not write the input: {e})"),
    }
}

/// Runs cases `job`, `job + jobs`, ... on one worker thread, each within the limit.
fn supervise(o: &Options, seeds: &[Vec<u8>], job: u64, cases: &[u64]) -> Tally {
    let mut tally = Tally::default();
    let (to_worker, done) = spawn_worker(o.customers);
    for &index in cases.iter().skip(job as usize).step_by(o.jobs as usize) {
        let (bytes, kinds) = make_case(o.seed, index, seeds);
        let cancel = Arc::new(AtomicBool::new(false));
        let job = Job {
            bytes: bytes.clone(),
            cancel: Arc::clone(&cancel),
        };
        if to_worker.send(job).is_err() {
            tally.stuck = true;
            break;
        }
        let Ok(answer) = done.recv_timeout(o.limit) else {
            cancel.store(true, Ordering::Relaxed);
            tally.inputs += 1;
            let Ok(late) = done.recv_timeout(o.limit) else {
                tally.hangs += 1;
                keep(&o.out, index, &bytes, "hang: ignores cancelling; giving up");
                tally.stuck = true;
                break;
            };
            let work = late.result.as_ref().map_or(0.0, |outcome| outcome.work);
            let what = format!(
                "over {:?} (stopped by cancelling after {:?}) with about {work:.1e} events expected",
                o.limit, late.took
            );
            if work > work::SMALL {
                // Heavy by design: kept for a look, not a failure.
                tally.slow += 1;
                keep(&o.out, index, &bytes, &format!("slow: {what}"));
            } else {
                tally.hangs += 1;
                keep(&o.out, index, &bytes, &format!("hang: {what}"));
            }
            continue;
        };
        match answer.result {
            Ok(outcome) => {
                if let Some(failure) = &outcome.failure {
                    keep(&o.out, index, &bytes, failure);
                }
                tally.record(index, &kinds, &outcome, answer.took);
            }
            Err(message) => {
                tally.panics += 1;
                keep(&o.out, index, &bytes, &format!("panic: {message}"));
                tally.record(index, &kinds, &Outcome::default(), answer.took);
            }
        }
    }
    tally
}

fn print_summary(o: &Options, seeds: usize, tally: &Tally, took: Duration) {
    let secs = took.as_secs_f64();
    println!(
        "fuzz: {} inputs from {seeds} seed files (seed {}, {} customers, limit {} ms, {} jobs) in {secs:.1} s ({:.0} inputs/s)",
        tally.inputs,
        o.seed,
        o.customers,
        o.limit.as_millis(),
        o.jobs,
        tally.inputs as f64 / secs.max(1e-9)
    );
    println!(
        "  parsed {}, valid {}, simulated {} (refused by the simulator: {})",
        tally.parsed, tally.valid, tally.simulated, tally.refused
    );
    println!(
        "  panics {}, hangs {}, other failures {}; slow by design (over the limit with over {:.0e} events expected, stopped by cancelling): {}",
        tally.panics,
        tally.hangs,
        tally.failures,
        work::SMALL,
        tally.slow
    );
    let (slow, case, simulated, work) = tally.slowest;
    println!(
        "  slowest case within the limit: {case} ({:.1} ms, {}, about {work:.1e} events expected)",
        slow.as_secs_f64() * 1e3,
        if simulated {
            "simulated"
        } else {
            "not simulated"
        }
    );
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .enumerate()
        .map(|(k, kind)| format!("{kind:?} {}/{}", tally.reached_parse[k], tally.applied[k]))
        .collect();
    println!(
        "  mutations (in parsed inputs / applied): {}",
        kinds.join(", ")
    );
    println!(
        "fuzz: {} passed, {} failed",
        tally.inputs - tally.failed().min(tally.inputs),
        tally.failed()
    );
}

fn main() -> std::process::ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let seeds = match seeds(&o.corpus) {
        Ok(seeds) => seeds,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        if let (Ok(mut place), Some(at)) = (LAST_PANIC_PLACE.lock(), info.location()) {
            *place = at.to_string();
        }
    }));
    if let Some(only) = o.only {
        let (bytes, kinds) = make_case(o.seed, only, &seeds);
        keep(&o.out, only, &bytes, &format!("mutations {kinds:?}"));
    }
    let cases: Vec<u64> = match o.only {
        Some(i) => vec![i],
        None => (0..o.count).collect(),
    };
    let start = Instant::now();
    let mut tally = Tally::default();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..o.jobs)
            .map(|job| {
                let (o, seeds, cases) = (&o, &seeds, &cases);
                s.spawn(move || supervise(o, seeds, job, cases))
            })
            .collect();
        for handle in handles {
            match handle.join() {
                Ok(t) => tally.add(&t),
                Err(_) => tally.panics += 1,
            }
        }
    });
    print_summary(&o, seeds.len(), &tally, start.elapsed());
    let code = i32::from(tally.failed() > 0 || tally.stuck);
    // A worker stuck in a hang would keep the process alive: leave at once.
    std::process::exit(code);
}
