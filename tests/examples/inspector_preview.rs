//! Renders the inspector beside an empty canvas area in a real 1280x800
//! window and saves a screenshot per shot, to look at the forms.
//!
//! `inspector_preview FILE OUT_DIR light|dark SHOT...` where a shot is a tab
//! name (`journey`, `start`, `end`, `goal`, `scenario`), `scenario+` (every
//! table opened) or `step=ID`. Run it under Xvfb:
//! `xvfb-run -a -s "-screen 0 1280x800x24" target/debug/examples/inspector_preview ...`

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use journey_designer::edit::Document;
use journey_designer::model::StepId;
use journey_designer::ui::inspector::{InspectorInput, InspectorState, Tab, inspector_ui};

const FRAMES_PER_SHOT: usize = 14;

struct Preview {
    doc: Document,
    state: InspectorState,
    shots: Vec<String>,
    out: PathBuf,
    theme: egui::Theme,
    frame: usize,
    shot: usize,
    saved: Arc<AtomicUsize>,
}

fn tab_of(shot: &str) -> (Tab, Option<StepId>) {
    match shot {
        "start" => (Tab::Start, None),
        "end" => (Tab::End, None),
        "goal" => (Tab::Goal, None),
        "scenario" | "scenario+" => (Tab::Scenario, None),
        s if s.starts_with("step=") => (Tab::Step, s[5..].parse().ok().map(StepId)),
        _ => (Tab::Journey, None),
    }
}

impl eframe::App for Preview {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(self.theme);
        ctx.request_repaint();
        let Some(shot) = self.shots.get(self.shot).cloned() else {
            if self.saved.load(Ordering::SeqCst) >= self.shots.len() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            return;
        };
        let (tab, selected) = tab_of(&shot);
        if self.frame == 0 {
            self.state.tab = tab;
            self.state.scenario_tables_open = [shot == "scenario+"; 4];
        }
        let version = self.doc.journey().versions.len() - 1;
        egui::Panel::right("inspector")
            .exact_size(340.0)
            .show(ui, |ui| {
                let problems = journey_designer::model::validate(self.doc.journey());
                let input = InspectorInput {
                    journey: self.doc.journey(),
                    problems: &problems,
                    version,
                    selected,
                    planner: None,
                };
                let output = inspector_ui(ui, &mut self.state, &input);
                for command in output.commands {
                    let _ignored = self.doc.apply(command);
                }
            });
        self.state.tab = tab;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("(canvas)");
        });
        self.frame += 1;
        if self.frame == FRAMES_PER_SHOT - 4 {
            let theme = if self.theme == egui::Theme::Dark {
                "dark"
            } else {
                "light"
            };
            let name = shot.replace('=', "-").replace('+', "-open");
            let path = self.out.join(format!("inspector-{name}-{theme}.png"));
            let saved = self.saved.clone();
            ctx.request_screenshot(move |image| {
                let bytes: Vec<u8> = image
                    .pixels
                    .iter()
                    .flat_map(egui::Color32::to_srgba_unmultiplied)
                    .collect();
                let _ignored = image::save_buffer(
                    &path,
                    &bytes,
                    image.size[0] as u32,
                    image.size[1] as u32,
                    image::ColorType::Rgba8,
                );
                saved.fetch_add(1, Ordering::SeqCst);
            });
        }
        if self.frame == FRAMES_PER_SHOT {
            self.frame = 0;
            self.shot += 1;
        }
    }
}

fn main() -> eframe::Result {
    let args: Vec<String> = std::env::args().collect();
    let file = args.get(1).map_or(
        "/work/shared/journeys/welcome-series.journey.ron",
        String::as_str,
    );
    let out = PathBuf::from(args.get(2).map_or(".", String::as_str));
    let theme = match args.get(3).map(String::as_str) {
        Some("light") => egui::Theme::Light,
        _ => egui::Theme::Dark,
    };
    let mut shots: Vec<String> = args.iter().skip(4).cloned().collect();
    if shots.is_empty() {
        shots = ["journey", "start", "end", "goal", "scenario"]
            .map(str::to_owned)
            .to_vec();
    }
    let journey = match journey_designer::store::load(std::path::Path::new(file)) {
        Ok(j) => j,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Inspector preview",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Preview {
                doc: Document::new(journey),
                state: InspectorState::default(),
                shots,
                out,
                theme,
                frame: 0,
                shot: 0,
                saved: Arc::new(AtomicUsize::new(0)),
            }))
        }),
    )
}
