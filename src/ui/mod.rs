//! egui code only: the canvas, the inspector forms, dialogs, panels. Reads
//! `&Journey`, returns commands or intents; never touches files or threads,
//! which are the app's (see the layers in the crate docs).

pub mod analytics;
pub mod canvas;
pub mod compare;
pub mod dialogs;
pub mod inspector;
pub mod raster;
pub mod runner;
pub mod shortcuts;
pub mod style;
