//! egui code only: inspector forms and dialogs. Reads the journey, returns
//! commands or intents; never touches files or threads (ARCHITECTURE.md).

pub mod dialogs;
pub mod inspector;
