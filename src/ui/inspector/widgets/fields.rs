//! Fields that commit once per edit: text, numbers, spans; notes and problems.

use egui::{Color32, ComboBox, DragValue, Id, Key, Response, RichText, TextEdit, Ui};

use crate::model::{Problem, Severity, Span};

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

/// True when a form changed `new` from `old`. Unlike `!=`, a value holding
/// `NaN` (a file may) is the same as itself, so showing it changes nothing.
pub fn differs<T: PartialEq + serde::Serialize>(new: &T, old: &T) -> bool {
    new != old && ron::to_string(new).ok() != ron::to_string(old).ok()
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
    let stored = ui.data(|d| d.get_temp::<T>(id));
    let was_editing = stored.is_some();
    let mut value = stored.unwrap_or_else(|| current.clone());
    let response = add(ui, &mut value);
    let active = response.has_focus() || response.dragged() || response.is_pointer_button_down_on();
    if active {
        ui.data_mut(|d| d.insert_temp(id, value));
        return None;
    }
    ui.data_mut(|d| d.remove::<T>(id));
    let cancelled = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape));
    // Only an edit commits: merely showing a value (NaN never equals itself,
    // an out-of-range number from a file) must not change the journey.
    let edited = was_editing || response.changed();
    (edited && !cancelled && value != *current).then_some(value)
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
                    // A value from a file stays as it is until the user edits it.
                    .clamp_existing_to_range(false)
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
