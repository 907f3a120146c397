//! Issue 11, a marketer's words: no rule code (`\bS\d{1,2}[a-z]?\b`, e.g.
//! "S5", "S2b") in any visible label of the window, "SMS" never "Sms", and
//! "seed" only as "random seed". Walks every template through every
//! inspector tab and step form, the runner bar as a draft, live, with a draft
//! version and stopped, before and after a run, the analytics (with "What
//! moves the goal rate" computed), Help (F1) and the File > New dialog.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use super::runner::{press_run, seek, wait_for_chart, wait_for_run};
use super::{harness, key};
use crate::app::JourneyApp;
use crate::model::{Journey, StepId};
use crate::ui::inspector::Tab;

/// The rule codes in `text`, as the regex `\bS\d{1,2}[a-z]?\b` finds them.
fn rule_codes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let word = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    };
    let mut found = Vec::new();
    for i in 0..chars.len() {
        if chars[i] != 'S' || (i > 0 && word(i - 1)) {
            continue;
        }
        let digits = (1..=2).take_while(|k| chars.get(i + k).is_some_and(char::is_ascii_digit));
        let Some(last) = digits.last() else {
            continue;
        };
        let mut end = i + last + 1;
        // `[a-z]?` then `\b`: with the letter if that ends a word, else without.
        if chars.get(end).is_some_and(char::is_ascii_lowercase) && !word(end + 1) {
            end += 1;
        }
        if !word(end) {
            found.push(chars[i..end].iter().collect());
        }
    }
    found
}

/// "seed" (any case) not written as "random seed".
fn bare_seed(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .match_indices("seed")
        .any(|(at, _)| !lower[..at].ends_with("random "))
}

/// Every visible text (label or value) that breaks one of the rules.
fn bad_words(h: &Harness<'_, JourneyApp>) -> Vec<String> {
    (h.root().children_recursive())
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = [node.label(), node.value()].into_iter().flatten();
            let text = text.collect::<Vec<_>>().join(" ");
            let bad = !rule_codes(&text).is_empty()
                || text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "Sms")
                || bare_seed(&text);
            bad.then_some(text)
        })
        .collect()
}

/// Asserts that nothing on screen breaks the rules, naming where.
fn check(h: &Harness<'_, JourneyApp>, place: &str) {
    assert_eq!(bad_words(h), Vec::<String>::new(), "{place}");
}

/// Every inspector tab, the scenario tables open, then every step's form.
fn walk_inspector(h: &mut Harness<'_, JourneyApp>, place: &str) {
    h.state_mut().inspector.scenario_tables_open = [true; 4];
    for tab in Tab::ALL {
        h.state_mut().inspector.tab = tab;
        h.run();
        check(h, &format!("{place}, {tab:?} tab"));
    }
    let ids: Vec<StepId> = (h.state().doc.journey().versions.last())
        .map(|v| v.steps.keys().copied().collect())
        .unwrap_or_default();
    for id in ids {
        h.state_mut().canvas.selection = [id].into();
        h.state_mut().inspector.tab = Tab::Step;
        h.run();
        check(h, &format!("{place}, step {id}"));
    }
    h.state_mut().canvas.selection.clear();
    h.state_mut().inspector.tab = Tab::Journey;
    h.run();
}

/// Clicks the enabled control named `label`, if there is one.
fn click_if_there(h: &mut Harness<'_, JourneyApp>, label: &str) -> bool {
    let Some(node) = h.query_by_label(label) else {
        return false;
    };
    if node.accesskit_node().is_disabled() {
        return false;
    }
    node.click();
    // A dialog fades in over a few frames.
    h.run_steps(8);
    true
}

/// With the playhead two days in: the stop preview, and the stop and
/// publish confirmations (each cancelled); returns how many it saw.
fn walk_version_dialogs(h: &mut Harness<'_, JourneyApp>, place: &str) -> usize {
    seek(h, 48);
    let mut seen = 0;
    if click_if_there(h, "Preview a stop here") {
        wait_for_run(h);
        h.get_by_label_contains("Stop preview");
        check(h, &format!("{place}, stop preview"));
        click_if_there(h, "Clear preview");
        seen += 1;
    }
    let versions = h.state().doc.journey().versions.len();
    for no in 1..=versions {
        if click_if_there(h, &format!("Stop version {no} here…")) {
            h.get_by_label(&format!("Stop version {no} for good?"));
            check(h, &format!("{place}, stop confirmation"));
            click_if_there(h, "Keep it running");
            seen += 1;
        }
    }
    if click_if_there(h, "Publish edits as new version here…") {
        h.get_by_label_contains("Publish version");
        check(h, &format!("{place}, publish confirmation"));
        click_if_there(h, "Not yet");
        seen += 1;
    }
    seen
}

/// The window before a run, after a run (with the version dialogs) and
/// with the analytics open; returns the window and the dialogs seen.
fn walk_runs(journey: Journey, place: &str) -> (Harness<'static, JourneyApp>, usize) {
    let mut h = harness(journey);
    walk_inspector(&mut h, &format!("{place}, before a run"));
    press_run(&mut h);
    check(&h, &format!("{place}, after a run"));
    let seen = walk_version_dialogs(&mut h, place);
    h.state_mut().run.ui.show_analytics = true;
    h.run();
    check(&h, &format!("{place}, analytics"));
    h.state_mut().sensitivity.replications = 1;
    let find = crate::ui::analytics::sensitivity::FIND;
    if let Some(button) = h.query_by_label(find) {
        button.scroll_to_me();
        h.run();
    }
    // The section is there after a run of a journey with a goal.
    let shown = h.state().doc.journey().goal.is_some() && h.state().run.result.is_some();
    assert_eq!(click_if_there(&mut h, find), shown, "{place}: {find}");
    if shown {
        wait_for_chart(&mut h);
        assert!(h.state().sensitivity.chart.is_some(), "{place}: a chart");
        check(&h, &format!("{place}, what moves the goal rate"));
    }
    h.state_mut().run.ui.show_analytics = false;
    walk_inspector(&mut h, &format!("{place}, after a run"));
    (h, seen)
}

/// A template, small enough to run quickly in a debug build.
fn small(journey: &Journey) -> Journey {
    let mut j = journey.clone();
    j.scenario.customers = 1500;
    j
}

#[test]
fn rule_codes_are_found_as_the_regex_finds_them() {
    assert_eq!(
        rule_codes("rule S2b, (S14) and S5. Not S123, SMS, S3xy, xS4 or S_5"),
        ["S2b", "S14", "S5"]
    );
    assert!(bare_seed("Seed") && bare_seed("seed 7") && !bare_seed("Random seed"));
}

#[test]
fn no_rule_code_sms_or_bare_seed_in_any_tab_form_runner_state_or_dialog() {
    let mut dialogs = 0;
    for template in crate::templates::TEMPLATES {
        let journey = small(&template.journey().expect("template parses"));
        let name = template.title;
        // Live (the templates start in the past), then with a draft version.
        let (mut h, seen) = walk_runs(journey.clone(), name);
        dialogs += seen;
        h.state_mut().start_draft();
        h.run();
        check(&h, &format!("{name}, draft version"));
        press_run(&mut h);
        check(&h, &format!("{name}, draft version after a run"));
        dialogs += walk_version_dialogs(&mut h, &format!("{name}, draft version"));

        // A journey not live yet: a draft that goes live at its start date.
        let mut future = journey.clone();
        future.start.starts_at = chrono::Utc::now() + chrono::Duration::days(400);
        dialogs += walk_runs(future, &format!("{name} (not live yet)")).1;

        // Stopped three days in.
        let mut stopped = journey;
        if let Some(v) = stopped.versions.last_mut() {
            let from = v.published_at.unwrap_or(stopped.start.starts_at);
            v.stopped_at = Some(from + chrono::Duration::days(3));
        }
        dialogs += walk_runs(stopped, &format!("{name} (stopped)")).1;
    }
    // Preview and stop for each live template, publish for each draft version.
    assert!(
        dialogs >= 3 * crate::templates::TEMPLATES.len(),
        "{dialogs} dialogs"
    );
}

#[test]
fn no_rule_code_in_help_or_the_new_journey_dialog() {
    let mut h = harness(small(&crate::templates::welcome()));
    key(&mut h, Modifiers::NONE, Key::F1);
    h.get_by_label("Keyboard shortcuts");
    check(&h, "Help (F1)");
    key(&mut h, Modifiers::NONE, Key::Escape);
    key(&mut h, Modifiers::COMMAND, Key::N);
    h.get_by_label("Use Empty journey");
    check(&h, "File > New");
}
