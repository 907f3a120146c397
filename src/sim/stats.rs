//! Statistics of the report: Wilson intervals and the pooled two-proportion z-test.
//!
//! The normal distribution comes from `statrs` (no hand-written erf).
//! - Wilson score interval at 95 %: with `p = k/n` and `z = Φ⁻¹(0.975)`,
//!   centre `(p + z²/2n) / (1 + z²/n)`, half-width
//!   `z √(p(1-p)/n + z²/4n²) / (1 + z²/n)`; over no customers it is `[0, 1]`.
//! - Two-sided pooled z-test: `p̂ = (k1+k2)/(n1+n2)`,
//!   `z = (p1 - p2) / √(p̂(1-p̂)(1/n1 + 1/n2))`, p-value `2 (1 - Φ(|z|))`;
//!   1 when either group is empty or the pooled variance is zero.

use statrs::distribution::{ContinuousCDF, Normal};

/// The 97.5 % quantile of the standard normal (two-sided 95 %).
pub fn z95() -> f64 {
    Normal::standard().inverse_cdf(0.975)
}

/// The Wilson score interval at 95 % for `k` successes out of `n`.
pub fn wilson95(k: u64, n: u64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let z = z95();
    let n_f = n as f64;
    let p = k as f64 / n_f;
    let denom = 1.0 + z * z / n_f;
    let centre = (p + z * z / (2.0 * n_f)) / denom;
    let half = z * (p * (1.0 - p) / n_f + z * z / (4.0 * n_f * n_f)).sqrt() / denom;
    // At k = 0 (k = n) the bound is exactly 0 (1); rounding must not move it.
    let lo = if k == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let hi = if k >= n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    [lo, hi]
}

/// The two-sided p-value of the pooled two-proportion z-test of `k1/n1` against `k2/n2`.
pub fn two_proportion_p(k1: u64, n1: u64, k2: u64, n2: u64) -> f64 {
    if n1 == 0 || n2 == 0 {
        return 1.0;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se <= 0.0 || !se.is_finite() {
        return 1.0;
    }
    let z = ((k1 as f64 / n1f - k2 as f64 / n2f) / se).abs();
    (2.0 * Normal::standard().sf(z)).min(1.0)
}

/// A rate `k / n`, 0 when `n` is 0.
pub fn rate(k: u64, n: u64) -> f64 {
    if n == 0 { 0.0 } else { k as f64 / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_known_values() {
        // 10 of 100: Wilson 95 % is [0.0552, 0.1744].
        let [lo, hi] = wilson95(10, 100);
        assert!(
            (lo - 0.0552).abs() < 1e-4 && (hi - 0.1744).abs() < 1e-4,
            "{lo} {hi}"
        );
        assert_eq!(wilson95(0, 0), [0.0, 1.0]);
        let [lo, hi] = wilson95(0, 10);
        assert!(lo == 0.0 && hi > 0.0 && hi < 0.35);
    }

    #[test]
    fn z_test_matches_known_values() {
        // 200/1000 vs 150/1000: z = 2.95, p = 0.0032.
        let p = two_proportion_p(200, 1000, 150, 1000);
        assert!((p - 0.0032).abs() < 2e-4, "{p}");
        assert_eq!(two_proportion_p(0, 10, 0, 10), 1.0);
        assert_eq!(two_proportion_p(1, 0, 0, 10), 1.0);
        assert!((two_proportion_p(50, 100, 50, 100) - 1.0).abs() < 1e-12);
    }
}
