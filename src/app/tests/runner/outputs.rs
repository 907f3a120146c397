//! What a run gives besides the canvas: exports and the A/B table.

use egui_kittest::kittest::Queryable;

use super::{headless, press_run, report, small_welcome};
use crate::app::tests::harness;
use crate::ui::analytics::cards::percent;
use crate::ui::style::count;

#[test]
fn exports_write_the_json_report_and_csv_tables() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.json");
    h.state_mut().export(
        crate::ui::runner::ExportKind::JsonReport,
        Some(path.clone()),
    );
    let text = std::fs::read_to_string(&path).expect("written");
    assert_eq!(text.trim_end(), report(&h).to_json_string());
    let csv = dir.path().join("steps.csv");
    h.state_mut().export_path = Some(csv.clone());
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Steps table as CSV…").click();
    h.run();
    let text = std::fs::read_to_string(&csv).expect("written");
    assert_eq!(text.lines().count(), report(&h).steps.len() + 1);
}

#[test]
fn the_export_menu_is_disabled_before_a_run_and_its_html_report_is_written_after() {
    use egui_kittest::kittest::NodeT;
    let mut h = harness(small_welcome());
    h.run();
    assert!(
        h.get_by_label("Export").accesskit_node().is_disabled(),
        "nothing to export before a run"
    );
    press_run(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.html");
    h.state_mut().export_path = Some(path.clone());
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Report (HTML)…").click();
    h.run();
    let page = std::fs::read_to_string(&path).expect("written");
    assert!(page.contains(&format!("<h1>{}</h1>", small_welcome().name)));
    assert!(page.contains("<svg"));
    let status = h.state().status.clone().expect("a message");
    assert!(status.starts_with("Exported the report"), "{status}");
}

/// The width and height in a PNG's header (the IHDR chunk).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[1..4], b"PNG", "a PNG file");
    let at = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (at(16), at(20))
}

#[test]
fn the_canvas_picture_is_at_least_1600_pixels_wide_and_the_export_says_so() {
    let mut h = harness(small_welcome());
    press_run(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("canvas.png");
    h.state_mut().export_path = Some(path.clone());
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Canvas with counts as PNG…").click();
    h.run();
    let bytes = std::fs::read(&path).expect("written");
    let (width, height) = png_size(&bytes);
    assert!(width >= 1600, "{width} pixels wide");
    assert!(height > 300, "{height} pixels high");
    let status = h.state().status.clone().expect("a message");
    assert!(status.starts_with("Exported the canvas"), "{status}");
    // The message is on screen, in the status bar.
    assert!(h.query_by_label_contains("Exported the canvas").is_some());
    if let Ok(keep) = std::env::var("JOURNEY_DESIGNER_KEEP_PICTURE") {
        std::fs::copy(&path, keep).expect("kept");
    }
}

#[test]
fn s12_the_ab_table_shows_rates_and_the_verdict_of_the_report() {
    let mut j = crate::store::parse(include_str!(
        "../../../../assets/renewal-live-edit.journey.ron"
    ))
    .expect("the template parses");
    j.scenario.customers = 4000;
    let expected = headless(&j);
    let ab = expected
        .ab_tests
        .first()
        .expect("the template has an A/B test");
    let mut h = harness(j);
    press_run(&mut h);
    h.get_by_label("Analytics").click();
    h.run();
    h.get_by_label(&crate::ui::analytics::tables::verdict(ab));
    for v in &ab.variants {
        h.get_by_label(&v.name);
        assert!(h.query_all_by_label(&count(v.assigned)).next().is_some());
        assert!(h.query_all_by_label(&percent(v.rate)).next().is_some());
    }
    // Two versions: the steps can be shown per version.
    // The analytics scroll: bring the filter into view, as a user would.
    h.get_by_label("version 2").scroll_to_me();
    h.run();
    h.get_by_label("version 2").click();
    h.run();
    assert_eq!(
        h.state().run.filter,
        crate::ui::analytics::VersionFilter::One(2)
    );
}
