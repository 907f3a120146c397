//! Journey Designer: design customer journeys on a canvas and simulate a
//! population flowing through them.
//!
//! # Layers
//!
//! One crate, in layers that each do one job:
//!
//! - [`model`] — the journey as plain data (start, end rules, goal,
//!   versions, steps, scenario) and [`model::validate`]. It knows nothing of
//!   windows, files or simulation; the file format is described in
//!   `assets/docs/format.md`.
//! - [`store`] — reading and writing `*.journey.ron` files: the format
//!   check, errors with line and column, atomic saves, the autosaved
//!   recovery copy. It uses the model only.
//! - [`sim`] — the deterministic simulator of the rules in
//!   `assets/docs/rules.md`: population, engine, statistics, and the
//!   [`sim::Report`] it returns. It uses the model only, and reports progress
//!   and obeys a cancel flag so that the window can run it on a worker thread.
//! - [`edit`] — the only way a document changes: an [`edit::Command`] applied
//!   to a journey returns its inverse, which gives undo and redo in one place
//!   that is tested without a window. Stopping a version is a command too,
//!   and the one that cannot be undone.
//! - [`ui`] — egui drawing only: canvas, inspector forms, runner, analytics,
//!   dialogs. It reads the journey and the report and returns commands or
//!   intents (what the user asked for).
//! - [`app`] — the eframe application that wires it together: menus,
//!   panels, shortcuts, file dialogs, worker threads, remembered settings.
//! - [`cli`] — the headless commands (`validate`, `simulate`) over the same
//!   store and simulator, for scripts, CI and benchmarks.
//! - [`templates`] — the sample journeys of `assets/`, built into the binary.
//!
//! Dependencies point one way. The model, store, sim and edit layers never
//! use egui, eframe or rfd; `ui` never touches files or threads (it asks the
//! app); nothing depends on `app` or `cli`.
//!
//! # Data flow
//!
//! Data flows one way: the app hands `ui` the journey to draw, `ui` turns
//! what the user does into commands and intents, the app applies commands
//! through `edit` and acts on intents (open a file, run the simulation), and
//! the next frame draws the changed journey. Simulating reads a copy of the
//! journey and returns a report; nothing the simulator does changes the
//! document.
//!
//! # Three kinds of state
//!
//! Each kind lives in one place:
//!
//! 1. **Document** — the journey (step positions included, they are part of
//!    the design) with its undo history and file path. Saved to its file,
//!    changed only by commands.
//! 2. **View** — pan and zoom, selection, open panels, theme, recent files.
//!    Remembered by eframe between sessions, never written into the journey
//!    file.
//! 3. **Run** — the latest simulation report and the playhead. Never saved
//!    with the journey; it can be exported (JSON, CSV, PNG). A run is cheap
//!    because the engine is fast and deterministic, so stopping a version or
//!    publishing a new one "here" simply runs again with that moment
//!    recorded in the journey.

// Tests may unwrap and print: a failing test should say where, loudly.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::print_stdout,
        clippy::print_stderr,
        clippy::too_many_lines
    )
)]

pub mod app;
pub mod cli;
pub mod edit;
pub mod model;
pub mod report;
pub mod sim;
pub mod store;
pub mod templates;
pub mod ui;
