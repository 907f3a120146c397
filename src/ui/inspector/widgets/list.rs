//! A list of names: edit in place, remove, add a typed name or pick one used
//! elsewhere.

use egui::{TextEdit, Ui};

use super::{add_name_ui, buffered, explain, name_flag_ui, pick_menu_ui, trailing_row};

/// A list of names; each name the scenario does not model is flagged.
///
/// ```ignore
/// ListEditor::new("exit trigger")
///     .suggestions(&names.triggers)
///     .known(&names.known_triggers)
///     .show(ui, &mut end.exit_triggers);
/// ```
#[must_use = "call `show` to draw the list"]
pub struct ListEditor<'a> {
    noun: &'a str,
    suggestions: &'a [String],
    known: Option<&'a [String]>,
}

impl<'a> ListEditor<'a> {
    /// A list whose items are each a `noun` ("exclusion segment"), which is also its id.
    pub fn new(noun: &'a str) -> Self {
        ListEditor {
            noun,
            suggestions: &[],
            known: None,
        }
    }

    /// The names used elsewhere, offered by the "Pick" menu of the add row.
    pub fn suggestions(mut self, names: &'a [String]) -> Self {
        self.suggestions = names;
        self
    }

    /// The names the scenario models; any other is flagged.
    pub fn known(mut self, names: &'a [String]) -> Self {
        self.known = Some(names);
        self
    }

    /// Draws the list `items`; true when an edit, a removal or an addition changed it.
    pub fn show(self, ui: &mut Ui, items: &mut Vec<String>) -> bool {
        self.show_with(ui, items, |_, _| {})
    }

    /// [`Self::show`], drawing `each` under every item (e.g. its model).
    pub fn show_with(
        self,
        ui: &mut Ui,
        items: &mut Vec<String>,
        mut each: impl FnMut(&mut Ui, &str),
    ) -> bool {
        let edited = (ui.push_id(self.noun, |ui| self.list_ui(ui, items, &mut each))).inner;
        let changed = edited.is_some();
        if let Some(list) = edited {
            *items = list;
        }
        changed
    }

    /// The items, then the add row; returns the new list.
    fn list_ui(
        &self,
        ui: &mut Ui,
        items: &[String],
        each: &mut dyn FnMut(&mut Ui, &str),
    ) -> Option<Vec<String>> {
        let noun = self.noun;
        let mut out = None;
        if items.is_empty() {
            explain(ui, &format!("No {noun} yet."));
        }
        for i in 0..items.len() {
            if let Some(list) = ui.push_id(i, |ui| self.item_ui(ui, items, i, each)).inner {
                out = Some(list);
            }
        }
        let add_label = format!("Add {noun}");
        let unused: Vec<String> = (self.suggestions.iter())
            .filter(|s| !items.contains(s))
            .cloned()
            .collect();
        let new_field = ui.make_persistent_id(&add_label).with("edit");
        let added = add_name_ui(ui, &add_label, |ui| {
            pick_menu_ui(
                ui,
                &format!("{add_label} used elsewhere"),
                &unused,
                new_field,
            )
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

    /// Item `i`: its name, "Remove" and its flag; returns the new list.
    fn item_ui(
        &self,
        ui: &mut Ui,
        items: &[String],
        i: usize,
        each: &mut dyn FnMut(&mut Ui, &str),
    ) -> Option<Vec<String>> {
        let noun = self.noun;
        let item = &items[i];
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
        name_flag_ui(ui, item, self.known);
        each(ui, item);
        let mut list = items.to_vec();
        if removed {
            list.remove(i);
        } else if let Some(name) = edited {
            list[i] = name;
        } else {
            return None;
        }
        Some(list)
    }
}
