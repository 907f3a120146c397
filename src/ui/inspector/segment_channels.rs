//! Channel rates for the members of a segment (the scenario's
//! `segment_channels`): per segment, the channels whose rates differ for
//! its members, each editable, removable, and added from the general rates.

use std::collections::BTreeMap;

use egui::{Grid, RichText, Ui};

use super::Names;
use super::widgets::{Labelled, NumberField, explain};
use crate::model::{Channel, ChannelModel, Scenario};

/// The segments' own channel rates, then buttons to give another segment its own.
pub fn segment_channels_ui(ui: &mut Ui, scenario: &mut Scenario, names: &Names) {
    ui.add_space(6.0);
    ui.label(RichText::new("Rates for the members of a segment").strong());
    explain(
        ui,
        "Members of these segments get these rates instead; a customer in several gets those of the first segment by name.",
    );
    let general = scenario.clone();
    let segments: Vec<String> = scenario.segment_channels.keys().cloned().collect();
    for segment in segments {
        ui.push_id(("segment-rates", &segment), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                segment_rates_ui(ui, &general, &mut scenario.segment_channels, &segment);
            });
        });
    }
    let free: Vec<&String> = (names.segments.iter())
        .filter(|s| !scenario.segment_channels.contains_key(*s))
        .collect();
    if free.is_empty() {
        explain(
            ui,
            "Every segment has its own rates, or there is no segment yet.",
        );
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Own rates for:").small());
        for segment in free {
            if ui
                .small_button(format!("+ {segment}"))
                .on_hover_text(format!(
                    "Give the members of {segment} their own email rates"
                ))
                .clicked()
            {
                let email = general.channel_model(&Channel::Email);
                (scenario.segment_channels)
                    .insert(segment.clone(), BTreeMap::from([(Channel::Email, email)]));
            }
        }
    });
}

/// One segment: its channels with their rates, "Remove", and the channels to add.
fn segment_rates_ui(
    ui: &mut Ui,
    general: &Scenario,
    all: &mut BTreeMap<String, BTreeMap<Channel, ChannelModel>>,
    segment: &str,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Members of {segment}")).strong());
        if ui
            .small_button("Remove")
            .on_hover_text(format!("Members of {segment} get the general rates again"))
            .clicked()
        {
            all.remove(segment);
        }
    });
    let Some(channels) = all.get_mut(segment) else {
        return;
    };
    let keys: Vec<Channel> = channels.keys().cloned().collect();
    for channel in keys {
        ui.push_id(channel.json_name(), |ui| {
            channel_rates_ui(ui, segment, channels, &channel);
        });
    }
    ui.horizontal_wrapped(|ui| {
        for channel in [Channel::Email, Channel::Sms, Channel::Push] {
            if !channels.contains_key(&channel)
                && ui
                    .small_button(format!("+ {}", channel.label()))
                    .on_hover_text(format!("Own {} rates for {segment}", channel.label()))
                    .clicked()
            {
                channels.insert(channel.clone(), general.channel_model(&channel));
            }
        }
    });
}

/// A channel's three rates for a segment's members, and "Remove".
fn channel_rates_ui(
    ui: &mut Ui,
    segment: &str,
    channels: &mut BTreeMap<Channel, ChannelModel>,
    channel: &Channel,
) {
    let label = channel.label();
    ui.horizontal(|ui| {
        ui.label(&label);
        if ui
            .small_button("Remove")
            .on_hover_text(format!("{segment}: {label} at the general rates"))
            .clicked()
        {
            channels.remove(channel);
        }
    });
    let Some(model) = channels.get_mut(channel) else {
        return;
    };
    Grid::new("segment-channel-grid")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value) in [
                ("delivered", &mut model.delivered),
                ("opened", &mut model.opened),
                ("clicked", &mut model.clicked),
            ] {
                ui.label(name);
                NumberField::new(&format!("{segment} {label} {name}"))
                    .labelled(Labelled::Hidden)
                    .range(0.0..=1.0)
                    .speed(0.005)
                    .show(ui, value);
                ui.end_row();
            }
        });
}
