//! Channels: the channel of a message step, and the channels a
//! channel-optimization step chooses from (S13).

use egui::{RichText, TextEdit, Ui};

use super::branch::reorder_buttons;
use crate::model::Channel;
use crate::ui::inspector::widgets::{ComboField, ERROR_COLOR, TextField, rule};

/// The kind of a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Email,
    Sms,
    Push,
    Custom,
}

/// The kinds, in the order of the picker.
const KINDS: [(Kind, &str); 4] = [
    (Kind::Email, "Email"),
    (Kind::Sms, "SMS"),
    (Kind::Push, "Push"),
    (Kind::Custom, "Custom"),
];

impl Kind {
    fn of(channel: &Channel) -> Kind {
        match channel {
            Channel::Email => Kind::Email,
            Channel::Sms => Kind::Sms,
            Channel::Push => Kind::Push,
            Channel::Custom(_) => Kind::Custom,
        }
    }

    /// A channel of this kind (a custom one named "custom").
    fn channel(self) -> Channel {
        match self {
            Kind::Email => Channel::Email,
            Kind::Sms => Channel::Sms,
            Kind::Push => Channel::Push,
            Kind::Custom => Channel::Custom("custom".to_owned()),
        }
    }
}

/// A channel: Email, SMS, Push or a custom one by name.
pub(super) fn channel_ui(ui: &mut Ui, channel: &mut Channel) {
    let mut kind = Kind::of(channel);
    if ComboField::new("Channel", &KINDS).show(ui, &mut kind) {
        *channel = kind.channel();
    }
    if let Channel::Custom(name) = channel {
        TextField::new("Custom channel name").show(ui, name);
    }
}

/// The channels a channel-optimization step chooses from, in order (ties go to the first).
pub(super) fn channel_list_ui(ui: &mut Ui, channels: &mut Vec<Channel>) {
    ui.label(RichText::new("Channels").strong());
    let before = channels.clone();
    for (i, c) in before.iter().enumerate() {
        ui.push_id(("channel", i), |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("{}. {}", i + 1, c.label()));
                reorder_buttons(ui, channels, i, "channel");
            });
        });
    }
    let missing: Vec<Channel> = [Channel::Email, Channel::Sms, Channel::Push]
        .into_iter()
        .filter(|c| !channels.contains(c))
        .collect();
    ui.horizontal_wrapped(|ui| {
        for c in missing {
            if ui.small_button(format!("Add {}", c.label())).clicked() {
                channels.push(c);
            }
        }
    });
    if let Some(c) = add_custom_ui(ui)
        && !channels.contains(&c)
    {
        channels.push(c);
    }
    if channels.is_empty() {
        ui.label(RichText::new("Add at least one channel.").color(ERROR_COLOR));
    }
    rule(
        ui,
        "Each customer gets one message, on the channel they are most likely to click.",
    );
}

/// "Custom:" with a name field and an add button; returns the channel added.
fn add_custom_ui(ui: &mut Ui) -> Option<Channel> {
    let id = ui.make_persistent_id("custom-channel");
    ui.horizontal(|ui| {
        let label = ui.label("Custom:");
        let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id(id.with("edit"))
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui.small_button("Add custom channel").clicked();
        let name = text.trim().to_owned();
        let added = ((entered || clicked) && !name.is_empty()).then_some(Channel::Custom(name));
        if added.is_some() {
            text.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, text));
        added
    })
    .inner
}
