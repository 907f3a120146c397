//! What a card says about its step, in the marketer's words. No egui here.

use crate::model::{Action, Event, Journey, Span, Step, StepId, Version, trim_float};

/// The one-line summary under a card's name, e.g. "Email · welcome",
/// "Wait 2 days", "If 'Welcome email' opened within 3 days",
/// "A/B: Email 50% · Push 50%".
pub fn summary(step: &Step, version: &Version) -> String {
    match &step.action {
        Action::Message {
            channel, content, ..
        } => {
            if content.is_empty() {
                channel.label()
            } else {
                format!("{} · {content}", channel.label())
            }
        }
        Action::Wait { span, .. } => format!("Wait {}", span.describe()),
        Action::WaitUntil { instant, .. } => {
            format!("Wait until {}", instant.format("%-d %b %Y %H:%M"))
        }
        Action::WaitUntilTime { time, weekdays, .. } => {
            if weekdays.is_empty() {
                format!("until {time} local")
            } else {
                format!(
                    "until {time} local, {}",
                    crate::model::Weekday::describe(weekdays)
                )
            }
        }
        Action::Branch { rules, .. } => {
            let rules: Vec<String> = rules.iter().map(|r| r.when.describe()).collect();
            if rules.is_empty() {
                "Everyone: otherwise".to_owned()
            } else {
                format!("Split: {} · otherwise", rules.join(" · "))
            }
        }
        Action::IfThen { event, within, .. } => if_then(event, *within, version),
        Action::AbTest { variants, .. } => {
            let parts: Vec<String> = variants
                .iter()
                .map(|v| format!("{} {}%", v.name, trim_float(v.percent)))
                .collect();
            format!("A/B: {}", parts.join(" · "))
        }
        Action::ChannelOptimization { channels, .. } => {
            let names: Vec<String> = channels.iter().map(crate::model::Channel::label).collect();
            format!("Best of {}", names.join(" · "))
        }
    }
}

/// "If 'Welcome email' opened within 3 days", "If purchased within 1 day".
fn if_then(event: &Event, within: Span, version: &Version) -> String {
    let name = |id: &StepId| {
        version
            .steps
            .get(id)
            .map_or_else(|| format!("step {id}"), |s| format!("'{}'", s.name))
    };
    let what = match event {
        Event::Trigger(t) => format!("{t} happens"),
        Event::JoinedSegment(s) => format!("joins {s}"),
        Event::Delivered(id) => format!("{} delivered", name(id)),
        Event::Opened(id) => format!("{} opened", name(id)),
        Event::Clicked(id) => format!("{} clicked", name(id)),
    };
    format!("If {what} within {}", within.describe())
}

/// The Start card's lines: who enters, and who is kept out.
pub fn start_lines(journey: &Journey) -> (String, Option<String>) {
    let who = match &journey.start.audience {
        crate::model::Audience::Segment(s) => format!("Segment: {s}"),
        crate::model::Audience::Trigger(t) => format!("When: {t}"),
    };
    let excluded = (!journey.start.exclude_segments.is_empty())
        .then(|| format!("Except: {}", journey.start.exclude_segments.join(", ")));
    (who, excluded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn welcome() -> Journey {
        crate::store::parse(include_str!(
            "../../../tests/fixtures/canvas-welcome.journey.ron"
        ))
        .expect("sample parses")
    }

    #[test]
    fn cards_summarise_steps_in_marketer_words() {
        let j = welcome();
        let v = &j.versions[0];
        let s = |id: u32| summary(&v.steps[&StepId(id)], v);
        assert_eq!(s(1), "Email · welcome");
        assert_eq!(s(2), "Wait 2 days");
        assert_eq!(s(3), "If 'Welcome email' opened within 3 days");
        assert_eq!(s(7), "A/B: Email 50% · Push 50%");
    }

    #[test]
    fn start_card_names_audience_and_exclusions() {
        let (who, except) = start_lines(&welcome());
        assert_eq!(who, "When: signed_up");
        assert_eq!(except.as_deref(), Some("Except: existing_customers"));
    }
}
