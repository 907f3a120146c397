//! Steps on the clipboard, as RON text: they paste between journeys and
//! into a text editor, and read back the same.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Step, StepId, Version};

/// Some steps of a version, keyed by their ids where they were copied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneySteps {
    /// The steps.
    pub steps: BTreeMap<StepId, Step>,
}

/// Why clipboard text is not steps.
#[derive(Debug, thiserror::Error)]
pub enum ClipError {
    /// The text is not a `JourneySteps(...)` value.
    #[error("the clipboard does not hold journey steps: {0}")]
    NotSteps(String),
    /// The steps could not be written as text.
    #[error("the steps could not be written as text: {0}")]
    Write(String),
}

impl JourneySteps {
    /// The clip as RON text, starting `JourneySteps(`.
    pub fn to_ron(&self) -> Result<String, ClipError> {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .struct_names(false);
        let body = ron::ser::to_string_pretty(self, config)
            .map_err(|e| ClipError::Write(e.to_string()))?;
        Ok(format!("JourneySteps{body}\n"))
    }

    /// Reads a clip from RON text (as written by [`JourneySteps::to_ron`]).
    pub fn from_ron(text: &str) -> Result<JourneySteps, ClipError> {
        ron::from_str(text.trim()).map_err(|e| ClipError::NotSteps(e.to_string()))
    }
}

/// How far apart pasted copies land when no place was chosen.
const PASTE_STEP: f32 = 40.0;

impl JourneySteps {
    /// The clip made ready to paste into `version`, and where its top-left
    /// goes. A name the version already uses gets " (copy)" (" (copy 2)",
    /// ...), unless it is the step's automatic name ("Wait 2 days", "Email"),
    /// which describes the step and stays. Without a chosen place (`at`), the
    /// copies go 40 px down and right of the originals, and further along
    /// while that would cover steps already there (a second paste).
    pub fn for_paste(
        &self,
        version: &Version,
        at: Option<(f32, f32)>,
    ) -> (JourneySteps, Option<(f32, f32)>) {
        let mut taken: BTreeSet<String> = version.steps.values().map(|s| s.name.clone()).collect();
        let mut clip = self.clone();
        for step in clip.steps.values_mut() {
            if taken.contains(&step.name) && !is_automatic_name(step) {
                step.name = copy_name(&step.name, &taken);
            }
            taken.insert(step.name.clone());
        }
        let at = at.or_else(|| self.free_place(version));
        (clip, at)
    }

    /// The top-left for a paste at the originals' place plus k × 40 px, the
    /// first k that covers no step of `version`.
    fn free_place(&self, version: &Version) -> Option<(f32, f32)> {
        let min_x = self.steps.values().map(|s| s.at.0).reduce(f32::min)?;
        let min_y = self.steps.values().map(|s| s.at.1).reduce(f32::min)?;
        let covers = |d: f32| {
            self.steps.values().any(|s| {
                version.steps.values().any(|o| {
                    (o.at.0 - (s.at.0 + d)).abs() < PASTE_STEP / 2.0
                        && (o.at.1 - (s.at.1 + d)).abs() < PASTE_STEP / 2.0
                })
            })
        };
        let k = (1..=50u16)
            .map(f32::from)
            .find(|k| !covers(k * PASTE_STEP))
            .unwrap_or(1.0);
        Some((min_x + k * PASTE_STEP, min_y + k * PASTE_STEP))
    }
}

/// `name (copy)`, or `name (copy N)` with the first N not in `taken`; a name
/// that is already a copy counts on from its base.
fn copy_name(name: &str, taken: &BTreeSet<String>) -> String {
    let base = match name.rfind(" (copy") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    };
    (1..=10_000)
        .map(|n| {
            if n == 1 {
                format!("{base} (copy)")
            } else {
                format!("{base} (copy {n})")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| format!("{base} (copy)"))
}

/// True when the step's name is the one the app gives its kind and
/// settings: "Wait 2 days" on a two-day wait, "Email" on a new message.
fn is_automatic_name(step: &Step) -> bool {
    let kind = step.action.kind();
    if let crate::model::Action::Wait { span, .. } = &step.action
        && step.name == format!("Wait {span}")
    {
        return true;
    }
    step.name == super::ops::default_step(kind, step.at, None).name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Channel, Span, StepId};

    fn step(name: &str, at: (f32, f32), action: Action) -> Step {
        Step {
            name: name.to_owned(),
            at,
            action,
        }
    }

    fn email(name: &str, at: (f32, f32)) -> Step {
        let action = Action::Message {
            channel: Channel::Email,
            content: String::new(),
            transactional: false,
            next: None,
        };
        step(name, at, action)
    }

    #[test]
    fn pasted_steps_are_named_copy_and_land_beside_earlier_pastes() {
        let mut j = crate::model::Journey::new_empty("J", chrono::DateTime::UNIX_EPOCH);
        let version = &mut j.versions[0];
        version.steps.clear();
        version
            .steps
            .insert(StepId(1), email("Welcome", (0.0, 0.0)));
        let wait = Action::Wait {
            span: Span::Days(2),
            next: None,
        };
        version
            .steps
            .insert(StepId(2), step("Wait 2 days", (200.0, 0.0), wait));
        let clip = JourneySteps {
            steps: version.steps.clone(),
        };
        let (pasted, at) = clip.for_paste(version, None);
        assert_eq!(at, Some((40.0, 40.0)));
        let names: Vec<&str> = pasted.steps.values().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Welcome (copy)", "Wait 2 days"],
            "automatic names stay"
        );

        // A second paste goes further along and counts the copies.
        version
            .steps
            .insert(StepId(3), email("Welcome (copy)", (40.0, 40.0)));
        let (again, at) = clip.for_paste(version, None);
        assert_eq!(at, Some((80.0, 80.0)));
        assert_eq!(again.steps[&StepId(1)].name, "Welcome (copy 2)");
        // A chosen place is kept; a name nobody uses is kept.
        let mut other = crate::model::Journey::new_empty("Other", chrono::DateTime::UNIX_EPOCH);
        other.versions[0].steps.clear();
        let (fresh, at) = clip.for_paste(&other.versions[0], Some((5.0, 6.0)));
        assert_eq!(at, Some((5.0, 6.0)));
        assert_eq!(fresh.steps[&StepId(1)].name, "Welcome");
    }
}
