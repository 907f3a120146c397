//! The simulation side of the window (the crate docs: the run, one of the three kinds of state): the latest
//! report and the run in flight (`state`), what runs hand back (`results`),
//! the worker thread (`worker`), the runner's part of each frame (`frame`)
//! and what the user asks of the runner bar (`intents`).

mod frame;
mod intents;
mod results;
mod state;
pub mod worker;

pub use results::{Progress, RunError, RunResult, StopPreview};
pub use state::{DEBOUNCE, Job, Run};
