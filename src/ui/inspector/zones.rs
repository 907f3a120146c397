//! Where customers live, in the Scenario form: time zones from the time zone
//! database with weights, and a searchable picker to add one (S22).

use egui::{RichText, TextEdit, Ui};

use super::widgets::{ERROR_COLOR, Labelled, NumberField, explain};
use crate::model::time_zone::{nearest_zones, zone, zone_names};

/// How many matches the picker lists at most.
const MATCHES: usize = 8;

/// The zones and their weights, then the picker. Edits `zones` in place.
pub fn time_zones_ui(ui: &mut Ui, zones: &mut Vec<(String, f64)>) {
    ui.label(RichText::new("Time zones").strong());
    if zones.is_empty() {
        explain(
            ui,
            "Every customer lives in UTC. Add the zones your customers live in: quiet hours and times of day then follow each customer's own clock.",
        );
    }
    let total: f64 = zones.iter().map(|(_, w)| w.max(0.0)).sum();
    let mut remove = None;
    for (i, (name, weight)) in zones.iter_mut().enumerate() {
        ui.push_id(("time-zone", i), |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(name.as_str());
                NumberField::new(&format!("{name} weight"))
                    .labelled(Labelled::By(label.id))
                    .range(0.0..=1_000.0)
                    .speed(0.01)
                    .show(ui, weight);
                if total > 0.0 {
                    ui.label(format!("{:.0} %", 100.0 * weight.max(0.0) / total));
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text(format!("Remove {name}"))
                    .clicked()
                {
                    remove = Some(i);
                }
            });
            if zone(name).is_none() {
                let near = nearest_zones(name, 3).join(", ");
                ui.label(
                    RichText::new(format!("Not a known time zone; did you mean {near}?"))
                        .color(ERROR_COLOR)
                        .small(),
                );
            }
        });
    }
    if let Some(i) = remove {
        zones.remove(i);
    }
    if !zones.is_empty() {
        explain(
            ui,
            "Each customer is given one zone, drawn by these weights.",
        );
    }
    if let Some(name) = picker_ui(ui, zones) {
        let weight = if zones.is_empty() {
            1.0
        } else {
            total / zones.len() as f64
        };
        zones.push((name.to_owned(), if weight > 0.0 { weight } else { 1.0 }));
    }
}

/// A search box over the zone database; returns the zone clicked.
fn picker_ui(ui: &mut Ui, zones: &[(String, f64)]) -> Option<&'static str> {
    let id = ui.make_persistent_id("time-zone-search");
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let label = ui.label("Add a time zone");
    ui.add(
        TextEdit::singleline(&mut text)
            .id(id.with("edit"))
            .hint_text("Search, e.g. Berlin or New York")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let found = matches(&text, zones);
    let mut picked = None;
    if !text.trim().is_empty() {
        if found.is_empty() {
            explain(ui, "No time zone matches.");
        }
        for name in found {
            if ui
                .button(name)
                .on_hover_text(format!("Add {name}"))
                .clicked()
            {
                picked = Some(name);
            }
        }
    }
    if picked.is_some() {
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, text));
    picked
}

/// Up to [`MATCHES`] zone names containing every word of `text` (spaces match
/// underscores, case does not matter), not already listed.
fn matches(text: &str, zones: &[(String, f64)]) -> Vec<&'static str> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let phrase = words.join("_");
    let mut found: Vec<&'static str> = zone_names()
        .filter(|name| !zones.iter().any(|(z, _)| z == name))
        .filter(|name| {
            let lower = name.to_lowercase();
            lower.contains(&phrase) || words.iter().all(|w| lower.contains(w.as_str()))
        })
        .collect();
    // Canonical region/city names before the old aliases ("US/Eastern").
    found.sort_by_key(|name| {
        (
            !name.contains('/') || name.starts_with("Etc/") || name.starts_with("US/"),
            *name,
        )
    });
    found.truncate(MATCHES);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s22_the_zone_picker_finds_cities_as_people_type_them() {
        assert!(matches("new york", &[]).contains(&"America/New_York"));
        assert_eq!(matches("berlin", &[]), vec!["Europe/Berlin"]);
        let listed = vec![("Europe/Berlin".to_owned(), 1.0)];
        assert!(matches("berlin", &listed).is_empty());
        assert!(matches("  ", &[]).is_empty());
        assert!(matches("e", &[]).len() <= MATCHES);
    }
}
