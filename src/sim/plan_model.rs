//! The planner's power curve above the scenario's customers. A run of N
//! customers is N independent customers, so an A/B test's decision counts
//! (assigned and converted per variant) are a sum of N independent
//! per-customer contributions: their mean and covariance grow as N. The
//! model measures both from the runs at the scenario's customers and draws
//! the counts at any larger N from the normal law they give (central limit
//! theorem), with the same R standard-normal draws at every N, so the curve
//! is smooth and a search on it is repeatable. Each drawn run is judged by
//! the same z-test as a simulated one ([`verdict`]).
//!
//! It answers in microseconds where simulating R runs of 100,000,000
//! customers would take an hour; `plan --exact` simulates every count.

use super::rng::Stream;
use super::run::{AbResult, verdict};

/// The per-customer law of one A/B test's decision counts.
#[derive(Clone, Debug)]
pub struct PowerModel {
    /// Mean per customer: assigned per variant, then converted per variant.
    mean: Vec<f64>,
    /// A lower-triangular factor of the per-customer covariance.
    factor: Vec<Vec<f64>>,
    /// R standard-normal vectors, the same at every customer count.
    draws: Vec<Vec<f64>>,
}

/// The draws' stream index: no customer has it (at most 100,000,000 exist).
const DRAW_STREAM: u64 = u64::MAX;

impl PowerModel {
    /// The law measured from test `test` of `runs` of `customers` customers;
    /// `seed` keys the model's R draws.
    pub fn measure(runs: &[Vec<AbResult>], test: usize, customers: u64, seed: u64) -> Self {
        let rows: Vec<Vec<f64>> = runs
            .iter()
            .map(|r| {
                let t = &r[test];
                (t.assigned.iter().chain(&t.converted))
                    .map(|&c| c as f64)
                    .collect()
            })
            .collect();
        let d = rows.first().map_or(0, Vec::len);
        let n = customers.max(1) as f64;
        let count = rows.len().max(1) as f64;
        let avg: Vec<f64> = (0..d)
            .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / count)
            .collect();
        let cov: Vec<Vec<f64>> = (0..d)
            .map(|i| {
                (0..d)
                    .map(|j| {
                        let s: f64 = rows.iter().map(|r| (r[i] - avg[i]) * (r[j] - avg[j])).sum();
                        s / (count - 1.0).max(1.0) / n
                    })
                    .collect()
            })
            .collect();
        let draws = (0..runs.len() as u64)
            .map(|r| normals(seed.wrapping_add(r), d))
            .collect();
        PowerModel {
            mean: avg.iter().map(|m| m / n).collect(),
            factor: cholesky(&cov),
            draws,
        }
    }

    /// The share of the R drawn runs of `customers` customers whose test
    /// declares a winner.
    pub fn power(&self, customers: u64) -> f64 {
        let n = customers as f64;
        let k = self.mean.len() / 2;
        let won = (self.draws.iter())
            .filter(|z| {
                let x: Vec<f64> = (0..self.mean.len())
                    .map(|i| {
                        let noise: f64 = (0..=i).map(|j| self.factor[i][j] * z[j]).sum();
                        n * self.mean[i] + n.sqrt() * noise
                    })
                    .collect();
                let assigned: Vec<u64> =
                    x[..k].iter().map(|&a| a.round().max(0.0) as u64).collect();
                let converted: Vec<u64> = (x[k..].iter().zip(&assigned))
                    .map(|(&c, &a)| (c.round().max(0.0) as u64).min(a))
                    .collect();
                verdict(&assigned, &converted).winner.is_some()
            })
            .count();
        won as f64 / self.draws.len().max(1) as f64
    }
}

/// `d` standard normals from stream `seed` (Box–Muller).
fn normals(seed: u64, d: usize) -> Vec<f64> {
    let mut rng = Stream::new(seed, DRAW_STREAM);
    (0..d)
        .map(|_| {
            let u = 1.0 - rng.uniform();
            let v = rng.uniform();
            (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        })
        .collect()
}

/// A lower-triangular `L` with `L Lᵀ = cov` for a positive semi-definite
/// `cov`; a direction without variance (a variant nobody gets) gets zeros.
fn cholesky(cov: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let d = cov.len();
    let mut l = vec![vec![0.0; d]; d];
    let scale = (0..d).map(|i| cov[i][i].abs()).fold(0.0, f64::max);
    for j in 0..d {
        let pivot = cov[j][j] - (0..j).map(|k| l[j][k] * l[j][k]).sum::<f64>();
        if pivot <= 1e-12 * scale.max(f64::MIN_POSITIVE) {
            continue;
        }
        let root = pivot.sqrt();
        l[j][j] = root;
        for i in j + 1..d {
            let dot: f64 = (0..j).map(|k| l[i][k] * l[j][k]).sum();
            l[i][j] = (cov[i][j] - dot) / root;
        }
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_factor_gives_back_the_covariance_even_with_a_direction_without_variance() {
        let cov = vec![
            vec![4.0, 2.0, 0.0],
            vec![2.0, 5.0, 0.0],
            vec![0.0, 0.0, 0.0],
        ];
        let l = cholesky(&cov);
        for i in 0..3 {
            for j in 0..3 {
                let back: f64 = (0..3).map(|k| l[i][k] * l[j][k]).sum();
                assert!((back - cov[i][j]).abs() < 1e-9, "{i},{j}: {back}");
            }
        }
    }

    #[test]
    fn normal_draws_have_mean_zero_and_variance_one() {
        let z: Vec<f64> = (0..20_000).flat_map(|s| normals(s, 1)).collect();
        let mean = z.iter().sum::<f64>() / z.len() as f64;
        let var = z.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / z.len() as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((var - 1.0).abs() < 0.04, "{var}");
    }
}
