//! The self-contained HTML report of a run, to hand to a stakeholder: one
//! file with its style and pictures inline (SVG), no scripts and no
//! network. `simulate FILE --html OUT.html` and the window's
//! *Export → Report (HTML)…* write it. See assets/docs/format.md.

use std::fmt::Write;

use super::drawing::{ARROW_DEFS, journey_svg};
use super::reconcile::reconcile;
use super::rules::{rules_html, scenario_html};
use super::svg::{Series, line_chart};
use super::tables::{ab_html, channels_html, reconciliation_html, steps_html, summary_html};
use super::text::{count, escape, when};
use crate::model::{Instant, Journey};
use crate::sim::Report;

/// The page's style sheet, inlined.
const STYLE: &str = include_str!("style.css");

/// The report of `report`, a run of `journey`, written at `written`.
pub fn report_html(journey: &Journey, report: &Report, written: Instant) -> String {
    let mut page = String::with_capacity(64 * 1024);
    let title = escape(&journey.name);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} · simulation report</title><style>{STYLE}</style></head><body>{ARROW_DEFS}<main>"
    );
    header(&mut page, journey, written);
    section(&mut page, "The scenario", &scenario_html(journey, report));
    section(&mut page, "Summary", &summary_html(report));
    section(
        &mut page,
        "The journey with its counts",
        &canvases(journey, report),
    );
    section(&mut page, "Over time", &charts(report));
    section(
        &mut page,
        "Where everyone went",
        &reconciliation_html(&reconcile(report)),
    );
    section(&mut page, "Steps", &steps_html(report));
    section(&mut page, "A/B tests", &ab_html(report));
    section(&mut page, "Channels", &channels_html(report));
    if report.versions.len() > 1 {
        section(&mut page, "Versions", &versions_html(report));
    }
    section(&mut page, "Rules in force", &rules_html(journey));
    page.push_str(
        "<footer>Simulated figures: what the journey's scenario predicts, not measured results. \
         Written by Journey Designer.</footer></main></body></html>\n",
    );
    page
}

fn header(page: &mut String, journey: &Journey, written: Instant) {
    let _ = write!(page, "<h1>{}</h1>", escape(&journey.name));
    if !journey.description.is_empty() {
        let _ = write!(
            page,
            r#"<p class="description">{}</p>"#,
            escape(&journey.description)
        );
    }
    let _ = write!(
        page,
        r#"<p class="written">Simulation report written {}</p>"#,
        escape(&when(written))
    );
}

fn section(page: &mut String, heading: &str, body: &str) {
    let _ = write!(
        page,
        "<section><h2>{}</h2>{body}</section>",
        escape(heading)
    );
}

/// One drawing per simulated version, the Start card's arrivals on the
/// first (they are the whole run's).
fn canvases(journey: &Journey, report: &Report) -> String {
    let mut out = String::from(
        r#"<p class="note">Under each step: the customers who reached it over the whole run and their share of those who reached the step before; on each connection, the customers who took it.</p>"#,
    );
    let several = report.versions.len() > 1;
    for (i, v) in report.versions.iter().enumerate() {
        if several {
            let _ = write!(
                out,
                "<h3>Version {} · {} entered</h3>",
                v.version,
                count(v.entered)
            );
        }
        let parts = journey_svg(journey, report, v.version, i == 0);
        let n = parts.len();
        for (k, svg) in parts.iter().enumerate() {
            if n > 1 {
                let _ = write!(
                    out,
                    r#"<p class="part">Part {} of {n}{}</p>"#,
                    k + 1,
                    if k + 1 < n { " · continues below" } else { "" }
                );
            }
            let _ = write!(out, r#"<div class="scroll">{svg}</div>"#);
        }
    }
    out
}

/// Customers in progress over time, and conversions so far.
fn charts(report: &Report) -> String {
    let times: Vec<Instant> = report.timeline.iter().map(|r| r.at).collect();
    let in_progress: Vec<u64> = report.timeline.iter().map(|r| r.in_progress).collect();
    let conversions = &report.occupancy.conversions;
    let mut out = String::from("<h3>Customers in the journey</h3>");
    out.push_str(&line_chart(
        &times,
        &[Series {
            label: "In progress",
            colour: "#3182ce",
            values: &in_progress,
        }],
    ));
    out.push_str("<h3>Conversions so far</h3>");
    out.push_str(&line_chart(
        &times,
        &[Series {
            label: "Conversions (goal performed)",
            colour: "#2f855a",
            values: conversions,
        }],
    ));
    out
}

fn versions_html(report: &Report) -> String {
    let rows: Vec<Vec<String>> = report
        .versions
        .iter()
        .map(|v| {
            vec![
                format!("Version {}", v.version),
                count(v.entered),
                count(v.completed),
                count(v.stopped),
            ]
        })
        .collect();
    super::tables::table(
        &[
            "Version",
            "Entered",
            "Finished the journey",
            "Left: stopped",
        ],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written() -> Instant {
        chrono::DateTime::parse_from_rfc3339("2026-12-02T05:00:00Z")
            .expect("instant")
            .to_utc()
    }

    /// Every `src="…"` and `href="…"` value of the page.
    fn links(page: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for attr in ["src=", "href="] {
            for (at, _) in page.match_indices(attr) {
                let rest = &page[at + attr.len()..];
                let quote = rest.chars().next().unwrap_or(' ');
                let value = if quote == '"' || quote == '\'' {
                    rest[1..].split(quote).next().unwrap_or("")
                } else {
                    rest.split([' ', '>']).next().unwrap_or("")
                };
                out.push(value);
            }
        }
        out
    }

    #[test]
    fn the_report_of_every_template_is_self_contained_and_names_the_journey() {
        for t in crate::templates::TEMPLATES {
            let j = t.journey().expect("loads");
            let options = crate::sim::SimOptions {
                customers: Some(2000),
                ..Default::default()
            };
            let r = crate::sim::simulate(&j, &options).expect("simulates");
            let page = report_html(&j, &r, written());
            assert!(
                page.contains(&escape(&j.name)),
                "{}: names the journey",
                t.title
            );
            assert!(page.contains("<svg"), "{}: has pictures", t.title);
            for link in links(&page) {
                let lower = link.to_ascii_lowercase();
                assert!(
                    !lower.starts_with("http://")
                        && !lower.starts_with("https://")
                        && !lower.starts_with("//"),
                    "{}: links to the network: {link}",
                    t.title
                );
            }
            for row in reconcile(&r).arrivals.iter().chain(&reconcile(&r).entries) {
                assert!(
                    page.contains(&escape(&row.label)),
                    "{}: {}",
                    t.title,
                    row.label
                );
            }
            assert!(
                page.contains("2,000 "),
                "{}: the customers in words",
                t.title
            );
            for s in r.steps.iter().filter(|s| s.version == 1) {
                assert!(
                    page.contains(&escape(&s.name)),
                    "{}: step {}",
                    t.title,
                    s.name
                );
            }
        }
    }

    #[test]
    fn the_report_speaks_no_rule_codes() {
        for t in crate::templates::TEMPLATES {
            let j = t.journey().expect("loads");
            let options = crate::sim::SimOptions {
                customers: Some(300),
                ..Default::default()
            };
            let r = crate::sim::simulate(&j, &options).expect("simulates");
            let page = report_html(&j, &r, written());
            for n in 1..=25 {
                let code = format!("S{n}");
                let found = page.match_indices(&code).any(|(at, _)| {
                    let before = page[..at].chars().next_back().unwrap_or(' ');
                    let after = page[at + code.len()..].chars().next().unwrap_or(' ');
                    !before.is_alphanumeric() && !after.is_ascii_digit() && !after.is_alphabetic()
                });
                assert!(!found, "{}: the page says {code}", t.title);
            }
        }
    }
}
