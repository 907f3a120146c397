//! The report's figures as HTML: the summary cards, the reconciliation,
//! the per-step table, the A/B results and the channel results, in the
//! words of the window's analytics.

use std::fmt::Write;

use super::reconcile::Reconciliation;
use super::text::{count, escape, percent, when};
use crate::sim::{AbReport, Report};

/// What a channel's "Converted" counts (the analytics say the same).
pub const CHANNEL_NOTE: &str = "Converted: entries that converted at or after their first \
     message on the channel. A customer who got messages on several channels counts on each, \
     so the channels do not add up to the goal's conversions.";

/// A table with a header row; every cell is escaped, and columns after the
/// first are numbers (right-aligned).
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table><thead><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn card(out: &mut String, title: &str, value: &str, class: &str, note: &str) {
    let _ = write!(
        out,
        r#"<div class="tile {class}"><div class="tile-title">{}</div><div class="tile-value">{}</div><div class="tile-note">{}</div></div>"#,
        escape(title),
        escape(value),
        escape(note)
    );
}

/// The summary cards: arrivals, outcomes and the goal.
pub fn summary_html(report: &Report) -> String {
    let a = &report.arrivals;
    let o = &report.outcomes;
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    let mut out = String::from(r#"<div class="tiles">"#);
    for (title, n, class) in [
        ("Arrived", a.arrived, ""),
        ("Entered", a.entered, "entered"),
        ("Excluded at start", a.excluded, "weak"),
        ("Finished the journey", o.completed, "completed"),
        ("Left: suppressed", suppressed, "suppressed"),
        ("Left: exit trigger", exit_trigger, "exit"),
        ("Left: stopped", o.stopped, "stopped"),
        ("Still in progress", o.in_progress, "now"),
    ] {
        card(&mut out, title, &count(n), class, "");
    }
    if o.held_out > 0 {
        card(
            &mut out,
            "Held out",
            &count(o.held_out),
            "weak",
            "no messages",
        );
    }
    goal_cards(&mut out, report);
    out.push_str("</div>");
    out
}

fn goal_cards(out: &mut String, report: &Report) {
    let Some(goal) = &report.goal else {
        card(out, "Goal", "none", "weak", "no goal set");
        return;
    };
    let (class, verdict) = match goal.met {
        Some(true) => ("completed", "met"),
        Some(false) => ("stopped", "not met"),
        None => ("", "no target"),
    };
    let note = goal.target_percent.map_or_else(
        || verdict.to_owned(),
        |t| format!("target {} % · {verdict}", crate::model::trim_float(t)),
    );
    card(out, "Goal rate", &percent(goal.rate), class, &note);
    card(
        out,
        "Converted",
        &count(goal.converted),
        class,
        &format!("performed “{}”", goal.trigger),
    );
}

/// The reconciliation: two tables whose parts add up to their totals.
pub fn reconciliation_html(rec: &Reconciliation) -> String {
    let mut out = String::from(r#"<div class="columns">"#);
    for rows in [&rec.arrivals, &rec.entries] {
        out.push_str(r#"<table class="reconcile"><tbody>"#);
        for r in rows {
            let class = if r.depth == 0 { "total" } else { "part" };
            let _ = write!(
                out,
                r#"<tr class="{class}"><td>{}</td><td>{}</td></tr>"#,
                escape(&r.label),
                count(r.value)
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</div>");
    if !rec.adds_up() {
        out.push_str(r#"<p class="warn">These figures do not add up: please report this.</p>"#);
    }
    out
}

/// The per-step table, with the version in front when there are several.
pub fn steps_html(report: &Report) -> String {
    let several = report.versions.len() > 1;
    let rows: Vec<Vec<String>> = report
        .steps
        .iter()
        .map(|s| {
            let name = if several {
                format!("Version {} · {}", s.version, s.name)
            } else {
                s.name.clone()
            };
            vec![
                name,
                count(s.reached),
                count(s.completed),
                count(s.exited.suppressed),
                count(s.exited.exit_trigger),
                count(s.exited.stopped),
                count(s.in_progress),
                count(s.messages.sent),
            ]
        })
        .collect();
    table(
        &[
            "Step",
            "Reached",
            "Moved on",
            "Left: suppressed",
            "Left: exit trigger",
            "Left: stopped",
            "Still here",
            "Messages sent",
        ],
        &rows,
    )
}

/// The name of step `step` of version `version` in the report.
fn step_name(report: &Report, version: u32, step: crate::model::StepId) -> String {
    report
        .steps
        .iter()
        .find(|s| s.version == version && s.id == step)
        .map_or_else(|| format!("step {step}"), |s| s.name.clone())
}

/// The verdict of an A/B test in words.
pub fn verdict(ab: &AbReport) -> String {
    let at = ab.decided_at.map_or_else(
        || "at the end of the run".to_owned(),
        |at| format!("decided {}", when(at)),
    );
    match &ab.winner {
        Some(w) => format!("Winner: {w} (p = {:.4}), {at}", ab.p_value),
        None => format!(
            "Inconclusive (p = {:.4}): no significant difference at 95 %, {at}",
            ab.p_value
        ),
    }
}

/// Each A/B test: its variants' rates and the verdict; a sentence when there is none.
pub fn ab_html(report: &Report) -> String {
    if report.ab_tests.is_empty() {
        return "<p>This journey has no A/B test.</p>".to_owned();
    }
    let mut out = String::new();
    for ab in &report.ab_tests {
        let _ = write!(
            out,
            "<h3>{}</h3>",
            escape(&step_name(report, ab.version, ab.step))
        );
        let rows: Vec<Vec<String>> = ab
            .variants
            .iter()
            .map(|v| {
                let name = if ab.winner.as_deref() == Some(v.name.as_str()) {
                    format!("{} (winner)", v.name)
                } else {
                    v.name.clone()
                };
                vec![
                    name,
                    count(v.assigned),
                    count(v.converted),
                    percent(v.rate),
                    format!("{} – {}", percent(v.ci95[0]), percent(v.ci95[1])),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Variant", "Assigned", "Converted", "Rate", "95 % interval"],
            &rows,
        ));
        let _ = write!(out, r#"<p class="verdict">{}</p>"#, escape(&verdict(ab)));
    }
    out
}

fn channel_label(json_name: &str) -> String {
    match json_name {
        "Sms" => "SMS".to_owned(),
        other => other.strip_prefix("Custom:").unwrap_or(other).to_owned(),
    }
}

/// Messages per channel, then each channel-optimization step.
pub fn channels_html(report: &Report) -> String {
    if report.channels.is_empty() {
        return "<p>No messages were sent.</p>".to_owned();
    }
    let rows: Vec<Vec<String>> = report
        .channels
        .iter()
        .map(|c| {
            let mut row = vec![channel_label(&c.channel)];
            row.extend(
                [
                    c.sent,
                    c.delivered,
                    c.opened,
                    c.clicked,
                    c.converted,
                    c.skipped,
                    c.capped,
                ]
                .map(count),
            );
            row
        })
        .collect();
    let mut out = table(
        &[
            "Channel",
            "Sent",
            "Delivered",
            "Opened",
            "Clicked",
            "Converted",
            "Skipped (quiet hours)",
            "Capped",
        ],
        &rows,
    );
    let _ = write!(out, r#"<p class="note">{}</p>"#, escape(CHANNEL_NOTE));
    for co in &report.channel_optimization {
        let _ = write!(
            out,
            "<h3>Channel optimization: {}</h3>",
            escape(&step_name(report, co.version, co.step))
        );
        let rows: Vec<Vec<String>> = co
            .channels
            .iter()
            .map(|c| {
                let mut name = channel_label(&c.channel);
                if co.best.as_deref() == Some(c.channel.as_str()) {
                    name.push_str(" (best)");
                }
                vec![
                    name,
                    count(c.sent),
                    count(c.clicked),
                    count(c.converted),
                    percent(c.rate),
                ]
            })
            .collect();
        out.push_str(&table(
            &["Channel", "Sent", "Clicked", "Converted", "Rate"],
            &rows,
        ));
    }
    out
}
