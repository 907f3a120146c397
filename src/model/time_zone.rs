//! Time zones from the IANA database (through `chrono-tz`): looking a name up,
//! and the nearest names when it is not there.

pub use chrono_tz::Tz;

/// The attribute conditions read a customer's time zone from (S22).
pub const TIME_ZONE_ATTRIBUTE: &str = "time_zone";

/// The name every customer's zone has when the scenario lists no time zones.
pub const UTC_NAME: &str = "UTC";

/// The zone named `name` exactly as the database spells it ("Europe/Berlin").
pub fn zone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok()
}

/// Every zone name of the database, in the database's order (for a zone picker).
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// Up to `n` database names closest to `name` (case-insensitive edit distance; a name
/// that contains the text, or the same city, comes first), for "did you mean".
pub fn nearest_zones(name: &str, n: usize) -> Vec<&'static str> {
    let wanted = name.trim().to_lowercase();
    let city = wanted
        .rsplit('/')
        .next()
        .unwrap_or(&wanted)
        .replace(' ', "_");
    let mut scored: Vec<(usize, &'static str)> = zone_names()
        .map(|candidate| {
            let lower = candidate.to_lowercase();
            let own_city = lower.rsplit('/').next().unwrap_or(&lower);
            let bonus = if !city.is_empty() && own_city == city {
                0
            } else if !wanted.is_empty() && lower.contains(&wanted) {
                1
            } else {
                2 + edit_distance(&wanted, &lower)
            };
            (bonus, candidate)
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(n).map(|(_, name)| name).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s22_zones_come_from_the_database_and_typos_get_suggestions() {
        assert!(zone("Europe/Berlin").is_some());
        assert!(zone("UTC").is_some());
        assert!(zone("Europe/Berlinn").is_none());
        assert_eq!(nearest_zones("Europe/Berlinn", 3)[0], "Europe/Berlin");
        assert!(nearest_zones("new york", 3).contains(&"America/New_York"));
        assert!(zone_names().count() > 300);
    }
}
