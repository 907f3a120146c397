//! S24: replications. Run r of R uses seed `seed + r`; run 0 is the plain
//! run; the spread does not depend on the threads.

use journey_designer::model::{Channel, Span};
use journey_designer::sim::{SimOptions, replicate, run_metrics, simulate};

use super::build::*;

fn suppressed_at_entry_journey() -> journey_designer::model::Journey {
    let mut j = journey(vec![
        (1, message(Channel::Email, Some(2))),
        (2, wait(Span::Days(2), None)),
    ]);
    j.scenario.customers = 2_000;
    j.end.suppression_segments = vec!["complained".to_owned()];
    j.scenario.segments = segments(&[("complained", segment(0.2, 0.0))]);
    j
}

fn options(seed: u64, threads: usize) -> SimOptions {
    SimOptions {
        seed: Some(seed),
        threads: Some(threads),
        ..Default::default()
    }
}

#[test]
fn s24_run_0_is_the_plain_run_byte_for_byte() {
    let j = suppressed_at_entry_journey();
    let plain = simulate(&j, &options(7, 2)).expect("simulates");
    let done = replicate(&j, &options(7, 2), 5).expect("replicates");
    assert_eq!(done.first.to_json_string(), plain.to_json_string());
    let with = done.to_json_string();
    let without = plain.to_json_string();
    // The same keys and values, then `replications` as the last key.
    let head = without.trim_end().trim_end_matches('}').trim_end();
    assert!(
        with.starts_with(head),
        "run 0's report comes first, unchanged"
    );
    let last_key = with.rfind("\n  \"").expect("top-level keys");
    assert!(with[last_key..].starts_with("\n  \"replications\": {"));
    let value: serde_json::Value = serde_json::from_str(&with).expect("JSON");
    assert_eq!(value["replications"]["count"], 5);
}

#[test]
fn s24_the_mean_is_the_mean_of_r_separate_runs_with_seeds_s_to_s_plus_r_minus_1() {
    let j = suppressed_at_entry_journey();
    let r = 6;
    let done = replicate(&j, &options(40, 2), r).expect("replicates");
    let separate: Vec<Vec<f64>> = (0..u64::from(r))
        .map(|k| run_metrics(&simulate(&j, &options(40 + k, 1)).expect("simulates")))
        .collect();
    for (i, m) in done.replications.metrics.iter().enumerate() {
        let mean = separate.iter().map(|v| v[i]).sum::<f64>() / f64::from(r);
        assert!(
            (m.spread.mean - mean).abs() < 1e-9,
            "{}: {} vs {mean}",
            m.name,
            m.spread.mean
        );
        let lo = separate.iter().map(|v| v[i]).fold(f64::INFINITY, f64::min);
        assert_eq!(m.spread.min, lo, "{}", m.name);
    }
}

#[test]
fn s24_the_same_bytes_on_1_and_4_threads() {
    let j = suppressed_at_entry_journey();
    let one = replicate(&j, &options(3, 1), 9).expect("replicates");
    let four = replicate(&j, &options(3, 4), 9).expect("replicates");
    assert_eq!(one.to_json_string(), four.to_json_string());
}

#[test]
fn s24_the_p10_to_p90_of_a_binomial_count_is_where_binomial_theory_puts_it() {
    // Suppressed at entry: Binomial(2,000, 0.2): mean 400, sd about 17.9; the
    // 10 % and 90 % points are near 400 ∓ 1.28 sd (377 and 423).
    let j = suppressed_at_entry_journey();
    let done = replicate(&j, &options(1, 2), 200).expect("replicates");
    let m = done
        .replications
        .metrics
        .iter()
        .find(|m| m.name == "suppressed")
        .expect("suppressed");
    let sd = (2_000.0_f64 * 0.2 * 0.8).sqrt();
    let s = m.spread;
    assert!(
        (s.mean - 400.0).abs() < 5.0 * sd / 200.0_f64.sqrt(),
        "{s:?}"
    );
    assert!((s.p10 - (400.0 - 1.2816 * sd)).abs() < 0.35 * sd, "{s:?}");
    assert!((s.p90 - (400.0 + 1.2816 * sd)).abs() < 0.35 * sd, "{s:?}");
    assert!(s.p10 <= s.p50 && s.p50 <= s.p90 && s.min <= s.p10 && s.p90 <= s.max);
}
