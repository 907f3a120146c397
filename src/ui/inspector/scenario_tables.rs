//! The scenario's tables: attributes, segment models, trigger models and
//! channel rates. Limits are built into the fields: probabilities 0..1,
//! rates and weights at least 0.

use std::collections::BTreeMap;

use egui::{Grid, RichText, Ui};

use super::Names;
use super::conditions::condition_ui;
use super::widgets::{
    ComboField, Labelled, NumberField, SpanField, TextField, add_name_ui, explain, rename_ui,
};
use crate::edit::{default_segment, default_trigger};
use crate::model::{Channel, ChannelModel, Condition, Dist, SegmentModel, TriggerModel};

/// Attributes and their distributions.
pub fn attributes_ui(ui: &mut Ui, attributes: &mut BTreeMap<String, Dist>) {
    explain(
        ui,
        "Customer attributes, e.g. country (a choice with weights) or age (a range).",
    );
    let table = Table {
        noun: "Attribute",
        used: &[],
        fresh: &|_| Dist::Range(0.0, 1.0),
    };
    table.show(ui, attributes, dist_ui);
}

/// A table of named models: the names the design uses that it lacks, each
/// with a quick "Add"; each entry in a group with its name, "Remove" and its
/// fields; then a row to add one by name.
struct Table<'a, M> {
    /// What an entry is, capitalised ("Segment").
    noun: &'a str,
    /// The names the design uses.
    used: &'a [String],
    /// What a new entry of a name starts as.
    fresh: &'a dyn Fn(&str) -> M,
}

impl<M> Table<'_, M> {
    /// Draws the table of `map`, each entry's fields with `fields`.
    fn show(
        self,
        ui: &mut Ui,
        map: &mut BTreeMap<String, M>,
        mut fields: impl FnMut(&mut Ui, &mut M),
    ) {
        let known: Vec<String> = map.keys().cloned().collect();
        if let Some(name) = missing_ui(ui, self.used, &known) {
            let model = (self.fresh)(&name);
            map.entry(name).or_insert(model);
        }
        let keys: Vec<String> = map.keys().cloned().collect();
        for key in keys {
            ui.push_id((self.noun, &key), |ui| {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    let removed = rename_ui(ui, self.noun, map, &key);
                    if let Some(model) = map.get_mut(&key).filter(|_| !removed) {
                        fields(ui, model);
                    }
                });
            });
        }
        let add = format!("Add {}", self.noun.to_lowercase());
        if let Some(name) = add_name_ui(ui, &add, |_| None) {
            let model = (self.fresh)(&name);
            map.entry(name).or_insert(model);
        }
    }
}

/// The kind of an attribute's distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DistKind {
    Choice,
    Range,
}

/// The distribution kinds, in the order of the picker.
const DIST_KINDS: [(DistKind, &str); 2] =
    [(DistKind::Choice, "Choice"), (DistKind::Range, "Range")];

impl DistKind {
    fn of(dist: &Dist) -> DistKind {
        match dist {
            Dist::Choice(_) => DistKind::Choice,
            Dist::Range(..) => DistKind::Range,
        }
    }

    /// A fresh distribution of this kind.
    fn fresh(self) -> Dist {
        match self {
            DistKind::Choice => Dist::Choice(vec![("a".to_owned(), 1.0)]),
            DistKind::Range => Dist::Range(0.0, 1.0),
        }
    }
}

/// An attribute's distribution: its kind, then a range or weighted values.
fn dist_ui(ui: &mut Ui, dist: &mut Dist) {
    let mut kind = DistKind::of(dist);
    if ComboField::new("Kind", &DIST_KINDS).show(ui, &mut kind) {
        *dist = kind.fresh();
        return;
    }
    match dist {
        Dist::Range(low, high) => {
            ui.horizontal(|ui| {
                NumberField::new("From")
                    .labelled(Labelled::Hidden)
                    .speed(0.1)
                    .show(ui, low);
                ui.label("to");
                NumberField::new("To")
                    .labelled(Labelled::Hidden)
                    .speed(0.1)
                    .show(ui, high);
            });
            explain(
                ui,
                "A number drawn evenly between the two ends (from ≤ to).",
            );
        }
        Dist::Choice(choices) => choices_ui(ui, choices),
    }
}

/// The values of a choice, each with its weight.
fn choices_ui(ui: &mut Ui, choices: &mut Vec<(String, f64)>) {
    let mut remove = None;
    for (i, (value, weight)) in choices.iter_mut().enumerate() {
        ui.push_id(i, |ui| {
            ui.horizontal(|ui| {
                TextField::new("Value").width(80.0).show(ui, value);
                NumberField::new(&format!("Weight of value {}", i + 1))
                    .id_salt("weight")
                    .labelled(Labelled::Hidden)
                    .range(0.0..=f64::MAX)
                    .speed(0.01)
                    .show(ui, weight);
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
    let table = Table {
        noun: "Segment",
        used: &names.segments,
        fresh: &|name| default_segment(names.usage(name, false)),
    };
    table.show(ui, segments, |ui, model| segment_ui(ui, model, names));
}

/// One segment model's fields.
fn segment_ui(ui: &mut Ui, model: &mut SegmentModel, names: &Names) {
    Grid::new("segment-grid").num_columns(2).show(ui, |ui| {
        NumberField::new("Share at start")
            .labelled(Labelled::InLayout)
            .range(0.0..=1.0)
            .speed(0.005)
            .show(ui, &mut model.share);
        ui.end_row();
        NumberField::new("Joins per day")
            .labelled(Labelled::InLayout)
            .range(0.0..=f64::MAX)
            .speed(0.001)
            .show(ui, &mut model.joins_per_day);
        ui.end_row();
    });
    let mut has_when = model.when.is_some();
    if ui
        .checkbox(&mut has_when, "Members when a condition holds")
        .changed()
    {
        model.when = has_when.then(|| Condition::Equals(String::new(), String::new()));
    }
    if let Some(when) = &mut model.when {
        condition_ui(ui, names, when, None);
    }
}

/// Trigger models: rate per day (≥ 0), click lift (≥ 0) and how long it lasts.
pub fn triggers_ui(ui: &mut Ui, triggers: &mut BTreeMap<String, TriggerModel>, names: &Names) {
    explain(
        ui,
        "How often customers perform each trigger; a click on any message multiplies the rate for a while.",
    );
    let table = Table {
        noun: "Trigger",
        used: &names.triggers,
        fresh: &|name| default_trigger(names.usage(name, true)),
    };
    table.show(ui, triggers, trigger_ui);
}

/// One trigger model's fields.
fn trigger_ui(ui: &mut Ui, model: &mut TriggerModel) {
    Grid::new("trigger-grid").num_columns(2).show(ui, |ui| {
        NumberField::new("Per day")
            .labelled(Labelled::InLayout)
            .range(0.0..=f64::MAX)
            .speed(0.001)
            .show(ui, &mut model.per_day);
        ui.end_row();
        NumberField::new("Click lift ×")
            .labelled(Labelled::InLayout)
            .range(0.0..=f64::MAX)
            .speed(0.05)
            .show(ui, &mut model.click_lift);
        ui.end_row();
    });
    SpanField::new("Lift lasts").show(ui, &mut model.lift_for);
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
                channel_ui(ui, channels, &channel);
            });
        });
    }
    explain(
        ui,
        "Delivered of sent, opened of delivered, clicked of opened: probabilities from 0 to 1.",
    );
}

/// One channel: whether it has its own rates, and then those rates.
fn channel_ui(ui: &mut Ui, channels: &mut BTreeMap<Channel, ChannelModel>, channel: &Channel) {
    let mut own = channels.contains_key(channel);
    if ui
        .checkbox(&mut own, format!("{}: own rates", channel.label()))
        .changed()
    {
        if own {
            channels.insert(channel.clone(), ChannelModel::default_for(channel));
        } else {
            channels.remove(channel);
        }
    }
    let Some(model) = channels.get_mut(channel) else {
        let d = ChannelModel::default_for(channel);
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
            NumberField::new(name)
                .labelled(Labelled::InLayout)
                .range(0.0..=1.0)
                .speed(0.005)
                .show(ui, value);
            ui.end_row();
        }
    });
    SpanField::new("Open delay").show(ui, &mut model.open_delay);
    SpanField::new("Click delay").show(ui, &mut model.click_delay);
}
