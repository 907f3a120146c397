//! Steps on the clipboard, as RON text: they paste between journeys and
//! into a text editor, and read back the same.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Step, StepId};

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
