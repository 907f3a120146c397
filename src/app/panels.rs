//! The window's panels: menu bar, status bar, runner, problems list,
//! palette, inspector and canvas, in the order egui lays them out, then the
//! file prompts on top.

use egui::Ui;

use super::JourneyApp;
use crate::ui::canvas::{CanvasInput, canvas_ui, palette::palette_ui, problems::problems_ui};
use crate::ui::inspector::{InspectorInput, inspector_ui};

/// The problems list's height: its title and two problems (more scroll).
const PROBLEMS_HEIGHT: f32 = 76.0;

impl JourneyApp {
    /// The whole window's contents (no `eframe::Frame` needed, so tests drive it).
    pub fn ui_main(&mut self, ui: &mut Ui) {
        if self.theme_applied != Some(self.view.theme) {
            ui.ctx().set_theme(self.view.theme.preference());
            self.theme_applied = Some(self.view.theme);
        }
        // Ctrl +/−/0 zoom the canvas, not the whole window.
        if ui.ctx().options(|o| o.zoom_with_keyboard) {
            ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
        }
        self.keyboard_shortcuts(ui);
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        self.runner_frame(ui);
        // The analytics panel takes the problems list's place while it is open.
        if !self.view.hide_problems && !self.run.ui.show_analytics {
            // At least three problems' room whether there are problems or
            // not: the list coming or going never moves the canvas.
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(PROBLEMS_HEIGHT)
                .size_range(PROBLEMS_HEIGHT..=480.0)
                .show(ui, |ui| self.problems_panel_ui(ui));
        }
        egui::Panel::left("palette")
            .default_size(180.0)
            .show(ui, |ui| self.palette_panel_ui(ui));
        if !self.view.hide_inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(340.0)
                .size_range(300.0..=640.0)
                .show(ui, |ui| self.inspector_panel_ui(ui));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.canvas_panel_ui(ui));
        self.file_prompts_ui(ui);
    }

    fn palette_panel_ui(&mut self, ui: &mut Ui) {
        let read_only = self.read_only();
        // Scrolls on a short window rather than run under the panels below.
        let actions = egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .show(ui, |ui| palette_ui(ui, &mut self.canvas, read_only))
            .inner;
        self.apply_canvas_actions(ui, actions);
    }

    fn inspector_panel_ui(&mut self, ui: &mut Ui) {
        // Fill the panel: a panel shrinks to its content, and wrapped text
        // would otherwise narrow it frame after frame.
        ui.set_min_width(ui.available_width());
        let selected = (self.canvas.selection.len() == 1)
            .then(|| self.canvas.selection.first().copied())
            .flatten();
        let version = self.version_index();
        let journey = self.doc.journey();
        let planner = selected.map(|step| {
            let customers = self.run.customers(journey);
            self.planner.view(&self.doc, version, step, customers)
        });
        let input = InspectorInput {
            journey,
            problems: self.validation.problems(&self.doc),
            version,
            selected,
            planner,
        };
        let output = inspector_ui(ui, &mut self.inspector, &input);
        for command in output.commands {
            self.apply_command(command, "Could not change the journey");
        }
        self.planner.reveal = self.planner.reveal.saturating_sub(1);
        if let (Some(intent), Some(step)) = (output.planner, selected) {
            self.planner_intent(intent, step, ui.ctx());
        }
    }

    fn canvas_panel_ui(&mut self, ui: &mut Ui) {
        self.canvas_rect = ui.max_rect();
        let version = self.version_index();
        let read_only = self.read_only();
        let input = CanvasInput {
            journey: self.doc.journey(),
            problems: self.validation.problems(&self.doc),
            overlay: self.run.overlay.as_ref(),
            document: self.doc.id(),
            revision: self.doc.revision(),
            version,
            read_only,
        };
        let actions = canvas_ui(ui, &mut self.canvas, &input);
        self.apply_canvas_actions(ui, actions);
    }

    fn problems_panel_ui(&mut self, ui: &mut Ui) {
        let version = self.version_index();
        let several = self.doc.journey().versions.len() > 1;
        let problems = self.validation.problems(&self.doc);
        if let Some(id) = problems_ui(ui, problems, version, several) {
            self.canvas.focus_step(id);
        }
    }
}
