//! `validate()`: every rule of FORMAT.md's Validation section.
//!
//! Errors make the simulator refuse a journey; warnings are shown and the
//! design is kept and simulated. Each problem names the version and step it
//! concerns, in the marketer's words.

use std::collections::{BTreeMap, BTreeSet};

use super::journey::{Audience, FORMAT_VERSION, Journey, Version};
use super::scenario::{ChannelModel, Dist, MAX_CUSTOMERS};
use super::span::{MAX_SPAN, Span};
use super::step::{Action, Condition, Event, StepId, trim_float};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The design is kept and simulated.
    Warning,
    /// The simulator refuses the journey.
    Error,
}

/// Which rule a problem breaks (one per rule of FORMAT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// `format` is not one this release knows.
    UnsupportedFormat,
    /// The journey has no version.
    NoVersions,
    /// `first_step` names no step.
    MissingFirstStep,
    /// A `next` (or yes/no/otherwise/variant target) names no step.
    MissingNext,
    /// An event names a step that is missing or not a message.
    EventNotMessage,
    /// A cycle with no `Wait` of positive span.
    InstantCycle,
    /// A/B percentages do not add up to 100.
    AbPercentSum,
    /// An A/B percentage below 0 or above 100.
    AbPercentRange,
    /// An A/B step with no variant.
    AbNoVariants,
    /// Two variants with the same name.
    AbDuplicateVariant,
    /// The decision's default variant is not a variant.
    AbUnknownDefault,
    /// A channel-optimization step with no channel.
    NoChannels,
    /// The end date is before the start.
    EndBeforeStart,
    /// Version 1 published at another instant than the start.
    FirstVersionPublishedElsewhere,
    /// Versions whose `published_at` do not increase.
    VersionsNotIncreasing,
    /// A draft that is not the last version.
    DraftNotLast,
    /// A version published after the newest one was stopped.
    PublishedAfterStop,
    /// A version stopped before it was published (or a stopped draft).
    StoppedBeforePublished,
    /// A probability outside 0..=1.
    Probability,
    /// A negative (or non-numeric) rate.
    NegativeRate,
    /// Choice weights negative or summing to 0.
    ChoiceWeights,
    /// A range whose low end is above its high end.
    RangeBounds,
    /// More customers than the product's maximum.
    TooManyCustomers,
    /// A step no path reaches (warning).
    Unreachable,
    /// `arrivals_over` longer than `horizon` (warning).
    ArrivalsLongerThanHorizon,
    /// A name the scenario does not model (warning; the simulator refuses).
    Unmodelled,
    /// A span longer than [`MAX_SPAN`], the longest the product handles.
    SpanTooLong,
}

/// One problem found by [`validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The rule broken.
    pub kind: ProblemKind,
    /// The version concerned, numbered from 1.
    pub version: Option<usize>,
    /// The step concerned.
    pub step: Option<StepId>,
    /// That step's name.
    pub step_name: Option<String>,
    /// What is wrong, in the marketer's words.
    pub message: String,
}

impl Problem {
    /// Where the problem is: "version 2, step 7 'Coupon'", "step 7 'Coupon'", "journey".
    ///
    /// The version is named only when the journey has several (`several_versions`).
    pub fn location(&self, several_versions: bool) -> String {
        let mut parts = Vec::new();
        if let (true, Some(v)) = (several_versions, self.version) {
            parts.push(format!("version {v}"));
        }
        if let Some(id) = self.step {
            match &self.step_name {
                Some(name) => parts.push(format!("step {id} '{name}'")),
                None => parts.push(format!("step {id}")),
            }
        }
        if parts.is_empty() {
            "journey".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// True for an error (the simulator refuses).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let several = self.version.is_some_and(|v| v > 1);
        let prefix = if self.is_error() { "" } else { "warning: " };
        write!(f, "{}: {prefix}{}", self.location(several), self.message)
    }
}

/// Checks a journey against every rule of FORMAT.md's Validation section.
pub fn validate(journey: &Journey) -> Vec<Problem> {
    let mut out = Problems::default();
    if journey.format == 0 || journey.format > FORMAT_VERSION {
        out.journey(
            Severity::Error,
            ProblemKind::UnsupportedFormat,
            format!(
                "format {} is not one this release reads (it reads format {FORMAT_VERSION})",
                journey.format
            ),
        );
    }
    check_dates_and_versions(journey, &mut out);
    for (index, version) in journey.versions.iter().enumerate() {
        check_version(index + 1, version, &mut out);
    }
    check_scenario(journey, &mut out);
    check_names(journey, &mut out);
    out.list
}

#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    fn journey(&mut self, severity: Severity, kind: ProblemKind, message: String) {
        self.list.push(Problem {
            severity,
            kind,
            version: None,
            step: None,
            step_name: None,
            message,
        });
    }

    fn version(&mut self, version: usize, kind: ProblemKind, message: String) {
        self.list.push(Problem {
            severity: Severity::Error,
            kind,
            version: Some(version),
            step: None,
            step_name: None,
            message,
        });
    }

    fn step(
        &mut self,
        severity: Severity,
        kind: ProblemKind,
        (version_no, version): (usize, &Version),
        id: StepId,
        message: String,
    ) {
        self.list.push(Problem {
            severity,
            kind,
            version: Some(version_no),
            step: Some(id),
            step_name: version.steps.get(&id).map(|s| s.name.clone()),
            message,
        });
    }
}

fn check_dates_and_versions(journey: &Journey, out: &mut Problems) {
    let starts_at = journey.start.starts_at;
    if let Some(end) = journey.end.end_date
        && end < starts_at
    {
        out.journey(
            Severity::Error,
            ProblemKind::EndBeforeStart,
            format!("the end date {end} is before the start {starts_at}"),
        );
    }
    if journey.versions.is_empty() {
        out.journey(
            Severity::Error,
            ProblemKind::NoVersions,
            "the journey has no version: it needs at least one".to_owned(),
        );
        return;
    }
    if let Some(published) = journey.versions[0].published_at
        && published != starts_at
    {
        out.version(
            1,
            ProblemKind::FirstVersionPublishedElsewhere,
            format!("version 1 is published at {published}, but the journey starts at {starts_at}"),
        );
    }
    let last = journey.versions.len() - 1;
    for (index, version) in journey.versions.iter().enumerate() {
        let no = index + 1;
        let live = journey.live_at(index);
        if live.is_none() && index != last {
            out.version(
                no,
                ProblemKind::DraftNotLast,
                format!("version {no} is a draft (never published), but only the last version may be a draft"),
            );
        }
        if let Some(stopped) = version.stopped_at {
            match live {
                None => out.version(
                    no,
                    ProblemKind::StoppedBeforePublished,
                    format!("version {no} is stopped at {stopped} but was never published"),
                ),
                Some(live) if stopped < live => out.version(
                    no,
                    ProblemKind::StoppedBeforePublished,
                    format!(
                        "version {no} is stopped at {stopped}, before it was published at {live}"
                    ),
                ),
                Some(_) => {}
            }
        }
        if index == 0 {
            continue;
        }
        let (Some(previous_live), Some(live)) = (journey.live_at(index - 1), live) else {
            continue;
        };
        if live <= previous_live {
            out.version(
                no,
                ProblemKind::VersionsNotIncreasing,
                format!(
                    "version {no} is published at {live}, not after version {index} ({previous_live})"
                ),
            );
        }
        if let Some(stopped) = journey.versions[index - 1].stopped_at
            && live >= stopped
        {
            out.version(
                no,
                ProblemKind::PublishedAfterStop,
                format!(
                    "version {no} is published at {live}, after version {index} was stopped at {stopped}: a stopped journey cannot get a new version (copy it into a new journey instead)"
                ),
            );
        }
    }
}

fn check_version(no: usize, version: &Version, out: &mut Problems) {
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

fn check_action(v: (usize, &Version), id: StepId, action: &Action, out: &mut Problems) {
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
    match action {
        Action::IfThen { event, .. } => {
            if let Some(target) = event.step() {
                match v.1.steps.get(&target).map(|s| &s.action) {
                    Some(Action::Message { .. } | Action::ChannelOptimization { .. }) => {}
                    Some(_) => out.step(
                        Severity::Error,
                        ProblemKind::EventNotMessage,
                        v,
                        id,
                        format!(
                            "it waits for an interaction with step {target}, which sends no message"
                        ),
                    ),
                    None => out.step(
                        Severity::Error,
                        ProblemKind::EventNotMessage,
                        v,
                        id,
                        format!(
                            "it waits for an interaction with step {target}, which does not exist"
                        ),
                    ),
                }
            }
        }
        Action::AbTest { variants, decide } => {
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

/// A step is "instant" when customers can pass it without simulated time
/// passing: anything but a `Wait` of positive span.
fn is_instant(action: &Action) -> bool {
    !matches!(action, Action::Wait { span, .. } if !span.is_zero())
}

/// Flags every strongly connected set of instant steps that forms a cycle
/// (Kosaraju's algorithm, iterative so huge journeys cannot overflow the stack).
fn check_cycles(v: (usize, &Version), out: &mut Problems) {
    let version = v.1;
    let ids: Vec<StepId> = version.steps.keys().copied().collect();
    let index: BTreeMap<StepId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
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
    // Pass 1: order by finish time.
    let mut visited = vec![false; ids.len()];
    let mut order = Vec::with_capacity(ids.len());
    for root in 0..ids.len() {
        if visited[root] {
            continue;
        }
        visited[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some((node, edge)) = stack.pop() {
            if let Some(&next) = forward[node].get(edge) {
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
    // Pass 2: components on the reversed graph.
    let mut component = vec![usize::MAX; ids.len()];
    let mut count = 0;
    for &root in order.iter().rev() {
        if component[root] != usize::MAX {
            continue;
        }
        let mut members = vec![root];
        component[root] = count;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &prev in &backward[node] {
                if component[prev] == usize::MAX {
                    component[prev] = count;
                    members.push(prev);
                    stack.push(prev);
                }
            }
        }
        let is_cycle = members.len() > 1 || forward[root].contains(&root);
        if is_cycle {
            members.sort_unstable();
            let names: Vec<String> = members.iter().map(|&m| ids[m].to_string()).collect();
            out.step(
                Severity::Error,
                ProblemKind::InstantCycle,
                v,
                ids[members[0]],
                format!(
                    "steps {} form a loop with no wait of positive length: customers would go round it forever at one instant",
                    names.join(", ")
                ),
            );
        }
        count += 1;
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

fn too_long(span: Span) -> bool {
    span.seconds() > MAX_SPAN.seconds()
}

fn too_long_reason() -> String {
    format!("longer than {MAX_SPAN}, the longest span Journey Designer handles")
}

fn check_span(what: &str, span: Span, out: &mut Problems) {
    if too_long(span) {
        out.journey(
            Severity::Error,
            ProblemKind::SpanTooLong,
            format!("{what} is {span}: {}", too_long_reason()),
        );
    }
}

fn check_probability(what: &str, p: f64, out: &mut Problems) {
    if !(0.0..=1.0).contains(&p) {
        out.journey(
            Severity::Error,
            ProblemKind::Probability,
            format!("scenario: {what} is {p}, but a probability must be between 0 and 1"),
        );
    }
}

fn check_rate(what: &str, rate: f64, out: &mut Problems) {
    if !(rate >= 0.0 && rate.is_finite()) {
        out.journey(
            Severity::Error,
            ProblemKind::NegativeRate,
            format!("scenario: {what} is {rate}, but a rate must be a number of at least 0"),
        );
    }
}

fn check_channel(what: &str, model: &ChannelModel, out: &mut Problems) {
    check_probability(&format!("{what} delivered"), model.delivered, out);
    check_probability(&format!("{what} opened"), model.opened, out);
    check_probability(&format!("{what} clicked"), model.clicked, out);
    check_span(
        &format!("scenario: {what} open delay"),
        model.open_delay,
        out,
    );
    check_span(
        &format!("scenario: {what} click delay"),
        model.click_delay,
        out,
    );
}

fn check_scenario(journey: &Journey, out: &mut Problems) {
    let scenario = &journey.scenario;
    if scenario.customers > MAX_CUSTOMERS {
        out.journey(
            Severity::Error,
            ProblemKind::TooManyCustomers,
            format!(
                "scenario: {} customers is more than the {MAX_CUSTOMERS} Journey Designer can simulate",
                scenario.customers
            ),
        );
    }
    if let Some(goal) = &journey.goal {
        if let Some(target) = goal.target_percent
            && !(0.0..=100.0).contains(&target)
        {
            out.journey(
                Severity::Error,
                ProblemKind::Probability,
                format!(
                    "the goal's target is {target}%, but a target must be between 0 and 100 percent"
                ),
            );
        }
        check_span("the goal's attribution window", goal.attribution, out);
    }
    check_span("scenario: the arrival period", scenario.arrivals_over, out);
    check_span("scenario: the simulated period", scenario.horizon, out);
    if scenario.arrivals_over.seconds() > scenario.horizon.seconds() {
        out.journey(
            Severity::Warning,
            ProblemKind::ArrivalsLongerThanHorizon,
            format!(
                "scenario: arrivals are spread over {}, longer than the {} simulated: later arrivals are not simulated",
                scenario.arrivals_over, scenario.horizon
            ),
        );
    }
    for (name, dist) in &scenario.attributes {
        match dist {
            Dist::Choice(choices) => {
                let sum: f64 = choices.iter().map(|(_, w)| *w).sum();
                let negative = choices.iter().any(|(_, w)| !(*w >= 0.0 && w.is_finite()));
                if negative || !(sum > 0.0 && sum.is_finite()) {
                    out.journey(
                        Severity::Error,
                        ProblemKind::ChoiceWeights,
                        format!("scenario: attribute '{name}' has weights that are negative or add up to 0"),
                    );
                }
            }
            Dist::Range(low, high) => {
                if low > high || !low.is_finite() || !high.is_finite() {
                    out.journey(
                        Severity::Error,
                        ProblemKind::RangeBounds,
                        format!("scenario: attribute '{name}' ranges from {low} to {high}: the low end is above the high end"),
                    );
                }
            }
        }
    }
    for (name, model) in &scenario.segments {
        check_probability(&format!("segment '{name}' share"), model.share, out);
        check_rate(
            &format!("segment '{name}' joins per day"),
            model.joins_per_day,
            out,
        );
    }
    for (name, model) in &scenario.triggers {
        check_rate(&format!("trigger '{name}' per day"), model.per_day, out);
        check_rate(
            &format!("trigger '{name}' click lift"),
            model.click_lift,
            out,
        );
        check_span(
            &format!("scenario: trigger '{name}' lift period"),
            model.lift_for,
            out,
        );
    }
    for (channel, model) in &scenario.channels {
        check_channel(&format!("channel {}", channel.label()), model, out);
    }
    for (segment, channels) in &scenario.segment_channels {
        for (channel, model) in channels {
            check_channel(
                &format!("segment '{segment}' channel {}", channel.label()),
                model,
                out,
            );
        }
    }
}

/// A design name the scenario must model, and where it is used.
struct NameUse {
    kind: &'static str,
    name: String,
    version: Option<usize>,
    step: Option<StepId>,
}

fn check_names(journey: &Journey, out: &mut Problems) {
    let scenario = &journey.scenario;
    let mut uses: Vec<NameUse> = Vec::new();
    let journey_use = |kind, name: &String| NameUse {
        kind,
        name: name.clone(),
        version: None,
        step: None,
    };
    for s in &journey.start.exclude_segments {
        uses.push(journey_use("segment", s));
    }
    for s in &journey.end.suppression_segments {
        uses.push(journey_use("segment", s));
    }
    for t in &journey.end.exit_triggers {
        uses.push(journey_use("trigger", t));
    }
    if let Some(goal) = &journey.goal {
        uses.push(journey_use("trigger", &goal.trigger));
    }
    for model in scenario.segments.values() {
        if let Some(condition) = &model.when {
            push_condition(condition, None, None, &mut uses);
        }
    }
    for (index, version) in journey.versions.iter().enumerate() {
        for (&id, step) in &version.steps {
            let (v, s) = (Some(index + 1), Some(id));
            match &step.action {
                Action::Branch { rules, .. } => {
                    for rule in rules {
                        push_condition(&rule.when, v, s, &mut uses);
                    }
                }
                Action::IfThen { event, .. } => match event {
                    Event::Trigger(t) => uses.push(NameUse {
                        kind: "trigger",
                        name: t.clone(),
                        version: v,
                        step: s,
                    }),
                    Event::JoinedSegment(g) => uses.push(NameUse {
                        kind: "segment",
                        name: g.clone(),
                        version: v,
                        step: s,
                    }),
                    _ => {}
                },
                _ => {}
            }
        }
    }
    let audience = match &journey.start.audience {
        Audience::Segment(s) => ("segment", s.as_str()),
        Audience::Trigger(t) => ("trigger", t.as_str()),
    };
    let mut reported = BTreeSet::new();
    for u in uses {
        let modelled = match u.kind {
            "segment" => scenario.segments.contains_key(&u.name),
            "trigger" => scenario.triggers.contains_key(&u.name),
            _ => scenario.attributes.contains_key(&u.name),
        };
        let is_audience = (u.kind, u.name.as_str()) == audience;
        if modelled || is_audience || !reported.insert((u.kind, u.name.clone(), u.version, u.step))
        {
            continue;
        }
        let message = format!(
            "the {} '{}' is not in the scenario: add a model for it to simulate the journey",
            u.kind, u.name
        );
        match (u.version, u.step) {
            (Some(no), Some(id)) => {
                let version = &journey.versions[no - 1];
                out.step(
                    Severity::Warning,
                    ProblemKind::Unmodelled,
                    (no, version),
                    id,
                    message,
                );
            }
            _ => out.journey(Severity::Warning, ProblemKind::Unmodelled, message),
        }
    }
}

fn push_condition(
    condition: &Condition,
    version: Option<usize>,
    step: Option<StepId>,
    uses: &mut Vec<NameUse>,
) {
    let (kind, name) = match condition {
        Condition::InSegment(s) => ("segment", s),
        Condition::Equals(a, _) | Condition::Above(a, _) | Condition::Below(a, _) => {
            ("attribute", a)
        }
    };
    uses.push(NameUse {
        kind,
        name: name.clone(),
        version,
        step,
    });
}
