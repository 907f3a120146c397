//! The spread of one metric over the runs of a replication (S24): the plain
//! mean, nearest-rank quantiles and the extremes.

/// Mean, p10, p50, p90, min and max of a metric over R runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The plain average.
    pub mean: f64,
    /// The value at rank ⌈0.1·R⌉ of the sorted values.
    pub p10: f64,
    /// The value at rank ⌈0.5·R⌉.
    pub p50: f64,
    /// The value at rank ⌈0.9·R⌉.
    pub p90: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

/// The nearest-rank quantile of `tenths`/10 of `sorted` (ascending, not
/// empty): the value at 1-based rank ⌈p·R⌉ (rank 1 for p = 0), in integers so
/// that 0.1 × 30 is 3, not 3.000…04.
pub fn quantile<T: Copy>(sorted: &[T], tenths: usize) -> T {
    let n = sorted.len();
    let rank = (tenths * n).div_ceil(10).max(1);
    sorted[rank.min(n) - 1]
}

impl Spread {
    /// The spread of `values` (one per run, at least one).
    pub fn of(values: &[f64]) -> Spread {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
        Spread {
            mean,
            p10: quantile(&sorted, 1),
            p50: quantile(&sorted, 5),
            p90: quantile(&sorted, 9),
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s24_quantiles_are_nearest_rank_on_a_known_set() {
        // 1..=10: rank ⌈0.1·10⌉ = 1, ⌈0.5·10⌉ = 5, ⌈0.9·10⌉ = 9.
        let values: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        let s = Spread::of(&values);
        assert_eq!((s.p10, s.p50, s.p90), (1.0, 5.0, 9.0));
        assert_eq!((s.min, s.max, s.mean), (1.0, 10.0, 5.5));
        // R = 7: ranks ⌈0.7⌉ = 1, ⌈3.5⌉ = 4, ⌈6.3⌉ = 7.
        let seven = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0];
        let s = Spread::of(&seven);
        assert_eq!((s.p10, s.p50, s.p90), (10.0, 40.0, 70.0));
        // R = 1: every quantile is the value.
        let one = Spread::of(&[3.0]);
        assert_eq!(
            (one.p10, one.p50, one.p90, one.min, one.max),
            (3.0, 3.0, 3.0, 3.0, 3.0)
        );
        // R = 30: ranks 3, 15, 27 (0.1 × 30 is 3 here, not 3.000…04).
        let thirty: Vec<f64> = (1..=30).map(f64::from).collect();
        let s = Spread::of(&thirty);
        assert_eq!((s.p10, s.p50, s.p90), (3.0, 15.0, 27.0));
        // R = 20: ranks 2, 10, 18.
        let twenty: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = Spread::of(&twenty);
        assert_eq!((s.p10, s.p50, s.p90), (2.0, 10.0, 18.0));
    }
}
