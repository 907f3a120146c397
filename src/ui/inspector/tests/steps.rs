//! The step forms (every kind), problems shown in the form, stopped versions.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{Host, ab_journey, at, click, fill, host_harness, open_tab, overflowing};
use crate::model::{Action, Channel, Goal, Journey, Span, Step, StepId, Variant};
use crate::ui::inspector::Tab;

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

/// S7: stopping a version from the Journey tab asks first, then stops it for
/// good; the instant offered is the end (23:59 UTC) of the last arrival day.
#[test]
fn s7_stop_version_asks_then_stops_for_good_at_the_end_of_the_last_arrival_day() {
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
    // The default stop instant is the end of the day the arrivals end (7 days on).
    assert_eq!(stopped, Some(at(2026, 3, 9, 23, 59)));
    assert!(!harness.state_mut().doc.undo(), "a stop cannot be undone");
    harness.get_by_label("Version 1: stopped");
    harness.get_by_label_contains("A stop is final");
}

/// The rule codes ("S1" … "S25", "S2b") in `text`.
fn rule_codes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if *c != 'S' || !starts_word {
            continue;
        }
        let digits: String = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let after = chars.get(i + 1 + digits.len());
        let ends_word = after.is_none_or(|c| !c.is_alphanumeric() || *c == 'b');
        if ends_word && digits.parse::<u32>().is_ok_and(|n| (1..=25).contains(&n)) {
            found.push(format!("S{digits}"));
        }
    }
    found
}

/// Every visible text of the inspector that carries a rule code.
fn coded_labels(harness: &Harness<'_, Host>) -> Vec<String> {
    (harness.root().children_recursive())
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = [node.label(), node.value()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            let text = text.join(" ");
            (!rule_codes(&text).is_empty()).then_some(text)
        })
        .collect()
}

/// Issue 11: rule codes stay in code, tests and docs: no tab, table, step
/// form of any kind, stopped version or stop confirmation shows one.
#[test]
fn no_rule_code_in_any_label_of_any_tab_or_step_form() {
    assert_eq!(
        rule_codes("rule S2b and S14, not S26 or SMS or S3x"),
        ["S2", "S14"]
    );
    let journey = every_kind_journey();
    let ids: Vec<StepId> = journey.versions[0].steps.keys().copied().collect();
    let mut harness = host_harness(journey.clone(), None, true);
    for tab in [Tab::Journey, Tab::Start, Tab::End, Tab::Goal, Tab::Scenario] {
        open_tab(&mut harness, tab);
        assert_eq!(coded_labels(&harness), Vec::<String>::new(), "{tab:?}");
    }
    for header in [
        "Attributes (2)",
        "Segments (1)",
        "Triggers (1)",
        "Channel rates",
    ] {
        click(&mut harness, header);
    }
    assert_eq!(
        coded_labels(&harness),
        Vec::<String>::new(),
        "scenario tables"
    );
    for id in ids {
        harness.state_mut().selected = Some(id);
        harness.run();
        assert_eq!(coded_labels(&harness), Vec::<String>::new(), "step {id}");
    }
    harness.state_mut().selected = None;
    harness.run();
    open_tab(&mut harness, Tab::Journey);
    click(&mut harness, "Stop version 1…");
    assert_eq!(
        coded_labels(&harness),
        Vec::<String>::new(),
        "stop confirmation"
    );
    let mut stopped = journey;
    stopped.versions[0].stopped_at = Some(at(2026, 3, 5, 0, 0));
    let mut harness = host_harness(stopped, Some(StepId(2)), true);
    assert_eq!(coded_labels(&harness), Vec::<String>::new(), "stopped step");
    for tab in [Tab::Journey, Tab::End] {
        open_tab(&mut harness, tab);
        assert_eq!(
            coded_labels(&harness),
            Vec::<String>::new(),
            "stopped {tab:?}"
        );
    }
}
