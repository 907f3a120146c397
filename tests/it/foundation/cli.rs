//! The `journey-designer` binary, run as a user or a script would.

use std::path::Path;
use std::process::{Command, Output};

use clap::CommandFactory;
use journey_designer::cli::Cli;

use super::{RULE_TEST_JOURNEY, sample_files};

fn run(args: &[&std::ffi::OsStr]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_journey-designer"))
        .args(args)
        // Were anything to panic, this would make it loud.
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE"] {
        assert!(!all.contains(bad), "{bad} in output:\n{all}");
    }
    output
}

fn validate(files: &[&Path]) -> (i32, String, String) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["validate".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = run(&args);
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn validate_accepts_the_corpus_and_the_assets() {
    let files = sample_files();
    let paths: Vec<&Path> = files.iter().map(AsRef::as_ref).collect();
    let (code, stdout, stderr) = validate(&paths);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for file in &files {
        assert!(
            stdout.contains(&format!("{}: ok", file.display())),
            "{stdout}"
        );
    }
}

#[test]
fn validate_prints_step_errors_as_file_step_name_message_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coupon.journey.ron");
    let broken = RULE_TEST_JOURNEY.replacen(
        "(name: \"Push\", percent: 50.0",
        "(name: \"Push\", percent: 40.0",
        1,
    );
    std::fs::write(&path, broken).unwrap();
    let (code, stdout, _) = validate(&[&path]);
    assert_eq!(code, 1, "{stdout}");
    let expected = format!(
        "{}: step 4 'Coupon: email or push?': variant percentages add up to 90, not 100",
        path.display()
    );
    assert!(stdout.lines().any(|l| l == expected), "{stdout}");
}

#[test]
fn validate_prints_warnings_but_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("warned.journey.ron");
    let text = RULE_TEST_JOURNEY.replacen("arrivals_over: Days(7)", "arrivals_over: Days(60)", 1);
    std::fs::write(&path, text).unwrap();
    let (code, stdout, _) = validate(&[&path]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(&format!("{}: journey: warning: ", path.display())),
        "{stdout}"
    );
    assert!(stdout.contains("ok (1 warning)"), "{stdout}");
}

#[test]
fn validate_broken_file_prints_file_line_and_column_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.journey.ron");
    std::fs::write(
        &path,
        RULE_TEST_JOURNEY.replacen("first_step", "frist_step", 1),
    )
    .unwrap();
    let (code, stdout, stderr) = validate(&[&path]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    let prefix = format!("{}: line 16, column ", path.display());
    assert!(stderr.starts_with(&prefix), "{stderr}");
    assert!(stderr.contains("frist_step"), "{stderr}");
}

#[test]
fn validate_reports_every_file_and_exits_with_the_worst() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.journey.ron");
    let bad = dir.path().join("bad.journey.ron");
    let garbage = dir.path().join("garbage.journey.ron");
    let missing = dir.path().join("missing.journey.ron");
    std::fs::write(&good, RULE_TEST_JOURNEY).unwrap();
    std::fs::write(
        &bad,
        RULE_TEST_JOURNEY.replacen("first_step: 1", "first_step: 99", 1),
    )
    .unwrap();
    std::fs::write(&garbage, [0u8, 159, 146, 150, 255]).unwrap();
    let (code, stdout, stderr) = validate(&[&bad, &good, &garbage, &missing]);
    assert_eq!(code, 2);
    assert!(
        stdout.contains(&format!("{}: ok", good.display())),
        "{stdout}"
    );
    assert!(stdout.contains("the first step is step 99"), "{stdout}");
    assert!(
        stderr.contains(&format!("{}: not a journey file", garbage.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: cannot read", missing.display())),
        "{stderr}"
    );
    let (code, _, _) = validate(&[&good, &bad]);
    assert_eq!(code, 1);
}

#[test]
fn validate_a_newer_file_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.journey.ron");
    std::fs::write(
        &path,
        RULE_TEST_JOURNEY.replacen("format: 1", "format: 3", 1),
    )
    .unwrap();
    let (code, _, stderr) = validate(&[&path]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("written by a newer version of Journey Designer"),
        "{stderr}"
    );
}

#[test]
fn help_describes_every_command() {
    let output = run(&["--help".as_ref()]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    let cli = Cli::command();
    let mut commands = 0;
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        commands += 1;
        let name = sub.get_name();
        assert!(help.contains(name), "{name} missing from --help:\n{help}");
        let about = sub
            .get_about()
            .expect("every command has a description")
            .to_string();
        assert!(
            help.contains(&about),
            "{name}'s description missing:\n{help}"
        );
        let sub_help = run(&[name.as_ref(), "--help".as_ref()]);
        assert!(sub_help.status.success(), "{name} --help");
    }
    assert!(commands >= 1);
    let validate_help =
        String::from_utf8(run(&["validate".as_ref(), "--help".as_ref()]).stdout).unwrap();
    assert!(validate_help.contains("Exits 0"), "{validate_help}");
}

#[test]
fn validate_without_files_is_a_usage_error() {
    let output = run(&["validate".as_ref()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage"));
}

#[test]
fn validate_into_a_closed_pipe_stops_quietly() {
    // Enough output to overflow any pipe buffer, read by no one.
    let files = sample_files();
    let mut command = Command::new(env!("CARGO_BIN_EXE_journey-designer"));
    command.arg("validate");
    for _ in 0..300 {
        command.args(&files);
    }
    let mut child = command
        .env("RUST_BACKTRACE", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
