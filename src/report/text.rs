//! Text helpers for the HTML report: escaping and the way numbers are
//! written (the same as on the canvas: "12,345", "44 %").

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A count with thousands separators: "12,345".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A rate (0..=1) as a percentage with two decimals: "12.34 %".
pub fn percent(rate: f64) -> String {
    format!("{:.2} %", rate * 100.0)
}

/// A share (0..=1) in whole percent; "<1 %" for a small non-zero share.
pub fn share(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 {
        "<1 %".to_owned()
    } else {
        format!("{p:.0} %")
    }
}

/// A difference of counts, rounded, with its sign: "+312", "−1,205", "0".
pub fn signed_count(x: f64) -> String {
    let n = x.round();
    let digits = count(n.abs() as u64);
    if n > 0.0 {
        format!("+{digits}")
    } else if n < 0.0 {
        format!("\u{2212}{digits}")
    } else {
        digits
    }
}

/// A difference of rates (0..=1 each) in percentage points, with its sign:
/// "+1.25 pts", "−0.40 pts", "0.00 pts".
pub fn signed_points(x: f64) -> String {
    let p = x * 100.0;
    if p >= 0.005 {
        format!("+{p:.2} pts")
    } else if p <= -0.005 {
        format!("\u{2212}{:.2} pts", -p)
    } else {
        "0.00 pts".to_owned()
    }
}

/// `part` of `whole` as a share, 0 when `whole` is 0.
pub fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// An instant as the report writes it: "2 March 2026, 09:00 UTC".
pub fn when(at: crate::model::Instant) -> String {
    at.format("%-d %B %Y, %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn counts_get_thousands_separators_and_small_shares_say_below_one() {
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(12), "12");
        assert_eq!(share(0.004), "<1 %");
        assert_eq!(share(0.446), "45 %");
        assert_eq!(percent(0.1234), "12.34 %");
        assert_eq!(signed_count(1234.4), "+1,234");
        assert_eq!(signed_count(-45.6), "\u{2212}46");
        assert_eq!(signed_count(0.2), "0");
        assert_eq!(signed_points(0.0125), "+1.25 pts");
        assert_eq!(signed_points(-0.004), "\u{2212}0.40 pts");
        assert_eq!(signed_points(0.0), "0.00 pts");
    }
}
