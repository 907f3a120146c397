//! The status bar: the journey's name and file, the last message (which
//! goes after [`STATUS_SECONDS`], so nothing stale stays), and the step
//! count. A message too long for the bar is cut with "…" and shown whole
//! on hover.

use egui::Ui;

use super::JourneyApp;

/// Seconds a message stays in the status bar.
pub const STATUS_SECONDS: f64 = 15.0;

/// The message shown and since when (seconds on egui's clock).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Shown {
    text: String,
    since: f64,
}

impl JourneyApp {
    /// Forgets the message once it has been shown for [`STATUS_SECONDS`]
    /// (`now` on any steady clock); returns the seconds it has left.
    pub fn expire_status(&mut self, now: f64) -> Option<f64> {
        let Some(text) = &self.status else {
            self.status_shown = None;
            return None;
        };
        let since = match &self.status_shown {
            Some(shown) if shown.text == *text => shown.since,
            _ => {
                self.status_shown = Some(Shown {
                    text: text.clone(),
                    since: now,
                });
                now
            }
        };
        let left = since + STATUS_SECONDS - now;
        if left <= 0.0 {
            self.status = None;
            self.status_shown = None;
            return None;
        }
        Some(left)
    }

    /// Draws the status bar.
    pub(crate) fn status_bar_ui(&mut self, ui: &mut Ui) {
        let now = ui.input(|i| i.time);
        if let Some(left) = self.expire_status(now) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
        let j = self.doc.journey();
        let steps = j
            .versions
            .get(self.version_index())
            .map_or(0, |v| v.steps.len());
        let counts = format!("{steps} steps · {} selected", self.canvas.selection.len());
        let file = self
            .doc
            .path
            .as_ref()
            .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
        let dirty = if self.has_unsaved_work() {
            " • unsaved changes"
        } else {
            ""
        };
        let title = format!("{} — {file}{dirty}", j.name);
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(counts);
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(title).truncate());
                    if let Some(status) = &self.status {
                        ui.separator();
                        ui.add(egui::Label::new(status).truncate());
                    }
                });
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{JourneyApp, ViewState};
    use crate::edit::Document;

    #[test]
    fn stale_status_messages_expire() {
        let mut app = JourneyApp::new(
            Document::new(crate::app::sample::test_journey()),
            ViewState::default(),
        );
        app.status = Some("Saved /tmp/a.journey.ron".to_owned());
        assert_eq!(app.expire_status(100.0), Some(super::STATUS_SECONDS));
        assert!(app.expire_status(110.0).is_some());
        // A new message starts its own time.
        app.status = Some("Opened /tmp/b.journey.ron".to_owned());
        assert_eq!(app.expire_status(112.0), Some(super::STATUS_SECONDS));
        assert_eq!(app.expire_status(112.0 + super::STATUS_SECONDS), None);
        assert_eq!(app.status, None);
    }
}
