//! UI tests of the lift card and the send-volume heatmap on a real run: what
//! they say, and the clock and channel choices of the heatmap.

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{AnalyticsView, VersionFilter, analytics_ui};
use crate::model::{Holdout, LocalTime, QuietAction, QuietHours};
use crate::sim::{Report, SimOptions, simulate};

/// The sample journey with quiet hours 21:00–08:00 (held) and a 10 % holdout.
fn run() -> Report {
    let mut journey = crate::app::sample::sample_journey();
    journey.delivery.quiet_hours.push(QuietHours {
        channels: Vec::new(),
        from: LocalTime::clamped(21, 0),
        to: LocalTime::clamped(8, 0),
        then: QuietAction::Hold,
    });
    journey.holdout = Some(Holdout::new(10.0));
    let options = SimOptions {
        customers: Some(3_000),
        ..Default::default()
    };
    simulate(&journey, &options).expect("simulates")
}

fn harness(report: Report) -> Harness<'static, Report> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .build_ui_state(
            |ui, report: &mut Report| {
                let journey = crate::app::sample::sample_journey();
                let view = AnalyticsView {
                    report,
                    journey: &journey,
                    row: report.timeline.len() - 1,
                    stale: false,
                    preview: None,
                    replications: None,
                    scroll_to_plots: false,
                    sensitivity: super::SensitivityView::default(),
                };
                analytics_ui(ui, &mut VersionFilter::All, &view);
            },
            report,
        );
    harness.run();
    harness
}

/// S23: the lift card shows both groups and says the lift per 1,000 entries.
#[test]
fn s23_the_lift_card_compares_treated_and_held_out_in_words() {
    let report = run();
    let h = report.holdout.clone().expect("a holdout report");
    let harness = harness(report);
    harness.get_by_label_contains("Holdout: what the journey adds (10 % held out)");
    harness.get_by_label_contains(&format!(
        "converted ({} of {})",
        crate::ui::style::count(h.treated_converted),
        crate::ui::style::count(h.treated)
    ));
    harness.get_by_label_contains("conversions per 1,000 entries (95 % interval");
}

/// S18: with quiet hours until 08:00, the busiest local hour is 08:00–09:00;
/// switching the heatmap to UTC and to one channel says so too.
#[test]
fn s18_the_heatmap_shows_the_release_at_0800_local() {
    let mut harness = harness(run());
    harness.get_by_label_contains("Busiest hour: 08:00–09:00 on");
    harness.get_by_label_contains("(customers' local time)");
    harness.get_by_label("UTC").click();
    harness.run();
    // Every customer lives in UTC here: the same hour, on the other clock.
    harness.get_by_label_contains("Busiest hour: 08:00–09:00 on");
    harness.get_by_label_contains("(UTC)");
    // The heatmap's channel choice comes before the channels table.
    let email = harness
        .get_all_by_label("Email")
        .next()
        .expect("an Email choice");
    email.click();
    harness.run();
    harness.get_by_label_contains("Busiest hour:");
}

/// S10 with S23: the summary cards add up with the held-out entries in a card of
/// their own, so a marketer adding the outcomes finds every entry.
#[test]
fn s10_s23_the_summary_cards_show_the_held_out_entries() {
    let report = run();
    let o = &report.outcomes;
    assert!(o.held_out > 0);
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    assert_eq!(
        report.arrivals.entered,
        o.completed + suppressed + exit_trigger + o.stopped + o.in_progress + o.held_out
    );
    let harness = harness(report.clone());
    // The summary card (the lift card names the group too).
    assert!(harness.query_all_by_label("Held out").count() >= 2);
    assert!(
        harness
            .query_all_by_label(&crate::ui::style::count(o.held_out))
            .next()
            .is_some()
    );
}
