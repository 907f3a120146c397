//! A run's report for people: the reconciliation ("where did everyone
//! go") and the self-contained HTML report a marketer hands over. No egui:
//! the window (Export → Report) and the command line
//! (`simulate FILE --html OUT.html`) share it.

pub mod reconcile;
