//! "What moves the goal rate" in the window: the app owns the sensitivity
//! computation (`sim::sensitivity` on a [`crate::app::background::Task`]),
//! the latest chart and the document revision it was made from (`state`),
//! and does what the analytics' section asks (`intents`).

mod intents;
mod state;

pub use state::{Chart, SensitivityError, SensitivityRun};
