//! The two sides of a comparison: A is what the user picked (another file,
//! the last saved file, another version), B is this journey as it is now.
//! Each side's name says which is which in the runner bar, the canvas and
//! the analytics.

use std::path::{Path, PathBuf};

use crate::edit::Document;
use crate::model::{Journey, VersionState};
use crate::sim::version_alone;

/// What this journey is compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A journey file.
    File(PathBuf),
    /// This journey's file as last saved.
    Saved,
    /// Another version of this journey (0-based).
    Version(usize),
}

/// The two designs, and which version of B's results the canvas shows.
#[derive(Clone, Debug)]
pub struct Sides {
    /// The other design.
    pub a: Journey,
    /// This journey as it is now.
    pub b: Journey,
    /// The number (from 1) of the version in B's results whose steps are the canvas's.
    pub canvas_version: u32,
}

/// Why a comparison could not start, in words.
#[derive(Debug, thiserror::Error)]
pub enum SidesError {
    /// The other file cannot be read or is not a journey.
    #[error("Could not compare: {0}")]
    Load(#[from] crate::store::LoadError),
    /// Never saved: there is no file to compare with.
    #[error("Could not compare: this journey has never been saved.")]
    NeverSaved,
    /// No such version.
    #[error("Could not compare: this journey has no version {0}.")]
    NoVersion(usize),
}

/// A version's name as the comparison says it: "Version 2 (draft)".
pub fn version_label(journey: &Journey, index: usize) -> String {
    let state = match journey.version_state(index) {
        VersionState::Draft => " (draft)",
        VersionState::Live(_) => " (live)",
        VersionState::Stopped { .. } => " (stopped)",
    };
    format!("Version {}{state}", index + 1)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The sides for `source`, with `doc` as B and version `shown` (0-based) on the canvas.
pub fn sides(doc: &Document, shown: usize, source: &Source) -> Result<Sides, SidesError> {
    let now = doc.journey();
    let canvas_version = shown as u32 + 1;
    match source {
        Source::File(path) => {
            let mut a = crate::store::load(path)?;
            // The file's name tells two journeys of one name apart.
            if a.name == now.name {
                a.name = format!("{} ({})", a.name, file_name(path));
            }
            let mut b = now.clone();
            b.name = format!("{} (this journey)", now.name);
            Ok(Sides {
                a,
                b,
                canvas_version,
            })
        }
        Source::Saved => {
            let path = doc.path.as_deref().ok_or(SidesError::NeverSaved)?;
            let mut a = crate::store::load(path)?;
            a.name = format!("{} as last saved", now.name);
            let mut b = now.clone();
            b.name = format!("{} with your edits", now.name);
            Ok(Sides {
                a,
                b,
                canvas_version,
            })
        }
        Source::Version(index) => {
            let alone = |i: usize| {
                version_alone(now, i, &version_label(now, i)).ok_or(SidesError::NoVersion(i + 1))
            };
            Ok(Sides {
                a: alone(*index)?,
                b: alone(shown)?,
                canvas_version: 1,
            })
        }
    }
}
