//! Screenshot mode: render until settled, capture the window, write a PNG
//! and close. Used for docs and as the CI smoke test under Xvfb.

use std::path::PathBuf;

use super::compare::Source;
use super::export::{self, ExportError};
use super::slot::Slot;
use super::{JourneyApp, Theme};
use crate::ui::inspector::Tab;

/// Frames to render before capturing: fonts load and the layout settles.
const SETTLE_FRAMES: u32 = 8;

/// The result shared between the screenshot callback and `main`.
pub type Outcome = Slot<Result<(), ExportError>>;

/// The screenshot mode's state.
#[derive(Debug)]
pub struct Screenshot {
    path: PathBuf,
    frames: u32,
    requested: bool,
    outcome: Outcome,
}

impl Screenshot {
    /// Will write the window to `path`.
    pub fn new(path: PathBuf) -> Self {
        Screenshot {
            path,
            frames: 0,
            requested: false,
            outcome: Outcome::default(),
        }
    }

    /// The shared outcome, for `main` to read after the window closed.
    pub fn outcome(&self) -> Outcome {
        self.outcome.clone()
    }

    /// True until the capture is requested: panels may still change size.
    pub fn settling(&self) -> bool {
        !self.requested
    }

    /// Called every frame: waits, asks for the capture once, closes when written.
    pub fn frame(&mut self, ctx: &egui::Context, busy: bool) {
        self.frames += 1;
        ctx.request_repaint();
        if self.outcome.is_filled() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.requested || busy || self.frames < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let path = self.path.clone();
        let outcome = self.outcome.clone();
        ctx.request_screenshot(move |image| outcome.put(export::write_png(&image, &path)));
    }
}

/// How the screenshot mode sets the window up, read from the environment so
/// the command line stays as it is (see the README):
///
/// - `JOURNEY_DESIGNER_SHOT_THEME` = `light` (default) or `dark`;
/// - `JOURNEY_DESIGNER_SHOT_TAB` = the inspector tab: `journey`, `start`,
///   `end`, `goal`, `scenario` or `step`;
/// - `JOURNEY_DESIGNER_SHOT_SIZE` = the window size, e.g. `1920x1080`
///   (default `1280x800`);
/// - `JOURNEY_DESIGNER_SHOT_SHOW` = a window on top: `help` or `new` (the
///   template gallery);
/// - `JOURNEY_DESIGNER_SHOT_STEP` = the name of a step of the last version to
///   select (the inspector shows its form);
/// - `JOURNEY_DESIGNER_SHOT_RUNS` = how many runs `--run` makes, e.g. `20`
///   (default 1: the plain run; the cards then show ranges, the plots bands);
/// - `JOURNEY_DESIGNER_SHOT_HIDE` = panels to hide, e.g. `inspector` or
///   `inspector,problems` (more room for the canvas);
/// - `JOURNEY_DESIGNER_SHOT_COMPARE` = compare the journey (B) with a design
///   (A), as "Compare with…" does: a journey file's path, `saved` (the file
///   as saved) or `version:N` (version N of the journey, from 1).
/// - `JOURNEY_DESIGNER_SHOT_SENSITIVITY` = `1`: open the analytics, compute
///   "What moves the goal rate" before the shot and scroll to it (with `--run`);
/// - `JOURNEY_DESIGNER_SHOT_SCROLL` = `plots`: open the analytics scrolled to
///   the plots over time (with `--run`; after several runs they show bands).
/// - `JOURNEY_DESIGNER_SHOT_PLAN` = `1`: plan the A/B step named by
///   `JOURNEY_DESIGNER_SHOT_STEP` ("Plan this test") before the shot.
#[derive(Clone, Debug, PartialEq)]
pub struct ShotSetup {
    /// The colour theme.
    pub theme: Theme,
    /// The inspector tab to show.
    pub tab: Option<Tab>,
    /// The window's inner size in points.
    pub size: [f32; 2],
    /// `help` or `new`.
    pub show: Option<String>,
    /// The name of the step to select.
    pub step: Option<String>,
    /// How many runs the first Run makes (`None`: one).
    pub runs: Option<u32>,
    /// What to compare the journey with: a path, `saved` or `version:N`.
    pub compare: Option<String>,
    /// Panels to hide: `inspector`, `problems`, comma-separated.
    pub hide: Option<String>,
    /// Compute the sensitivity chart and show it.
    pub sensitivity: bool,
    /// Show the analytics scrolled to the plots.
    pub plots: bool,
    /// Plan the selected A/B step (with `step`) and show the planner's answer.
    pub plan: bool,
}

impl ShotSetup {
    /// The setup from the `JOURNEY_DESIGNER_SHOT_*` variables.
    pub fn from_env() -> ShotSetup {
        let var = |name: &str| std::env::var(format!("JOURNEY_DESIGNER_SHOT_{name}")).ok();
        ShotSetup {
            step: var("STEP"),
            runs: var("RUNS").and_then(|r| r.trim().parse().ok()),
            compare: var("COMPARE"),
            hide: var("HIDE"),
            sensitivity: var("SENSITIVITY").is_some_and(|v| is_on(&v)),
            plots: var("SCROLL").is_some_and(|v| v.trim().eq_ignore_ascii_case("plots")),
            plan: var("PLAN").is_some_and(|v| is_on(&v)),
            ..ShotSetup::parse(
                var("THEME").as_deref(),
                var("TAB").as_deref(),
                var("SIZE").as_deref(),
                var("SHOW"),
            )
        }
    }

    /// The setup from the variables' values; unknown values keep the defaults.
    pub fn parse(
        theme: Option<&str>,
        tab: Option<&str>,
        size: Option<&str>,
        show: Option<String>,
    ) -> ShotSetup {
        let theme = match theme.map(str::to_lowercase).as_deref() {
            Some("dark") => Theme::Dark,
            _ => Theme::Light,
        };
        let tab = tab.and_then(|name| {
            Tab::ALL
                .into_iter()
                .find(|t| t.title().eq_ignore_ascii_case(name.trim()))
        });
        let size = size
            .and_then(|s| s.split_once('x'))
            .and_then(|(w, h)| Some([w.trim().parse().ok()?, h.trim().parse().ok()?]))
            .unwrap_or([1280.0, 800.0]);
        ShotSetup {
            theme,
            tab,
            size,
            show,
            step: None,
            runs: None,
            compare: None,
            hide: None,
            sensitivity: false,
            plots: false,
            plan: false,
        }
    }
}

/// True for `1`, `yes`, `true` or `on` (any case).
fn is_on(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "1" | "yes" | "true" | "on"
    )
}

impl JourneyApp {
    /// Applies a screenshot's theme, tab, selected step and window on top.
    pub fn apply_shot_setup(&mut self, setup: &ShotSetup) {
        self.view.theme = setup.theme;
        if let Some(runs) = setup.runs {
            self.run.runs = runs;
        }
        if let Some(tab) = setup.tab {
            self.inspector.tab = tab;
        }
        if let Some(name) = &setup.step {
            let journey = self.doc.journey();
            let found = journey
                .versions
                .last()
                .and_then(|v| v.steps.iter().find(|(_, s)| &s.name == name))
                .map(|(id, _)| *id);
            if let Some(id) = found {
                self.canvas.selection = [id].into();
                self.inspector.tab = Tab::Step;
                if setup.plan {
                    self.planner.start_on_next_frame = Some(id);
                }
            }
        }
        let hide = setup.hide.as_deref().unwrap_or_default();
        self.view.hide_inspector |= hide.contains("inspector");
        self.view.hide_problems |= hide.contains("problems");
        if let Some(with) = &setup.compare {
            self.compare_pending = Some(compare_source(with));
        }
        if setup.plots {
            self.run.ui.show_analytics = true;
            self.run.scroll_to_plots = true;
        }
        if setup.sensitivity {
            self.run.ui.show_analytics = true;
            self.sensitivity.start_on_next_frame = true;
            self.sensitivity.scroll_to = true;
        }
        match setup.show.as_deref() {
            Some("help") => self.files.help_open = true,
            Some("new") => self.files.gallery_open = true,
            Some("analytics") => self.run.ui.show_analytics = true,
            _ => {}
        }
    }
}

/// `saved`, `version:N` (from 1) or a journey file's path.
fn compare_source(with: &str) -> Source {
    let with = with.trim();
    if with.eq_ignore_ascii_case("saved") {
        return Source::Saved;
    }
    match with
        .strip_prefix("version:")
        .and_then(|n| n.trim().parse::<usize>().ok())
    {
        Some(n) => Source::Version(n.saturating_sub(1)),
        None => Source::File(PathBuf::from(with)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screenshot_setup_reads_theme_tab_and_size() {
        let s = ShotSetup::parse(Some("Dark"), Some("end"), Some("1920x1080"), None);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.tab, Some(Tab::End));
        assert_eq!(s.size, [1920.0, 1080.0]);
        let d = ShotSetup::parse(None, Some("nonsense"), Some("big"), None);
        assert_eq!(
            (d.theme, d.tab, d.size),
            (Theme::Light, None, [1280.0, 800.0])
        );
        assert_eq!(compare_source("version:2"), Source::Version(1));
        assert_eq!(compare_source(" Saved "), Source::Saved);
        assert_eq!(
            compare_source("other.journey.ron"),
            Source::File(PathBuf::from("other.journey.ron"))
        );
        assert!(is_on("1") && is_on(" Yes") && !is_on("0") && !is_on(""));
    }
}
