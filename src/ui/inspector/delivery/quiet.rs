//! Quiet hours: the hours of a customer's local day in which messages on
//! some channels are held until the quiet time ends, or skipped (S18).

use egui::Ui;

use super::channels::{channel_set_ui, channels_in_words};
use crate::model::{Channel, LocalTime, QuietAction, QuietHours};
use crate::ui::inspector::clock::TimeField;
use crate::ui::inspector::widgets::{ComboField, Labelled, explain, rule};

/// The choices of what quiet hours do.
const ACTIONS: [(QuietAction, &str); 2] = [
    (QuietAction::Hold, "Hold until they end"),
    (QuietAction::Skip, "Skip the message"),
];

/// The list of quiet-hours rules, with a button to add one.
pub(super) fn quiet_hours_ui(ui: &mut Ui, channels: &[Channel], rules: &mut Vec<QuietHours>) {
    if rules.is_empty() {
        explain(ui, "No quiet hours: messages go out at any hour.");
    }
    let mut remove = None;
    for (i, quiet) in rules.iter_mut().enumerate() {
        ui.push_id(("quiet-hours", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                if rule_ui(ui, i + 1, channels, quiet) {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        rules.remove(i);
    }
    if ui.button("Add quiet hours").clicked() {
        rules.push(QuietHours {
            channels: Vec::new(),
            from: LocalTime::clamped(21, 0),
            to: LocalTime::clamped(8, 0),
            then: QuietAction::Hold,
        });
    }
}

/// One rule's fields and its sentence; true when "Remove" was clicked.
fn rule_ui(ui: &mut Ui, n: usize, channels: &[Channel], quiet: &mut QuietHours) -> bool {
    let name = format!("Quiet hours {n}");
    let removed = ui
        .horizontal(|ui| {
            ui.strong(&name);
            ui.button("Remove")
                .on_hover_text("Remove these quiet hours")
                .clicked()
        })
        .inner;
    ui.horizontal(|ui| {
        let from = ui.label("From");
        TimeField::new("From")
            .id_salt("from")
            .labelled(Labelled::By(from.id))
            .show(ui, &mut quiet.from);
        let to = ui.label("to");
        TimeField::new("To")
            .id_salt("to")
            .labelled(Labelled::By(to.id))
            .show(ui, &mut quiet.to);
    });
    channel_set_ui(ui, &name, channels, &mut quiet.channels);
    ComboField::new("Then", &ACTIONS)
        .id_salt("then")
        .show(ui, &mut quiet.then);
    rule(ui, &sentence(quiet));
    removed
}

/// What the rule does, in one sentence.
pub(super) fn sentence(quiet: &QuietHours) -> String {
    if quiet.from == quiet.to {
        return format!(
            "From and to are both {}, so these quiet hours cover no time: give them different times.",
            quiet.from
        );
    }
    let what = match channels_in_words(&quiet.channels) {
        Some(words) => format!("{} messages", capitalised(&words)),
        None => "Messages on any channel".to_owned(),
    };
    let when = format!(
        "due between {} and {} on the customer's own clock",
        quiet.from, quiet.to
    );
    match quiet.then {
        QuietAction::Hold => format!("{what} {when} wait and go out at {}.", quiet.to),
        QuietAction::Skip => {
            format!("{what} {when} are not sent; the customer moves on as if they had been.")
        }
    }
}

/// `text` with its first letter upper-case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s18_each_quiet_hours_rule_reads_as_one_sentence() {
        let mut quiet = QuietHours {
            channels: vec![Channel::Sms, Channel::Push],
            from: LocalTime::clamped(21, 0),
            to: LocalTime::clamped(8, 0),
            then: QuietAction::Hold,
        };
        assert_eq!(
            sentence(&quiet),
            "SMS and push messages due between 21:00 and 08:00 on the customer's own clock wait and go out at 08:00."
        );
        quiet.then = QuietAction::Skip;
        quiet.channels.clear();
        assert_eq!(
            sentence(&quiet),
            "Messages on any channel due between 21:00 and 08:00 on the customer's own clock are not sent; the customer moves on as if they had been."
        );
    }
}
