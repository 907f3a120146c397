//! Shared pieces of the inspector forms: fields that commit once per edit,
//! spans, names with suggestions, list editors, step pickers, date and time.
//!
//! A field returns `Some(new value)` only when an edit is finished (Enter,
//! focus lost, drag released, a choice made), so each edit is one command.

mod dates;
mod fields;
mod names;
mod targets;

pub use dates::{date_time_row, from_jiff, show_instant, to_jiff};
pub use fields::{
    ERROR_COLOR, Naming, WARNING_COLOR, buffered, differs, explain, number, number_row,
    problems_ui, rule, span_row, text_field, trailing_row,
};
pub use names::{
    add_name_row, add_name_row_with, list_editor, name_field, name_flag, pick_menu, rename_row,
};
pub use targets::{step_choices, target_combo, target_row};
