//! Shared pieces of the inspector forms: fields that commit once per edit,
//! spans, names with suggestions, list editors, step pickers, date and time.
//!
//! A field returns `Some(new value)` only when an edit is finished (Enter,
//! focus lost, drag released, a choice made), so each edit is one command.

use egui::{Color32, ComboBox, DragValue, Id, Key, Response, RichText, TextEdit, Ui};

use crate::model::{Instant, Problem, Severity, Span, StepId};

/// Red used for errors and for an A/B total that is not 100.
pub const ERROR_COLOR: Color32 = Color32::from_rgb(0xE0, 0x40, 0x40);
/// Amber used for warnings ("not in the scenario").
pub const WARNING_COLOR: Color32 = Color32::from_rgb(0xD8, 0x90, 0x10);

/// A one-line explanation under a field, in small weak text.
pub fn explain(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).small().weak());
}

/// The rule a section obeys, in one plain sentence, set apart on a tinted note.
pub fn rule(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).italics());
        });
}

/// Shows problems (errors red, warnings amber), one per line.
pub fn problems_ui(ui: &mut Ui, problems: &[&Problem]) {
    for problem in problems {
        let (icon, color) = match problem.severity {
            Severity::Error => ("Error:", ERROR_COLOR),
            Severity::Warning => ("Warning:", WARNING_COLOR),
        };
        ui.label(RichText::new(format!("{icon} {}", problem.message)).color(color));
    }
}

/// Keeps a value in egui's memory while its widget is being edited (focused
/// or dragged) and returns it once the edit is over, if it changed.
pub fn buffered<T>(
    ui: &mut Ui,
    id: Id,
    current: &T,
    add: impl FnOnce(&mut Ui, &mut T) -> Response,
) -> Option<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let mut value = ui
        .data(|d| d.get_temp::<T>(id))
        .unwrap_or_else(|| current.clone());
    let response = add(ui, &mut value);
    let active = response.has_focus() || response.dragged() || response.is_pointer_button_down_on();
    if active {
        ui.data_mut(|d| d.insert_temp(id, value));
        return None;
    }
    ui.data_mut(|d| d.remove::<T>(id));
    let cancelled = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape));
    (!cancelled && value != *current).then_some(value)
}

/// A label on its own line, then a full-width text field; commits on Enter
/// (single line) or when focus leaves, Escape cancels.
pub fn text_field(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    current: &str,
    multiline: bool,
) -> Option<String> {
    let label = ui.label(label);
    let id = ui.make_persistent_id(salt);
    buffered(ui, id, &current.to_owned(), |ui, text| {
        let edit = if multiline {
            TextEdit::multiline(text).desired_rows(3)
        } else {
            TextEdit::singleline(text)
        };
        ui.add(edit.id(id.with("edit")).desired_width(f32::INFINITY))
            .labelled_by(label.id)
    })
}

/// A label and a number on one row; commits when the drag or typing ends.
pub fn number_row<N>(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    current: N,
    range: std::ops::RangeInclusive<N>,
    speed: f64,
    suffix: &str,
) -> Option<N>
where
    N: egui::emath::Numeric + Send + Sync + 'static,
{
    ui.horizontal(|ui| {
        let label = ui.label(label);
        number(ui, salt, label.id, current, range, speed, suffix)
    })
    .inner
}

/// How a bare input is named for screen readers (and tests).
#[derive(Clone, Copy, Debug)]
pub enum Naming<'a> {
    /// Named by a label shown beside it.
    By(Id),
    /// Named by this text, not shown.
    Named(&'a str),
}

impl Naming<'_> {
    /// Names `response` so.
    pub fn apply(self, response: Response) -> Response {
        match self {
            Naming::By(id) => response.labelled_by(id),
            Naming::Named(name) => response.accessible_name(name),
        }
    }
}

impl From<Id> for Naming<'_> {
    fn from(id: Id) -> Self {
        Naming::By(id)
    }
}

impl<'a> From<&'a str> for Naming<'a> {
    fn from(name: &'a str) -> Self {
        Naming::Named(name)
    }
}

/// A bare number, named by `naming`; commits when the drag or typing ends.
pub fn number<'a, N>(
    ui: &mut Ui,
    salt: &str,
    naming: impl Into<Naming<'a>>,
    current: N,
    range: std::ops::RangeInclusive<N>,
    speed: f64,
    suffix: &str,
) -> Option<N>
where
    N: egui::emath::Numeric + Send + Sync + 'static,
{
    let naming = naming.into();
    let id = ui.make_persistent_id(salt);
    buffered(ui, id, &current, |ui, value| {
        naming.apply(
            ui.add(
                DragValue::new(value)
                    .range(range)
                    .speed(speed)
                    .suffix(suffix),
            ),
        )
    })
}

/// The unit names of a span, in the order of the unit picker.
const UNITS: [&str; 3] = ["minutes", "hours", "days"];

/// A span: a whole number and a unit (minutes, hours, days).
pub fn span_row(ui: &mut Ui, salt: &str, label: &str, current: Span) -> Option<Span> {
    let (n, unit) = match current {
        Span::Minutes(n) => (n, 0),
        Span::Hours(n) => (n, 1),
        Span::Days(n) => (n, 2),
    };
    let make = |n: u32, unit: usize| match unit {
        0 => Span::Minutes(n),
        1 => Span::Hours(n),
        _ => Span::Days(n),
    };
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let mut out = None;
        if let Some(n) = number(ui, &format!("{salt}-n"), label.id, n, 0..=100_000, 0.2, "") {
            out = Some(make(n, unit));
        }
        let mut chosen = unit;
        ui.label_inputs_by(label.id, |ui| {
            ComboBox::from_id_salt(format!("{salt}-unit"))
                .width(80.0)
                .selected_text(UNITS[unit])
                .show_ui(ui, |ui| {
                    for (i, name) in UNITS.iter().enumerate() {
                        ui.selectable_value(&mut chosen, i, *name);
                    }
                });
        });
        if chosen != unit {
            out = Some(make(n, chosen));
        }
        out
    })
    .inner
}

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

/// A row whose `trailing` widgets sit at the right edge (added right to
/// left) and whose `main` widget fills the width left, so nothing overflows
/// a narrow panel.
pub fn trailing_row<A, B>(
    ui: &mut Ui,
    trailing: impl FnOnce(&mut Ui) -> A,
    main: impl FnOnce(&mut Ui) -> B,
) -> (A, B) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let a = trailing(ui);
            let b = main(ui);
            (a, b)
        })
        .inner
    })
    .inner
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

/// The choices of a target picker: every step but `except`, as "id · name".
pub fn step_choices(
    steps: &std::collections::BTreeMap<StepId, crate::model::Step>,
    except: Option<StepId>,
) -> Vec<(StepId, String)> {
    steps
        .iter()
        .filter(|(id, _)| Some(**id) != except)
        .map(|(id, s)| (*id, format!("{id} · {}", s.name)))
        .collect()
}

/// Where customers go next: a step, or "End" (the end of the path).
pub fn target_row(
    ui: &mut Ui,
    salt: &str,
    label: &str,
    current: Option<StepId>,
    choices: &[(StepId, String)],
) -> Option<Option<StepId>> {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        target_combo(ui, salt, label.id, current, choices)
    })
    .inner
}

/// The bare target dropdown of [`target_row`].
pub fn target_combo(
    ui: &mut Ui,
    salt: &str,
    label: Id,
    current: Option<StepId>,
    choices: &[(StepId, String)],
) -> Option<Option<StepId>> {
    let text = match current {
        None => "End".to_owned(),
        Some(id) => choices
            .iter()
            .find(|(c, _)| *c == id)
            .map_or_else(|| format!("{id} · (missing)"), |(_, t)| t.clone()),
    };
    let mut chosen = current;
    ui.label_inputs_by(label, |ui| {
        ComboBox::from_id_salt(salt)
            .width(ui.available_width().clamp(80.0, 200.0))
            .selected_text(text)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "End");
                for (id, name) in choices {
                    ui.selectable_value(&mut chosen, Some(*id), name);
                }
            });
    });
    (chosen != current).then_some(chosen)
}

/// Converts a chrono date to the date picker's jiff date.
pub fn to_jiff(date: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    use chrono::Datelike;
    let year = i16::try_from(date.year()).ok()?;
    jiff::civil::Date::new(year, date.month() as i8, date.day() as i8).ok()
}

/// Converts the date picker's jiff date back to chrono.
pub fn from_jiff(date: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}

/// A date (picker) and an hour and minute, all in UTC, labelled so.
pub fn date_time_row(ui: &mut Ui, salt: &str, label: &str, current: Instant) -> Option<Instant> {
    use chrono::Timelike;
    let name = label;
    ui.label(format!("{label} (UTC)"));
    let date = current.date_naive();
    let (hour, minute) = (current.hour(), current.minute());
    let at = |date: chrono::NaiveDate, hour: u32, minute: u32| {
        date.and_hms_opt(hour, minute, 0).map(|t| t.and_utc())
    };
    ui.horizontal(|ui| {
        let mut out = None;
        if let Some(mut picked) = to_jiff(date) {
            let salt_date = format!("{salt}-date");
            let response = ui.add(
                egui_extras::DatePickerButton::new(&mut picked)
                    .id_salt(&salt_date)
                    .calendar_week(false)
                    .show_icon(false)
                    // Its year/month/day combo boxes have no accessible name; arrows and calendar do.
                    .combo_boxes(false),
            );
            if response.changed()
                && let Some(new_date) = from_jiff(picked)
            {
                out = at(new_date, hour, minute);
            }
        } else {
            ui.label(date.to_string());
        }
        ui.label("at");
        let hour_name = format!("{name} hour");
        if let Some(h) = number(
            ui,
            &format!("{salt}-hour"),
            hour_name.as_str(),
            hour,
            0..=23,
            0.1,
            " h",
        ) {
            out = at(date, h, minute);
        }
        let minute_name = format!("{name} minute");
        if let Some(m) = number(
            ui,
            &format!("{salt}-minute"),
            minute_name.as_str(),
            minute,
            0..=59,
            0.2,
            " min",
        ) {
            out = at(date, hour, m);
        }
        ui.label("UTC");
        out
    })
    .inner
}

/// Formats an instant the way the forms show it: "2026-03-02 09:00 UTC".
pub fn show_instant(at: Instant) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
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
