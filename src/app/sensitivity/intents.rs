//! What the analytics' "What moves the goal rate" section asks of the app,
//! and the plain view of the sensitivity state it draws.

use super::state::Request;
use crate::app::JourneyApp;
use crate::ui::analytics::SensitivityIntent;

impl JourneyApp {
    /// Takes in a finished chart and keeps frames coming while one is computed.
    pub(crate) fn sensitivity_frame(&mut self, ctx: &egui::Context) {
        self.sensitivity.follow_document(&self.doc);
        if std::mem::take(&mut self.sensitivity.start_on_next_frame) {
            self.start_sensitivity(ctx);
        }
        if self.sensitivity.poll() {
            self.status = Some("Found what moves the goal rate: see the analytics.".to_owned());
        }
        if self.sensitivity.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    /// Does what the section asked.
    pub(crate) fn sensitivity_intent(&mut self, intent: SensitivityIntent, ctx: &egui::Context) {
        match intent {
            SensitivityIntent::Compute => self.start_sensitivity(ctx),
            SensitivityIntent::Cancel => self.cancel_sensitivity(),
        }
    }

    /// Starts computing the chart of the design as it is now, with the next
    /// run's customers and random seed.
    pub fn start_sensitivity(&mut self, ctx: &egui::Context) {
        let repaint = ctx.clone();
        let journey = self.doc.journey();
        let request = Request {
            journey,
            revision: self.doc.revision(),
            path: self.doc.path.as_deref(),
            customers: self.run.customers(journey),
            seed: self.run.seed(journey),
        };
        self.sensitivity
            .start(request, Box::new(move || repaint.request_repaint()));
    }

    /// Cancels the computation in flight and says what the section shows now.
    pub fn cancel_sensitivity(&mut self) {
        if !self.sensitivity.is_running() {
            return;
        }
        self.sensitivity.cancel();
        self.status = Some(
            if self.sensitivity.chart.is_some() {
                "Cancelled: the chart shown is still the previous one."
            } else {
                "Cancelled: nothing was computed."
            }
            .to_owned(),
        );
    }
}
