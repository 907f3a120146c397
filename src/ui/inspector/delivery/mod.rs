//! The Delivery form: quiet hours per channel (hold or skip) and frequency
//! caps, for every version of the journey (S18–S20). Each rule is shown with
//! one plain sentence saying what it does to a customer's messages.

mod caps;
mod channels;
mod quiet;

use egui::{RichText, Ui};

use super::Form;
use super::widgets::{explain, rule};
use crate::edit::Command;
use crate::model::{Action, Channel, Journey};

/// Draws the Delivery form.
pub fn delivery_ui(ui: &mut Ui, form: &mut Form) {
    form.problems_ui(ui);
    let old = &form.journey.delivery;
    let mut delivery = old.clone();
    let channels = journey_channels(form.journey);
    explain(
        ui,
        "When messages may go out, and how many a customer gets. These rules apply to every version; times are on each customer's own clock (their time zone is set in the Scenario).",
    );
    ui.add_space(6.0);
    ui.label(RichText::new("Quiet hours").strong());
    quiet::quiet_hours_ui(ui, &channels, &mut delivery.quiet_hours);
    ui.add_space(10.0);
    ui.label(RichText::new("Frequency caps").strong());
    caps::caps_ui(ui, &channels, &mut delivery.frequency_caps);
    ui.add_space(10.0);
    rule(
        ui,
        "Messages marked transactional (receipts, password resets) go out whatever these rules say, and caps never count them.",
    );
    form.commit(old, delivery, Command::SetDelivery);
}

/// Email, SMS and Push, then the custom channels the journey's messages use.
fn journey_channels(journey: &Journey) -> Vec<Channel> {
    let mut list = vec![Channel::Email, Channel::Sms, Channel::Push];
    let steps = journey.versions.iter().flat_map(|v| v.steps.values());
    for step in steps {
        let used: Vec<&Channel> = match &step.action {
            Action::Message { channel, .. } => vec![channel],
            Action::ChannelOptimization { channels, .. } => channels.iter().collect(),
            _ => Vec::new(),
        };
        for channel in used {
            if !list.contains(channel) {
                list.push(channel.clone());
            }
        }
    }
    for rule in &journey.delivery.quiet_hours {
        list.extend(
            rule.channels
                .iter()
                .filter(|c| !list.contains(c))
                .cloned()
                .collect::<Vec<_>>(),
        );
    }
    for cap in &journey.delivery.frequency_caps {
        list.extend(
            cap.channels
                .iter()
                .filter(|c| !list.contains(c))
                .cloned()
                .collect::<Vec<_>>(),
        );
    }
    list
}
