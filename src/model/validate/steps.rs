//! The steps of one version: paths, events, A/B tests, loops, reachability.

use std::collections::{BTreeMap, BTreeSet};

use super::{ProblemKind, Problems, Severity, too_long, too_long_reason};
use crate::model::step::trim_float;
use crate::model::{Action, Decide, StepId, Variant, Version};

pub(super) fn check_version(no: usize, version: &Version, out: &mut Problems) {
    let v = (no, version);
    if !version.steps.contains_key(&version.first_step) {
        out.version(
            no,
            ProblemKind::MissingFirstStep,
            format!(
                "the first step is step {}, which does not exist",
                version.first_step
            ),
        );
    }
    for (&id, step) in &version.steps {
        for output in step.action.outputs() {
            if let Some(target) = output.target
                && !version.steps.contains_key(&target)
            {
                out.step(
                    Severity::Error,
                    ProblemKind::MissingNext,
                    v,
                    id,
                    format!(
                        "its '{}' path leads to step {target}, which does not exist",
                        output.label
                    ),
                );
            }
        }
        check_action(v, id, &step.action, out);
    }
    check_cycles(v, out);
    check_reachable(v, out);
}

/// The checks of one step's own settings.
fn check_action(v: (usize, &Version), id: StepId, action: &Action, out: &mut Problems) {
    check_action_span(v, id, action, out);
    match action {
        Action::IfThen { event, .. } => {
            if let Some(target) = event.step() {
                check_event_target(v, id, target, out);
            }
        }
        Action::AbTest { variants, decide } => {
            check_variant_percents(v, id, variants, out);
            check_variant_names(v, id, variants, decide.as_ref(), out);
        }
        Action::ChannelOptimization { channels, .. } if channels.is_empty() => out.step(
            Severity::Error,
            ProblemKind::NoChannels,
            v,
            id,
            "channel optimization has no channel to choose from".to_owned(),
        ),
        _ => {}
    }
}

/// A wait, an if/then's window or an A/B decision longer than the product handles.
fn check_action_span(v: (usize, &Version), id: StepId, action: &Action, out: &mut Problems) {
    let span = match action {
        Action::Wait { span, .. } => Some(("its wait", *span)),
        Action::IfThen { within, .. } => Some(("the time it waits for the event", *within)),
        Action::AbTest {
            decide: Some(decide),
            ..
        } => Some(("the time before the winner is chosen", decide.after)),
        _ => None,
    };
    if let Some((what, span)) = span
        && too_long(span)
    {
        out.step(
            Severity::Error,
            ProblemKind::SpanTooLong,
            v,
            id,
            format!("{what} is {span}: {}", too_long_reason()),
        );
    }
}

/// An if/then that waits for an interaction with `target`, which must send a message.
fn check_event_target(v: (usize, &Version), id: StepId, target: StepId, out: &mut Problems) {
    let what = match v.1.steps.get(&target).map(|s| &s.action) {
        Some(Action::Message { .. } | Action::ChannelOptimization { .. }) => return,
        Some(_) => "sends no message",
        None => "does not exist",
    };
    out.step(
        Severity::Error,
        ProblemKind::EventNotMessage,
        v,
        id,
        format!("it waits for an interaction with step {target}, which {what}"),
    );
}

/// An A/B test's percentages: at least one variant, each within 0 to 100, 100 in all.
fn check_variant_percents(
    v: (usize, &Version),
    id: StepId,
    variants: &[Variant],
    out: &mut Problems,
) {
    if variants.is_empty() {
        out.step(
            Severity::Error,
            ProblemKind::AbNoVariants,
            v,
            id,
            "the A/B test has no variant".to_owned(),
        );
    } else {
        let sum: f64 = variants.iter().map(|x| x.percent).sum();
        if (sum - 100.0).abs() > 0.01 || sum.is_nan() {
            out.step(
                Severity::Error,
                ProblemKind::AbPercentSum,
                v,
                id,
                format!(
                    "variant percentages add up to {}, not 100",
                    trim_float((sum * 100.0).round() / 100.0)
                ),
            );
        }
    }
    for variant in variants {
        if !(0.0..=100.0).contains(&variant.percent) {
            out.step(
                Severity::Error,
                ProblemKind::AbPercentRange,
                v,
                id,
                format!(
                    "variant '{}' has {}%, outside 0 to 100",
                    variant.name,
                    trim_float(variant.percent)
                ),
            );
        }
    }
}

/// An A/B test's names: no two variants alike, the default variant one of them.
fn check_variant_names(
    v: (usize, &Version),
    id: StepId,
    variants: &[Variant],
    decide: Option<&Decide>,
    out: &mut Problems,
) {
    let mut seen = BTreeSet::new();
    for variant in variants {
        if !seen.insert(variant.name.as_str()) {
            out.step(
                Severity::Error,
                ProblemKind::AbDuplicateVariant,
                v,
                id,
                format!("two variants are named '{}'", variant.name),
            );
        }
    }
    if let Some(decide) = decide
        && !variants.iter().any(|x| x.name == decide.default_variant)
    {
        out.step(
            Severity::Error,
            ProblemKind::AbUnknownDefault,
            v,
            id,
            format!(
                "the default variant '{}' is not one of the variants",
                decide.default_variant
            ),
        );
    }
}

/// A step is "instant" when customers can pass it without simulated time
/// passing: anything but a `Wait` of positive span.
fn is_instant(action: &Action) -> bool {
    !matches!(action, Action::Wait { span, .. } if !span.is_zero())
}

/// The steps of a version and the links between instant steps, by index.
struct InstantGraph {
    ids: Vec<StepId>,
    forward: Vec<Vec<usize>>,
    backward: Vec<Vec<usize>>,
}

impl InstantGraph {
    fn new(version: &Version) -> Self {
        let ids: Vec<StepId> = version.steps.keys().copied().collect();
        let index: BTreeMap<StepId, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut forward: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
        let mut backward: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
        for (i, id) in ids.iter().enumerate() {
            let action = &version.steps[id].action;
            if !is_instant(action) {
                continue;
            }
            for target in action.targets() {
                if let Some(&j) = index.get(&target) {
                    forward[i].push(j);
                    backward[j].push(i);
                }
            }
        }
        InstantGraph {
            ids,
            forward,
            backward,
        }
    }

    /// Kosaraju's pass 1: the steps in the order their depth-first search finishes.
    fn finish_order(&self) -> Vec<usize> {
        let n = self.ids.len();
        let mut visited = vec![false; n];
        let mut order = Vec::with_capacity(n);
        for root in 0..n {
            if visited[root] {
                continue;
            }
            visited[root] = true;
            let mut stack = vec![(root, 0usize)];
            while let Some((node, edge)) = stack.pop() {
                if let Some(&next) = self.forward[node].get(edge) {
                    stack.push((node, edge + 1));
                    if !visited[next] {
                        visited[next] = true;
                        stack.push((next, 0));
                    }
                } else {
                    order.push(node);
                }
            }
        }
        order
    }

    /// Kosaraju's pass 2: the strongly connected components that are cycles
    /// (several steps, or one that leads to itself), members sorted.
    fn cycles(&self) -> Vec<Vec<usize>> {
        let mut component = vec![usize::MAX; self.ids.len()];
        let mut cycles = Vec::new();
        for (count, &root) in self.finish_order().iter().rev().enumerate() {
            if component[root] != usize::MAX {
                continue;
            }
            let mut members = vec![root];
            component[root] = count;
            let mut stack = vec![root];
            while let Some(node) = stack.pop() {
                for &prev in &self.backward[node] {
                    if component[prev] == usize::MAX {
                        component[prev] = count;
                        members.push(prev);
                        stack.push(prev);
                    }
                }
            }
            if members.len() > 1 || self.forward[root].contains(&root) {
                members.sort_unstable();
                cycles.push(members);
            }
        }
        cycles
    }
}

/// Flags every strongly connected set of instant steps that forms a cycle
/// (Kosaraju's algorithm, iterative so huge journeys cannot overflow the stack).
fn check_cycles(v: (usize, &Version), out: &mut Problems) {
    let graph = InstantGraph::new(v.1);
    for members in graph.cycles() {
        let names: Vec<String> = members.iter().map(|&m| graph.ids[m].to_string()).collect();
        out.step(
            Severity::Error,
            ProblemKind::InstantCycle,
            v,
            graph.ids[members[0]],
            format!(
                "steps {} form a loop with no wait of positive length: customers would go round it forever at one instant (waiting until a date or a time of day, an if/then or a message held by quiet hours does not break a loop; a Wait of more than 0 does)",
                names.join(", ")
            ),
        );
    }
}

fn check_reachable(v: (usize, &Version), out: &mut Problems) {
    let version = v.1;
    if !version.steps.contains_key(&version.first_step) {
        return;
    }
    let mut seen = BTreeSet::new();
    let mut stack = vec![version.first_step];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(step) = version.steps.get(&id) {
            stack.extend(step.action.targets());
        }
    }
    for &id in version.steps.keys() {
        if !seen.contains(&id) {
            out.step(
                Severity::Warning,
                ProblemKind::Unreachable,
                v,
                id,
                "no path reaches this step".to_owned(),
            );
        }
    }
}
