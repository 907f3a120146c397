//! Random journeys (valid, generated, and every hand-built invalid one) and
//! random user input: the window never panics, and undoing everything gives
//! back the journey it started with (unless a stop, which is final, or a new
//! document happened).

use egui::{Key, Modifiers, Pos2, pos2, vec2};
use egui_kittest::Harness;
use proptest::prelude::*;

use super::{frames, invalid_journeys, press};
use crate::app::JourneyApp;
use crate::app::tests::{button, harness};
use crate::model::{
    Action, Channel, Event, Journey, MAX_CUSTOMERS, Span, Step, StepId, Variant, Version,
};
use crate::store;
use crate::ui::canvas::generate::generated_version;

/// What the person does next.
#[derive(Clone, Debug)]
enum Input {
    /// Click a step's card (index into the cards, modulo their number).
    ClickCard(usize, Modifiers),
    /// Drag a card by some distance (maybe pressing a key half way).
    DragCard(usize, f32, f32, Option<(Modifiers, Key)>),
    /// Drag from a card's output port onto another card (or into empty
    /// space), maybe pressing a key half way.
    DragPort(usize, usize, Option<usize>, Option<(Modifiers, Key)>),
    /// Click anywhere in the window.
    ClickAt(f32, f32),
    /// Drag anywhere in the window.
    DragAt(f32, f32, f32, f32),
    /// A key press.
    Key(Modifiers, Key),
}

fn key() -> impl Strategy<Value = (Modifiers, Key)> {
    let ctrl = Modifiers::COMMAND;
    prop::sample::select(vec![
        (Modifiers::NONE, Key::Delete),
        (ctrl, Key::Z),
        (ctrl | Modifiers::SHIFT, Key::Z),
        (ctrl, Key::D),
        (ctrl, Key::C),
        (ctrl, Key::X),
        (ctrl, Key::V),
        (ctrl, Key::A),
        (Modifiers::NONE, Key::F),
        (Modifiers::NONE, Key::ArrowLeft),
        (Modifiers::NONE, Key::ArrowUp),
        (Modifiers::NONE, Key::Minus),
        (Modifiers::NONE, Key::Plus),
        (Modifiers::NONE, Key::Escape),
        (Modifiers::NONE, Key::F5),
    ])
}

fn input() -> impl Strategy<Value = Input> {
    let modifiers = prop::sample::select(vec![Modifiers::NONE, Modifiers::SHIFT]);
    prop_oneof![
        3 => (any::<usize>(), modifiers).prop_map(|(i, m)| Input::ClickCard(i, m)),
        2 => (any::<usize>(), -300.0f32..300.0, -300.0f32..300.0, prop::option::weighted(0.3, key()))
            .prop_map(|(i, dx, dy, k)| Input::DragCard(i, dx, dy, k)),
        2 => (any::<usize>(), any::<usize>(), prop::option::of(any::<usize>()), prop::option::weighted(0.3, key()))
            .prop_map(|(i, o, to, k)| Input::DragPort(i, o, to, k)),
        2 => (0.0f32..1280.0, 0.0f32..800.0).prop_map(|(x, y)| Input::ClickAt(x, y)),
        1 => (0.0f32..1280.0, 0.0f32..800.0, 0.0f32..1280.0, 0.0f32..800.0)
            .prop_map(|(a, b, c, d)| Input::DragAt(a, b, c, d)),
        4 => key().prop_map(|(m, k)| Input::Key(m, k)),
    ]
}

/// A small random version: any kind of step, targets that may point nowhere
/// or back, events on any id, positions anywhere (even NaN).
fn random_version() -> impl Strategy<Value = Version> {
    let at = prop_oneof![
        8 => (-2000.0f32..2000.0, -2000.0f32..2000.0),
        1 => Just((f32::NAN, 1e38)),
        1 => Just((f32::INFINITY, f32::NEG_INFINITY)),
    ];
    let target = prop::option::of(0..12u32).prop_map(|t| t.map(StepId));
    let action =
        (0..6u8, target.clone(), target, 0..12u32, 0..3u32).prop_map(|(kind, a, b, event, n)| {
            match kind {
                0 => Action::Message {
                    channel: Channel::Email,
                    content: String::new(),
                    transactional: false,
                    next: a,
                },
                1 => Action::Wait {
                    span: Span::Days(n),
                    next: a,
                },
                2 => Action::IfThen {
                    event: Event::Opened(StepId(event)),
                    within: Span::Hours(n),
                    yes: a,
                    no: b,
                },
                3 => Action::AbTest {
                    variants: (0..n)
                        .map(|i| Variant {
                            name: format!("V{i}"),
                            percent: 50.0,
                            next: if i == 0 { a } else { b },
                        })
                        .collect(),
                    decide: None,
                },
                4 => Action::Branch {
                    rules: Vec::new(),
                    otherwise: a,
                },
                _ => Action::ChannelOptimization {
                    channels: [Channel::Sms, Channel::Push]
                        .into_iter()
                        .take(n as usize)
                        .collect(),
                    content: String::new(),
                    next: a,
                },
            }
        });
    let step = (at, action, 0..4u8).prop_map(|(at, action, name)| Step {
        name: ["", "Step", "Wait", "A very long step name that goes on"][name as usize].to_owned(),
        at,
        action,
    });
    (prop::collection::btree_map(0..12u32, step, 0..8), 0..12u32).prop_map(|(steps, first)| {
        Version {
            published_at: None,
            stopped_at: None,
            first_step: StepId(first),
            steps: steps.into_iter().map(|(k, s)| (StepId(k), s)).collect(),
        }
    })
}

fn journey() -> impl Strategy<Value = Journey> {
    let cases = invalid_journeys().len();
    prop_oneof![
        (0..cases).prop_map(|i| invalid_journeys().swap_remove(i).1),
        (1..25usize, any::<u64>()).prop_map(|(n, seed)| {
            let mut j = super::cases::base();
            j.versions = vec![generated_version(n, seed)];
            j
        }),
        random_version().prop_map(|v| {
            let mut j = super::cases::base();
            j.versions = vec![v];
            j
        }),
    ]
    .prop_map(|mut j| {
        // Runs stay short in a debug build (a refused count stays refused).
        if j.scenario.customers <= MAX_CUSTOMERS {
            j.scenario.customers = j.scenario.customers.min(200);
        }
        j
    })
}

/// The screen position of a canvas position, as drawn last frame.
fn screen(h: &Harness<'_, JourneyApp>, p: Pos2) -> Pos2 {
    h.state().canvas.to_screen() * p
}

/// Card `i` (modulo their number): its rectangle and its output ports, on screen.
fn card(h: &Harness<'_, JourneyApp>, i: usize) -> Option<(egui::Rect, Vec<Pos2>)> {
    let cache = h.state().canvas.cache()?;
    let card = cache.cards.get(i % cache.cards.len().max(1))?;
    let rect = h.state().canvas.to_screen() * card.rect;
    let ports = card.outputs.iter().map(|o| screen(h, o.2)).collect();
    Some((rect, ports))
}

fn drag(h: &mut Harness<'_, JourneyApp>, from: Pos2, to: Pos2, mid: Option<(Modifiers, Key)>) {
    h.hover_at(from);
    frames(h, 1);
    button(h, from, true, Modifiers::NONE);
    frames(h, 1);
    for i in 1..=3 {
        h.hover_at(from + (to - from) * (i as f32 / 3.0));
        frames(h, 1);
        if i == 2
            && let Some((modifiers, key)) = mid
        {
            press(h, modifiers, key);
        }
    }
    button(h, to, false, Modifiers::NONE);
    frames(h, 1);
}

fn perform(h: &mut Harness<'_, JourneyApp>, input: &Input) {
    match *input {
        Input::ClickCard(i, modifiers) => {
            if let Some((rect, _)) = card(h, i) {
                h.hover_at(rect.center());
                frames(h, 1);
                button(h, rect.center(), true, modifiers);
                button(h, rect.center(), false, modifiers);
                frames(h, 1);
            }
        }
        Input::DragCard(i, dx, dy, mid) => {
            if let Some((rect, _)) = card(h, i) {
                drag(h, rect.center(), rect.center() + vec2(dx, dy), mid);
            }
        }
        Input::DragPort(i, o, to, mid) => {
            if let Some((rect, ports)) = card(h, i) {
                let from = ports.get(o % ports.len().max(1)).copied();
                let to = match to.and_then(|t| card(h, t)) {
                    Some((target, _)) => target.center(),
                    None => rect.center() + vec2(250.0, 80.0),
                };
                if let Some(from) = from {
                    drag(h, from, to, mid);
                }
            }
        }
        Input::ClickAt(x, y) => super::click(h, pos2(x, y)),
        Input::DragAt(x0, y0, x1, y1) => drag(h, pos2(x0, y0), pos2(x1, y1), None),
        Input::Key(modifiers, key) => press(h, modifiers, key),
    }
}

/// Whether something happened that undo cannot take back.
fn irreversible(h: &Harness<'_, JourneyApp>, document: u64, original: &Journey) -> bool {
    let j = h.state().doc.journey();
    h.state().doc.id() != document
        || j.versions
            .iter()
            .zip(&original.versions)
            .any(|(a, b)| a.stopped_at != b.stopped_at)
        || j.versions.len() > original.versions.len()
            && j.versions[original.versions.len()..]
                .iter()
                .any(|v| v.stopped_at.is_some())
}

/// The journey as text: NaN positions compare equal to themselves.
fn text(j: &Journey) -> String {
    store::to_ron(j).unwrap_or_else(|e| format!("unsavable: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig {
        // ROBUST_CASES=2000 for a longer hunt.
        cases: std::env::var("ROBUST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(32),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_input_never_panics_and_undo_all_restores_the_journey(
        original in journey(),
        inputs in prop::collection::vec(input(), 1..14),
    ) {
        let mut h = harness(original.clone());
        let document = h.state().doc.id();
        let mut final_change = false;
        for input in &inputs {
            perform(&mut h, input);
            final_change |= irreversible(&h, document, &original);
        }
        h.state_mut().run.cancel();
        frames(&mut h, 2);
        if !final_change {
            while h.state_mut().doc.undo() {}
            frames(&mut h, 2);
            prop_assert_eq!(text(h.state().doc.journey()), text(&original));
        }
    }
}
