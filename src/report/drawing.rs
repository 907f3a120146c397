//! The journey drawn as SVG for the HTML report, in the light theme: the
//! cards where the canvas puts them ([`super::layout`]), their names and
//! what they do, the connections, and under each card the counts at the
//! end of the run ([`super::counts`]): reached, the share of the step
//! before, messages sent or held, who left there; on each connection the
//! customers who took it; on the Start card who arrived and entered.

use std::fmt::Write;

use super::counts::{CardCounts, card_counts};
use super::layout::{self, Box2, END_OFFSET};
use super::text::{count, escape, share};
use crate::model::{ActionKind, Journey, Step, StepId, Version};
use crate::sim::Report;
use crate::ui::canvas::summary::{start_lines, summary};

/// Height of one line of counts under a card.
const LINE: f32 = 16.0;
/// Space around the drawing.
const MARGIN: f32 = 28.0;
/// Average width of a character of the 12-unit text (to size label backgrounds).
const CHAR_WIDTH: f32 = 6.6;

/// The widest part of the drawing, in canvas units: a wider journey is cut
/// between its columns into parts drawn one under the other, so every
/// name stays readable at its size.
pub const PART_WIDTH: f32 = 1200.0;

/// The drawing of version `version` (1-based) with its counts, in parts
/// (see [`PART_WIDTH`]); `entry` adds the whole run's arrivals to the Start
/// card. The connections' arrowheads use the marker [`ARROW_DEFS`] defines.
pub fn journey_svg(journey: &Journey, report: &Report, version: u32, entry: bool) -> Vec<String> {
    let Some(v) = version
        .checked_sub(1)
        .and_then(|i| journey.versions.get(i as usize))
    else {
        return Vec::new();
    };
    let counts = card_counts(report, version);
    let mut cards = String::new();
    let mut areas = Vec::new();
    for (id, step, b) in layout::cards(v) {
        let lines = card_lines(id, step, &counts);
        card(&mut cards, step, v, &b, &lines);
        areas.push(grown(&b, &lines));
    }
    let start = start_card_lines(report, &counts, entry);
    start_card(&mut cards, journey, v, &start);
    areas.push(grown(&layout::start_box(v), &start));
    let (wires, labels) = connections(v, &counts, &mut areas);
    let body = format!("{wires}{cards}{labels}");
    let found = super::parts::parts(&areas, PART_WIDTH);
    let last = found.len().saturating_sub(1);
    found
        .iter()
        .enumerate()
        .map(|(k, part)| wrap(&body, part, k == 0, k == last))
        .collect()
}

/// The arrowhead marker of the connections, defined once per page.
pub const ARROW_DEFS: &str = r##"<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a6"/></marker></defs></svg>"##;

/// The width `text` takes in the 12-unit type.
fn text_width(text: &str) -> f32 {
    CHAR_WIDTH * text.chars().count() as f32
}

/// A card with its lines of counts below it (which may be wider than the card).
fn grown(card: &Box2, lines: &[String]) -> Box2 {
    let widest = lines
        .iter()
        .map(|l| text_width(l) + 4.0)
        .fold(card.w, f32::max);
    Box2 {
        w: widest,
        h: card.h + 8.0 + LINE * lines.len() as f32,
        ..*card
    }
}

/// One part of the drawing; the margin is left out at a cut, so a part never
/// shows a sliver of the next.
fn wrap(body: &str, part: &Box2, first: bool, last: bool) -> String {
    let left = if first { MARGIN } else { 4.0 };
    let right = if last { MARGIN } else { 0.0 };
    let (x0, y0) = (part.x - left, part.y - MARGIN);
    let (width, height) = (part.w + left + right, part.h + 2.0 * MARGIN);
    format!(
        r#"<svg class="canvas" viewBox="{x0:.0} {y0:.0} {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="img">{body}</svg>"#
    )
}

/// The accent colour of a kind of step (as the canvas's light theme).
fn accent(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Message | ActionKind::ChannelOptimization => "#2b6cb0",
        ActionKind::Wait | ActionKind::WaitUntil | ActionKind::WaitUntilTime => "#b7791f",
        ActionKind::Branch | ActionKind::IfThen => "#6b46c1",
        ActionKind::AbTest => "#c05621",
    }
}

/// `text` cut to `chars` characters with an ellipsis.
fn fit(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn card(out: &mut String, step: &Step, version: &Version, b: &Box2, lines: &[String]) {
    let colour = accent(step.action.kind());
    let _ = write!(
        out,
        r#"<g class="card"><title>{}</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="7" class="card-box"/><rect x="{:.1}" y="{:.1}" width="5" height="{:.1}" rx="2" fill="{colour}"/>"#,
        escape(&step.name),
        b.x,
        b.y,
        b.w,
        b.h,
        b.x,
        b.y,
        b.h
    );
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" class="card-name">{}</text><text x="{:.1}" y="{:.1}" class="card-kind">{}</text><text x="{:.1}" y="{:.1}" class="card-summary">{}</text></g>"#,
        b.x + 12.0,
        b.y + 21.0,
        escape(&fit(&step.name, 20)),
        b.x + 12.0,
        b.y + 38.0,
        escape(step.action.kind().label()),
        b.x + 12.0,
        b.y + 54.0,
        escape(&fit(&summary(step, version), 24)),
    );
    count_lines(out, b, lines);
}

/// The lines of counts under a card: the first bold.
fn count_lines(out: &mut String, b: &Box2, lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        let class = if i == 0 { "count-main" } else { "count" };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" class="{class}">{}</text>"#,
            b.x + 2.0,
            b.bottom() + 4.0 + LINE * (i as f32 + 0.8),
            escape(line)
        );
    }
}

/// Reached and share; messages sent, held, skipped, capped; on a step
/// with several outputs, who took each; who left here.
fn card_lines(id: StepId, step: &Step, counts: &CardCounts<'_>) -> Vec<String> {
    let Some(s) = counts.steps.get(&id) else {
        return Vec::new();
    };
    let mut lines = vec![match counts.shares.get(&id) {
        Some(p) => format!("{} reached · {}", count(s.reached), share(*p)),
        None => format!("{} reached", count(s.reached)),
    }];
    let m = &s.messages;
    let sent: Vec<String> = [
        (m.sent, "sent"),
        (m.held, "held"),
        (m.skipped, "skipped"),
        (m.capped, "capped"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{} {what}", count(n)))
    .collect();
    if matches!(
        step.action.kind(),
        ActionKind::Message | ActionKind::ChannelOptimization
    ) {
        lines.extend(sent.chunks(2).map(|pair| pair.join(" · ")));
    }
    let outputs = step.action.outputs();
    if outputs.len() > 1 {
        for (i, o) in outputs.iter().enumerate() {
            let n = counts.passes.get(&(id, i)).copied().unwrap_or(0);
            lines.push(match counts.output_shares.get(&(id, i)) {
                Some(p) => format!("{}: {} ({})", fit(&o.label, 14), count(n), share(*p)),
                None => format!("{}: {}", fit(&o.label, 14), count(n)),
            });
        }
    }
    let e = &s.exited;
    for (n, why) in [
        (e.suppressed, "suppressed"),
        (e.exit_trigger, "exit trigger"),
        (e.stopped, "stopped"),
    ] {
        if n > 0 {
            lines.push(format!("{} left: {why}", count(n)));
        }
    }
    lines
}

/// The connections (under the cards) and their count labels (over them):
/// each label goes at the first place along its curve that covers no card,
/// count or other label. Adds the labels' and End markers' areas.
fn connections(v: &Version, counts: &CardCounts<'_>, areas: &mut Vec<Box2>) -> (String, String) {
    let boxes: std::collections::HashMap<StepId, Box2> = layout::cards(v)
        .into_iter()
        .map(|(id, _, b)| (id, b))
        .collect();
    let (mut wires, mut labels) = (String::new(), String::new());
    for (id, step, b) in layout::cards(v) {
        let outputs = step.action.outputs();
        for (i, o) in outputs.iter().enumerate() {
            let from = layout::output_port(&b, i, outputs.len());
            let Some(target) = o.target.and_then(|t| boxes.get(&t)) else {
                let finished = counts.passes.get(&(id, i)).copied();
                areas.push(end_marker(&mut labels, from, finished));
                continue;
            };
            let c = layout::curve(from, layout::input_port(target));
            let _ = write!(
                wires,
                r#"<path d="M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" class="wire" marker-end="url(#arrow)"/>"#,
                c[0].0, c[0].1, c[1].0, c[1].1, c[2].0, c[2].1, c[3].0, c[3].1
            );
            // A step with several outputs names them in its counts; the wire
            // shows the number, which finds its line there.
            let text = count(counts.passes.get(&(id, i)).copied().unwrap_or(0));
            let at = free_place(&c, text_width(&text) + 10.0, areas);
            areas.push(label(&mut labels, at, &text));
        }
    }
    (wires, labels)
}

/// Where along the curve a label of width `w` covers nothing in `taken`
/// (the middle when no place is free).
fn free_place(c: &[(f32, f32); 4], w: f32, taken: &[Box2]) -> (f32, f32) {
    const TRIES: [f32; 9] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];
    let overlaps = |a: &Box2, b: &Box2| {
        a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
    };
    TRIES
        .iter()
        .map(|t| layout::curve_point(c, *t))
        .find(|p| {
            let spot = Box2 {
                x: p.0 - w / 2.0,
                y: p.1 - 9.0,
                w,
                h: 17.0,
            };
            !taken.iter().any(|t| overlaps(t, &spot))
        })
        .unwrap_or_else(|| layout::curve_point(c, 0.5))
}

/// A label on a white background, centred at `at`; returns where it is.
fn label(out: &mut String, at: (f32, f32), text: &str) -> Box2 {
    let w = text_width(text) + 10.0;
    let _ = write!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="17" rx="8" class="edge-box"/><text x="{:.1}" y="{:.1}" class="edge" text-anchor="middle">{}</text>"#,
        at.0 - w / 2.0,
        at.1 - 9.0,
        at.0,
        at.1 + 4.0,
        escape(text)
    );
    Box2 {
        x: at.0 - w / 2.0,
        y: at.1 - 9.0,
        w,
        h: 17.0,
    }
}

/// The End of a path: a dot right of the port, with who finished there.
fn end_marker(out: &mut String, from: (f32, f32), finished: Option<u64>) -> Box2 {
    let (x, y) = (from.0 + END_OFFSET, from.1);
    let text = finished.map_or_else(
        || "End".to_owned(),
        |n| format!("End · {} finished", count(n)),
    );
    let _ = write!(
        out,
        r#"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" class="wire"/><circle cx="{x:.1}" cy="{y:.1}" r="6" class="end"/><text x="{:.1}" y="{:.1}" class="edge">{}</text>"#,
        from.0,
        x - 6.0,
        x + 10.0,
        y + 4.0,
        escape(&text)
    );
    // It starts inside its card, so a cut never parts them.
    Box2 {
        x: from.0 - 2.0,
        y: y - 10.0,
        w: END_OFFSET + 18.0 + text_width(&text),
        h: 20.0,
    }
}

/// The Start card's counts: who arrived and entered, and what happened at the door.
fn start_card_lines(report: &Report, counts: &CardCounts<'_>, entry: bool) -> Vec<String> {
    if !entry {
        return vec![format!("{} entered this version", count(counts.entered))];
    }
    let a = &report.arrivals;
    let rec = super::reconcile::reconcile(report);
    let at_entry = |starts: &str| {
        rec.entries
            .iter()
            .find(|r| r.label.starts_with(starts) && r.label.ends_with("at entry"))
            .map_or(0, |r| r.value)
    };
    let mut lines = vec![
        format!("{} arrived", count(a.arrived)),
        format!("{} entered", count(a.entered)),
    ];
    for (n, what) in [
        (a.excluded, "excluded at start"),
        (a.not_reentered, "not let in again"),
        (a.after_end_date, "after the end date"),
        (a.after_stop, "after the stop"),
        (
            at_entry("Left because of a suppression"),
            "left: suppressed at entry",
        ),
        (
            at_entry("Left because of an exit trigger"),
            "left: exit trigger at entry",
        ),
        (report.outcomes.held_out, "held out (no messages)"),
    ] {
        if n > 0 {
            lines.push(format!("{} {what}", count(n)));
        }
    }
    lines
}

fn start_card(out: &mut String, journey: &Journey, v: &Version, lines: &[String]) {
    let b = layout::start_box(v);
    let (who, except) = start_lines(journey);
    let _ = write!(
        out,
        r#"<g class="card"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="7" class="start-box"/><text x="{:.1}" y="{:.1}" class="card-name">Start</text><text x="{:.1}" y="{:.1}" class="card-summary">{}</text><text x="{:.1}" y="{:.1}" class="card-summary">{}</text></g>"#,
        b.x,
        b.y,
        b.w,
        b.h,
        b.x + 12.0,
        b.y + 21.0,
        b.x + 12.0,
        b.y + 38.0,
        escape(&fit(&who, 24)),
        b.x + 12.0,
        b.y + 54.0,
        escape(&fit(&except.unwrap_or_default(), 24)),
    );
    let port = layout::output_port(&b, 0, 1);
    let Some(first) = v.steps.get(&v.first_step) else {
        count_lines(out, &b, lines);
        return;
    };
    let c = layout::curve(port, layout::input_port(&layout::card_box(first)));
    let _ = write!(
        out,
        r#"<path d="M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" class="wire" marker-end="url(#arrow)"/>"#,
        c[0].0, c[0].1, c[1].0, c[1].1, c[2].0, c[2].1, c[3].0, c[3].1
    );
    count_lines(out, &b, lines);
}
