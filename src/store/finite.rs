//! Numbers RON reads but a journey file must not hold, refused with their
//! line and column: `NaN` anywhere, and canvas positions that are not finite
//! (`inf`, or a number too large for a position, like `1e39`).
//!
//! Refusing them at load keeps every loaded journey equal to itself (NaN is
//! the one value that is not), so a journey that has just been opened is
//! never "unsaved", and keeps the canvas within ordinary coordinates.
//! Infinite rates and the like are left to validation, which names them in
//! the scenario's words.

use super::error::LoadError;
use super::scan::{Kind, Token, line_column, tokens};

/// The first `NaN` or non-finite canvas position in `text` (already parsed
/// as a journey), as a located error.
pub(super) fn check(text: &str) -> Result<(), LoadError> {
    let toks: Vec<Token<'_>> = tokens(text)
        .into_iter()
        .filter(|t| t.kind != Kind::Comment)
        .collect();
    for (i, tok) in toks.iter().enumerate() {
        let message = if tok.kind == Kind::Ident && is_nan(tok.text) {
            Some((
                tok.offset,
                "`NaN` (not a number) cannot be used in a journey: write a number here, like 0.5"
                    .to_owned(),
            ))
        } else if tok.kind == Kind::Ident && tok.text == "at" {
            position_problem(text, &toks[i + 1..])
        } else {
            None
        };
        if let Some((offset, message)) = message {
            let (line, column) = line_column(text, offset);
            return Err(LoadError::Syntax {
                path: None,
                line,
                column,
                message,
            });
        }
    }
    Ok(())
}

fn is_nan(ident: &str) -> bool {
    matches!(ident, "NaN" | "NaNf32" | "NaNf64")
}

/// After `at`: `: ( x , y )`. Where the first coordinate that is not a finite
/// `f32` starts, with the message; `None` when both are finite or the tokens
/// are not a position.
fn position_problem(text: &str, after: &[Token<'_>]) -> Option<(usize, String)> {
    let punct = |i: usize, c: &str| {
        after
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text == c)
    };
    if !(punct(0, ":") && punct(1, "(")) {
        return None;
    }
    let (x, next) = coordinate(after, 2)?;
    if !punct(next, ",") {
        return None;
    }
    let (y, last) = coordinate(after, next + 1)?;
    let close = if punct(last, ",") { last + 1 } else { last };
    if !punct(close, ")") {
        return None;
    }
    let bad = [x, y].into_iter().find(|c| !c.value.is_finite())?;
    let open = after[1].offset;
    let written = &text[open..=after[close].offset];
    Some((
        bad.offset,
        format!(
            "the canvas position {written} is not two ordinary numbers: a position is written like (240.0, 0.0)"
        ),
    ))
}

/// One coordinate of a position.
#[derive(Clone, Copy)]
struct Coordinate {
    value: f32,
    offset: usize,
}

/// A coordinate at `after[i]` (an optional sign, then a number, `inf` or `NaN`)
/// and the index past it.
fn coordinate(after: &[Token<'_>], mut i: usize) -> Option<(Coordinate, usize)> {
    let offset = after.get(i)?.offset;
    let mut negative = false;
    if let Some(sign) = after
        .get(i)
        .filter(|t| t.kind == Kind::Punct && matches!(t.text, "+" | "-"))
    {
        negative = sign.text == "-";
        i += 1;
    }
    let tok = after.get(i)?;
    let value = match tok.kind {
        Kind::Ident if matches!(tok.text, "inf" | "inff32" | "inff64") => f32::INFINITY,
        Kind::Ident if is_nan(tok.text) => f32::NAN,
        Kind::Number => {
            let digits: String = tok.text.chars().filter(|c| *c != '_').collect();
            let digits = digits
                .strip_suffix("f32")
                .or_else(|| digits.strip_suffix("f64"))
                .unwrap_or(&digits);
            // What RON does not read as a float it has refused already.
            digits.parse::<f32>().unwrap_or(0.0)
        }
        _ => return None,
    };
    let value = if negative { -value } else { value };
    Some((Coordinate { value, offset }, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> Option<(usize, usize, String)> {
        match check(text) {
            Ok(()) => None,
            Err(LoadError::Syntax {
                line,
                column,
                message,
                ..
            }) => Some((line, column, message)),
            Err(other) => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn nan_anywhere_is_refused_at_its_line_and_column() {
        let (line, column, message) = refusal("(\n  per_day: -NaN,\n)").expect("refused");
        assert_eq!((line, column), (2, 13));
        assert!(message.contains("not a number"), "{message}");
        assert!(refusal("(name: \"NaN\", /* NaN */ x: 1.0) // NaN").is_none());
    }

    #[test]
    fn non_finite_positions_are_refused_and_finite_ones_pass() {
        for (text, column) in [
            ("at: (inf, 0.0)", 6),
            ("at: (0.0, -inf)", 11),
            ("at: (1e39, 0)", 6),
            ("at: ( 1.0 , 3.5e38f32 , )", 13),
        ] {
            let (line, col, message) = refusal(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((line, col), (1, column), "{text}");
            assert!(message.contains("canvas position ("), "{message}");
        }
        for text in [
            "at: (1e38, -3.4e38)",
            "at: (100, -2_000.5)",
            "at: \"(inf, 0)\"",
            "at: (inf",
            "x: at",
        ] {
            assert!(refusal(text).is_none(), "{text}");
        }
    }
}
