//! A small lexer over journey text that has already parsed: it finds what
//! RON accepts but a journey must not hold (`NaN`, canvas positions that are
//! not finite) and where the comments are, each with its line and column.
//!
//! It knows RON's lexical rules as far as they matter here: strings with
//! escapes, raw strings (`r#"..."#`), characters, nested block comments.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A name: a field, an enum variant, `inf`, `NaN`.
    Ident,
    /// A number literal without its sign.
    Number,
    /// One punctuation character (`(`, `:`, `-`, ...).
    Punct,
    /// A string or character literal.
    Text,
    /// A `//` or `/* */` comment.
    Comment,
}

/// One token: its kind, its text, and where it starts.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Its text in the source.
    pub text: &'a str,
    /// Its byte offset in the source.
    pub offset: usize,
}

/// The tokens of `text`, comments included, whitespace left out.
pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let (kind, end) = match c {
            b if b.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => (Kind::Comment, line_end(bytes, i)),
            b'/' if bytes.get(i + 1) == Some(&b'*') => (Kind::Comment, block_end(bytes, i)),
            b'"' => (Kind::Text, string_end(bytes, i + 1, b'"')),
            b'\'' => (Kind::Text, string_end(bytes, i + 1, b'\'')),
            b'0'..=b'9' | b'.' if c != b'.' || bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                (Kind::Number, number_end(bytes, i))
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let end = ident_end(bytes, i);
                match raw_string_end(bytes, i, end) {
                    Some(raw_end) => (Kind::Text, raw_end),
                    None => (Kind::Ident, end),
                }
            }
            b if b.is_ascii() => (Kind::Punct, i + 1),
            // A character outside ASCII outside a string: not RON, but be safe.
            _ => (Kind::Punct, next_char(text, i)),
        };
        let end = end.min(bytes.len());
        out.push(Token {
            kind,
            text: &text[i..end],
            offset: i,
        });
        i = end;
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn next_char(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(i + 1, |c| i + c.len_utf8())
}

fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| i + n)
}

/// The end of a block comment starting at `i`; block comments nest.
fn block_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// The end of a quoted literal whose body starts at `i`, backslash escapes included.
fn string_end(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn ident_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .map_or(bytes.len(), |n| i + n)
}

/// Digits, letters (exponents, suffixes, hex), `_`, `.`, and a sign right after an exponent.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    let hex = bytes[i..].starts_with(b"0x") || bytes[i..].starts_with(b"0X");
    i += 1;
    while i < bytes.len() {
        let b = bytes[i];
        let sign_after_exponent =
            matches!(b, b'+' | b'-') && !hex && matches!(bytes[i - 1], b'e' | b'E');
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || sign_after_exponent {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A raw string `r"..."`, `r#"..."#`, `br"..."` whose prefix is the identifier
/// `bytes[start..ident_end]`: where it ends, or `None` for a plain identifier.
/// A byte string `b"..."` is handled here too.
fn raw_string_end(bytes: &[u8], start: usize, ident_end: usize) -> Option<usize> {
    let prefix = &bytes[start..ident_end];
    if prefix == b"b" && bytes.get(ident_end) == Some(&b'"') {
        return Some(string_end(bytes, ident_end + 1, b'"'));
    }
    if prefix != b"r" && prefix != b"br" {
        return None;
    }
    let hashes = bytes[ident_end..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    let open = ident_end + hashes;
    if bytes.get(open) != Some(&b'"') {
        return None;
    }
    let mut closing = vec![b'"'];
    closing.extend(std::iter::repeat_n(b'#', hashes));
    let body = open + 1;
    Some(
        bytes[body..]
            .windows(closing.len())
            .position(|w| w == closing.as_slice())
            .map_or(bytes.len(), |n| body + n + closing.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        tokens(text).iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn scanner_skips_strings_raw_strings_and_nested_comments() {
        assert_eq!(
            kinds(r##"a: "NaN \" x", /* a /* b */ NaN */ r#"at: ("#, -1.5e-3, 'x'"##),
            vec![
                (Kind::Ident, "a"),
                (Kind::Punct, ":"),
                (Kind::Text, r#""NaN \" x""#),
                (Kind::Punct, ","),
                (Kind::Comment, "/* a /* b */ NaN */"),
                (Kind::Text, r##"r#"at: ("#"##),
                (Kind::Punct, ","),
                (Kind::Punct, "-"),
                (Kind::Number, "1.5e-3"),
                (Kind::Punct, ","),
                (Kind::Text, "'x'"),
            ]
        );
        assert_eq!(
            kinds("x // NaN\ny"),
            vec![
                (Kind::Ident, "x"),
                (Kind::Comment, "// NaN"),
                (Kind::Ident, "y")
            ]
        );
    }

    #[test]
    fn scanner_survives_unterminated_literals_and_odd_characters() {
        for text in [
            "\"abc", "/* /* */", "r#\"abc", "'", "é ü", "0x", "1e", "b\"", "br#",
        ] {
            let found = tokens(text);
            assert!(found.iter().all(|t| !t.text.is_empty()), "{text}");
        }
    }

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\nüé NaN";
        let offset = text.find("NaN").expect("present");
        assert_eq!(line_column(text, offset), (2, 4));
    }
}
