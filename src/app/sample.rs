//! The journey opened the very first time, before there is a last file.

/// The welcome-series template, or an empty journey if it somehow fails to parse.
pub fn sample_journey() -> crate::model::Journey {
    crate::templates::welcome()
}

/// A fixed journey for the window tests (its step names and positions are
/// what the tests click on).
#[cfg(test)]
pub fn test_journey() -> crate::model::Journey {
    crate::store::parse(include_str!(
        "../../tests/fixtures/canvas-welcome.journey.ron"
    ))
    .expect("test fixture parses")
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_is_the_welcome_template_and_validates() {
        let j = super::sample_journey();
        assert_eq!(j.name, "Welcome series");
        assert!(crate::model::validate(&j).iter().all(|p| !p.is_error()));
    }
}
