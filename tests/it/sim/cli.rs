//! End-to-end tests of `journey-designer simulate`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_journey-designer"))
}

fn welcome() -> Option<PathBuf> {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/journeys/welcome-series.journey.ron");
    p.exists().then_some(p)
}

/// A small valid journey written to a temporary file.
fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("j.journey.ron");
    std::fs::write(&path, text).expect("write");
    path
}

const SMALL: &str = r#"Journey(
    format: 1,
    name: "Small",
    start: (audience: Segment("everyone"), starts_at: "2026-01-01T00:00:00Z"),
    end: (exit_triggers: ["unsubscribed"]),
    goal: Some((trigger: "purchased", target_percent: Some(5.0))),
    versions: [(first_step: 1, steps: {
        1: (name: "Hello", at: (0.0, 0.0), action: Message(channel: Email, next: Some(2))),
        2: (name: "Split", at: (0.0, 0.0), action: AbTest(variants: [
            (name: "A", percent: 50.0, next: None), (name: "B", percent: 50.0, next: None)])),
    })],
    scenario: (customers: 3000, triggers: {
        "unsubscribed": (per_day: 0.01), "purchased": (per_day: 0.05)}),
)"#;

#[test]
fn simulate_prints_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .args(["simulate"])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Small: 3000 customers",
        "Arrivals",
        "entered",
        "completed",
        "exit: unsubscribed",
        "Goal 'purchased'",
        "target 5%",
        "Hello",
        "A/B test",
        "Email",
    ] {
        assert!(text.contains(needle), "summary lacks {needle:?}:\n{text}");
    }
}

#[test]
fn simulate_json_has_exactly_the_report_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .args([
            "simulate",
            "--json",
            "--customers",
            "500",
            "--seed",
            "9",
            "--threads",
            "2",
        ])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // Top-level keys come in FORMAT.md's order.
    let text = String::from_utf8_lossy(&out.stdout);
    let order = [
        "journey",
        "seed",
        "customers",
        "arrivals",
        "outcomes",
        "goal",
        "steps",
        "ab_tests",
        "channels",
        "channel_optimization",
        "versions",
        "timeline",
        "holdout",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| text.find(&format!("\n  \"{k}\":")).expect("top-level key"))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "keys in the documented order"
    );
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |list: &[&str]| -> Vec<String> {
        let mut k: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&v),
        sorted(&[
            "journey",
            "seed",
            "customers",
            "arrivals",
            "outcomes",
            "goal",
            "steps",
            "ab_tests",
            "channels",
            "channel_optimization",
            "versions",
            "timeline",
            "holdout"
        ])
    );
    assert_eq!(v["seed"], 9);
    assert_eq!(v["customers"], 500);
    assert_eq!(
        keys(&v["arrivals"]),
        sorted(&[
            "arrived",
            "entered",
            "excluded",
            "after_end_date",
            "after_stop",
            "not_reentered"
        ])
    );
    assert_eq!(
        keys(&v["outcomes"]),
        sorted(&[
            "completed",
            "suppressed",
            "exit_trigger",
            "stopped",
            "in_progress",
            "held_out"
        ])
    );
    assert!(v["outcomes"]["exit_trigger"]["unsubscribed"].is_u64());
    assert_eq!(
        keys(&v["goal"]),
        sorted(&["trigger", "converted", "rate", "target_percent", "met"])
    );
    assert_eq!(
        keys(&v["steps"][0]),
        sorted(&[
            "version",
            "id",
            "name",
            "reached",
            "completed",
            "exited",
            "in_progress",
            "messages"
        ])
    );
    assert_eq!(
        keys(&v["steps"][0]["exited"]),
        sorted(&["suppressed", "exit_trigger", "stopped"])
    );
    assert_eq!(
        keys(&v["ab_tests"][0]),
        sorted(&[
            "version",
            "step",
            "variants",
            "winner",
            "p_value",
            "decided_at"
        ])
    );
    assert_eq!(
        keys(&v["ab_tests"][0]["variants"][0]),
        sorted(&["name", "assigned", "converted", "rate", "ci95"])
    );
    assert_eq!(
        keys(&v["channels"][0]),
        sorted(&[
            "channel",
            "sent",
            "delivered",
            "opened",
            "clicked",
            "converted",
            "skipped",
            "capped"
        ])
    );
    assert_eq!(
        keys(&v["versions"][0]),
        sorted(&["version", "entered", "completed", "stopped"])
    );
    assert_eq!(
        keys(&v["timeline"][0]),
        sorted(&["at", "in_progress", "entered", "exited", "sent"])
    );
    assert_eq!(v["timeline"][0]["at"], "2026-01-01T00:00:00Z");
    assert_eq!(v["timeline"].as_array().map(Vec::len), Some(30 * 24 + 1));
}

#[test]
fn simulate_refuses_with_every_problem_and_exit_1() {
    let bad = SMALL.replace("next: Some(2)", "next: Some(9)").replace(
        "\"purchased\": (per_day: 0.05)",
        "\"bought\": (per_day: 0.05)",
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .arg("simulate")
        .arg(write(dir.path(), &bad))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be simulated (2 problems)"), "{err}");
    assert!(err.contains("step 9") || err.contains('9'), "{err}");
    assert!(err.contains("'purchased' is not in the scenario"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn simulate_welcome_series_json_matches_its_scenario() {
    let Some(file) = welcome() else { return };
    let out = bin()
        .args(["simulate", "--json"])
        .arg(file)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["customers"], 10_000);
    assert_eq!(v["seed"], 42);
    assert_eq!(v["arrivals"]["arrived"], 10_000);
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(9));
}

#[test]
fn simulate_threads_0_is_a_usage_error_that_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .args(["simulate", "--threads", "0"])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--threads"), "{err}");
    assert!(err.contains("at least 1 thread"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn simulate_threads_above_the_cores_run_on_the_cores_with_a_note() {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), SMALL);
    let run = |threads: usize| {
        bin()
            .args(["simulate", "--json", "--customers", "500", "--threads"])
            .arg(threads.to_string())
            .arg(&file)
            .output()
            .expect("runs")
    };
    let asked = cores + 1000;
    let clamped = run(asked);
    assert!(clamped.status.success());
    let note = String::from_utf8_lossy(&clamped.stderr);
    assert!(
        note.contains(&format!("--threads {asked}")) && note.contains(&format!("using {cores}")),
        "{note}"
    );
    let exact = run(cores);
    assert!(exact.status.success());
    assert!(exact.stderr.is_empty(), "no note when it fits");
    assert_eq!(clamped.stdout, exact.stdout, "the same report");
}

#[test]
fn s24_simulate_with_replications_prints_medians_with_their_ranges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .args(["simulate", "--replications", "4", "--seed", "9"])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Over 4 runs (seeds 9 to 12)"), "{text}");
    assert!(text.contains("80 % of runs"), "{text}");
    assert!(text.contains("A/B test (version 1, step 2)"), "{text}");
    let zero = bin()
        .args(["simulate", "--replications", "0"])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(!zero.status.success(), "0 replications is refused");
}

#[test]
fn simulate_says_before_a_long_run_how_long_it_may_take() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench/reentry-visited.journey.ron");
    let mut child = bin()
        .args(["simulate", "--customers", "1000"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    // The line comes before the simulation: read it, then stop the run.
    let mut line = String::new();
    let stderr = child.stderr.take().expect("stderr");
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stderr), &mut line).expect("reads");
    child.kill().expect("kills");
    child.wait().expect("waits");
    assert!(line.starts_with("This run may take about "), "{line}");
    assert!(line.contains(" million entries, "), "{line}");
    assert!(line.contains("--customers "), "{line}");
    assert!(line.trim_end().ends_with("makes it shorter."), "{line}");
}

#[test]
fn simulate_says_nothing_before_a_quick_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = bin()
        .args(["simulate", "--customers", "2000"])
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn simulate_html_writes_a_self_contained_report_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.html");
    let out = bin()
        .args(["simulate", "--json", "--html"])
        .arg(&report)
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("wrote {}", report.display())),
        "{stderr}"
    );
    // --json still prints the report.
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
    assert_eq!(json["journey"], "Small");
    let page = std::fs::read_to_string(&report).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<h1>Small</h1>"));
    assert!(page.contains("<svg"));
    assert!(page.contains("Where everyone went"));
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
}

#[test]
fn simulate_html_to_a_missing_folder_fails_and_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("no-such-folder").join("report.html");
    let out = bin()
        .args(["simulate", "--html"])
        .arg(&report)
        .arg(write(dir.path(), SMALL))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could not write the HTML report"),
        "{stderr}"
    );
    assert!(!report.exists());
}
