//! Step fields with several outputs or items: attribute-branch rules,
//! A/B variants with their decision (S12), channel-optimization channels (S13).

use egui::{ComboBox, RichText, TextEdit, Ui};

use super::Names;
use super::conditions::condition_ui;
use super::widgets::{
    ERROR_COLOR, buffered, differs, explain, number, rule, span_row, target_combo, target_row,
};
use crate::model::{Channel, Condition, Decide, Rule, Span, StepId, Variant, trim_float};

/// Up, down and remove buttons for item `i` of a list of `len`.
fn reorder_buttons<T>(ui: &mut Ui, list: &mut Vec<T>, i: usize, noun: &str) {
    let len = list.len();
    if ui
        .add_enabled(i > 0, egui::Button::new("Up").small())
        .on_hover_text(format!("Move {noun} {} up", i + 1))
        .clicked()
    {
        list.swap(i, i - 1);
    }
    if ui
        .add_enabled(i + 1 < len, egui::Button::new("Down").small())
        .on_hover_text(format!("Move {noun} {} down", i + 1))
        .clicked()
    {
        list.swap(i, i + 1);
    }
    if ui
        .small_button("Remove")
        .on_hover_text(format!("Remove {noun} {}", i + 1))
        .clicked()
    {
        list.remove(i);
    }
}

/// An attribute branch: rules in order, each a condition and a target; then "otherwise".
pub fn branch_ui(
    ui: &mut Ui,
    rules: &mut Vec<Rule>,
    otherwise: &mut Option<StepId>,
    choices: &[(StepId, String)],
    names: &Names,
) {
    rule(
        ui,
        "Rules are tried in order; the first that matches the customer decides the path.",
    );
    let before = rules.clone();
    for (i, r) in before.iter().enumerate() {
        ui.push_id(("rule", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("Rule {}", i + 1)).strong());
                    reorder_buttons(ui, rules, i, "rule");
                });
                let mut changed = r.clone();
                if let Some(c) = condition_ui(ui, &r.when, names) {
                    changed.when = c;
                }
                if let Some(t) = target_row(ui, "target", "Then go to", r.next, choices) {
                    changed.next = t;
                }
                if differs(&changed, r) && rules.len() == before.len() && !differs(&rules[i], r) {
                    rules[i] = changed;
                }
            });
        });
    }
    if ui.button("Add rule").clicked() {
        rules.push(Rule {
            when: Condition::InSegment(names.segments.first().cloned().unwrap_or_default()),
            next: None,
        });
    }
    if let Some(t) = target_row(ui, "otherwise", "Otherwise go to", *otherwise, choices) {
        *otherwise = t;
    }
    explain(ui, "Where customers go when no rule matches.");
}

/// An A/B test: variants with percentages (live total, red unless 100),
/// targets, and the optional decision with its default variant (S12).
pub fn ab_test_ui(
    ui: &mut Ui,
    variants: &mut Vec<Variant>,
    decide: &mut Option<Decide>,
    choices: &[(StepId, String)],
) {
    rule(
        ui,
        "Each arriving customer goes down one variant, by these percentages.",
    );
    let before = variants.clone();
    for (i, v) in before.iter().enumerate() {
        ui.push_id(("variant", i), |ui| {
            ui.group(|ui| {
                ui.set_width(ui.available_width());
                let mut changed = v.clone();
                ui.horizontal(|ui| {
                    let label = ui.label(format!("Variant {}", i + 1));
                    let id = ui.make_persistent_id("name");
                    if let Some(n) = buffered(ui, id, &v.name, |ui, text| {
                        ui.add(
                            TextEdit::singleline(text)
                                .id(id.with("edit"))
                                .desired_width((ui.available_width() - 72.0).max(60.0)),
                        )
                        .labelled_by(label.id)
                    }) {
                        changed.name = n;
                    }
                    let percent_name = format!("Variant {} percent", i + 1);
                    if let Some(p) = number(
                        ui,
                        "percent",
                        percent_name.as_str(),
                        v.percent,
                        0.0..=100.0,
                        0.5,
                        " %",
                    ) {
                        changed.percent = p;
                    }
                });
                ui.horizontal(|ui| reorder_buttons(ui, variants, i, "variant"));
                let target_label = ui.label("Go to");
                if let Some(t) = target_combo(ui, "target", target_label.id, v.next, choices) {
                    changed.next = t;
                }
                if differs(&changed, v)
                    && variants.len() == before.len()
                    && !differs(&variants[i], v)
                {
                    variants[i] = changed;
                }
            });
        });
    }
    let sum: f64 = variants.iter().map(|v| v.percent).sum();
    let total = format!("Total: {} %", trim_float((sum * 100.0).round() / 100.0));
    if (sum - 100.0).abs() <= 0.01 {
        ui.label(total);
    } else {
        ui.label(
            RichText::new(format!("{total}: the variants must add up to 100 %")).color(ERROR_COLOR),
        );
    }
    if ui.button("Add variant").clicked() {
        let mut n = variants.len() + 1;
        let taken = |name: &str| variants.iter().any(|v| v.name == name);
        while taken(&variant_letter(n)) {
            n += 1;
        }
        variants.push(Variant {
            name: variant_letter(n),
            percent: (100.0 - sum).max(0.0),
            next: None,
        });
    }

    ui.add_space(6.0);
    let mut decides = decide.is_some();
    if ui
        .checkbox(&mut decides, "Pick a winner after a while")
        .changed()
    {
        *decide = decides.then(|| Decide {
            after: Span::Days(7),
            default_variant: variants.first().map(|v| v.name.clone()).unwrap_or_default(),
        });
    }
    rule(
        ui,
        "The variant with the higher goal rate wins if the difference is significant (95 %); otherwise the default variant is used. Later arrivals all go down that one.",
    );
    let Some(d) = decide else {
        explain(
            ui,
            "Without a decision, the result is computed at the end of the simulation.",
        );
        return;
    };
    if let Some(s) = span_row(ui, "decide-after", "Decide after", d.after) {
        d.after = s;
    }
    explain(ui, "Counted from when the version goes live.");
    ui.horizontal(|ui| {
        let label = ui.label("Default variant");
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt("default-variant")
                .selected_text(d.default_variant.clone())
                .show_ui(ui, |ui| {
                    for v in variants.iter() {
                        ui.selectable_value(&mut d.default_variant, v.name.clone(), &v.name);
                    }
                });
        });
    });
}

/// "A", "B", … "Z", then "V27", …
fn variant_letter(n: usize) -> String {
    if (1..=26).contains(&n) {
        char::from(b'A' + (n - 1) as u8).to_string()
    } else {
        format!("V{n}")
    }
}

/// The channels a channel-optimization step chooses from, in order (ties go to the first).
pub fn channel_list_ui(ui: &mut Ui, channels: &mut Vec<Channel>) {
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
        if (entered || clicked) && !name.is_empty() {
            let c = Channel::Custom(name);
            if !channels.contains(&c) {
                channels.push(c);
            }
            text.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, text));
    });
    if channels.is_empty() {
        ui.label(RichText::new("Add at least one channel.").color(ERROR_COLOR));
    }
    rule(
        ui,
        "Each customer gets one message, on the channel they are most likely to click (S13).",
    );
}
