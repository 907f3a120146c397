//! "Where did everyone go": the reconciliation of `report::reconcile`, as
//! two short tables (arrivals, then entries) with a bar per row and a line
//! that says whether each adds up.

use egui::{Grid, RichText, Ui, vec2};

use crate::report::reconcile::{Reconciliation, Row, reconcile};
use crate::sim::Report;
use crate::ui::style::{colours, count};

/// Draws the reconciliation of `report`.
pub fn reconciliation_ui(ui: &mut Ui, report: &Report) {
    let rec = reconcile(report);
    ui.strong("Where did everyone go");
    ui.horizontal_top(|ui| {
        table_ui(ui, "reconcile-arrivals", &rec.arrivals);
        ui.add_space(16.0);
        table_ui(ui, "reconcile-entries", &rec.entries);
    });
    ui.label(verdict(&rec));
}

/// "Nobody is lost: …" or, if a sum were off, says so.
pub fn verdict(rec: &Reconciliation) -> String {
    if rec.adds_up() {
        "Nobody is lost: every arrival and every entry is counted once above.".to_owned()
    } else {
        "These numbers do not add up: please report this run.".to_owned()
    }
}

fn table_ui(ui: &mut Ui, id: &str, rows: &[Row]) {
    let total = rows.first().map_or(0, |r| r.value).max(1);
    Grid::new(id).num_columns(3).show(ui, |ui| {
        for r in rows.iter().filter(|r| r.depth == 0 || r.value > 0) {
            let text = RichText::new(&r.label);
            if r.depth == 0 {
                ui.label(text.strong());
            } else {
                ui.label(format!("   {}", r.label));
            }
            ui.label(count(r.value));
            let (rect, _) = ui.allocate_exact_size(vec2(120.0, 10.0), egui::Sense::hover());
            let w = rect.width() * r.value as f32 / total as f32;
            let bar = egui::Rect::from_min_size(rect.min, vec2(w, rect.height()));
            ui.painter()
                .rect_filled(bar, 2.0, colours::NOW.gamma_multiply(0.7));
            ui.end_row();
        }
    });
}
