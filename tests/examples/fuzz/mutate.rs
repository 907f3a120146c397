//! Mutations of journey files: each takes the bytes of a seed file (and the
//! other seeds, for splices and swaps) and returns changed bytes.

/// A small, fast, seedable generator (SplitMix64): case `i` of seed `s`
/// always gets the same input.
pub struct Rng(u64);

impl Rng {
    /// The generator of one case.
    pub fn new(seed: u64, case: u64) -> Rng {
        let mut rng = Rng(seed ^ case.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The kinds of mutation, each named in the driver's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    BitFlip,
    Insert,
    Delete,
    Splice,
    Truncate,
    Bracket,
    Number,
    Unicode,
    Identifier,
    Date,
    Line,
}

impl Kind {
    /// Every kind, in the summary's order.
    pub const ALL: [Kind; 11] = [
        Kind::BitFlip,
        Kind::Insert,
        Kind::Delete,
        Kind::Splice,
        Kind::Truncate,
        Kind::Bracket,
        Kind::Number,
        Kind::Unicode,
        Kind::Identifier,
        Kind::Date,
        Kind::Line,
    ];
}

/// Numbers that sit at the edges: overflow, underflow, limits, ids.
const NUMBERS: &[&str] = &[
    "1e308",
    "-1e308",
    "1e309",
    "-1e309",
    "1e-308",
    "5e-324",
    "1e-320",
    "0",
    "-0.0",
    "0.0",
    "-1",
    "1",
    "2",
    "3",
    "7",
    "12",
    "99",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "1e39",
    "3.4e38",
    "1440",
    "1441",
    "1439.9999",
    "1000",
    "100",
    "100.0",
    "99.99",
    "0.5",
    "1.0000001",
    "1e15",
    "1_000",
    "0x10",
    "0b11",
    "NaN",
    "inf",
    "-inf",
    "+inf",
    "1e",
    ".5",
    "5.",
    "-",
    "00",
    "1.5e+3",
];

/// Text that is not plain ASCII, and bytes that are not UTF-8 at all.
const UNICODE: &[&[u8]] = &[
    "é".as_bytes(),
    "🎉".as_bytes(),
    "\u{202e}".as_bytes(),
    "e\u{301}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{fffd}".as_bytes(),
    "𝒜".as_bytes(),
    "İ".as_bytes(),
    "\u{200b}".as_bytes(),
    "日本語".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{2028}".as_bytes(),
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xe2\x82",
    b"\x00",
    b"\r",
    b"\t",
    b"\\u{1F600}",
    b"\\",
    b"\"",
];

/// Instants at the edges: outside years 1-9999, impossible days, offsets.
const DATES: &[&str] = &[
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "+10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "2026-02-29T09:00:00Z",
    "2024-02-29T09:00:00Z",
    "2026-03-02T09:00:60Z",
    "2026-13-01T00:00:00Z",
    "2026-03-02T09:00:00+14:00",
    "2026-03-02T09:00:00-23:59",
    "2026-03-02 09:00:00Z",
    "2026-03-02T09:00:00.999999999Z",
    "1970-01-01T00:00:00Z",
    "2262-04-11T23:47:16Z",
    "2026-03-02",
    "",
];

/// Tokens with meaning to RON.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "Some(",
    "None",
    "//",
    "/*",
    "*/",
    "r#\"",
    "#",
    "#![enable(implicit_some)]",
    "true",
    "false",
    "()",
    "Some(Some(1))",
    "-",
    "+",
    ".",
    "e",
];

/// Applies one mutation of `kind` to `bytes`; `seeds` are all seed files.
pub fn apply(kind: Kind, bytes: &mut Vec<u8>, seeds: &[Vec<u8>], rng: &mut Rng) {
    if bytes.is_empty() {
        let seed: &Vec<u8> = rng.pick(seeds);
        bytes.extend_from_slice(seed);
    }
    let at = rng.below(bytes.len() + 1);
    match kind {
        Kind::BitFlip => {
            for _ in 0..=rng.below(4) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        Kind::Insert => {
            let what: Vec<u8> = if rng.below(2) == 0 {
                rng.pick(TOKENS).as_bytes().to_vec()
            } else {
                (0..=rng.below(8)).map(|_| rng.next() as u8).collect()
            };
            bytes.splice(at..at, what);
        }
        Kind::Delete => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        Kind::Splice => {
            let other: &Vec<u8> = rng.pick(seeds);
            splice(bytes, other, rng);
        }
        Kind::Truncate => bytes.truncate(at),
        Kind::Bracket => bracket(bytes, rng),
        Kind::Number => replace_token(bytes, rng, is_number_start, NUMBERS),
        Kind::Unicode => {
            // Half the time inside a string, where text may be anything.
            let quotes = positions(bytes, |b| b == b'"');
            let at = if rng.below(2) == 0 && !quotes.is_empty() {
                *rng.pick(&quotes) + 1
            } else {
                at
            };
            let what = rng.pick(UNICODE);
            bytes.splice(at..at, what.iter().copied());
        }
        Kind::Identifier => swap_words(bytes, seeds, rng),
        Kind::Date => date(bytes, seeds, rng),
        Kind::Line => line(bytes, rng),
    }
}

/// The start of this file up to a point, then another from a point; or a
/// chunk of the other inserted.
fn splice(bytes: &mut Vec<u8>, other: &[u8], rng: &mut Rng) {
    let a = rng.below(bytes.len() + 1);
    let b = rng.below(other.len() + 1);
    if rng.below(2) == 0 {
        bytes.truncate(a);
        bytes.extend_from_slice(&other[b..]);
    } else {
        let end = (b + 1 + rng.below(400)).min(other.len());
        bytes.splice(a..a, other[b.min(end)..end].iter().copied());
    }
}

/// Deletes, doubles or inserts a bracket.
fn bracket(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let brackets: Vec<usize> = positions(bytes, |b| b"()[]{}".contains(&b));
    match (rng.below(3), brackets.is_empty()) {
        (0, false) => {
            let i = *rng.pick(&brackets);
            bytes.remove(i);
        }
        (1, false) => {
            let i = *rng.pick(&brackets);
            bytes.insert(i, bytes[i]);
        }
        _ => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, *rng.pick(b"()[]{}"));
        }
    }
}

fn positions(bytes: &[u8], pred: impl Fn(u8) -> bool) -> Vec<usize> {
    (0..bytes.len()).filter(|&i| pred(bytes[i])).collect()
}

fn is_number_start(bytes: &[u8], i: usize) -> bool {
    bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
}

/// The token (digits, letters, `.`, `_`, `+`/`-` after `e`) starting at `i`.
fn token_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric()
            || matches!(bytes[i], b'.' | b'_')
            || (matches!(bytes[i], b'+' | b'-') && matches!(bytes[i - 1], b'e' | b'E')))
    {
        i += 1;
    }
    i
}

/// Replaces a random token that `starts` accepts with one of `with`.
fn replace_token(
    bytes: &mut Vec<u8>,
    rng: &mut Rng,
    starts: fn(&[u8], usize) -> bool,
    with: &[&str],
) {
    let starts_at: Vec<usize> = (0..bytes.len()).filter(|&i| starts(bytes, i)).collect();
    if starts_at.is_empty() {
        return;
    }
    let i = *rng.pick(&starts_at);
    let end = token_end(bytes, i);
    bytes.splice(i..end, rng.pick(with).bytes());
}

/// The words (identifiers and quoted strings) of a text, as byte ranges.
fn words(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' {
            let end = bytes[i + 1..]
                .iter()
                .position(|&c| c == b'"')
                .map_or(bytes.len(), |n| i + n + 2);
            out.push((i, end));
            i = end;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let end = token_end(bytes, i);
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// Replaces a word (identifier or string) with a word of the same kind from
/// any seed, or swaps two words of this file.
fn swap_words(bytes: &mut Vec<u8>, seeds: &[Vec<u8>], rng: &mut Rng) {
    let mine = words(bytes);
    if mine.is_empty() {
        return;
    }
    let (s, e) = *rng.pick(&mine);
    let quoted = bytes[s] == b'"';
    let donor = rng.pick(seeds);
    let theirs: Vec<(usize, usize)> = words(donor)
        .into_iter()
        .filter(|&(a, _)| (donor[a] == b'"') == quoted)
        .collect();
    if theirs.is_empty() {
        return;
    }
    let (a, b) = *rng.pick(&theirs);
    let with = donor[a..b].to_vec();
    bytes.splice(s..e, with);
}

fn is_date_start(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'"'
        && bytes.len() > i + 11
        && bytes[i + 1..i + 5].iter().all(u8::is_ascii_digit)
        && bytes[i + 5] == b'-'
}

/// Replaces an instant with an edge case, or with another instant of the seeds.
fn date(bytes: &mut Vec<u8>, seeds: &[Vec<u8>], rng: &mut Rng) {
    let dates: Vec<usize> = (0..bytes.len())
        .filter(|&i| is_date_start(bytes, i))
        .collect();
    if dates.is_empty() {
        return;
    }
    let i = *rng.pick(&dates) + 1;
    let end = bytes[i..]
        .iter()
        .position(|&c| c == b'"')
        .map_or(bytes.len(), |n| i + n);
    let with: Vec<u8> = if rng.below(2) == 0 {
        rng.pick(DATES).as_bytes().to_vec()
    } else {
        let donor = rng.pick(seeds);
        let theirs: Vec<usize> = (0..donor.len())
            .filter(|&k| is_date_start(donor, k))
            .collect();
        if theirs.is_empty() {
            return;
        }
        let k = *rng.pick(&theirs) + 1;
        donor[k..k + 20.min(donor.len() - k)]
            .iter()
            .copied()
            .take_while(|&c| c != b'"')
            .collect()
    };
    bytes.splice(i..end, with);
}

/// Deletes, doubles or moves one line.
fn line(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(positions(bytes, |b| b == b'\n').into_iter().map(|i| i + 1))
        .filter(|&i| i < bytes.len())
        .collect();
    if starts.is_empty() {
        return;
    }
    let s = *rng.pick(&starts);
    let e = bytes[s..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(bytes.len(), |n| s + n + 1);
    let text: Vec<u8> = bytes[s..e].to_vec();
    match rng.below(3) {
        0 => {
            bytes.drain(s..e);
        }
        1 => {
            bytes.splice(s..s, text);
        }
        _ => {
            bytes.drain(s..e);
            let to = *rng.pick(&starts);
            let to = to.min(bytes.len());
            bytes.splice(to..to, text);
        }
    }
}
