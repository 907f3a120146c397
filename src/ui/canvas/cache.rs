//! Work done once per document revision, not per frame: card geometry,
//! summaries, and where the validation problems (computed by the caller)
//! sit.

use std::collections::{BTreeMap, HashMap};

use egui::Rect;

use super::geometry::{CardGeometry, start_rect};
use super::summary::{start_lines, summary};
use crate::model::{ActionKind, Journey, Problem, Severity, StepId};

/// What the canvas shows for one step, computed once per revision.
#[derive(Clone, Debug)]
pub struct CardInfo {
    /// The step's name.
    pub name: String,
    /// The one-line summary.
    pub summary: String,
    /// The step's kind (icon and colour).
    pub kind: ActionKind,
    /// Its icon (a message's channel shows for SMS and push).
    pub icon: super::icons::Icon,
    /// The worst problem's severity, and every problem's message.
    pub problems: Option<(Severity, String)>,
}

/// Per-revision canvas data for one version.
#[derive(Clone, Debug)]
pub struct Cache {
    /// The document it was built from (`Document::id`).
    pub document: u64,
    /// The document revision it was built from.
    pub revision: u64,
    /// The version shown.
    pub version: usize,
    /// Cards in drawing order (by id).
    pub cards: Vec<CardGeometry>,
    /// Per card (same order): name, summary, kind, problems.
    pub info: Vec<CardInfo>,
    /// Card index by step id.
    pub index: HashMap<StepId, usize>,
    /// The Start card.
    pub start: Rect,
    /// The Start card's two lines.
    pub start_lines: (String, Option<String>),
    /// The first step.
    pub first_step: StepId,
    /// Every card and the Start card.
    pub bounds: Rect,
}

impl Cache {
    /// Builds the cache for `version` of `journey` at `revision`;
    /// `problems` are the journey's (`model::validate`).
    pub fn build(
        journey: &Journey,
        problems: &[Problem],
        document: u64,
        version: usize,
        revision: u64,
    ) -> Cache {
        let mut per_step: BTreeMap<StepId, (Severity, Vec<String>)> = BTreeMap::new();
        for p in problems {
            // Problems of other versions are listed, not badged on this canvas.
            if p.version.is_some_and(|v| v != version + 1) {
                continue;
            }
            if let Some(id) = p.step {
                let entry = per_step.entry(id).or_insert((p.severity, Vec::new()));
                entry.0 = entry.0.max(p.severity);
                entry.1.push(p.message.clone());
            }
        }
        let mut cards = Vec::new();
        let mut info = Vec::new();
        let mut index = HashMap::new();
        let (start, first_step) = match journey.versions.get(version) {
            Some(v) => {
                for (id, step) in &v.steps {
                    index.insert(*id, cards.len());
                    cards.push(CardGeometry::of(*id, step));
                    info.push(CardInfo {
                        name: step.name.clone(),
                        summary: summary(step, v),
                        kind: step.action.kind(),
                        icon: super::icons::Icon::of(&step.action),
                        problems: per_step.remove(id).map(|(s, m)| (s, m.join("\n"))),
                    });
                }
                (start_rect(v), v.first_step)
            }
            None => (
                Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1.0, 1.0)),
                StepId(0),
            ),
        };
        // Room right of each card for an End marker and its label.
        let end_room = egui::vec2(super::geometry::END_OFFSET + 80.0, 0.0);
        let bounds = cards.iter().fold(start, |b, c| {
            b.union(Rect::from_min_max(c.rect.min, c.rect.max + end_room))
        });
        Cache {
            document,
            revision,
            version,
            cards,
            info,
            index,
            start,
            start_lines: start_lines(journey),
            first_step,
            bounds,
        }
    }
}
