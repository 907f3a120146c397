//! The sample journeys in `assets/`, built into the binary: the templates a
//! marketer starts from ("New from template") and the journey the app opens
//! on its very first start.

use crate::model::Journey;
use crate::store::{self, LoadError};

/// One built-in template.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    /// The file name in `assets/`, e.g. `welcome-series.journey.ron`.
    pub file_name: &'static str,
    /// The journey's name, as shown in a menu.
    pub title: &'static str,
    /// One sentence on what it is for (the journey's description).
    pub description: &'static str,
    /// The file's text.
    pub ron: &'static str,
}

impl Template {
    /// The template as a journey.
    pub fn journey(&self) -> Result<Journey, LoadError> {
        store::parse(self.ron)
    }
}

/// Every built-in template, the welcome series first.
pub const TEMPLATES: &[Template] = &[
    Template {
        file_name: "welcome-series.journey.ron",
        title: "Welcome series",
        description: "New sign-ups get a welcome, tips or a nudge, then a first-order coupon if \
                      they have not bought yet.",
        ron: include_str!("../assets/welcome-series.journey.ron"),
    },
    Template {
        file_name: "cart-abandonment.journey.ron",
        title: "Cart abandonment",
        description: "Remind shoppers of their cart on their best channel, then offer free \
                      shipping on big carts.",
        ron: include_str!("../assets/cart-abandonment.journey.ron"),
    },
    Template {
        file_name: "webinar-invite.journey.ron",
        title: "Webinar invite",
        description: "Invite prospects to the September webinar; registrations close the \
                      journey, invitations stop a week before.",
        ron: include_str!("../assets/webinar-invite.journey.ron"),
    },
    Template {
        file_name: "renewal-live-edit.journey.ron",
        title: "Subscription renewal (live edited)",
        description: "Renewal reminders for plans renewing in 30 days; version 2 adds a renewal \
                      check and an offer test.",
        ron: include_str!("../assets/renewal-live-edit.journey.ron"),
    },
    Template {
        file_name: "black-friday-countdown.journey.ron",
        title: "Black Friday countdown",
        description: "A countdown to Black Friday at 09:00 local time, at most three messages \
                      in five days and a 10% holdout.",
        ron: include_str!("../assets/black-friday-countdown.journey.ron"),
    },
];

/// The welcome series, which the app opens on its first start.
///
/// The template is checked by the tests; should it ever fail to parse, a new
/// empty journey stands in rather than a crash.
pub fn welcome() -> Journey {
    TEMPLATES[0]
        .journey()
        .unwrap_or_else(|_| Journey::new_empty("Welcome series", chrono::DateTime::UNIX_EPOCH))
}

/// The template stored as `file_name` (tests use it to start from one).
///
/// # Panics
/// When no template has that file name or it does not parse.
#[cfg(test)]
pub fn named(file_name: &str) -> Journey {
    TEMPLATES
        .iter()
        .find(|t| t.file_name == file_name)
        .unwrap_or_else(|| panic!("no template {file_name}"))
        .journey()
        .unwrap_or_else(|e| panic!("{file_name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn every_template_parses_and_validates_without_problems() {
        for template in TEMPLATES {
            let journey = template.journey().unwrap();
            assert_eq!(validate(&journey), vec![], "{}", template.file_name);
            assert_eq!(journey.name, template.title, "{}", template.file_name);
            assert_eq!(
                journey.description, template.description,
                "{}",
                template.file_name
            );
        }
    }

    #[test]
    fn every_asset_is_a_template() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".journey.ron"))
            .collect();
        files.sort();
        let mut names: Vec<String> = TEMPLATES.iter().map(|t| t.file_name.to_owned()).collect();
        names.sort();
        assert_eq!(files, names);
    }

    #[test]
    fn welcome_is_the_welcome_series_template() {
        let journey = welcome();
        assert_eq!(journey.name, "Welcome series");
        assert!(journey.versions[0].steps.len() > 5);
    }
}
