//! A run's counts on the canvas, checked against the report: they add up
//! (S10) and none covers a card or another count, on every template and on
//! generated 15-step journeys.

use egui::Rect;

use super::count_layout::{card_rows, flow_labels, start_box};
use super::geometry::{CardGeometry, start_rect};
use super::overlay::Overlay;
use crate::model::Journey;
use crate::sim::{Report, SimOptions, simulate};
use crate::templates::TEMPLATES;

fn journeys() -> Vec<(String, Journey)> {
    let mut all: Vec<(String, Journey)> = TEMPLATES
        .iter()
        .map(|t| (t.title.to_owned(), t.journey().expect("template loads")))
        .collect();
    for seed in 0..4 {
        let j = super::generate::generated_journey(15, seed);
        all.push((format!("generated 15 steps, seed {seed}"), j));
    }
    all
}

fn run(j: &Journey) -> Report {
    let options = SimOptions {
        customers: Some(2000),
        ..SimOptions::default()
    };
    simulate(j, &options).expect("simulates")
}

fn end_overlay(report: &Report, version: u32) -> Overlay {
    Overlay::at(report, version, report.timeline.len() - 1, false)
}

#[test]
fn s10_the_start_card_steps_and_outcomes_add_up_to_the_report_for_every_template() {
    for (name, j) in journeys() {
        let report = run(&j);
        let mut finished = 0;
        let mut left = 0;
        let mut inside = 0;
        let mut entry = None;
        for v in 1..=j.versions.len() as u32 {
            let o = end_overlay(&report, v);
            for t in o.steps.values() {
                finished += t.finished;
                left += t.suppressed + t.exit_trigger + t.stopped;
                inside += t.now;
            }
            entry = o.entry;
        }
        let e = entry.expect("the Start card's counts");
        let a = &report.arrivals;
        assert_eq!(e.arrived, a.arrived, "{name}");
        assert_eq!(
            e.arrived,
            e.entered + e.excluded + e.not_reentered + e.after_end_date + e.after_stop,
            "{name}: every arrival is on the Start card"
        );
        let out = &report.outcomes;
        assert_eq!(finished, out.completed, "{name}: finished the journey");
        assert_eq!(inside, out.in_progress, "{name}: still inside");
        assert_eq!(
            e.entered,
            finished + left + inside + e.suppressed_at_entry + e.exit_trigger_at_entry + e.held_out,
            "{name}: every entry is on a card or on the Start card"
        );
    }
}

#[test]
fn no_count_covers_a_card_or_another_count_on_templates_and_generated_journeys() {
    for (name, j) in journeys() {
        let report = run(&j);
        for (i, version) in j.versions.iter().enumerate() {
            let o = end_overlay(&report, i as u32 + 1);
            let cards: Vec<CardGeometry> = version
                .steps
                .iter()
                .map(|(id, s)| CardGeometry::of(*id, s))
                .collect();
            let start = start_rect(version);
            let lines = o.entry.as_ref().map_or(0, |e| e.lines().len());
            let start_counts = start_box(start, lines);
            let labels = flow_labels(&cards, &[start, start_counts], &o);
            let mut rects: Vec<(String, Rect)> = labels
                .iter()
                .map(|l| (format!("count {}", l.text), l.rect))
                .collect();
            rects.push(("Start counts".to_owned(), start_counts));
            for (a, (what_a, ra)) in rects.iter().enumerate() {
                for c in &cards {
                    assert!(
                        !ra.intersects(c.rect),
                        "{name}: {what_a} covers card {}",
                        c.id
                    );
                }
                for (what_b, rb) in &rects[a + 1..] {
                    assert!(!ra.intersects(*rb), "{name}: {what_a} covers {what_b}");
                }
            }
            for c in &cards {
                for row in card_rows(c.rect) {
                    assert!(
                        c.rect.contains_rect(row),
                        "{name}: a card's counts stay inside it"
                    );
                }
            }
            let wanted = o.passes.values().filter(|n| **n > 0).count();
            eprintln!(
                "{name} v{}: {} of {wanted} connection counts placed",
                i + 1,
                labels.len()
            );
        }
    }
}
