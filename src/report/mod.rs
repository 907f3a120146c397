//! A run's report for people: the reconciliation ("where did everyone
//! go") and the self-contained HTML report a marketer hands over. No egui:
//! the window (Export → Report) and the command line
//! (`simulate FILE --html OUT.html`) share it.

mod counts;
mod drawing;
pub mod html;
pub mod layout;
mod parts;
pub mod reconcile;
mod rules;
pub mod svg;
mod tables;
pub mod text;

pub use html::report_html;
