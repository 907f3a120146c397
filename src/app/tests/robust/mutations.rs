//! Every template, one character changed: what still parses opens in the
//! window without a panic (and what does not parse is a typed error, not a panic).

use egui_kittest::kittest::Queryable;
use proptest::prelude::*;

use super::{click, frames};
use crate::app::tests::harness;
use crate::store;
use crate::ui::inspector::Tab;

const TEMPLATES: [&str; 4] = [
    include_str!("../../../../assets/welcome-series.journey.ron"),
    include_str!("../../../../assets/cart-abandonment.journey.ron"),
    include_str!("../../../../assets/webinar-invite.journey.ron"),
    include_str!("../../../../assets/renewal-live-edit.journey.ron"),
];

/// Characters that turn numbers, names and brackets into something else.
const REPLACEMENTS: &[&str] = &[
    "",
    "0",
    "9",
    "-",
    ".",
    "e",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    " ",
    "x",
    "é",
    "inf",
    "NaN",
    "99999999999",
    "4294967295",
    "-1e38",
    "None",
    "Some(1)",
];

/// Replaces the character at `at` (modulo the length) with `with`; with
/// `in_number`, `at` counts digits only (more of those mutants still parse).
fn mutate(text: &str, at: usize, in_number: bool, with: &str) -> String {
    let places: Vec<usize> = text
        .chars()
        .enumerate()
        .filter(|(_, c)| !in_number || c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    let Some(&at) = places.get(at % places.len().max(1)) else {
        return text.to_owned();
    };
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if i == at {
                with.to_owned()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[test]
fn ron_accepts_inf_and_nan_positions_and_the_window_draws_them() {
    let text = TEMPLATES[0].replacen("at: (0.0, 0.0)", "at: (inf, NaN)", 1);
    let journey = store::parse(&text).expect("inf and NaN are RON floats");
    let first = journey.versions[0].first_step;
    let at = journey.versions[0].steps[&first].at;
    assert!(at.0.is_infinite() && at.1.is_nan());
    let mut h = harness(journey);
    frames(&mut h, 3);
    assert!(
        h.state().canvas.scene_rect.is_finite(),
        "the view stays finite"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        // ROBUST_CASES=2000 for a longer hunt.
        cases: std::env::var("ROBUST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(40),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_templates_parse_or_fail_cleanly_and_open_without_panic(
        template in 0..TEMPLATES.len(),
        edits in prop::collection::vec(
            (any::<usize>(), prop::bool::weighted(0.75), prop::sample::select(REPLACEMENTS)),
            1..3,
        ),
    ) {
        let mut text = TEMPLATES[template].to_owned();
        for (at, in_number, with) in &edits {
            text = mutate(&text, *at, *in_number, with);
        }
        let parsed = store::parse(&text);
        if let Ok(mut journey) = parsed {
            // Runs stay short in a debug build.
            journey.scenario.customers = journey.scenario.customers.min(200);
            let mut h = harness(journey);
            frames(&mut h, 2);
            if let Some(pos) = h
                .query_all_by_role_and_label(egui::Role::Button, Tab::Scenario.title())
                .map(|n| n.rect().center())
                .max_by(|a, b| a.x.total_cmp(&b.x))
            {
                click(&mut h, pos);
            }
            super::press(&mut h, egui::Modifiers::NONE, egui::Key::F5);
            frames(&mut h, 2);
            h.state_mut().run.cancel();
            frames(&mut h, 1);
            prop_assert_eq!(h.state().doc.undo_label(), None);
        }
    }
}

#[test]
fn deeply_nested_text_is_an_error_not_a_stack_overflow() {
    for open in ["(", "[", "{", "Some("] {
        let text = format!(
            "Journey(format: 1, name: \"x\", description: {}",
            open.repeat(200_000)
        );
        assert!(store::parse(&text).is_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        // ROBUST_CASES=2000 for a longer hunt.
        cases: std::env::var("ROBUST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(32),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn pasting_mutated_clipboard_text_never_panics(
        template in 0..TEMPLATES.len(),
        edits in prop::collection::vec(
            (any::<usize>(), prop::bool::weighted(0.75), prop::sample::select(REPLACEMENTS)),
            1..3,
        ),
    ) {
        let journey = store::parse(TEMPLATES[template]).expect("templates parse");
        let last = journey.versions.len() - 1;
        let ids = journey.versions[last].steps.keys().copied().collect();
        let clip = crate::edit::copy_steps(&journey, last, &ids)
            .to_ron()
            .expect("copies");
        let mut text = clip;
        for (at, in_number, with) in &edits {
            text = mutate(&text, *at, *in_number, with);
        }
        let mut h = harness(journey);
        h.event(egui::Event::Paste(text));
        frames(&mut h, 2);
        while h.state_mut().doc.undo() {}
        frames(&mut h, 1);
    }
}
