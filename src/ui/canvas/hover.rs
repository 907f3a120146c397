//! A card's hover text: what the card itself does not show (its kind in
//! words, where each path leads, the summary when a run's counts cover it,
//! the run's numbers), placed beside the card so it never covers it.

use egui::{RectAlign, Response, Ui};

use super::cache::{Cache, CardInfo};
use super::geometry::CardGeometry;

/// Right of the card first, then left, below, above: never over it.
const BESIDE: [RectAlign; 3] = [
    RectAlign::LEFT_START,
    RectAlign::BOTTOM_START,
    RectAlign::TOP_START,
];

/// The lines of a card's hover text, before any run numbers. `counts`: a
/// run's counts are drawn on the card in place of its summary.
pub fn card_hover_lines(
    cache: &Cache,
    card: &CardGeometry,
    info: &CardInfo,
    counts: bool,
) -> Vec<String> {
    let mut lines = vec![format!("{} step", info.kind.label())];
    if counts && !info.summary.is_empty() {
        lines.push(info.summary.clone());
    }
    for (label, target, _) in &card.outputs {
        let to = target
            .and_then(|t| cache.index.get(&t))
            .and_then(|&i| cache.info.get(i))
            .map_or_else(
                || "the end of the path".to_owned(),
                |i| format!("“{}”", i.name),
            );
        let label = if label.is_empty() || label == "next" {
            "Next"
        } else {
            label.as_str()
        };
        lines.push(format!("{label}: {to}"));
    }
    lines.push("Click to edit it in the inspector; right-click for more.".to_owned());
    lines
}

/// Shows `lines` and then `run` (the run's numbers) beside the card `resp`.
pub fn card_hover_ui(resp: &Response, lines: &[String], run: Option<String>) {
    let mut tooltip = egui::Tooltip::for_enabled(resp);
    tooltip.popup = (tooltip.popup)
        .align(RectAlign::RIGHT_START)
        .align_alternatives(&BESIDE)
        .gap(8.0);
    tooltip.show(|ui: &mut Ui| {
        for line in lines {
            ui.label(line);
        }
        if let Some(run) = run {
            ui.separator();
            ui.label(run);
        }
    });
}
