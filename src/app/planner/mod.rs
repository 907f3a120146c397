//! The A/B planner in the window: the A/B step form asks how often its test
//! finds a winner and how many customers it needs (`sim::plan_step` on a
//! [`crate::app::background::Task`]). The app owns the plan and the
//! revision it is of (`state`) and does what the form asks (`intents`).

mod intents;
mod state;

pub use state::{PlanShown, Planner, PlannerError};
