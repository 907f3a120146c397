//! Names: a name field with suggestions and the "not in the scenario" flag,
//! list editors, adding and renaming entries.

use egui::{Key, RichText, TextEdit, Ui};

use super::{WARNING_COLOR, buffered, explain, trailing_row};

/// A name with a menu of known names; flags a name the scenario does not model.
///
/// `known` are the names the scenario models; `suggestions` those already
/// used anywhere. `check_known` is false for names that need no model.
pub fn name_field(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    current: &str,
    suggestions: &[String],
    known: &[String],
    check_known: bool,
) -> Option<String> {
    let label = ui.label(label);
    let id = ui.make_persistent_id(salt);
    let (picked, typed) = trailing_row(
        ui,
        |ui| pick_menu(ui, "Choose a name already used", suggestions),
        |ui| {
            buffered(ui, id, &current.to_owned(), |ui, text| {
                ui.add(
                    TextEdit::singleline(text)
                        .id(id.with("edit"))
                        .desired_width(ui.available_width()),
                )
                .labelled_by(label.id)
            })
        },
    );
    name_flag(ui, current, known, check_known);
    picked.or(typed)
}

/// "Warning: not in the scenario" (or "a name is needed") under a name, when so.
pub fn name_flag(ui: &mut Ui, name: &str, known: &[String], check_known: bool) {
    if name.trim().is_empty() {
        ui.label(
            RichText::new("Warning: a name is needed")
                .small()
                .color(WARNING_COLOR),
        );
    } else if check_known && !known.iter().any(|k| k == name) {
        ui.label(
            RichText::new("Warning: not in the scenario; add it there to simulate")
                .small()
                .color(WARNING_COLOR),
        )
        .on_hover_text("The design is kept; the simulator needs a model of this name.");
    }
}

/// A "Pick" menu of names; returns the one clicked.
pub fn pick_menu(ui: &mut Ui, hover: &str, names: &[String]) -> Option<String> {
    let mut picked = None;
    ui.add_enabled_ui(!names.is_empty(), |ui| {
        ui.menu_button("Pick", |ui| {
            for name in names {
                if ui.button(name).clicked() {
                    picked = Some(name.clone());
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(hover)
        .on_disabled_hover_text("No names used yet");
    });
    picked
}

/// A list of names: edit in place, remove, add a typed name or pick one used
/// elsewhere. `noun` names one item ("exclusion segment"). Returns the new list.
pub fn list_editor(
    ui: &mut Ui,
    salt: &str,
    noun: &str,
    items: &[String],
    suggestions: &[String],
    known: &[String],
) -> Option<Vec<String>> {
    ui.push_id(salt, |ui| {
        list_editor_inner(ui, salt, noun, items, suggestions, known)
    })
    .inner
}

fn list_editor_inner(
    ui: &mut Ui,
    salt: &str,
    noun: &str,
    items: &[String],
    suggestions: &[String],
    known: &[String],
) -> Option<Vec<String>> {
    let mut out: Option<Vec<String>> = None;
    if items.is_empty() {
        explain(ui, &format!("No {noun} yet."));
    }
    for (i, item) in items.iter().enumerate() {
        ui.push_id(i, |ui| {
            let id = ui.make_persistent_id("item");
            let (removed, edited) = trailing_row(
                ui,
                |ui| {
                    ui.small_button("Remove")
                        .on_hover_text(format!("Remove {noun} {item}"))
                        .clicked()
                },
                |ui| {
                    buffered(ui, id, item, |ui, text| {
                        ui.add(
                            TextEdit::singleline(text)
                                .id(id.with("edit"))
                                .desired_width(ui.available_width()),
                        )
                        .accessible_name(format!("{noun} {}", i + 1))
                    })
                },
            );
            if let Some(name) = edited {
                let mut list = items.to_vec();
                list[i] = name;
                out = Some(list);
            }
            if removed {
                let mut list = items.to_vec();
                list.remove(i);
                out = Some(list);
            }
            name_flag(ui, item, known, true);
        });
    }
    let add_label = format!("Add {noun}");
    let unused: Vec<String> = suggestions
        .iter()
        .filter(|s| !items.contains(s))
        .cloned()
        .collect();
    let added = add_name_row_with(ui, &format!("{salt}-add"), &add_label, |ui| {
        pick_menu(ui, &format!("{add_label} used elsewhere"), &unused)
    });
    if let Some(name) = added {
        let mut list = items.to_vec();
        if !list.contains(&name) {
            list.push(name);
        }
        out = Some(list);
    }
    out
}

/// A text field and an "Add" button; returns the trimmed name when the user
/// presses Enter in the field or clicks the button. `what` names the field
/// ("Add exit trigger").
pub fn add_name_row(ui: &mut Ui, salt: &str, what: &str) -> Option<String> {
    add_name_row_with(ui, salt, what, |_| None)
}

/// [`add_name_row`] with more widgets on the row (`extra` may return a name too).
pub fn add_name_row_with(
    ui: &mut Ui,
    salt: &str,
    what: &str,
    extra: impl FnOnce(&mut Ui) -> Option<String>,
) -> Option<String> {
    let id = ui.make_persistent_id(salt);
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let ((picked, clicked), entered) = trailing_row(
        ui,
        |ui| {
            let picked = extra(ui);
            let clicked = ui
                .small_button("Add")
                .on_hover_text(what.to_owned())
                .clicked();
            (picked, clicked)
        },
        |ui| {
            let response = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .id(id.with("edit"))
                        .hint_text("new name")
                        .desired_width(ui.available_width()),
                )
                .accessible_name(what);
            response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
        },
    );
    let name = text.trim().to_owned();
    let mut out = ((entered || clicked) && !name.is_empty()).then_some(name);
    if out.is_some() {
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, text));
    if picked.is_some() {
        out = picked;
    }
    out
}

/// A map key edited in place (renaming keeps the value); refuses a taken name.
pub fn rename_row<V: Clone>(
    ui: &mut Ui,
    label: &str,
    map: &mut std::collections::BTreeMap<String, V>,
    key: &str,
) -> bool {
    let id = ui.make_persistent_id("rename");
    let (removed, renamed) = trailing_row(
        ui,
        |ui| {
            ui.small_button("Remove")
                .on_hover_text(format!("Remove {key}"))
                .clicked()
        },
        |ui| {
            buffered(ui, id, &key.to_owned(), |ui, text| {
                ui.add(
                    TextEdit::singleline(text)
                        .id(id.with("edit"))
                        .desired_width(ui.available_width()),
                )
                .accessible_name(format!("{label} name"))
            })
        },
    );
    if removed {
        map.remove(key);
        return true;
    }
    if let Some(new) = renamed
        && !new.trim().is_empty()
        && !map.contains_key(&new)
        && let Some(value) = map.remove(key)
    {
        map.insert(new, value);
    }
    false
}
