//! Every keyboard shortcut of the app, in ONE table: the handlers (the
//! window's in `app`, the canvas's in `canvas::keys`) look their keys up
//! here, the Edit and File menus show them from here, and the help window
//! (F1) lists this table, so what is listed is what is handled.

use egui::{Context, InputState, Key, KeyboardShortcut, Modifiers};

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shortcut {
    /// File > New.
    New,
    /// File > Open.
    Open,
    /// File > Save.
    Save,
    /// File > Save as.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Copy the selected steps.
    Copy,
    /// Cut the selected steps.
    Cut,
    /// Paste steps.
    Paste,
    /// Duplicate the selected steps.
    Duplicate,
    /// Delete the selected steps.
    Delete,
    /// Select every step.
    SelectAll,
    /// Clear the selection, cancel a placement or gesture.
    Deselect,
    /// Zoom to fit the journey.
    ZoomToFit,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Zoom to 100 %.
    ZoomActualSize,
    /// Pan the canvas.
    Pan,
    /// Simulate the journey.
    Run,
    /// Play or pause the run's playback.
    PlayPause,
    /// The help window.
    Help,
}

/// One row of the table: what, which keys, in words.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// What it does.
    pub shortcut: Shortcut,
    /// The keys, the first one shown in menus. Longer chords come first in
    /// the table, so Ctrl+Shift+S is not read as Ctrl+S.
    pub keys: &'static [KeyboardShortcut],
    /// What it does, in the marketer's words (the help window's text).
    pub what: &'static str,
}

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

/// Every shortcut the app has.
pub const SHORTCUTS: &[Binding] = &[
    Binding {
        shortcut: Shortcut::New,
        keys: &[keys(CTRL, Key::N)],
        what: "New journey from a template",
    },
    Binding {
        shortcut: Shortcut::Open,
        keys: &[keys(CTRL, Key::O)],
        what: "Open a journey file",
    },
    Binding {
        shortcut: Shortcut::SaveAs,
        keys: &[keys(CTRL_SHIFT, Key::S)],
        what: "Save as",
    },
    Binding {
        shortcut: Shortcut::Save,
        keys: &[keys(CTRL, Key::S)],
        what: "Save",
    },
    Binding {
        shortcut: Shortcut::Redo,
        keys: &[keys(CTRL_SHIFT, Key::Z), keys(CTRL, Key::Y)],
        what: "Redo",
    },
    Binding {
        shortcut: Shortcut::Undo,
        keys: &[keys(CTRL, Key::Z)],
        what: "Undo",
    },
    Binding {
        shortcut: Shortcut::Copy,
        keys: &[keys(CTRL, Key::C)],
        what: "Copy the selected steps",
    },
    Binding {
        shortcut: Shortcut::Cut,
        keys: &[keys(CTRL, Key::X)],
        what: "Cut the selected steps",
    },
    Binding {
        shortcut: Shortcut::Paste,
        keys: &[keys(CTRL, Key::V)],
        what: "Paste steps, placed beside the copied ones",
    },
    Binding {
        shortcut: Shortcut::Duplicate,
        keys: &[keys(CTRL, Key::D)],
        what: "Duplicate the selected steps",
    },
    Binding {
        shortcut: Shortcut::Delete,
        keys: &[keys(NONE, Key::Delete), keys(NONE, Key::Backspace)],
        what: "Delete the selected steps",
    },
    Binding {
        shortcut: Shortcut::SelectAll,
        keys: &[keys(CTRL, Key::A)],
        what: "Select every step",
    },
    Binding {
        shortcut: Shortcut::Deselect,
        keys: &[keys(NONE, Key::Escape)],
        what: "Clear the selection; cancel a field's edit; close a dialog",
    },
    Binding {
        shortcut: Shortcut::ZoomToFit,
        keys: &[keys(NONE, Key::F)],
        what: "Zoom to fit the journey",
    },
    Binding {
        shortcut: Shortcut::ZoomIn,
        keys: &[
            keys(CTRL, Key::Plus),
            keys(CTRL, Key::Equals),
            keys(NONE, Key::Plus),
            keys(NONE, Key::Equals),
        ],
        what: "Zoom in",
    },
    Binding {
        shortcut: Shortcut::ZoomOut,
        keys: &[keys(CTRL, Key::Minus), keys(NONE, Key::Minus)],
        what: "Zoom out",
    },
    Binding {
        shortcut: Shortcut::ZoomActualSize,
        keys: &[keys(CTRL, Key::Num0)],
        what: "Zoom to 100 %",
    },
    Binding {
        shortcut: Shortcut::Pan,
        keys: &[
            keys(NONE, Key::ArrowLeft),
            keys(NONE, Key::ArrowRight),
            keys(NONE, Key::ArrowUp),
            keys(NONE, Key::ArrowDown),
        ],
        what: "Move around the canvas",
    },
    Binding {
        shortcut: Shortcut::Run,
        keys: &[keys(NONE, Key::F5)],
        what: "Simulate the journey",
    },
    Binding {
        shortcut: Shortcut::PlayPause,
        keys: &[keys(NONE, Key::Space)],
        what: "Play or pause the run's playback",
    },
    Binding {
        shortcut: Shortcut::Help,
        keys: &[keys(NONE, Key::F1)],
        what: "This help",
    },
];

impl Shortcut {
    /// Its row of [`SHORTCUTS`].
    pub fn binding(self) -> &'static Binding {
        SHORTCUTS
            .iter()
            .find(|b| b.shortcut == self)
            .unwrap_or(&SHORTCUTS[0])
    }

    /// Its keys.
    pub fn keys(self) -> &'static [KeyboardShortcut] {
        self.binding().keys
    }

    /// Consumes a press of any of its keys this frame; true if there was one.
    pub fn consume(self, input: &mut InputState) -> bool {
        // Every key is consumed, so none is read again by another handler.
        let mut hit = false;
        for k in self.keys() {
            hit |= input.consume_shortcut(k);
        }
        hit
    }

    /// The shortcut `key` with `modifiers` is, for a handler that reads
    /// key events: the first row that matches (longer chords come first).
    pub fn of(key: Key, modifiers: Modifiers) -> Option<Shortcut> {
        SHORTCUTS
            .iter()
            .find(|b| {
                b.keys
                    .iter()
                    .any(|k| k.logical_key == key && modifiers.matches_logically(k.modifiers))
            })
            .map(|b| b.shortcut)
    }

    /// Its keys as the platform writes them ("Ctrl+Y / Ctrl+Shift+Z").
    pub fn label(self, ctx: &Context) -> String {
        keys_label(ctx, self.binding())
    }

    /// Its first key, as the platform writes it (for a menu item).
    pub fn menu_text(self, ctx: &Context) -> String {
        self.keys()
            .first()
            .map(|k| ctx.format_shortcut(k))
            .unwrap_or_default()
    }
}

/// The keys of `binding` as the platform writes them; the four arrows as one.
pub fn keys_label(ctx: &Context, binding: &Binding) -> String {
    if binding.shortcut == Shortcut::Pan {
        return "Arrow keys".to_owned();
    }
    binding
        .keys
        .iter()
        .map(|k| ctx.format_shortcut(k))
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_has_one_row_and_rows_do_not_share_keys() {
        let mut seen = std::collections::HashSet::new();
        for b in SHORTCUTS {
            assert!(seen.insert(b.shortcut), "{:?} twice", b.shortcut);
            assert_eq!(b.shortcut.binding().shortcut, b.shortcut);
            for k in b.keys {
                assert_eq!(
                    Shortcut::of(k.logical_key, k.modifiers),
                    Some(b.shortcut),
                    "{k:?} is read as another shortcut"
                );
            }
        }
    }
}
