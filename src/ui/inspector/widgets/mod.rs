//! The inspector's fields, built in egui's style: `Field::new(label)`, a few
//! options, then `.show(ui, &mut value)`, which returns true when a finished
//! edit (Enter, focus lost, drag released, a choice made) changed the value.
//! While an edit is in progress the value is kept aside, so a form sees one
//! change per edit, never one per keystroke.
//!
//! ```ignore
//! NumberField::new("Share at start")
//!     .range(0.0..=1.0)
//!     .speed(0.005)
//!     .show(ui, &mut model.share);
//! ```

mod calendar;
mod combo;
mod commit;
mod dates;
mod list;
mod names;
mod notes;
mod number;
mod targets;
mod text;

pub use combo::ComboField;
pub use commit::{Labelled, differs};
pub use dates::{DateTimeField, show_instant};
pub use list::ListEditor;
pub use names::{NameField, add_name_ui, rename_ui};
pub use notes::{ERROR_COLOR, WARNING_COLOR, explain, problems_ui, rule};
pub use number::{NumberField, SpanField, grouped, parse_allowed};
pub use targets::{TargetField, step_choices};
pub use text::TextField;

// The building blocks of the fields above.
use commit::{buffered, commit_into, trailing_row, with_label};
use names::{name_flag_ui, pick_menu_ui};
