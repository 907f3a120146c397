//! Exports of a run: the JSON report (the same text as `simulate --json`),
//! the per-step table and the hourly timeline as CSV, and the canvas with
//! its counts as PNG (`ui::canvas::picture`), and the HTML report to hand
//! over (`report::html`). Files are written atomically through the store; the
//! path comes from a save dialog, or is given (tests, scripts).

use std::path::{Path, PathBuf};

use crate::sim::Report;
use crate::ui::runner::ExportKind;

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// There is no run to export.
    #[error("Run the journey first: there is nothing to export yet.")]
    NoRun,
    /// The canvas or the HTML report was asked for as plain text.
    #[error("this export is not a plain text file")]
    NotText,
    /// The pixels do not make an image of the expected size.
    #[error("could not assemble the image")]
    Assemble,
    /// PNG encoding failed.
    #[error("could not encode the PNG: {0}")]
    Encode(#[from] image::ImageError),
    /// The file could not be written (the previous one is unchanged); the
    /// save error names the file.
    #[error(transparent)]
    Write(#[from] crate::store::SaveError),
}

/// What the save dialog offers for an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The file name, e.g. `Welcome-series-report.json`.
    pub file_name: String,
    /// The filter's name, e.g. "JSON".
    pub filter: &'static str,
    /// The filter's extension, without the dot.
    pub extension: &'static str,
}

/// The file name offered in the save dialog, and its filter.
pub fn suggestion(kind: ExportKind, journey: &str) -> Suggestion {
    let base: String = journey
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let (suffix, filter, extension) = match kind {
        ExportKind::JsonReport => ("report.json", "JSON", "json"),
        ExportKind::StepsCsv => ("steps.csv", "CSV", "csv"),
        ExportKind::TimelineCsv => ("timeline.csv", "CSV", "csv"),
        ExportKind::CanvasPng => ("canvas.png", "PNG image", "png"),
        ExportKind::HtmlReport => ("report.html", "HTML page", "html"),
    };
    Suggestion {
        file_name: format!("{base}-{suffix}"),
        filter,
        extension,
    }
}

/// Asks where to save an export (None when cancelled or there is no dialog).
pub fn pick_path(kind: ExportKind, journey: &str) -> Option<PathBuf> {
    let offer = suggestion(kind, journey);
    rfd::FileDialog::new()
        .add_filter(offer.filter, &[offer.extension])
        .set_file_name(offer.file_name)
        .save_file()
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Appends one CSV row.
fn push_row(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push('\n');
}

/// The per-step table: one row per (version, step), as in the report.
pub fn steps_csv(report: &Report) -> String {
    let mut out = String::from(
        "version,step,name,reached,completed,suppressed,exit_trigger,stopped,in_progress\n",
    );
    for s in &report.steps {
        push_row(
            &mut out,
            &[
                s.version.to_string(),
                s.id.to_string(),
                field(&s.name),
                s.reached.to_string(),
                s.completed.to_string(),
                s.exited.suppressed.to_string(),
                s.exited.exit_trigger.to_string(),
                s.exited.stopped.to_string(),
                s.in_progress.to_string(),
            ],
        );
    }
    out
}

/// The hourly timeline, with conversions so far.
pub fn timeline_csv(report: &Report) -> String {
    let mut out = String::from("at,in_progress,entered,exited,conversions_so_far\n");
    for (k, row) in report.timeline.iter().enumerate() {
        let conversions = report.occupancy.conversions.get(k).copied().unwrap_or(0);
        push_row(
            &mut out,
            &[
                row.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                row.in_progress.to_string(),
                row.entered.to_string(),
                row.exited.to_string(),
                conversions.to_string(),
            ],
        );
    }
    out
}

/// Writes a text export of `report` to `path`.
pub fn write_text(kind: ExportKind, report: &Report, path: &Path) -> Result<(), ExportError> {
    let text = match kind {
        ExportKind::JsonReport => report.to_json_string() + "\n",
        ExportKind::StepsCsv => steps_csv(report),
        ExportKind::TimelineCsv => timeline_csv(report),
        ExportKind::CanvasPng | ExportKind::HtmlReport => return Err(ExportError::NotText),
    };
    write(path, text.as_bytes())
}

/// Writes the HTML report of `report`, a run of `journey`, to `path`.
pub fn write_html(
    journey: &crate::model::Journey,
    report: &Report,
    path: &Path,
) -> Result<(), ExportError> {
    let page = crate::report::report_html(journey, report, chrono::Utc::now());
    write(path, page.as_bytes())
}

/// Writes an image (a window capture, the canvas picture) as a PNG.
pub fn write_png(image: &egui::ColorImage, path: &Path) -> Result<(), ExportError> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let buffer =
        image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or(ExportError::Assemble)?;
    let mut png = std::io::Cursor::new(Vec::new());
    buffer.write_to(&mut png, image::ImageFormat::Png)?;
    write(path, png.get_ref())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    Ok(crate::store::write_atomic(path, bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let j = crate::app::sample::sample_journey();
        let options = crate::sim::SimOptions {
            customers: Some(300),
            ..Default::default()
        };
        crate::sim::simulate(&j, &options).expect("simulates")
    }

    #[test]
    fn exports_write_the_report_the_steps_and_the_timeline() {
        let r = report();
        let dir = tempfile::tempdir().expect("temp dir");
        let json = dir.path().join("r.json");
        write_text(ExportKind::JsonReport, &r, &json).expect("writes");
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).expect("reads")).expect("json");
        assert_eq!(value, r.to_json_value());

        let steps = steps_csv(&r);
        assert_eq!(steps.lines().count(), r.steps.len() + 1);
        let first = &r.steps[0];
        assert!(
            steps
                .lines()
                .nth(1)
                .expect("row")
                .starts_with(&format!("1,{},{},{}", first.id, first.name, first.reached))
        );
        let timeline = timeline_csv(&r);
        assert_eq!(timeline.lines().count(), r.timeline.len() + 1);
        assert!(
            timeline
                .lines()
                .nth(1)
                .expect("row")
                .starts_with("2026-03-02T09:00:00Z,")
        );
    }

    #[test]
    fn csv_fields_with_commas_are_quoted() {
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }

    #[test]
    fn an_image_becomes_a_png_of_its_size() {
        let image = egui::ColorImage::new([20, 10], vec![egui::Color32::RED; 200]);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.png");
        write_png(&image, &path).expect("writes");
        let read = image::open(&path).expect("opens").to_rgba8();
        assert_eq!(read.dimensions(), (20, 10));
    }
}
