//! What the A/B form's planner asks of the app.

use super::state::PlanAsk;
use crate::app::JourneyApp;
use crate::model::StepId;
use crate::ui::inspector::PlannerIntent;

impl JourneyApp {
    /// Takes in a finished plan and keeps frames coming while one is computed.
    pub(crate) fn planner_frame(&mut self, ctx: &egui::Context) {
        if let Some(step) = self.planner.start_on_next_frame.take() {
            self.start_plan(step, ctx);
        }
        if self.planner.poll() {
            self.status = Some("The A/B test is planned: see the Step tab.".to_owned());
        }
        if self.planner.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Does what the form asked, for `step` of the version shown.
    pub(crate) fn planner_intent(
        &mut self,
        intent: PlannerIntent,
        step: StepId,
        ctx: &egui::Context,
    ) {
        match intent {
            PlannerIntent::Plan => self.start_plan(step, ctx),
            PlannerIntent::Cancel => self.cancel_plan(),
        }
    }

    /// Plans A/B step `step` of the version shown, as the design is now,
    /// with the next run's customers and random seed.
    pub fn start_plan(&mut self, step: StepId, ctx: &egui::Context) {
        let repaint = ctx.clone();
        let journey = self.doc.journey();
        let ask = PlanAsk {
            journey,
            revision: self.doc.revision(),
            document: self.doc.id(),
            version: self.version_index(),
            step,
            customers: self.run.customers(journey),
            seed: self.run.seed(journey),
        };
        self.planner
            .start(ask, Box::new(move || repaint.request_repaint()));
    }

    /// Cancels the plan in flight and says what the form shows now.
    pub fn cancel_plan(&mut self) {
        if !self.planner.is_running() {
            return;
        }
        self.planner.cancel();
        self.status = Some(
            if self.planner.shown.is_some() {
                "Cancelled: the plan shown is still the previous one."
            } else {
                "Cancelled: the test was not planned."
            }
            .to_owned(),
        );
    }
}
