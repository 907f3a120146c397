//! Frequency caps: at most so many messages per customer in any rolling
//! window; a message over the cap is not sent (S19).

use egui::Ui;

use super::channels::{channel_set_ui, channels_in_words};
use crate::model::{Channel, FrequencyCap, Span};
use crate::ui::inspector::widgets::{Labelled, NumberField, SpanField, explain, rule};

/// The list of caps, with a button to add one.
pub(super) fn caps_ui(ui: &mut Ui, channels: &[Channel], caps: &mut Vec<FrequencyCap>) {
    if caps.is_empty() {
        explain(
            ui,
            "No caps: a customer gets every message the journey sends.",
        );
    }
    let mut remove = None;
    for (i, cap) in caps.iter_mut().enumerate() {
        ui.push_id(("cap", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                if cap_ui(ui, i + 1, channels, cap) {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        caps.remove(i);
    }
    if ui.button("Add a frequency cap").clicked() {
        caps.push(FrequencyCap {
            channels: Vec::new(),
            max: 3,
            per: Span::Days(7),
        });
    }
}

/// One cap's fields and its sentence; true when "Remove" was clicked.
fn cap_ui(ui: &mut Ui, n: usize, channels: &[Channel], cap: &mut FrequencyCap) -> bool {
    let name = format!("Cap {n}");
    let removed = ui
        .horizontal(|ui| {
            ui.strong(&name);
            ui.button("Remove")
                .on_hover_text("Remove this cap")
                .clicked()
        })
        .inner;
    ui.horizontal(|ui| {
        let label = ui.label("At most");
        NumberField::new("At most")
            .labelled(Labelled::By(label.id))
            .range(1..=10_000)
            .speed(0.1)
            .show(ui, &mut cap.max);
        ui.label(if cap.max == 1 { "message" } else { "messages" });
    });
    SpanField::new("In any").show(ui, &mut cap.per);
    channel_set_ui(ui, &name, channels, &mut cap.channels);
    rule(ui, &sentence(cap));
    removed
}

/// What the cap does, in one sentence.
pub(super) fn sentence(cap: &FrequencyCap) -> String {
    let noun = if cap.max == 1 { "message" } else { "messages" };
    let what = match channels_in_words(&cap.channels) {
        Some(words) => format!("{} {words} {noun}", cap.max),
        None => format!("{} {noun}, all channels together,", cap.max),
    };
    if cap.max == 0 || cap.per.is_zero() {
        return "This cap would block every message: allow at least 1 message over a period longer than 0.".to_owned();
    }
    format!(
        "A customer gets at most {what} in any {}; a message over the cap is not sent and the customer moves on. Only messages actually sent count.",
        cap.per
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s19_each_cap_reads_as_one_sentence() {
        let mut cap = FrequencyCap {
            channels: vec![Channel::Email],
            max: 3,
            per: Span::Days(7),
        };
        assert_eq!(
            sentence(&cap),
            "A customer gets at most 3 email messages in any 7 days; a message over the cap is not sent and the customer moves on. Only messages actually sent count."
        );
        cap.channels.clear();
        cap.max = 1;
        assert!(sentence(&cap).starts_with(
            "A customer gets at most 1 message, all channels together, in any 7 days;"
        ));
    }
}
