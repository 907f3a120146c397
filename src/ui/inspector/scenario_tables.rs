//! The scenario's tables: attributes, segment models, trigger models and
//! channel rates. Limits are built into the fields: probabilities 0..1,
//! rates and weights at least 0.

use std::collections::BTreeMap;

use egui::{ComboBox, Grid, RichText, Ui};

use super::Names;
use super::conditions::condition_ui;
use super::widgets::{add_name_row, explain, number, rename_row, span_row};
use crate::model::{Channel, ChannelModel, Condition, Dist, SegmentModel, TriggerModel};

/// Attributes and their distributions.
pub fn attributes_ui(ui: &mut Ui, attributes: &mut BTreeMap<String, Dist>) {
    explain(
        ui,
        "Customer attributes, e.g. country (a choice with weights) or age (a range).",
    );
    let keys: Vec<String> = attributes.keys().cloned().collect();
    for key in keys {
        ui.push_id(("attribute", &key), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let removed = rename_row(ui, "Attribute", attributes, &key);
                if removed {
                    return;
                }
                if let Some(dist) = attributes.get_mut(&key) {
                    dist_ui(ui, dist);
                }
            });
        });
    }
    if let Some(name) = add_name_row(ui, "add-attribute", "Add attribute") {
        attributes
            .entry(name)
            .or_insert_with(|| Dist::Range(0.0, 1.0));
    }
}

fn dist_ui(ui: &mut Ui, dist: &mut Dist) {
    let is_choice = matches!(dist, Dist::Choice(_));
    let mut choice = is_choice;
    ui.horizontal(|ui| {
        let label = ui.label("Kind");
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt("dist-kind")
                .selected_text(if is_choice { "Choice" } else { "Range" })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice, true, "Choice");
                    ui.selectable_value(&mut choice, false, "Range");
                });
        });
    });
    if choice != is_choice {
        *dist = if choice {
            Dist::Choice(vec![("a".to_owned(), 1.0)])
        } else {
            Dist::Range(0.0, 1.0)
        };
        return;
    }
    match dist {
        Dist::Range(low, high) => {
            ui.horizontal(|ui| {
                if let Some(x) = number(ui, "low", "From", *low, f64::MIN..=f64::MAX, 0.1, "") {
                    *low = x;
                }
                ui.label("to");
                if let Some(x) = number(ui, "high", "To", *high, f64::MIN..=f64::MAX, 0.1, "") {
                    *high = x;
                }
            });
            explain(
                ui,
                "A number drawn evenly between the two ends (from ≤ to).",
            );
        }
        Dist::Choice(choices) => {
            let mut remove = None;
            for (i, (value, weight)) in choices.iter_mut().enumerate() {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label("Value");
                        let id = ui.make_persistent_id("value");
                        if let Some(v) = super::widgets::buffered(ui, id, value, |ui, text| {
                            ui.add(
                                egui::TextEdit::singleline(text)
                                    .id(id.with("edit"))
                                    .desired_width(80.0),
                            )
                            .labelled_by(label.id)
                        }) {
                            *value = v;
                        }
                        let weight_name = format!("Weight of value {}", i + 1);
                        if let Some(w) = number(
                            ui,
                            "weight",
                            weight_name.as_str(),
                            *weight,
                            0.0..=f64::MAX,
                            0.01,
                            "",
                        ) {
                            *weight = w;
                        }
                        if ui
                            .small_button("Remove")
                            .on_hover_text("Remove value")
                            .clicked()
                        {
                            remove = Some(i);
                        }
                    });
                });
            }
            if let Some(i) = remove {
                choices.remove(i);
            }
            if ui.small_button("Add value").clicked() {
                choices.push((format!("value {}", choices.len() + 1), 1.0));
            }
            explain(ui, "Weights are at least 0 and must not all be 0.");
        }
    }
}

/// Names the design uses that a table lacks, each with a quick "Add" button.
fn missing_ui(ui: &mut Ui, used: &[String], known: &[String]) -> Option<String> {
    let missing: Vec<&String> = used.iter().filter(|n| !known.contains(n)).collect();
    if missing.is_empty() {
        return None;
    }
    let mut added = None;
    ui.label(RichText::new("Used in the design, not modelled yet:").small());
    ui.horizontal_wrapped(|ui| {
        for name in missing {
            if ui.small_button(format!("Add {name}")).clicked() {
                added = Some(name.clone());
            }
        }
    });
    added
}

/// Segment models: share at the start (0..1), joins per day (≥ 0), and an optional condition.
pub fn segments_ui(ui: &mut Ui, segments: &mut BTreeMap<String, SegmentModel>, names: &Names) {
    explain(
        ui,
        "A customer is a member from the start if the condition matches or a draw is below the share; non-members join later at the daily rate.",
    );
    if let Some(name) = missing_ui(ui, &names.segments, &names.known_segments) {
        segments.entry(name).or_default();
    }
    let keys: Vec<String> = segments.keys().cloned().collect();
    for key in keys {
        ui.push_id(("segment", &key), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let removed = rename_row(ui, "Segment", segments, &key);
                let Some(model) = segments.get_mut(&key).filter(|_| !removed) else {
                    return;
                };
                Grid::new("segment-grid").num_columns(2).show(ui, |ui| {
                    let label = ui.label("Share at start");
                    if let Some(x) =
                        number(ui, "share", label.id, model.share, 0.0..=1.0, 0.005, "")
                    {
                        model.share = x;
                    }
                    ui.end_row();
                    let label = ui.label("Joins per day");
                    if let Some(x) = number(
                        ui,
                        "joins",
                        label.id,
                        model.joins_per_day,
                        0.0..=f64::MAX,
                        0.001,
                        "",
                    ) {
                        model.joins_per_day = x;
                    }
                    ui.end_row();
                });
                let mut has_when = model.when.is_some();
                if ui
                    .checkbox(&mut has_when, "Members when a condition holds")
                    .changed()
                {
                    model.when = has_when.then(|| Condition::Equals(String::new(), String::new()));
                }
                if let Some(when) = &model.when
                    && let Some(c) = condition_ui(ui, when, names)
                {
                    model.when = Some(c);
                }
            });
        });
    }
    if let Some(name) = add_name_row(ui, "add-segment", "Add segment") {
        segments.entry(name).or_default();
    }
}

/// Trigger models: rate per day (≥ 0), click lift (≥ 0) and how long it lasts.
pub fn triggers_ui(ui: &mut Ui, triggers: &mut BTreeMap<String, TriggerModel>, names: &Names) {
    explain(
        ui,
        "How often customers perform each trigger; a click on any message multiplies the rate for a while.",
    );
    if let Some(name) = missing_ui(ui, &names.triggers, &names.known_triggers) {
        triggers.entry(name).or_default();
    }
    let keys: Vec<String> = triggers.keys().cloned().collect();
    for key in keys {
        ui.push_id(("trigger", &key), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let removed = rename_row(ui, "Trigger", triggers, &key);
                let Some(model) = triggers.get_mut(&key).filter(|_| !removed) else {
                    return;
                };
                Grid::new("trigger-grid").num_columns(2).show(ui, |ui| {
                    let label = ui.label("Per day");
                    if let Some(x) = number(
                        ui,
                        "per-day",
                        label.id,
                        model.per_day,
                        0.0..=f64::MAX,
                        0.001,
                        "",
                    ) {
                        model.per_day = x;
                    }
                    ui.end_row();
                    let label = ui.label("Click lift ×");
                    if let Some(x) = number(
                        ui,
                        "lift",
                        label.id,
                        model.click_lift,
                        0.0..=f64::MAX,
                        0.05,
                        "",
                    ) {
                        model.click_lift = x;
                    }
                    ui.end_row();
                });
                if let Some(s) = span_row(ui, "lift-for", "Lift lasts", model.lift_for) {
                    model.lift_for = s;
                }
            });
        });
    }
    if let Some(name) = add_name_row(ui, "add-trigger", "Add trigger") {
        triggers.entry(name).or_default();
    }
}

/// Channel rates: delivered, opened, clicked (each 0..1) and delays; a channel
/// without its own rates uses the documented defaults.
pub fn channels_ui(ui: &mut Ui, channels: &mut BTreeMap<Channel, ChannelModel>) {
    let mut all = vec![Channel::Email, Channel::Sms, Channel::Push];
    all.extend(
        channels
            .keys()
            .filter(|c| matches!(c, Channel::Custom(_)))
            .cloned(),
    );
    for channel in all {
        ui.push_id(channel.json_name(), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let mut own = channels.contains_key(&channel);
                if ui
                    .checkbox(&mut own, format!("{}: own rates", channel.label()))
                    .changed()
                {
                    if own {
                        channels.insert(channel.clone(), ChannelModel::default_for(&channel));
                    } else {
                        channels.remove(&channel);
                    }
                }
                let Some(model) = channels.get_mut(&channel) else {
                    let d = ChannelModel::default_for(&channel);
                    explain(
                        ui,
                        &format!(
                            "Defaults: delivered {}, opened {}, clicked {}.",
                            d.delivered, d.opened, d.clicked
                        ),
                    );
                    return;
                };
                Grid::new("channel-grid").num_columns(2).show(ui, |ui| {
                    for (name, value) in [
                        ("Delivered", &mut model.delivered),
                        ("Opened", &mut model.opened),
                        ("Clicked", &mut model.clicked),
                    ] {
                        let label = ui.label(name);
                        if let Some(x) = number(ui, name, label.id, *value, 0.0..=1.0, 0.005, "") {
                            *value = x;
                        }
                        ui.end_row();
                    }
                });
                if let Some(s) = span_row(ui, "open-delay", "Open delay", model.open_delay) {
                    model.open_delay = s;
                }
                if let Some(s) = span_row(ui, "click-delay", "Click delay", model.click_delay) {
                    model.click_delay = s;
                }
            });
        });
    }
    explain(
        ui,
        "Delivered of sent, opened of delivered, clicked of opened: probabilities from 0 to 1.",
    );
}
