//! egui code only: the canvas, the inspector, panels. Reads `&Journey`,
//! returns commands or intents; never touches files or threads.

pub mod canvas;
pub mod inspector;
