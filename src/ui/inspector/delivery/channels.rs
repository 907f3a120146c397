//! Which channels a delivery rule covers: one toggle per channel, none on
//! meaning every channel; and the same list in words.

use egui::Ui;

use crate::model::Channel;

/// One toggle per channel of `all`, named "`name` Email" and so on for
/// screen readers and tests. True when the set changed.
pub(super) fn channel_set_ui(
    ui: &mut Ui,
    name: &str,
    all: &[Channel],
    chosen: &mut Vec<Channel>,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("On:");
        ui.spacing_mut().item_spacing.x = 2.0;
        let every = chosen.is_empty();
        if ui
            .selectable_label(every, "All channels")
            .accessible_name(format!("{name} all channels"))
            .on_hover_text("The rule covers every channel.")
            .clicked()
            && !every
        {
            chosen.clear();
            changed = true;
        }
        for channel in all {
            let on = chosen.contains(channel);
            let response = ui
                .selectable_label(on, channel.label())
                .accessible_name(format!("{name} {}", channel.label()));
            if response.clicked() {
                if on {
                    chosen.retain(|c| c != channel);
                } else {
                    chosen.push(channel.clone());
                    chosen.sort_by_key(|c| all.iter().position(|a| a == c));
                }
                changed = true;
            }
        }
    });
    changed
}

/// "SMS and push", "email", "email, SMS and push"; `None` for every channel.
pub(super) fn channels_in_words(channels: &[Channel]) -> Option<String> {
    let words: Vec<String> = channels
        .iter()
        .map(|c| match c {
            Channel::Email => "email".to_owned(),
            Channel::Push => "push".to_owned(),
            other => other.label(),
        })
        .collect();
    match words.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s18_rule_channels_read_as_a_list() {
        assert_eq!(channels_in_words(&[]), None);
        assert_eq!(
            channels_in_words(&[Channel::Sms, Channel::Push]).as_deref(),
            Some("SMS and push")
        );
        assert_eq!(
            channels_in_words(&[Channel::Email, Channel::Sms, Channel::Push]).as_deref(),
            Some("email, SMS and push")
        );
    }
}
