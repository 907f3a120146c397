//! The window's part of comparing: the "Compare with…" choices, what the
//! runner bar asked, the comparison started, polled and shown (on the canvas
//! as each card's B − A, in the analytics side by side), and leaving it.

use std::time::Duration;

use super::{Made, Polled, Source, sides, version_label};
use crate::app::JourneyApp;
use crate::app::files::dialogs::Picked;
use crate::ui::canvas::Overlay;
use crate::ui::canvas::overlay::ComparedCards;
use crate::ui::compare::words::card_diff;
use crate::ui::dialogs::ChooserMode;
use crate::ui::runner::{CompareBar, CompareWith, ShownComparison};

impl JourneyApp {
    /// The comparison's part of a frame: forgets one of another document,
    /// starts the one asked for, takes in a finished one.
    pub(crate) fn compare_frame(&mut self, ctx: &egui::Context) {
        self.compare.follow_document(self.doc.id());
        if let Some(source) = self.compare_pending.take() {
            self.start_compare(&source, ctx);
        }
        match self.compare.poll() {
            Polled::Nothing => {}
            Polled::Done => {
                self.status = Some(
                    "Comparison done: each card shows B \u{2212} A; Analytics has both side by side."
                        .to_owned(),
                );
            }
            Polled::Refused(why) => self.status = Some(why),
        }
        if self.compare.is_running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// What "Compare with…" offers now, and the comparison in progress or shown.
    pub(crate) fn compare_bar(&self) -> CompareBar {
        let journey = self.doc.journey();
        let shown = self.version_index();
        let saved_refused = self.doc.path.is_none().then(|| {
            "This journey has never been saved: there is no file to compare with".to_owned()
        });
        let versions = (0..journey.versions.len())
            .filter(|&i| i != shown)
            .map(|i| (i, version_label(journey, i)))
            .collect();
        CompareBar {
            saved_refused,
            versions,
            running: self.compare.progress(),
            shown: self.compare.shown.as_ref().map(|s| ShownComparison {
                summary: format!(
                    "Comparison, {}: B \u{2212} A on each card",
                    runs_each(s.compared.replications)
                ),
                names: format!("A: {}\nB: {}", s.compared.a, s.compared.b),
            }),
        }
    }

    /// Does what "Compare with…" asked: another file (asking which), the
    /// last saved file, or another version.
    pub fn compare_with(&mut self, with: &CompareWith) {
        match with {
            CompareWith::OtherFile => match self.files.dialogs.pick_compare() {
                Picked::Path(path) => self.compare_pending = Some(Source::File(path)),
                Picked::Cancelled => self.status = Some("Nothing was compared.".to_owned()),
                Picked::Unavailable(reason) => self.open_chooser(ChooserMode::Compare, reason),
            },
            CompareWith::LastSaved => self.compare_pending = Some(Source::Saved),
            CompareWith::Version(i) => self.compare_pending = Some(Source::Version(*i)),
        }
    }

    /// Starts comparing this journey (B) with `source` (A), with the runner's
    /// customers, random seed and number of runs; says why not if it cannot.
    pub fn start_compare(&mut self, source: &Source, ctx: &egui::Context) {
        let journey = self.doc.journey();
        let customers = self.run.customers(journey);
        let seed = self.run.seed(journey);
        let runs = self.run.runs();
        let built = match sides(&self.doc, self.version_index(), source) {
            Ok(s) => s,
            Err(e) => {
                self.status = Some(e.to_string());
                return;
            }
        };
        let made = Made {
            document: self.doc.id(),
            revision: self.doc.revision(),
            customers,
            canvas_version: built.canvas_version,
        };
        let repaint = ctx.clone();
        let notify = Box::new(move || repaint.request_repaint());
        if let Err(e) = self.compare.start(built, made, (seed, runs), notify) {
            self.status = Some(format!("Could not start the comparison: {e}"));
        }
    }

    /// Cancels the comparison in progress and says so.
    pub fn cancel_compare(&mut self) {
        if !self.compare.is_running() {
            return;
        }
        self.compare.cancel();
        self.status = Some(
            if self.compare.shown.is_some() {
                "Comparison cancelled: the comparison shown is the previous one."
            } else {
                "Comparison cancelled: nothing was compared."
            }
            .to_owned(),
        );
    }

    /// Leaves the comparison: the canvas and analytics show the run again.
    pub fn leave_comparison(&mut self) {
        self.compare.shown = None;
    }

    /// The comparison on the canvas: each card of the shown version with its
    /// B − A, the Start box saying what A and B are.
    pub(crate) fn compared_overlay(&self) -> Option<Overlay> {
        let shown = self.compare.shown.as_ref()?;
        let c = &shown.compared;
        let steps = c
            .steps
            .iter()
            .filter(|d| d.version == shown.made.canvas_version)
            .map(|d| (d.step, card_diff(d, c.replications)))
            .collect();
        let legend = vec![
            format!("B \u{2212} A of reached, {}", runs_each(c.replications)),
            format!("A: {}", c.a),
            format!("B: {}", c.b),
            if c.replications > 1 {
                "green up · red down · grey: chance".to_owned()
            } else {
                "1 run: no intervals (choose 20 runs)".to_owned()
            },
        ];
        Some(Overlay {
            stale: shown.made.revision != self.doc.revision(),
            compared: Some(ComparedCards { steps, legend }),
            ..Overlay::default()
        })
    }
}

/// "20 runs each", "1 run each".
fn runs_each(runs: u32) -> String {
    if runs == 1 {
        "1 run each".to_owned()
    } else {
        format!("{runs} runs each")
    }
}
