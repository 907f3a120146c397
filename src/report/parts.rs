//! Cutting a wide drawing into parts that fit the page: cuts fall in the
//! empty columns between cards (and their counts and labels), so no card
//! is cut; each part's height is that of what it holds.

use super::layout::Box2;

/// The parts of a drawing whose pieces occupy `areas`, each at most
/// `max_width` wide unless a single piece is wider. Empty for no areas.
pub fn parts(areas: &[Box2], max_width: f32) -> Vec<Box2> {
    let Some(left) = areas.iter().map(|a| a.x).min_by(f32::total_cmp) else {
        return Vec::new();
    };
    let right = areas.iter().map(Box2::right).fold(left, f32::max);
    // As many parts as needed, as even as the columns allow.
    let count = ((right - left) / max_width.max(1.0)).ceil().max(1.0);
    let even = (right - left) / count;
    let mut out = Vec::new();
    let mut from = left;
    while from < right {
        let limit = (from + max_width).min(right);
        let to = if limit >= right {
            right
        } else {
            cut(areas, from, limit, from + even)
        };
        if let Some(part) = part_box(areas, from, to) {
            out.push(part);
        }
        from = to;
    }
    out
}

/// The free x in `(from, limit]` (no area spans it) nearest `aim`, or the
/// end of the piece at `limit` when there is none (one piece wider than a part).
fn cut(areas: &[Box2], from: f32, limit: f32, aim: f32) -> f32 {
    let inside = |x: f32| areas.iter().any(|a| a.x < x && x < a.right());
    let candidates = areas
        .iter()
        .map(Box2::right)
        .chain([limit])
        .filter(|x| *x > from && *x <= limit && !inside(*x));
    let nearest = candidates.min_by(|a, b| (a - aim).abs().total_cmp(&(b - aim).abs()));
    nearest.unwrap_or_else(|| {
        areas
            .iter()
            .filter(|a| a.x < limit && limit < a.right())
            .map(Box2::right)
            .fold(limit, f32::max)
    })
}

/// The box of everything that starts in `[from, to)`, as wide as the cut.
fn part_box(areas: &[Box2], from: f32, to: f32) -> Option<Box2> {
    let held: Vec<&Box2> = areas.iter().filter(|a| a.x >= from && a.x < to).collect();
    let top = held.iter().map(|a| a.y).min_by(f32::total_cmp)?;
    let bottom = held.iter().map(|a| a.bottom()).fold(top, f32::max);
    Some(Box2 {
        x: from,
        y: top,
        w: to - from,
        h: bottom - top,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f32, w: f32) -> Box2 {
        Box2 {
            x,
            y: 0.0,
            w,
            h: 10.0,
        }
    }

    #[test]
    fn a_narrow_drawing_is_one_part() {
        let p = parts(&[at(0.0, 100.0), at(200.0, 100.0)], 1000.0);
        assert_eq!(p.len(), 1);
        assert!((p[0].w - 300.0).abs() < 1e-3);
    }

    #[test]
    fn a_wide_drawing_is_cut_between_cards_never_through_one() {
        let areas: Vec<Box2> = (0..10).map(|i| at(240.0 * i as f32, 180.0)).collect();
        let p = parts(&areas, 1000.0);
        assert!(p.len() >= 3, "{p:?}");
        for part in &p {
            assert!(part.w <= 1000.0 + 1e-3);
            for a in &areas {
                let cut = part.right();
                assert!(
                    !(a.x < cut && cut < a.right()),
                    "cut at {cut} through {a:?}"
                );
            }
        }
    }

    #[test]
    fn a_piece_wider_than_a_part_gets_a_part_of_its_own() {
        let p = parts(&[at(0.0, 50.0), at(100.0, 3000.0)], 1000.0);
        assert!(p.iter().all(|b| b.w > 0.0));
        assert!((p.last().expect("a part").right() - 3100.0).abs() < 1e-3);
    }
}
