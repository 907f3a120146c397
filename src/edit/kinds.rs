//! A step's name that follows its settings ("Wait 1 day" becomes "Wait 4
//! days") until the user renames it, and changing a step's kind in place.

use super::ops::default_action;
use crate::model::{Action, ActionKind, Event, Step, StepId};

/// The name a step of these settings is given when it is added, e.g.
/// "Wait 1 day", "SMS", "If opened".
pub fn auto_name(action: &Action) -> String {
    match action {
        Action::Message { channel, .. } => channel.label(),
        Action::Wait { span, .. } => format!("Wait {span}"),
        Action::WaitUntil { .. } => "Wait until".to_owned(),
        Action::WaitUntilTime { time, .. } => format!("Wait until {time}"),
        Action::Branch { .. } => "Branch".to_owned(),
        Action::IfThen { event, .. } => match event {
            Event::Opened(_) => "If opened".to_owned(),
            Event::Clicked(_) => "If clicked".to_owned(),
            Event::Delivered(_) => "If delivered".to_owned(),
            Event::Trigger(name) => format!("If {name}"),
            Event::JoinedSegment(name) => format!("If joined {name}"),
        },
        Action::AbTest { .. } => "A/B test".to_owned(),
        Action::ChannelOptimization { .. } => "Best channel".to_owned(),
    }
}

/// `new` with its name following its settings, when `old`'s name was still
/// the one its settings gave it (the user has not renamed it).
pub fn follow_auto_name(old: &Step, mut new: Step) -> Step {
    if new.name == old.name && old.name == auto_name(&old.action) {
        new.name = auto_name(&new.action);
    }
    new
}

/// `step` made a step of `kind`: its name (unless it was the automatic one)
/// and position stay, its connections stay in output order where the new
/// kind has room for them, and a message's channel and content carry over
/// to channel optimization and back. `last_message` is what a new if/then
/// waits for.
pub fn with_kind(step: &Step, kind: ActionKind, last_message: Option<StepId>) -> Step {
    if step.action.kind() == kind {
        return step.clone();
    }
    let mut action = default_action(kind, last_message);
    let targets: Vec<Option<StepId>> = step.action.outputs().iter().map(|o| o.target).collect();
    for (i, target) in targets.into_iter().enumerate() {
        if let Some(slot) = action.output_mut(i) {
            *slot = target;
        }
    }
    match (&step.action, &mut action) {
        (
            Action::Message {
                channel, content, ..
            },
            Action::ChannelOptimization {
                channels,
                content: new_content,
                ..
            },
        ) => {
            channels.retain(|c| c != channel);
            channels.insert(0, channel.clone());
            new_content.clone_from(content);
        }
        (
            Action::ChannelOptimization {
                channels, content, ..
            },
            Action::Message {
                channel,
                content: new_content,
                ..
            },
        ) => {
            if let Some(first) = channels.first() {
                channel.clone_from(first);
            }
            new_content.clone_from(content);
        }
        _ => {}
    }
    let name = if step.name == auto_name(&step.action) {
        auto_name(&action)
    } else {
        step.name.clone()
    };
    Step {
        name,
        at: step.at,
        action,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::default_step;
    use crate::model::{Channel, Span};

    /// Every kind's new step carries the automatic name of its settings.
    #[test]
    fn new_steps_are_named_by_their_settings() {
        for kind in ActionKind::ALL {
            for last in [None, Some(StepId(1))] {
                let step = default_step(kind, (0.0, 0.0), last);
                assert_eq!(step.name, auto_name(&step.action), "{kind:?}");
            }
        }
    }

    /// Issue 11: "Wait 1 day" follows its span until the user renames it.
    #[test]
    fn an_automatic_name_follows_its_settings_until_renamed() {
        let old = default_step(ActionKind::Wait, (0.0, 0.0), None);
        let mut new = old.clone();
        new.action = Action::Wait {
            span: Span::Days(4),
            next: None,
        };
        assert_eq!(follow_auto_name(&old, new.clone()).name, "Wait 4 days");
        let mut renamed = old.clone();
        renamed.name = "Cool off".to_owned();
        let mut new = renamed.clone();
        new.action = Action::Wait {
            span: Span::Days(4),
            next: None,
        };
        assert_eq!(follow_auto_name(&renamed, new).name, "Cool off");
    }

    /// Issue 11: changing a kind keeps name, position and the connections that fit.
    #[test]
    fn changing_the_kind_keeps_name_position_and_fitting_connections() {
        let step = Step {
            name: "Reminder".to_owned(),
            at: (40.0, 80.0),
            action: Action::Message {
                channel: Channel::Sms,
                content: "hi".to_owned(),
                transactional: false,
                next: Some(StepId(7)),
            },
        };
        let if_then = with_kind(&step, ActionKind::IfThen, Some(StepId(1)));
        assert_eq!(
            (if_then.name.as_str(), if_then.at),
            ("Reminder", (40.0, 80.0))
        );
        let targets: Vec<_> = if_then.action.outputs().iter().map(|o| o.target).collect();
        assert_eq!(targets, [Some(StepId(7)), None], "next becomes yes");
        let best = with_kind(&step, ActionKind::ChannelOptimization, None);
        let Action::ChannelOptimization {
            channels, content, ..
        } = &best.action
        else {
            panic!("a channel optimization");
        };
        assert_eq!(
            (channels[0].clone(), content.as_str()),
            (Channel::Sms, "hi")
        );
        let auto = default_step(ActionKind::Wait, (0.0, 0.0), None);
        assert_eq!(with_kind(&auto, ActionKind::AbTest, None).name, "A/B test");
    }
}
