//! Per-customer random streams (S14): a counter-based generator.
//!
//! Customer `i` of a run with seed `s` draws from its own stream, keyed by
//! `mix(mix(s) ^ mix(i))`; draw number `j` of that stream is
//! `mix(key + j * GOLDEN)`, where `mix` is the SplitMix64 finaliser. A
//! stream depends on nothing but (seed, customer index), so the result does
//! not depend on which thread simulates which customer, nor on how many
//! threads there are. SplitMix64 passes BigCrush and costs about a
//! nanosecond per draw, which matters when ten million customers each draw
//! a few dozen numbers. Logarithms come from `libm`, so draws are the same
//! on every machine.

/// The golden-ratio increment of SplitMix64.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijective 64-bit mixer.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What a keyed stream ([`Stream::keyed`]) is drawn for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The customer's time zone (S22), entry 0.
    TimeZone,
    /// Whether an entry is held out (S23).
    Holdout,
}

/// One customer's random stream.
#[derive(Clone, Debug)]
pub struct Stream {
    state: u64,
}

impl Stream {
    /// The stream of customer `index` in a run seeded with `seed`.
    pub fn new(seed: u64, index: u64) -> Self {
        let key = mix(mix(seed ^ 0x6A09_E667_F3BC_C908) ^ mix(index.wrapping_add(GOLDEN)));
        Stream { state: key }
    }

    /// A stream of its own for one purpose of one entry of customer `index` (the
    /// holdout draw, the time-zone draw): keyed by (seed, customer, entry, purpose), so
    /// that using it never shifts a draw of the customer's main stream (rules.md,
    /// format 2).
    pub fn keyed(seed: u64, index: u64, entry: u64, purpose: Purpose) -> Self {
        let main = Stream::new(seed, index).state;
        let key = mix(main ^ mix(entry.wrapping_mul(GOLDEN) ^ (purpose as u64 + 1)));
        Stream { state: key }
    }

    /// The next 64 random bits.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// An exponential waiting time with rate `rate` (per second); infinite when
    /// the rate is zero. Draws nothing when the rate is zero.
    #[inline]
    pub fn exponential(&mut self, rate: f64) -> f64 {
        if rate > 0.0 {
            self.unit_exponential() / rate
        } else {
            f64::INFINITY
        }
    }

    /// An exponential number with mean 1 (Marsaglia–Tsang ziggurat, 256 layers).
    ///
    /// About 99 % of draws take one 64-bit number and a multiplication; the
    /// rest fall back to the exact tail or wedge test with `libm`. The tables
    /// are computed once with `libm`, so they are the same on every machine.
    #[inline]
    pub fn unit_exponential(&mut self) -> f64 {
        let z = ziggurat();
        loop {
            let bits = self.next_u64();
            let i = (bits & 0xFF) as usize;
            let u = ((bits >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64);
            let x = u * z.x[i];
            if x < z.x[i + 1] {
                return x;
            }
            if i == 0 {
                // The tail beyond R is R plus a fresh exponential.
                return ZIG_R - libm::log(1.0 - self.uniform());
            }
            if z.f[i + 1] + (z.f[i] - z.f[i + 1]) * self.uniform() < libm::exp(-x) {
                return x;
            }
        }
    }
}

/// The start of the exponential ziggurat's tail.
const ZIG_R: f64 = 7.697_117_470_131_05;
/// The area of each of its layers.
const ZIG_V: f64 = 0.003_949_659_822_581_557;

/// Ziggurat tables: layer edges `x` (257, from the base strip's width down to 0) and `exp(-x)`.
struct Ziggurat {
    x: [f64; 257],
    f: [f64; 257],
}

fn ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut x = [0.0; 257];
        x[0] = ZIG_V * libm::exp(ZIG_R);
        x[1] = ZIG_R;
        for i in 1..255 {
            x[i + 1] = -libm::log(ZIG_V / x[i] + libm::exp(-x[i]));
        }
        x[256] = 0.0;
        let mut f = [0.0; 257];
        for i in 0..257 {
            f[i] = libm::exp(-x[i]);
        }
        Ziggurat { x, f }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s14_streams_depend_only_on_seed_and_index() {
        let a: Vec<u64> = (0..4).map(|_| Stream::new(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Stream::new(7, 3).next_u64(), Stream::new(7, 4).next_u64());
        assert_ne!(Stream::new(7, 3).next_u64(), Stream::new(8, 3).next_u64());
    }

    #[test]
    fn s14_keyed_streams_differ_by_entry_and_purpose() {
        let draw = |entry, purpose| Stream::keyed(7, 3, entry, purpose).next_u64();
        assert_eq!(draw(0, Purpose::Holdout), draw(0, Purpose::Holdout));
        assert_ne!(draw(0, Purpose::Holdout), draw(1, Purpose::Holdout));
        assert_ne!(draw(0, Purpose::Holdout), draw(0, Purpose::TimeZone));
        assert_ne!(draw(0, Purpose::Holdout), Stream::new(7, 3).next_u64());
    }

    #[test]
    fn uniform_mean_is_about_one_half() {
        let mut s = Stream::new(1, 1);
        let n = 100_000;
        let mean: f64 = (0..n).map(|_| s.uniform()).sum::<f64>() / f64::from(n);
        // Standard error of the mean is sqrt(1/12/n) ~ 0.0009.
        assert!((mean - 0.5).abs() < 0.005, "{mean}");
        let mut s = Stream::new(2, 9);
        let mean: f64 = (0..n).map(|_| s.unit_exponential()).sum::<f64>() / f64::from(n);
        assert!((mean - 1.0).abs() < 0.02, "{mean}");
    }

    #[test]
    fn exponential_tail_probabilities_match() {
        // P(X > x) = exp(-x); with n draws the standard error is sqrt(p(1-p)/n).
        let mut s = Stream::new(3, 5);
        let n = 400_000;
        let draws: Vec<f64> = (0..n).map(|_| s.unit_exponential()).collect();
        for x in [0.1, 0.5, 1.0, 2.0, 4.0, 8.0] {
            let p = libm::exp(-x);
            let seen = draws.iter().filter(|&&d| d > x).count() as f64 / f64::from(n);
            let se = (p * (1.0 - p) / f64::from(n)).sqrt();
            assert!((seen - p).abs() < 5.0 * se + 1e-6, "x {x}: {seen} vs {p}");
        }
        let var = draws.iter().map(|d| (d - 1.0) * (d - 1.0)).sum::<f64>() / f64::from(n);
        assert!((var - 1.0).abs() < 0.03, "{var}");
    }
}
