//! Journey Designer: design customer journeys on a canvas and simulate a
//! population flowing through them.
//!
//! Layers (see ARCHITECTURE.md): [`model`] is the journey as data, [`store`]
//! reads and writes files, `sim` simulates, `edit` changes documents, `ui`
//! draws, `app` wires the window together and [`cli`] runs headless.

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
pub mod sim;
pub mod store;
pub mod templates;
pub mod ui;
