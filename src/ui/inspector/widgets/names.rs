//! Names: a name field with suggestions and the "not in the scenario" flag,
//! adding and renaming entries.

use egui::{Id, Key, RichText, TextEdit, Ui};

use super::{Labelled, WARNING_COLOR, buffered, commit_into, trailing_row, with_label};

/// A name with a "Pick" menu of names already used; flags a name the
/// scenario does not model (when given what it models, [`Self::known`]).
///
/// ```ignore
/// NameField::new("Goal trigger")
///     .suggestions(&names.triggers)
///     .known(&names.known_triggers)
///     .show(ui, &mut goal.trigger);
/// ```
#[must_use = "call `show` to draw the field"]
pub struct NameField<'a> {
    label: &'a str,
    suggestions: &'a [String],
    known: Option<&'a [String]>,
    pick_hover: &'a str,
}

impl<'a> NameField<'a> {
    /// A field named `label`, which is also its id; label above, field below.
    pub fn new(label: &'a str) -> Self {
        NameField {
            label,
            suggestions: &[],
            known: None,
            pick_hover: "Choose a name already used",
        }
    }

    /// The names the "Pick" menu offers.
    pub fn suggestions(mut self, names: &'a [String]) -> Self {
        self.suggestions = names;
        self
    }

    /// The names the scenario models; any other is flagged.
    pub fn known(mut self, names: &'a [String]) -> Self {
        self.known = Some(names);
        self
    }

    /// The hover text of the "Pick" menu.
    pub fn pick_hover(mut self, text: &'a str) -> Self {
        self.pick_hover = text;
        self
    }

    /// Draws the field for `name`; true when a finished edit or a pick changed it.
    pub fn show(self, ui: &mut Ui, name: &mut String) -> bool {
        let id = ui.make_persistent_id(self.label);
        let (picked, typed) = with_label(ui, self.label, Labelled::InLayout, |ui, naming| {
            trailing_row(
                ui,
                |ui| pick_menu_ui(ui, self.pick_hover, self.suggestions, id.with("edit")),
                |ui| {
                    buffered(ui, id, name, |ui, text| {
                        let response = naming.apply(
                            ui.add(
                                TextEdit::singleline(text)
                                    .id(id.with("edit"))
                                    .desired_width(ui.available_width()),
                            ),
                        );
                        focus_if_asked(ui, &response);
                        response
                    })
                },
            )
        });
        name_flag_ui(ui, name, self.known);
        match picked.or(typed) {
            Some(new) => {
                *name = new;
                true
            }
            None => false,
        }
    }
}

/// "Warning: a name is needed" under an empty name, or "not in the scenario"
/// under a name `known` (when given) lacks.
pub fn name_flag_ui(ui: &mut Ui, name: &str, known: Option<&[String]>) {
    if name.trim().is_empty() {
        ui.label(
            RichText::new("Warning: a name is needed")
                .small()
                .color(WARNING_COLOR),
        );
    } else if known.is_some_and(|known| !known.iter().any(|k| k == name)) {
        ui.label(
            RichText::new("Warning: not in the scenario; add it there to simulate")
                .small()
                .color(WARNING_COLOR),
        )
        .on_hover_text("The design is kept; the simulator needs a model of this name.");
    }
}

/// A "Pick" menu of names, then "New…", which moves the keyboard to the
/// text field `new_field` to type a new name; returns the name clicked.
pub fn pick_menu_ui(ui: &mut Ui, hover: &str, names: &[String], new_field: Id) -> Option<String> {
    let mut picked = None;
    ui.menu_button("Pick", |ui| {
        for name in names {
            if ui.button(name).clicked() {
                picked = Some(name.clone());
                ui.close();
            }
        }
        if !names.is_empty() {
            ui.separator();
        }
        if ui
            .button("New…")
            .on_hover_text("Type a new name in the field")
            .clicked()
        {
            // Focused on the next frame: this one's click would take it away.
            ui.data_mut(|d| d.insert_temp(new_field.with("focus-asked"), true));
            ui.ctx().request_repaint();
            ui.close();
        }
    })
    .response
    .on_hover_text(hover);
    picked
}

/// Gives `response` the keyboard when "New…" asked for it (see [`pick_menu_ui`]).
fn focus_if_asked(ui: &Ui, response: &egui::Response) {
    let key = response.id.with("focus-asked");
    if ui.data(|d| d.get_temp::<bool>(key)).is_some() && !ui.input(|i| i.pointer.any_click()) {
        response.request_focus();
        ui.data_mut(|d| d.remove::<bool>(key));
    }
}

/// A text field and an "Add" button, with `extra` widgets before the button
/// (which may return a name too); returns the trimmed name when the user
/// presses Enter in the field or clicks the button. `what` names the field
/// and is its id ("Add exit trigger").
pub fn add_name_ui(
    ui: &mut Ui,
    what: &str,
    extra: impl FnOnce(&mut Ui) -> Option<String>,
) -> Option<String> {
    let id = ui.make_persistent_id(what);
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
            focus_if_asked(ui, &response);
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

/// A map key edited in place (renaming keeps the value; a taken name is
/// refused) with a "Remove" button. `label` names the entry ("Segment").
/// Returns true when the entry was removed.
pub fn rename_ui<V>(
    ui: &mut Ui,
    label: &str,
    map: &mut std::collections::BTreeMap<String, V>,
    key: &str,
) -> bool {
    let id = ui.make_persistent_id("rename");
    let mut new = key.to_owned();
    let (removed, renamed) = trailing_row(
        ui,
        |ui| {
            ui.small_button("Remove")
                .on_hover_text(format!("Remove {key}"))
                .clicked()
        },
        |ui| {
            commit_into(ui, id, &mut new, |ui, text| {
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
    if renamed
        && !new.trim().is_empty()
        && !map.contains_key(&new)
        && let Some(value) = map.remove(key)
    {
        map.insert(new, value);
    }
    false
}
