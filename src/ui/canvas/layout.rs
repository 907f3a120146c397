//! Auto-layout: left to right by depth, branches spread, no overlaps.
//! Pure: reads a version, returns new positions.

use std::collections::BTreeMap;

use super::geometry::{CARD_WIDTH, GRID, card_size};
use crate::model::{StepId, Version};

/// Horizontal distance between columns (card width plus room for labels).
pub const COLUMN: f32 = CARD_WIDTH + 80.0;
/// Vertical distance between sibling branches.
pub const BRANCH_SPREAD: f32 = 140.0;
/// Smallest vertical gap between two cards of a column.
pub const ROW_GAP: f32 = 40.0;

/// New top-left positions for every step of `version`.
///
/// Depth is the longest path from the first step, ignoring connections that
/// loop back; steps no path reaches follow as further roots. Within a
/// column, each card aims for its parents' height, offset by which output it
/// hangs from (yes above no), then cards are pushed apart.
pub fn auto_layout(version: &Version) -> Vec<(StepId, (f32, f32))> {
    let ids: Vec<StepId> = version.steps.keys().copied().collect();
    if ids.is_empty() {
        return Vec::new();
    }
    let index: BTreeMap<StepId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Outputs as (target index, output index, output count).
    let edges: Vec<Vec<(usize, usize, usize)>> = ids
        .iter()
        .map(|id| {
            let outs = version.steps[id].action.outputs();
            let n = outs.len();
            outs.iter()
                .enumerate()
                .filter_map(|(o, out)| out.target.and_then(|t| index.get(&t)).map(|&t| (t, o, n)))
                .collect()
        })
        .collect();
    let (order, back) = dfs_order(&edges, index.get(&version.first_step).copied());

    let mut depth = vec![0usize; ids.len()];
    for &u in &order {
        for &(v, _, _) in &edges[u] {
            if !back.contains(&(u, v)) {
                depth[v] = depth[v].max(depth[u] + 1);
            }
        }
    }
    let rank: Vec<usize> = {
        let mut r = vec![0; ids.len()];
        for (i, &u) in order.iter().enumerate() {
            r[u] = i;
        }
        r
    };
    let heights: Vec<f32> = ids
        .iter()
        .map(|id| card_size(version.steps[id].action.outputs().len()).y)
        .collect();

    let max_depth = depth.iter().copied().max().unwrap_or(0);
    let mut centre_y = vec![f32::NAN; ids.len()];
    for d in 0..=max_depth {
        let mut column: Vec<(f32, usize)> = (0..ids.len())
            .filter(|&v| depth[v] == d)
            .map(|v| (wanted_y(v, &edges, &back, &centre_y), v))
            .collect();
        column.sort_by(|a, b| a.0.total_cmp(&b.0).then(rank[a.1].cmp(&rank[b.1])));
        spread_column(&mut column, &heights);
        for (y, v) in column {
            centre_y[v] = y;
        }
    }
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            let x = depth[i] as f32 * COLUMN;
            let y = centre_y[i] - heights[i] / 2.0;
            (*id, ((x / GRID).round() * GRID, (y / GRID).round() * GRID))
        })
        .collect()
}

/// Depth-first order from the first step, then from every step not yet
/// reached; returns a topological order of the forward connections and the
/// set of connections that loop back.
fn dfs_order(
    edges: &[Vec<(usize, usize, usize)>],
    first: Option<usize>,
) -> (Vec<usize>, std::collections::BTreeSet<(usize, usize)>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = edges.len();
    let mut mark = vec![Mark::New; n];
    let mut post = Vec::with_capacity(n);
    let mut back = std::collections::BTreeSet::new();
    let roots = first.into_iter().chain(0..n);
    for root in roots {
        if mark[root] != Mark::New {
            continue;
        }
        // Stack of (node, next edge to look at).
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (u, ref mut next)) = stack.last_mut() {
            if let Some(&(v, _, _)) = edges[u].get(*next) {
                *next += 1;
                match mark[v] {
                    Mark::New => {
                        mark[v] = Mark::Open;
                        stack.push((v, 0));
                    }
                    Mark::Open => {
                        back.insert((u, v));
                    }
                    Mark::Done => {}
                }
            } else {
                mark[u] = Mark::Done;
                post.push(u);
                stack.pop();
            }
        }
    }
    post.reverse();
    (post, back)
}

/// Where a card would like its centre: the average of its parents' centres,
/// each offset by the output it comes from.
fn wanted_y(
    v: usize,
    edges: &[Vec<(usize, usize, usize)>],
    back: &std::collections::BTreeSet<(usize, usize)>,
    centre_y: &[f32],
) -> f32 {
    let mut sum = 0.0;
    let mut count = 0.0;
    for (u, outs) in edges.iter().enumerate() {
        if centre_y[u].is_nan() || back.contains(&(u, v)) {
            continue;
        }
        for &(t, o, n) in outs {
            if t == v {
                sum += centre_y[u] + (o as f32 - (n as f32 - 1.0) / 2.0) * BRANCH_SPREAD;
                count += 1.0;
            }
        }
    }
    if count > 0.0 { sum / count } else { 0.0 }
}

/// Pushes a column's cards apart (sorted by wanted centre) so none overlap,
/// then shifts the column back so it stays centred on what the cards wanted.
fn spread_column(column: &mut [(f32, usize)], heights: &[f32]) {
    let wanted: Vec<f32> = column.iter().map(|c| c.0).collect();
    for i in 1..column.len() {
        let (prev_y, prev) = column[i - 1];
        let min = prev_y + f32::midpoint(heights[prev], heights[column[i].1]) + ROW_GAP;
        if column[i].0 < min {
            column[i].0 = min;
        }
    }
    if column.is_empty() {
        return;
    }
    let shift = wanted
        .iter()
        .zip(column.iter())
        .map(|(w, c)| w - c.0)
        .sum::<f32>()
        / column.len() as f32;
    for c in column.iter_mut() {
        c.0 += shift;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::canvas::geometry::card_rect;

    fn welcome() -> Version {
        crate::store::parse(include_str!("../../../assets/welcome-series.journey.ron"))
            .expect("sample parses")
            .versions
            .remove(0)
    }

    fn apply(version: &mut Version, moves: &[(StepId, (f32, f32))]) {
        for (id, at) in moves {
            if let Some(s) = version.steps.get_mut(id) {
                s.at = *at;
            }
        }
    }

    fn assert_no_overlaps(version: &Version) {
        let rects: Vec<_> = version
            .steps
            .iter()
            .map(|(id, s)| (*id, card_rect(s)))
            .collect();
        for (i, (a, ra)) in rects.iter().enumerate() {
            for (b, rb) in &rects[i + 1..] {
                assert!(
                    !ra.intersects(*rb),
                    "cards {a} and {b} overlap: {ra:?} {rb:?}"
                );
            }
        }
    }

    #[test]
    fn auto_layout_goes_left_to_right_by_depth_and_spreads_branches() {
        let mut v = welcome();
        let moves = auto_layout(&v);
        apply(&mut v, &moves);
        assert_no_overlaps(&v);
        let x = |id: u32| v.steps[&StepId(id)].at.0;
        let y = |id: u32| v.steps[&StepId(id)].at.1;
        assert!(x(1) < x(2) && x(2) < x(3) && x(3) < x(4) && x(4) < x(6));
        assert_eq!(x(4), x(5));
        // "yes" (the offer) above "no" (the reminder), the join between them.
        assert!(y(4) < y(6) && y(6) < y(5));
    }

    #[test]
    fn auto_layout_never_overlaps_cards_of_a_big_generated_journey() {
        for seed in 0..20u64 {
            let mut v = crate::ui::canvas::generate::generated_version(60, seed);
            let moves = auto_layout(&v);
            apply(&mut v, &moves);
            assert_no_overlaps(&v);
        }
    }
}
