//! The report's words about the run and the design: the scenario (who
//! arrives, when, how long the run lasts, the random seed) and the rules in
//! force (who may enter, exit triggers, suppression segments, end date,
//! goal, holdout, quiet hours and frequency caps), as HTML lists.

use super::text::{count, escape, when};
use crate::model::{Audience, Channel, Journey, QuietAction, trim_float};
use crate::sim::Report;

/// The scenario in a sentence or two, as a paragraph.
pub fn scenario_html(journey: &Journey, report: &Report) -> String {
    let s = &journey.scenario;
    let (who, then) = match &journey.start.audience {
        Audience::Segment(seg) => (format!(" members of the segment “{seg}”"), String::new()),
        Audience::Trigger(t) => (
            String::from(" customers"),
            format!(
                " Each time one of them performs “{t}” is an arrival at the journey: {} over the run.",
                count(report.arrivals.arrived)
            ),
        ),
    };
    let arrive = if s.arrivals_over.is_zero() {
        format!("all arrive at once, on {}", when(journey.start.starts_at))
    } else {
        format!(
            "arrive over {}, from {}",
            s.arrivals_over.describe(),
            when(journey.start.starts_at)
        )
    };
    format!(
        "<p>{}{} {}.{} The run follows them for {} after the start. \
         Random seed {}: the same seed gives the same numbers.</p>",
        count(report.customers),
        escape(&who),
        escape(&arrive),
        escape(&then),
        escape(&s.horizon.describe()),
        report.seed
    )
}

/// The rules in force, one list item each.
pub fn rules_html(journey: &Journey) -> String {
    let items: Vec<String> = entry_rules(journey)
        .into_iter()
        .chain(end_rules(journey))
        .chain(goal_rules(journey))
        .chain(delivery_rules(journey))
        .collect();
    let list: String = items.iter().fold(String::new(), |list, i| {
        list + "<li>" + &escape(i) + "</li>"
    });
    format!("<ul class=\"rules\">{list}</ul>")
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn entry_rules(journey: &Journey) -> Vec<String> {
    let mut out = Vec::new();
    let start = &journey.start;
    if !start.exclude_segments.is_empty() {
        out.push(format!(
            "Excluded at start: members of {} do not enter.",
            quoted(&start.exclude_segments)
        ));
    }
    out.push(if start.reentry {
        "Customers may enter again after they leave.".to_owned()
    } else {
        "Each customer enters at most once.".to_owned()
    });
    out
}

fn end_rules(journey: &Journey) -> Vec<String> {
    let end = &journey.end;
    let mut out = Vec::new();
    if end.exit_triggers.is_empty() {
        out.push("Exit triggers: none.".to_owned());
    } else {
        out.push(format!(
            "Exit triggers: a customer who performs {} leaves the journey.",
            quoted(&end.exit_triggers)
        ));
    }
    if end.suppression_segments.is_empty() {
        out.push("Suppression segments: none.".to_owned());
    } else {
        out.push(format!(
            "Suppression segments: a customer who is or becomes a member of {} leaves the journey.",
            quoted(&end.suppression_segments)
        ));
    }
    for (i, v) in journey.versions.iter().enumerate() {
        if let Some(at) = v.stopped_at {
            out.push(format!("Version {} was stopped on {}.", i + 1, when(at)));
        }
    }
    out.push(match end.end_date {
        Some(at) => format!("End date: no one enters from {} on.", when(at)),
        None => "End date: none.".to_owned(),
    });
    out
}

fn goal_rules(journey: &Journey) -> Vec<String> {
    let mut out = vec![match &journey.goal {
        Some(g) => {
            let target = g
                .target_percent
                .map(|t| format!(", target {} %", trim_float(t)))
                .unwrap_or_default();
            format!(
                "Goal: “{}”, counted up to {} after a customer finishes the journey{target}.",
                g.trigger,
                g.attribution.describe()
            )
        }
        None => "Goal: none set.".to_owned(),
    }];
    if let Some(h) = &journey.holdout {
        out.push(format!(
            "Holdout: {} % of entries get no messages, to measure the journey's lift over {}.",
            trim_float(h.percent),
            h.measure_for.describe()
        ));
    }
    out
}

fn channels(list: &[Channel]) -> String {
    if list.is_empty() {
        "all channels".to_owned()
    } else {
        list.iter()
            .map(Channel::label)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn delivery_rules(journey: &Journey) -> Vec<String> {
    let d = &journey.delivery;
    let quiet = d.quiet_hours.iter().map(|q| {
        let then = match q.then {
            QuietAction::Hold => "held until they end",
            QuietAction::Skip => "not sent",
        };
        format!(
            "Quiet hours on {}: {} to {} local time; messages due then are {then}.",
            channels(&q.channels),
            q.from,
            q.to
        )
    });
    let caps = d.frequency_caps.iter().map(|c| {
        format!(
            "Frequency cap on {}: at most {} message{} per {}.",
            channels(&c.channels),
            c.max,
            if c.max == 1 { "" } else { "s" },
            c.per.describe()
        )
    });
    quiet.chain(caps).collect()
}
