//! Nothing is cut off at the two window sizes people use most, 1280x800 and
//! 1920x1080: every widget of the side panels and dialogs lies inside the
//! window, and nothing of the inspector reaches under the canvas.

use egui::{Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app::{JourneyApp, ViewState};
use crate::edit::Document;
use crate::model::Journey;
use crate::ui::inspector::Tab;

const SIZES: [Vec2; 2] = [vec2(1280.0, 800.0), vec2(1920.0, 1080.0)];

fn renewal() -> Journey {
    crate::templates::named("renewal-live-edit.journey.ron")
}

fn window(app: JourneyApp, size: Vec2) -> Harness<'static, JourneyApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
    h.run();
    h
}

/// Widgets with a label whose rectangle sticks out of `inside`.
fn sticking_out(h: &Harness<'_, JourneyApp>, region: Rect, inside: Rect) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::Splitter)
        .filter(|n| region.contains(n.rect().center()))
        .filter(|n| {
            let r = n.rect();
            r.max.x > inside.max.x + 0.5 || r.min.x < inside.min.x - 0.5
        })
        .map(|n| {
            format!(
                "{:?} {:?} {:?}",
                n.accesskit_node().role(),
                n.accesskit_node().label(),
                n.rect()
            )
        })
        .collect()
}

#[test]
fn inspector_tabs_fit_beside_the_canvas_at_1280x800_and_1920x1080() {
    let journey = renewal();
    let last = journey.versions.len() - 1;
    let ab_test = journey.versions[last]
        .steps
        .iter()
        .find(|(_, s)| s.name == "Which offer?")
        .map(|(id, _)| *id)
        .expect("the A/B step");
    for size in SIZES {
        for tab in Tab::ALL {
            let mut app = JourneyApp::new(Document::new(journey.clone()), ViewState::default());
            app.inspector.tab = tab;
            app.inspector.scenario_tables_open = [true; 4];
            if tab == Tab::Step {
                app.canvas.selection = [ab_test].into();
            }
            let h = window(app, size);
            let panel_left = h
                .get_by_role_and_label(egui::accesskit::Role::Button, "Journey")
                .rect()
                .min
                .x
                - 10.0;
            // Wide enough for the forms (it once shrank to its wrapped text).
            assert!(
                panel_left > size.x * 0.5 && panel_left < size.x - 300.0,
                "{tab:?} at {size:?}: the inspector starts at {panel_left}"
            );
            let window_rect = Rect::from_min_size(egui::Pos2::ZERO, size);
            let inspector = Rect::from_min_max(egui::pos2(panel_left, 0.0), window_rect.max);
            let inside = Rect::from_min_max(egui::pos2(panel_left, 0.0), window_rect.max);
            let checked = h
                .root()
                .children_recursive()
                .filter(|n| n.accesskit_node().bounding_box().is_some())
                .filter(|n| inspector.contains(n.rect().center()))
                .count();
            assert!(checked > 10, "{tab:?} at {size:?}: only {checked} widgets");
            let out = sticking_out(&h, inspector, inside);
            assert!(out.is_empty(), "{tab:?} at {size:?}: cut off: {out:#?}");
        }
    }
}

#[test]
fn menus_and_dialogs_fit_at_1280x800_and_1920x1080() {
    for size in SIZES {
        let mut app = JourneyApp::new(Document::new(renewal()), ViewState::default());
        app.files.gallery_open = true;
        let h = window(app, size);
        let window_rect = Rect::from_min_size(egui::Pos2::ZERO, size);
        let everything = Rect::EVERYTHING;
        let gallery = h.get_by_label("New journey").rect();
        assert!(window_rect.contains_rect(gallery), "{gallery:?}");
        let cancel = h.get_by_label("Cancel").rect();
        assert!(
            window_rect.contains_rect(cancel),
            "the gallery's Cancel is off screen at {size:?}: {cancel:?}"
        );
        let out = sticking_out(&h, everything, window_rect);
        let out: Vec<_> = out
            .into_iter()
            .filter(|s| s.contains("Use ") || s.contains("Empty journey"))
            .collect();
        assert!(out.is_empty(), "{size:?}: {out:#?}");
    }
}
