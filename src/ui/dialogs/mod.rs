//! Dialogs: egui only, each returning what the user chose (an intent).
