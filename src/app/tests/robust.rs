//! "The app never panics on any file or any edit": invalid journeys (the
//! store accepts anything well-typed; validation only flags), random input
//! and mutated files, all driven through the whole window.

use std::time::{Duration, Instant as Clock};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{harness, welcome};
use crate::app::JourneyApp;
use crate::model::{
    Action, Channel, ChannelModel, Condition, Decide, Dist, Event, Journey, MAX_CUSTOMERS,
    SegmentModel, Span, StepId, TriggerModel, Variant, Version,
};
use crate::ui::inspector::Tab;

mod input;
mod inspector;
mod mutations;
mod runner;

/// The test journey with a population small enough for debug runs.
fn base() -> Journey {
    let mut j = welcome();
    j.scenario.customers = 300;
    j
}

fn with(change: impl FnOnce(&mut Journey)) -> Journey {
    let mut j = base();
    change(&mut j);
    j
}

fn last(j: &mut Journey) -> &mut Version {
    let n = j.versions.len();
    &mut j.versions[n - 1]
}

fn step_action(j: &mut Journey, id: u32) -> &mut Action {
    &mut last(j)
        .steps
        .get_mut(&StepId(id))
        .expect("the step exists")
        .action
}

/// Runs frames, never failing because the UI keeps asking for repaints
/// (a worker may be running).
pub(super) fn frames(h: &mut Harness<'_, JourneyApp>, n: usize) {
    for _ in 0..n {
        h.step();
    }
    let _ = h.try_run();
}

/// Clicks the inspector's tab (the rightmost button with that title: a card
/// might carry the same name).
fn click_tab(h: &mut Harness<'_, JourneyApp>, tab: Tab) {
    let pos = h
        .query_all_by_role_and_label(egui::Role::Button, tab.title())
        .map(|n| n.rect().center())
        .max_by(|a, b| a.x.total_cmp(&b.x));
    if let Some(pos) = pos {
        click(h, pos);
        assert_eq!(h.state().inspector.tab, tab, "the tab opens");
    }
}

/// A click that does not insist the window settles within a few frames.
pub(super) fn click(h: &mut Harness<'_, JourneyApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    frames(h, 1);
    super::button(h, pos, true, Modifiers::NONE);
    super::button(h, pos, false, Modifiers::NONE);
    frames(h, 1);
}

/// A key press, likewise.
pub(super) fn press(h: &mut Harness<'_, JourneyApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    frames(h, 1);
}

/// Presses F5 and steps frames until the run ends (or cancels it after `patience`).
fn run_until_done(h: &mut Harness<'_, JourneyApp>, patience: Duration) {
    press(h, Modifiers::NONE, Key::F5);
    let deadline = Clock::now() + patience;
    while h.state().run.is_running() && Clock::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.state_mut().run.cancel();
    frames(h, 2);
}

/// Everything a person could do to a journey, as far as it is read-only.
fn tour(
    name: &str,
    journey: &Journey,
    expected: Option<&str>,
    patience: Duration,
) -> Harness<'static, JourneyApp> {
    let mut h = harness(journey.clone());
    frames(&mut h, 3);
    let shows = |h: &Harness<'_, JourneyApp>, text: &str| {
        h.query_all_by_label_contains(text).next().is_some()
    };
    let mut seen = expected.is_none_or(|text| shows(&h, text));
    let ids: Vec<StepId> = journey
        .versions
        .last()
        .map(|v| v.steps.keys().copied().collect())
        .unwrap_or_default();
    for id in ids {
        h.state_mut().canvas.selection = [id].into();
        frames(&mut h, 1);
        for tab in Tab::ALL {
            click_tab(&mut h, tab);
        }
    }
    h.state_mut().canvas.selection.clear();
    for tab in Tab::ALL {
        click_tab(&mut h, tab);
    }
    h.state_mut().inspector.scenario_tables_open = [true; 4];
    click_tab(&mut h, Tab::Scenario);
    press(&mut h, Modifiers::NONE, Key::F);
    frames(&mut h, 2);
    run_until_done(&mut h, patience);
    seen = seen || expected.is_some_and(|text| shows(&h, text));
    if let Some(pos) = h
        .query_by_role_and_label(egui::Role::Button, "Analytics")
        .map(|n| n.rect().center())
    {
        click(&mut h, pos);
    }
    h.state_mut().run.ui.show_analytics = true;
    frames(&mut h, 3);
    // Play the run back a little, if there is one.
    h.state_mut().run.ui.playback.hour = 5.0;
    frames(&mut h, 2);
    assert!(seen, "{name}: the window never says {expected:?}");
    // (NaN never equals itself, so the journeys are not compared with `==`.)
    assert_eq!(
        h.state().doc.undo_label(),
        None,
        "{name}: looking changed the journey"
    );
    h
}

/// Hand-built journeys the store accepts although they are invalid.
fn invalid_journeys() -> Vec<(&'static str, Journey)> {
    let huge_span = Span::Days(u32::MAX);
    vec![
        ("no versions", with(|j| j.versions.clear())),
        ("no steps", with(|j| last(j).steps.clear())),
        (
            "first step names no step",
            with(|j| last(j).first_step = StepId(99)),
        ),
        (
            "next points nowhere",
            with(|j| {
                *step_action(j, 1) = Action::Wait {
                    span: Span::Days(1),
                    next: Some(StepId(77)),
                }
            }),
        ),
        (
            "instant cycle",
            with(|j| {
                if let Action::Message { next, .. } = step_action(j, 8) {
                    *next = Some(StepId(1));
                }
                *step_action(j, 2) = Action::Wait {
                    span: Span::Minutes(0),
                    next: Some(StepId(3)),
                };
            }),
        ),
        (
            "self loop",
            with(|j| {
                *step_action(j, 1) = Action::Wait {
                    span: Span::Minutes(0),
                    next: Some(StepId(1)),
                }
            }),
        ),
        (
            "event on a missing step",
            with(|j| {
                if let Action::IfThen { event, .. } = step_action(j, 3) {
                    *event = Event::Clicked(StepId(4242));
                }
            }),
        ),
        (
            "event on a wait step",
            with(|j| {
                if let Action::IfThen { event, .. } = step_action(j, 3) {
                    *event = Event::Opened(StepId(2));
                }
            }),
        ),
        (
            "A/B with no variants",
            with(|j| {
                *step_action(j, 7) = Action::AbTest {
                    variants: vec![],
                    decide: None,
                }
            }),
        ),
        (
            "A/B summing to 0",
            with(|j| {
                if let Action::AbTest { variants, decide } = step_action(j, 7) {
                    for v in variants.iter_mut() {
                        v.percent = 0.0;
                    }
                    *decide = Some(Decide {
                        after: huge_span,
                        default_variant: "nobody".into(),
                    });
                }
            }),
        ),
        (
            "A/B with NaN, negative and infinite shares",
            with(|j| {
                *step_action(j, 7) = Action::AbTest {
                    variants: [f64::NAN, -50.0, f64::INFINITY, 1e308]
                        .iter()
                        .enumerate()
                        .map(|(i, &percent)| Variant {
                            name: if i == 3 { String::new() } else { "Same".into() },
                            percent,
                            next: Some(StepId(8)),
                        })
                        .collect(),
                    decide: Some(Decide {
                        after: Span::Minutes(0),
                        default_variant: String::new(),
                    }),
                };
            }),
        ),
        (
            "empty channel list",
            with(|j| {
                *step_action(j, 9) = Action::ChannelOptimization {
                    channels: vec![],
                    content: String::new(),
                    next: None,
                };
            }),
        ),
        (
            "branch with no rules and odd conditions",
            with(|j| {
                *step_action(j, 6) = Action::Branch {
                    rules: vec![],
                    otherwise: Some(StepId(6)),
                };
                *step_action(j, 5) = Action::Branch {
                    rules: vec![
                        crate::model::Rule {
                            when: Condition::Above("age".into(), f64::NAN),
                            next: None,
                        },
                        crate::model::Rule {
                            when: Condition::Below(String::new(), f64::INFINITY),
                            next: Some(StepId(5)),
                        },
                        crate::model::Rule {
                            when: Condition::InSegment(String::new()),
                            next: Some(StepId(123)),
                        },
                    ],
                    otherwise: None,
                };
            }),
        ),
        (
            "huge positions",
            with(|j| {
                let v = last(j);
                let ats = [
                    (1e38, -1e38),
                    (-1e38, 1e38),
                    (f32::MAX, f32::MAX),
                    (0.0, f32::MIN),
                ];
                for (s, at) in v.steps.values_mut().zip(ats.iter().cycle()) {
                    s.at = *at;
                }
            }),
        ),
        (
            "NaN and infinite positions",
            with(|j| {
                let v = last(j);
                let ats = [
                    (f32::NAN, 0.0),
                    (f32::INFINITY, f32::NEG_INFINITY),
                    (0.0, f32::NAN),
                    (f32::NAN, f32::NAN),
                ];
                for (s, at) in v.steps.values_mut().zip(ats.iter().cycle()) {
                    s.at = *at;
                }
            }),
        ),
        (
            "one NaN position among normal ones",
            with(|j| {
                if let Some(s) = last(j).steps.get_mut(&StepId(4)) {
                    s.at = (f32::NAN, f32::NAN);
                }
            }),
        ),
        (
            "ids near u32::MAX",
            with(|j| {
                let v = last(j);
                let step = v.steps.remove(&StepId(9)).expect("step 9");
                v.steps.insert(StepId(u32::MAX), step);
                if let Some(s) = v.steps.get_mut(&StepId(7))
                    && let Action::AbTest { variants, .. } = &mut s.action
                {
                    variants[1].next = Some(StepId(u32::MAX));
                }
            }),
        ),
        (
            "extreme spans",
            with(|j| {
                *step_action(j, 2) = Action::Wait {
                    span: huge_span,
                    next: Some(StepId(3)),
                };
                if let Action::IfThen { within, .. } = step_action(j, 3) {
                    *within = Span::Minutes(u32::MAX);
                }
                j.scenario.horizon = huge_span;
                j.scenario.arrivals_over = huge_span;
                if let Some(g) = &mut j.goal {
                    g.attribution = huge_span;
                    g.target_percent = Some(f64::NAN);
                }
            }),
        ),
        (
            "extreme instants",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MAX_UTC;
                j.end.end_date = Some(chrono::DateTime::<chrono::Utc>::MIN_UTC);
                *step_action(j, 6) = Action::WaitUntil {
                    instant: chrono::DateTime::<chrono::Utc>::MIN_UTC,
                    next: Some(StepId(7)),
                };
            }),
        ),
        (
            "starts at the last instant chrono knows",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MAX_UTC;
                j.end.end_date = None;
            }),
        ),
        (
            "starts at the first instant chrono knows",
            with(|j| {
                j.start.starts_at = chrono::DateTime::<chrono::Utc>::MIN_UTC;
                j.end.end_date = None;
                *step_action(j, 6) = Action::WaitUntil {
                    instant: chrono::DateTime::<chrono::Utc>::MAX_UTC,
                    next: Some(StepId(7)),
                };
            }),
        ),
        (
            "stopped last version",
            with(|j| last(j).stopped_at = Some(j.start.starts_at + chrono::Duration::days(3))),
        ),
        (
            "stopped before it went live",
            with(|j| last(j).stopped_at = Some(j.start.starts_at - chrono::Duration::days(3))),
        ),
        (
            "a draft in the middle",
            with(|j| {
                let v1 = j.versions[0].clone();
                let mut v3 = v1.clone();
                v3.published_at = Some(j.start.starts_at - chrono::Duration::days(30));
                j.versions.push(v1.clone());
                j.versions.push(v3);
            }),
        ),
        (
            "10^8 customers",
            with(|j| j.scenario.customers = MAX_CUSTOMERS),
        ),
        (
            "more than the maximum of customers",
            with(|j| j.scenario.customers = u64::MAX),
        ),
        (
            "0 customers, horizon 0",
            with(|j| {
                j.scenario.customers = 0;
                j.scenario.horizon = Span::Minutes(0);
                j.scenario.arrivals_over = Span::Minutes(0);
            }),
        ),
        (
            "horizon 0 only",
            with(|j| j.scenario.horizon = Span::Minutes(0)),
        ),
        (
            "NaN and out-of-range rates",
            with(|j| {
                j.scenario.channels.insert(
                    Channel::Email,
                    ChannelModel {
                        delivered: f64::NAN,
                        opened: -1.0,
                        clicked: f64::INFINITY,
                        open_delay: huge_span,
                        click_delay: Span::Minutes(0),
                    },
                );
                j.scenario.segments.insert(
                    "complained".into(),
                    SegmentModel {
                        share: f64::NAN,
                        when: None,
                        joins_per_day: f64::INFINITY,
                    },
                );
                j.scenario.triggers.insert(
                    "purchased".into(),
                    TriggerModel {
                        per_day: f64::MAX,
                        click_lift: f64::NAN,
                        lift_for: huge_span,
                    },
                );
                j.scenario
                    .attributes
                    .insert("age".into(), Dist::Range(f64::INFINITY, f64::NAN));
                j.scenario
                    .attributes
                    .insert("country".into(), Dist::Choice(vec![]));
                j.scenario
                    .attributes
                    .insert("zero".into(), Dist::Choice(vec![("A".into(), 0.0)]));
            }),
        ),
        (
            "empty and enormous names",
            with(|j| {
                j.name = String::new();
                j.description = "x".repeat(20_000);
                if let Some(s) = last(j).steps.get_mut(&StepId(1)) {
                    s.name = "W".repeat(5_000);
                }
                if let Some(s) = last(j).steps.get_mut(&StepId(2)) {
                    s.name = String::new();
                }
                j.start.audience = crate::model::Audience::Segment(String::new());
            }),
        ),
        (
            "custom channel with an empty name",
            with(|j| {
                if let Action::Message { channel, .. } = step_action(j, 1) {
                    *channel = Channel::Custom(String::new());
                }
            }),
        ),
    ]
}

/// What the window must say about a case (in a label somewhere), if anything.
fn shown_problem(case: &str) -> Option<&'static str> {
    Some(match case {
        "no versions" => "has no version",
        "first step names no step" => "step 99, which does not exist",
        "next points nowhere" => "step 77, which does not exist",
        "event on a missing step" => "step 4242, which does not exist",
        "A/B with no variants" => "no variant",
        "A/B summing to 0" => "add up to 0",
        "empty channel list" => "no channel to choose from",
        "self loop" => "loop with no wait",
        "stopped last version" => "This version is stopped",
        "starts at the last instant chrono knows" => "outside the years 1 to 9999",
        "a draft in the middle" => "only the last version may be a draft",
        "more than the maximum of customers" => "more than the 100000000",
        _ => return None,
    })
}

#[test]
fn no_panic_on_invalid_journeys() {
    let mut failures = Vec::new();
    for (name, journey) in invalid_journeys() {
        let patience = if journey.scenario.customers >= MAX_CUSTOMERS {
            Duration::from_millis(500)
        } else {
            Duration::from_mins(1)
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            drop(tour(name, &journey, shown_problem(name), patience));
        }));
        if let Err(e) = outcome {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            let short: String = message.chars().take(300).collect();
            failures.push(format!("{name}: {short}"));
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

#[test]
fn a_journey_without_versions_says_so_and_offers_one_undoably() {
    let mut j = base();
    j.versions.clear();
    let mut h = harness(j.clone());
    h.get_by_label_contains("This journey has no version")
        .hover();
    h.get_by_label("Add a version").click();
    frames(&mut h, 2);
    assert_eq!(h.state().doc.journey().versions.len(), 1);
    assert_eq!(h.state().doc.undo_label(), Some("Add version 1"));
    assert!(
        h.query_by_role_and_label(egui::Role::Button, "First email")
            .is_some()
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.journey(), &j);
    assert!(h.query_by_label("Add a version").is_some());
}

/// Every canvas edit on an invalid journey: select all, duplicate, copy,
/// paste, delete, add a step of each kind, auto-layout; then undo all.
fn edit_tour(name: &str, journey: &Journey) {
    let mut h = harness(journey.clone());
    frames(&mut h, 2);
    let ctrl = Modifiers::COMMAND;
    for (modifiers, key) in [
        (ctrl, Key::A),
        (ctrl, Key::D),
        (ctrl, Key::C),
        (ctrl, Key::V),
        (ctrl, Key::A),
        (Modifiers::NONE, Key::Delete),
        (ctrl, Key::V),
        (ctrl, Key::A),
        (ctrl, Key::X),
        (ctrl, Key::V),
    ] {
        press(&mut h, modifiers, key);
    }
    let canvas = h.state().canvas_rect;
    for (i, kind) in crate::model::ActionKind::ALL.iter().enumerate() {
        if let Some(pos) = h
            .query_by_role_and_label(egui::Role::Button, kind.label())
            .map(|n| n.rect().center())
        {
            click(&mut h, pos);
            click(
                &mut h,
                canvas.center() + egui::vec2(30.0 * i as f32, 20.0 * i as f32),
            );
        }
    }
    if let Some(pos) = h
        .query_by_role_and_label(egui::Role::Button, "Auto-layout")
        .map(|n| n.rect().center())
    {
        click(&mut h, pos);
    }
    frames(&mut h, 2);
    while h.state_mut().doc.undo() {}
    frames(&mut h, 2);
    let text = |j: &Journey| crate::store::to_ron(j).unwrap_or_default();
    assert_eq!(
        text(h.state().doc.journey()),
        text(journey),
        "{name}: undo all"
    );
}

#[test]
fn editing_invalid_journeys_never_panics_and_undo_all_restores_them() {
    let mut failures = Vec::new();
    for (name, journey) in invalid_journeys() {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            edit_tour(name, &journey);
        }));
        if let Err(e) = outcome {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            let short: String = message.chars().take(300).collect();
            failures.push(format!("{name}: {short}"));
        }
    }
    assert!(failures.is_empty(), "panics:\n{}", failures.join("\n"));
}

#[test]
fn cancel_stops_a_run_with_enormous_rates_at_once() {
    // Valid (a rate may be any number of at least 0), but each customer
    // lives through billions of events: Cancel must not wait for them.
    let j = with(|j| {
        for model in j.scenario.triggers.values_mut() {
            model.per_day = 1e11;
        }
        j.scenario.triggers.insert(
            "signed_up".into(),
            TriggerModel {
                per_day: 1e11,
                click_lift: 1.0,
                lift_for: Span::Days(1),
            },
        );
        j.start.reentry = true;
    });
    assert!(
        crate::sim::refusals(&j).is_empty(),
        "{:?}",
        crate::sim::refusals(&j)
    );
    let mut h = harness(j);
    press(&mut h, Modifiers::NONE, Key::F5);
    std::thread::sleep(Duration::from_millis(300));
    frames(&mut h, 1);
    assert!(h.state().run.is_running(), "the run takes long");
    let started = Clock::now();
    h.state_mut().run.cancel();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "cancel took {:?}",
        started.elapsed()
    );
    frames(&mut h, 2);
    assert!(h.state().run.result.is_none());
}

#[test]
fn undo_during_a_connection_drag_that_removes_its_output() {
    let mut h = harness(base());
    // A third variant, added as an edit so that undo removes it again.
    let mut step = h.state().doc.journey().versions[0].steps[&StepId(7)].clone();
    if let Action::AbTest { variants, .. } = &mut step.action {
        for v in variants.iter_mut() {
            v.percent = 30.0;
        }
        variants.push(Variant {
            name: "Sms".into(),
            percent: 40.0,
            next: None,
        });
    }
    let command = crate::edit::Command::SetStep {
        version: 0,
        id: StepId(7),
        step,
    };
    h.state_mut().doc.apply(command).expect("applies");
    frames(&mut h, 2);
    let (port, target) = {
        let app = h.state();
        let cache = app.canvas.cache().expect("drawn");
        let card = &cache.cards[cache.index[&StepId(7)]];
        let to_screen = app.canvas.to_screen();
        (
            to_screen * card.outputs[2].2,
            to_screen * cache.cards[cache.index[&StepId(1)]].rect.center(),
        )
    };
    h.hover_at(port);
    frames(&mut h, 1);
    super::button(&h, port, true, Modifiers::NONE);
    frames(&mut h, 1);
    h.hover_at(port + egui::vec2(40.0, 40.0));
    frames(&mut h, 1);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    h.hover_at(target);
    frames(&mut h, 1);
    super::button(&h, target, false, Modifiers::NONE);
    frames(&mut h, 2);
    let j = h.state().doc.journey();
    assert!(matches!(
        &j.versions[0].steps[&StepId(7)].action,
        Action::AbTest { variants, .. } if variants.len() == 2
    ));
}

#[test]
fn tiny_and_odd_window_sizes_never_panic() {
    for size in [
        egui::vec2(640.0, 400.0),
        egui::vec2(120.0, 80.0),
        egui::vec2(1.0, 1.0),
        egui::vec2(4000.0, 60.0),
    ] {
        for journey in [base(), with(|j| j.versions.clear())] {
            let app = JourneyApp::new(
                crate::edit::Document::new(journey),
                crate::app::ViewState::default(),
            );
            let mut h = egui_kittest::Harness::builder()
                .with_size(size)
                .build_ui_state(|ui, app: &mut JourneyApp| app.ui_main(ui), app);
            frames(&mut h, 3);
            press(&mut h, Modifiers::NONE, Key::F);
            h.state_mut().run.ui.show_analytics = true;
            frames(&mut h, 3);
        }
    }
}
