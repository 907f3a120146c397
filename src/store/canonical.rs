//! The canonical form of a journey file, as `journey-designer fmt` writes it:
//! the comments at the top of the file, then the journey as [`to_ron`]
//! writes it (the bytes a save writes).
//!
//! The comments at the top (a description of the journey, as the samples
//! have) are kept, each line without trailing blanks. A comment further down
//! has no place in the journey as saved and would be lost, so such a file
//! has no canonical form: [`canonical`] refuses it with the comment's line
//! and column, and the marketer moves or removes the comment.

use super::error::LoadError;
use super::scan::{Kind, line_column, tokens};
use super::{parse_file_text, to_ron};
use crate::model::Journey;

/// A journey and its file's canonical text.
#[derive(Clone, Debug, PartialEq)]
pub struct Canonical {
    /// The journey the text holds.
    pub journey: Journey,
    /// The canonical text.
    pub text: String,
}

/// Why a text has no canonical form.
#[derive(Debug, thiserror::Error)]
pub enum FmtError {
    /// The text is not a journey (as [`super::parse_bytes`] reports it).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A comment inside the journey, which the canonical form cannot keep.
    #[error(
        "line {line}, column {column}: this comment is inside the journey, where formatting would lose it: move it to the top of the file (or remove it)"
    )]
    InnerComment {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The journey could not be turned into text.
    #[error("cannot write the journey: {0}")]
    Serialize(String),
}

/// The canonical form of journey `text`.
pub fn canonical(text: &str) -> Result<Canonical, FmtError> {
    let journey = parse_file_text(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let toks = tokens(text);
    let body = toks
        .iter()
        .position(|t| t.kind != Kind::Comment)
        .unwrap_or(toks.len());
    if let Some(comment) = toks[body..].iter().find(|t| t.kind == Kind::Comment) {
        let (line, column) = line_column(text, comment.offset);
        return Err(FmtError::InnerComment { line, column });
    }
    let head_end = toks.get(body).map_or(text.len(), |t| t.offset);
    let head: Vec<&str> = text[..head_end].lines().map(str::trim_end).collect();
    let first = head.iter().position(|l| !l.is_empty());
    let last = head.iter().rposition(|l| !l.is_empty());
    let mut out = String::new();
    if let (Some(first), Some(last)) = (first, last) {
        for line in &head[first..=last] {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(&to_ron(&journey).map_err(|e| FmtError::Serialize(e.to_string()))?);
    Ok(Canonical { journey, text: out })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../assets/welcome-series.journey.ron");

    #[test]
    fn canonical_form_keeps_the_top_comments_and_is_stable() {
        let once = canonical(SAMPLE).expect("canonical");
        assert!(once.text.starts_with("// Welcome series"), "{}", once.text);
        assert!(once.text.contains("\nJourney(\n    format: 2,"));
        let twice = canonical(&once.text).expect("canonical");
        assert_eq!(twice.text, once.text);
        assert_eq!(twice.journey, once.journey);
        let messy = format!("\u{feff}\n\n{}", once.text.replace('\n', "  \r\n"));
        assert_eq!(canonical(&messy).expect("canonical").text, once.text);
    }

    #[test]
    fn canonical_form_refuses_a_comment_inside_the_journey_at_its_place() {
        let text = SAMPLE.replacen("    format: 2,", "    format: 2, /* keep me */", 1);
        let line = text
            .lines()
            .position(|l| l.contains("keep me"))
            .expect("there")
            + 1;
        match canonical(&text) {
            Err(FmtError::InnerComment { line: l, column }) => {
                assert_eq!((l, column), (line, 16));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn canonical_form_of_a_text_without_comments_is_the_saved_bytes() {
        let plain = to_ron(&canonical(SAMPLE).expect("canonical").journey).expect("text");
        assert_eq!(canonical(&plain).expect("canonical").text, plain);
    }
}
