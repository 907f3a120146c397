//! The journey opened the very first time, before there is a last file.

/// The welcome-series sample as RON text.
///
/// TODO(integration): swap for the templates module (`crate::templates`)
/// once it is merged; this is the one place that names the sample.
pub const FALLBACK_SAMPLE: &str = include_str!("../../assets/welcome-series.journey.ron");

/// The sample parsed, or an empty journey if it somehow fails to parse.
pub fn sample_journey() -> crate::model::Journey {
    crate::store::parse(FALLBACK_SAMPLE)
        .unwrap_or_else(|_| crate::model::Journey::new_empty("New journey", chrono::Utc::now()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fallback_sample_parses_and_validates() {
        let j = crate::store::parse(super::FALLBACK_SAMPLE).expect("sample parses");
        assert!(crate::model::validate(&j).iter().all(|p| !p.is_error()));
    }
}
