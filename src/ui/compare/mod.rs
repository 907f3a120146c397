//! A comparison of two designs in the window's words (S25): both run on the
//! same customers and random numbers, and B − A is said with its 95 %
//! interval, coloured by whether the interval excludes zero. `words` makes
//! the texts (no egui); `panel` draws the analytics side by side.

pub mod panel;
pub mod words;

use egui::Color32;

use crate::ui::style::colours;
pub use words::{CardDiff, Tone};

/// The colour of a difference: green up, red down, grey when chance could explain it.
pub fn tone_colour(tone: Tone) -> Color32 {
    match tone {
        Tone::Up => colours::COMPLETED,
        Tone::Down => colours::STOPPED,
        Tone::Unclear => colours::HELD_OUT,
        Tone::OneSide => colours::NOW,
    }
}
