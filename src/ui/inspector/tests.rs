//! UI tests of the inspector, driven as a person would: find a field by its
//! label, click, type, press Enter; a small host applies the commands to an
//! `edit::Document`, like the app does.

use chrono::TimeZone;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{InspectorState, Tab, inspector_ui};
use crate::edit::Document;
use crate::model::{
    Action, Audience, Channel, End, Goal, Instant, Journey, Span, Step, StepId, Variant,
};

/// What the app would hold: the document, the inspector's state, the selection.
struct Host {
    doc: Document,
    state: InspectorState,
    version: usize,
    selected: Option<StepId>,
    commands: usize,
}

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
    chrono::Utc
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("valid instant")
}

fn host_harness(journey: Journey, selected: Option<StepId>, check: bool) -> Harness<'static, Host> {
    let host = Host {
        version: journey.versions.len() - 1,
        doc: Document::new(journey),
        state: InspectorState::default(),
        selected,
        commands: 0,
    };
    let mut harness = Harness::builder()
        .with_size(Vec2::new(340.0, 800.0))
        .with_accessibility_check(check)
        .build_ui_state(
            |ui, host: &mut Host| {
                let commands = inspector_ui(
                    ui,
                    &mut host.state,
                    host.doc.journey(),
                    host.version,
                    host.selected,
                );
                for command in commands {
                    host.commands += 1;
                    host.doc
                        .apply(command)
                        .expect("the inspector's command applies");
                }
            },
            host,
        );
    harness.run();
    harness
}

/// Brings the widget named `label` into view and clicks it.
fn click(harness: &mut Harness<'_, Host>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the field named `label`, replaces its text with `text`, presses Enter.
fn fill(harness: &mut Harness<'_, Host>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn open_tab(harness: &mut Harness<'_, Host>, tab: Tab) {
    harness
        .get_by_role_and_label(Role::Button, tab.title())
        .click();
    harness.run();
    assert_eq!(harness.state().state.tab, tab);
}

/// Widgets that stick out of the 340-point-wide panel (cut off on screen).
fn overflowing(harness: &Harness<'_, Host>) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().bounding_box().is_some())
        .filter(|n| n.rect().max.x > 340.5 || n.rect().min.x < -0.5)
        .map(|n| {
            format!(
                "{:?} {:?} {:?}",
                n.accesskit_node().role(),
                n.accesskit_node().label(),
                n.rect()
            )
        })
        .collect()
}

/// A person fills in start, end and goal of an empty journey; each edit is one
/// undo step, and undoing them one by one walks the journey back.
#[test]
fn s2_s4_s5_s6_filling_start_end_and_goal_through_the_forms_is_undoable_per_field() {
    let start = at(2026, 3, 2, 9, 0);
    let empty = Journey::new_empty("Welcome", start);
    let mut harness = host_harness(empty.clone(), None, true);
    let mut snapshots = vec![empty.clone()];
    let snap = |harness: &Harness<'_, Host>, snapshots: &mut Vec<Journey>| {
        snapshots.push(harness.state().doc.journey().clone());
    };

    open_tab(&mut harness, Tab::Start);
    fill(&mut harness, "Audience name", "subscribers");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Add exclusion segment", "existing_customers");
    snap(&harness, &mut snapshots);
    // The start date: open the date picker, two days on, save.
    click(&mut harness, "2026-03-02");
    click(&mut harness, ">");
    click(&mut harness, ">");
    click(&mut harness, "Save");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Start date hour", "10");
    snap(&harness, &mut snapshots);

    open_tab(&mut harness, Tab::End);
    fill(&mut harness, "Add exit trigger", "unsubscribed");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Add suppression segment", "complained");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Set an end date");
    snap(&harness, &mut snapshots);

    open_tab(&mut harness, Tab::Goal);
    click(&mut harness, "This journey has a goal");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Goal trigger", "purchased_online");
    snap(&harness, &mut snapshots);
    click(&mut harness, "Target");
    snap(&harness, &mut snapshots);
    fill(&mut harness, "Target percent", "8");
    snap(&harness, &mut snapshots);

    let new_start = at(2026, 3, 4, 10, 0);
    let mut expected = empty.clone();
    expected.start.audience = Audience::Segment("subscribers".to_owned());
    expected.start.exclude_segments = vec!["existing_customers".to_owned()];
    expected.start.starts_at = new_start;
    expected.end = End {
        exit_triggers: vec!["unsubscribed".to_owned()],
        suppression_segments: vec!["complained".to_owned()],
        end_date: Some(new_start + Span::Days(30).duration()),
    };
    expected.goal = Some(Goal {
        trigger: "purchased_online".to_owned(),
        target_percent: Some(8.0),
        attribution: Span::Days(3),
    });
    assert_eq!(*harness.state().doc.journey(), expected);
    assert_eq!(harness.state().commands, 11, "one command per field edit");

    // Undo each change in turn: the journey walks back through every snapshot.
    for expected in snapshots.iter().rev().skip(1) {
        assert!(harness.state_mut().doc.undo());
        harness.run();
        assert_eq!(harness.state().doc.journey(), expected);
    }
    assert!(!harness.state_mut().doc.undo(), "nothing more to undo");
    assert_eq!(*harness.state().doc.journey(), empty);
}

fn ab_journey(percents: [f64; 2]) -> Journey {
    let mut journey = Journey::new_empty("A/B", at(2026, 3, 2, 9, 0));
    let version = &mut journey.versions[0];
    version.steps.insert(
        StepId(2),
        Step {
            name: "Coupon test".to_owned(),
            at: (200.0, 0.0),
            action: Action::AbTest {
                variants: vec![
                    Variant {
                        name: "A".to_owned(),
                        percent: percents[0],
                        next: None,
                    },
                    Variant {
                        name: "B".to_owned(),
                        percent: percents[1],
                        next: None,
                    },
                ],
                decide: None,
            },
        },
    );
    if let Some(Step {
        action: Action::Message { next, .. },
        ..
    }) = version.steps.get_mut(&StepId(1))
    {
        *next = Some(StepId(2));
    }
    journey
}

/// S12: variants that add up to 90 show the live total in red and the problem.
#[test]
fn s12_ab_variants_adding_up_to_90_show_the_problem_in_the_form() {
    let mut harness = host_harness(ab_journey([50.0, 40.0]), Some(StepId(2)), true);
    assert_eq!(harness.state().state.tab, Tab::Step);
    harness.get_by_label_contains("Total: 90 %: the variants must add up to 100 %");
    harness.get_by_label_contains("variant percentages add up to 90, not 100");
    // Fixing B to 50 clears both.
    fill(&mut harness, "Variant 2 percent", "50");
    assert!(
        harness
            .query_by_label_contains("must add up to 100")
            .is_none()
    );
    assert!(harness.query_by_label_contains("not 100").is_none());
    harness.get_by_label("Total: 100 %");
}

/// S7: a stopped version's step form has no editable field; nor do start and end.
#[test]
fn s7_stopped_version_shows_read_only() {
    let mut journey = ab_journey([50.0, 50.0]);
    journey.versions[0].stopped_at = Some(at(2026, 3, 5, 0, 0));
    let mut harness = host_harness(journey.clone(), Some(StepId(2)), true);
    harness.get_by_label_contains("This version is stopped");
    let editable = |harness: &Harness<'_, Host>| -> Vec<String> {
        harness
            .root()
            .children_recursive()
            .map(|n| n.accesskit_node())
            .filter(|n| {
                matches!(
                    n.role(),
                    Role::TextInput
                        | Role::MultilineTextInput
                        | Role::SpinButton
                        | Role::CheckBox
                        | Role::ComboBox
                        | Role::RadioButton
                )
            })
            .filter(|n| !n.is_disabled())
            .map(|n| format!("{:?} {:?}", n.role(), n.label()))
            .collect()
    };
    assert_eq!(editable(&harness), Vec::<String>::new());
    for tab in [Tab::Start, Tab::End, Tab::Goal] {
        open_tab(&mut harness, tab);
        assert_eq!(editable(&harness), Vec::<String>::new(), "{tab:?}");
    }
    open_tab(&mut harness, Tab::Journey);
    harness.get_by_label_contains("A stop is final");
    assert_eq!(*harness.state().doc.journey(), journey);
}

/// A journey with one step of every kind, and a scenario with every table.
fn every_kind_journey() -> Journey {
    use crate::model::{ChannelModel, Condition, Decide, Dist, Event, Rule, TriggerModel};
    let mut journey = ab_journey([50.0, 50.0]);
    journey.end.end_date = Some(at(2026, 4, 1, 0, 0));
    journey.end.exit_triggers = vec!["unsubscribed".to_owned()];
    journey.goal = Some(Goal::new("purchased"));
    let scenario = &mut journey.scenario;
    scenario
        .channels
        .insert(Channel::Email, ChannelModel::default_for(&Channel::Email));
    scenario
        .attributes
        .insert("age".to_owned(), Dist::Range(18.0, 70.0));
    scenario.attributes.insert(
        "country".to_owned(),
        Dist::Choice(vec![("US".to_owned(), 0.6), ("DE".to_owned(), 0.4)]),
    );
    scenario
        .triggers
        .insert("purchased".to_owned(), TriggerModel::default());
    let steps = &mut journey.versions[0].steps;
    let mut add = |id: u32, name: &str, action: Action| {
        steps.insert(
            StepId(id),
            Step {
                name: name.to_owned(),
                at: (0.0, 0.0),
                action,
            },
        );
    };
    add(
        3,
        "Wait",
        Action::Wait {
            span: Span::Days(2),
            next: Some(StepId(4)),
        },
    );
    add(
        4,
        "Until",
        Action::WaitUntil {
            instant: at(2026, 3, 9, 9, 0),
            next: None,
        },
    );
    add(
        5,
        "Branch",
        Action::Branch {
            rules: vec![
                Rule {
                    when: Condition::InSegment("vip".to_owned()),
                    next: Some(StepId(3)),
                },
                Rule {
                    when: Condition::Equals("country".to_owned(), "DE".to_owned()),
                    next: None,
                },
                Rule {
                    when: Condition::Above("age".to_owned(), 40.0),
                    next: None,
                },
            ],
            otherwise: None,
        },
    );
    add(
        6,
        "If opened",
        Action::IfThen {
            event: Event::Opened(StepId(1)),
            within: Span::Days(3),
            yes: None,
            no: None,
        },
    );
    add(
        7,
        "Best channel",
        Action::ChannelOptimization {
            channels: vec![Channel::Email, Channel::Custom("WhatsApp".to_owned())],
            content: "offer".to_owned(),
            next: None,
        },
    );
    add(
        8,
        "Decided test",
        Action::AbTest {
            variants: vec![
                Variant {
                    name: "A".to_owned(),
                    percent: 30.0,
                    next: None,
                },
                Variant {
                    name: "B".to_owned(),
                    percent: 70.0,
                    next: None,
                },
            ],
            decide: Some(Decide {
                after: Span::Days(5),
                default_variant: "A".to_owned(),
            }),
        },
    );
    journey
}

/// Every form and every step kind names every input and has no id clash
/// (the harness checks names after each run and fails on a painted clash warning).
#[test]
fn every_form_names_its_inputs() {
    let journey = every_kind_journey();
    let ids: Vec<StepId> = journey.versions[0].steps.keys().copied().collect();
    let mut harness = host_harness(journey, None, true);
    for tab in [Tab::Journey, Tab::Start, Tab::End, Tab::Goal, Tab::Scenario] {
        open_tab(&mut harness, tab);
        assert_eq!(overflowing(&harness), Vec::<String>::new(), "{tab:?}");
    }
    for header in [
        "Attributes (2)",
        "Segments (1)",
        "Triggers (1)",
        "Channel rates",
    ] {
        click(&mut harness, header);
        assert_eq!(overflowing(&harness), Vec::<String>::new(), "{header}");
    }
    for id in ids {
        harness.state_mut().selected = Some(id);
        harness.run();
        assert_eq!(harness.state().state.tab, Tab::Step);
        assert_eq!(overflowing(&harness), Vec::<String>::new(), "step {id}");
    }
    harness.get_by_label("Pick a winner after a while");
    assert_eq!(harness.state().commands, 0, "looking changes nothing");
}

/// Typing several letters in a step's name is one command, applied on Enter.
#[test]
fn typing_a_step_name_is_one_undo_step() {
    let mut harness = host_harness(ab_journey([50.0, 50.0]), Some(StepId(2)), true);
    click(&mut harness, "Step name");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    for letter in ["C", "o", "u", "p", "o", "n"] {
        harness.get_by_label("Step name").type_text(letter);
        harness.run();
    }
    assert_eq!(
        harness.state().commands,
        0,
        "nothing is applied while typing"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().commands, 1);
    assert_eq!(
        harness.state().doc.journey().versions[0].steps[&StepId(2)].name,
        "Coupon"
    );
    assert_eq!(harness.state().doc.undo_label(), Some("Edit 'Coupon'"));
}

/// The target dropdown lists the steps and "End"; choosing one connects the step.
#[test]
fn choosing_a_next_step_from_the_dropdown_connects_it() {
    let mut harness = host_harness(ab_journey([50.0, 50.0]), Some(StepId(1)), true);
    click(&mut harness, "Next step");
    // "End" is also the tab's name: the option is the one in the open dropdown, drawn last.
    harness
        .get_all_by_label("End")
        .last()
        .expect("the End option")
        .click();
    harness.run();
    let j = harness.state().doc.journey();
    assert!(matches!(
        j.versions[0].steps[&StepId(1)].action,
        Action::Message { next: None, .. }
    ));
    click(&mut harness, "Next step");
    click(&mut harness, "2 · Coupon test");
    let j = harness.state().doc.journey();
    assert!(matches!(
        j.versions[0].steps[&StepId(1)].action,
        Action::Message {
            next: Some(StepId(2)),
            ..
        }
    ));
    assert_eq!(harness.state().commands, 2);
}

/// A name the scenario does not model is accepted and flagged; picking a name
/// used elsewhere and removing an item work through the list editor.
#[test]
fn unknown_exit_trigger_is_accepted_but_flagged_and_list_items_can_be_picked_and_removed() {
    let mut journey = Journey::new_empty("Names", at(2026, 3, 2, 9, 0));
    journey.goal = Some(Goal::new("purchased"));
    journey.scenario.triggers.insert(
        "purchased".to_owned(),
        crate::model::TriggerModel::default(),
    );
    let mut harness = host_harness(journey, None, true);
    open_tab(&mut harness, Tab::End);
    fill(&mut harness, "Add exit trigger", "unsubscribed");
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["unsubscribed"]
    );
    harness.get_by_label("Warning: not in the scenario; add it there to simulate");
    // "purchased" is used by the goal: pick it from the menu of the exit triggers.
    harness
        .get_all_by_label("Pick")
        .next()
        .expect("the exit triggers' Pick menu")
        .click();
    harness.run();
    click(&mut harness, "purchased");
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["unsubscribed", "purchased"]
    );
    harness
        .get_all_by_label("Remove")
        .next()
        .expect("the first exit trigger's Remove")
        .click();
    harness.run();
    assert_eq!(
        harness.state().doc.journey().end.exit_triggers,
        ["purchased"]
    );
    assert!(
        harness
            .query_by_label("Warning: not in the scenario; add it there to simulate")
            .is_none()
    );
    assert_eq!(harness.state().commands, 3);
}

/// Scenario limits: a share typed above 1 is clamped to 1 (probabilities 0..1),
/// and the customers field sets the scenario in one command.
#[test]
fn scenario_fields_keep_probabilities_between_0_and_1() {
    let mut harness = host_harness(Journey::new_empty("S", at(2026, 3, 2, 9, 0)), None, true);
    open_tab(&mut harness, Tab::Scenario);
    fill(&mut harness, "Customers", "2500");
    assert_eq!(harness.state().doc.journey().scenario.customers, 2500);
    click(&mut harness, "Segments (1)");
    fill(&mut harness, "Share at start", "1.5");
    let share = harness.state().doc.journey().scenario.segments["everyone"].share;
    assert_eq!(share, 1.0, "clamped to a probability");
    fill(&mut harness, "Share at start", "0.25");
    let share = harness.state().doc.journey().scenario.segments["everyone"].share;
    assert_eq!(share, 0.25);
    assert_eq!(
        harness.state().commands,
        2,
        "1.5 on a share of 1 changed nothing"
    );
    assert!(crate::model::validate(harness.state().doc.journey()).is_empty());
}

/// An edit in progress is committed when the person clicks another tab, and
/// Escape cancels an edit.
#[test]
fn switching_tab_commits_the_field_and_escape_cancels() {
    let mut harness = host_harness(Journey::new_empty("Old", at(2026, 3, 2, 9, 0)), None, true);
    click(&mut harness, "Journey name");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Journey name").type_text("Typed");
    harness.run();
    open_tab(&mut harness, Tab::Start);
    assert_eq!(harness.state().doc.journey().name, "Typed");
    open_tab(&mut harness, Tab::Journey);
    click(&mut harness, "Journey name");
    harness.get_by_label("Journey name").type_text(" more");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().doc.journey().name, "Typed");
    assert_eq!(harness.state().commands, 1);
}

/// S7: stopping a version from the Journey tab asks first, then stops it for good.
#[test]
fn s7_stop_version_asks_then_stops_for_good() {
    let journey = Journey::new_empty("Live", at(2026, 3, 2, 9, 0));
    let mut harness = host_harness(journey, None, true);
    click(&mut harness, "Stop version 1…");
    harness.get_by_label_contains("Stopping is final");
    click(&mut harness, "Cancel");
    assert!(
        harness.state().doc.journey().versions[0]
            .stopped_at
            .is_none()
    );
    click(&mut harness, "Stop version 1…");
    click(&mut harness, "Stop for good");
    let stopped = harness.state().doc.journey().versions[0].stopped_at;
    // The default stop instant is the end of the arrivals (7 days after the start).
    assert_eq!(stopped, Some(at(2026, 3, 9, 9, 0)));
    assert!(!harness.state_mut().doc.undo(), "a stop cannot be undone");
    harness.get_by_label("Version 1: stopped");
    harness.get_by_label_contains("A stop is final");
}
