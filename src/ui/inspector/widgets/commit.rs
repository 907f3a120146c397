//! How a field commits once per edit, and how its label names it.

use egui::{Id, Key, Response, Ui};

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

/// [`buffered`] writing the finished edit into `value`; true when it did.
pub fn commit_into<T>(
    ui: &mut Ui,
    id: Id,
    value: &mut T,
    add: impl FnOnce(&mut Ui, &mut T) -> Response,
) -> bool
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    match buffered(ui, id, value, add) {
        Some(new) => {
            *value = new;
            true
        }
        None => false,
    }
}

/// Where a field's label goes (every field builder takes one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labelled {
    /// Label and field on a row of their own.
    InRow,
    /// Label, then field, straight into the current layout: above the field
    /// in a vertical layout, beside it in a horizontal one, in its own cell
    /// in a grid.
    InLayout,
    /// No label is shown; its text names the field for screen readers (and tests).
    Hidden,
    /// Named by a label drawn elsewhere (one label for several inputs).
    By(Id),
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

    /// Names every input `add` adds (for widgets built elsewhere, e.g. a combo box).
    pub fn inputs<R>(self, ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
        match self {
            Naming::By(id) => ui.label_inputs_by(id, add),
            Naming::Named(name) => ui.name_inputs(name, add),
        }
    }
}

/// Draws `text` where `labelled` says, then the field `add` draws, named by it.
pub fn with_label<R>(
    ui: &mut Ui,
    text: &str,
    labelled: Labelled,
    add: impl FnOnce(&mut Ui, Naming<'_>) -> R,
) -> R {
    match labelled {
        Labelled::InRow => {
            ui.horizontal(|ui| {
                let label = ui.label(text);
                add(ui, Naming::By(label.id))
            })
            .inner
        }
        Labelled::InLayout => {
            let label = ui.label(text);
            add(ui, Naming::By(label.id))
        }
        Labelled::Hidden => add(ui, Naming::Named(text)),
        Labelled::By(id) => add(ui, Naming::By(id)),
    }
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
