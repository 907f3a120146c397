//! Journey Designer: design customer journeys on a canvas and simulate a
//! population flowing through them.
//!
//! Layers (see ARCHITECTURE.md): [`model`] is the journey as data, [`store`]
//! reads and writes files, `sim` simulates, `edit` changes documents, `ui`
//! draws, `app` wires the window together and [`cli`] runs headless.

pub mod cli;
pub mod edit;
pub mod model;
pub mod store;
pub mod ui;
