//! Turns the merged counts of a run into a [`Report`].

use chrono::Duration;

use super::compiled::{self, AbTest, ChannelOptimization, Compiled};
use super::counts::{Counts, StepCounts};
use super::report::{
    AbReport, ChannelReport, CoChannel, CoReport, ConnectionSeries, Exited, GoalReport,
    MessageCounts, Occupancy, Outcomes, Report, StepReport, StepSeries, TimelineRow, VariantReport,
    VersionReport,
};
use super::run::{AbResult, Finished};
use super::stats::{rate, wilson95};
use crate::model::{Instant, Journey};

/// Running sums of a slice.
fn cumulative(deltas: &[u64]) -> Vec<u64> {
    let mut sum = 0;
    deltas
        .iter()
        .map(|d| {
            sum += d;
            sum
        })
        .collect()
}

/// The last value of a running sum (0 when empty).
fn last(series: &[u64]) -> u64 {
    series.last().copied().unwrap_or(0)
}

fn instant(compiled: &Compiled, secs: f64) -> Instant {
    compiled.starts_at + Duration::milliseconds((secs * 1000.0).round() as i64)
}

/// Builds the report of a finished run.
pub fn build(
    journey: &Journey,
    compiled: &Compiled,
    seed: u64,
    customers: u64,
    finished: &Finished,
) -> Report {
    let counts = &finished.counts;
    let steps = Steps::new(compiled, counts);
    Report {
        journey: compiled.name.clone(),
        seed,
        customers,
        arrivals: counts.arrivals.clone(),
        outcomes: outcomes(journey, counts),
        goal: goal(journey, counts),
        steps: steps.reports,
        ab_tests: ab_tests(compiled, counts, &finished.ab_results),
        channels: channels(compiled, counts),
        channel_optimization: compiled
            .channel_optimizations
            .iter()
            .map(|optimization| channel_optimization(compiled, counts, optimization))
            .collect(),
        versions: versions(compiled, counts),
        timeline: timeline(compiled, counts),
        occupancy: Occupancy {
            steps: steps.series,
            connections: steps.connections,
            conversions: cumulative(&counts.converted_per_hour),
            hours_per_row: counts.resolution.hours,
            last_hour: counts.rows.saturating_sub(1),
            held_out: cumulative(&counts.delivery.held_out_per_hour),
        },
        events: counts.events,
        holdout: super::delivery::report::holdout(journey, &counts.delivery),
        send_volume: super::delivery::report::send_volume(compiled, &counts.delivery),
    }
}

/// How entries ended (S3–S7).
fn outcomes(journey: &Journey, counts: &Counts) -> Outcomes {
    let left = counts.completed
        + counts.suppressed.iter().sum::<u64>()
        + counts.exit_trigger.iter().sum::<u64>()
        + counts.stopped
        + counts.delivery.held_out;
    let end = &journey.end;
    Outcomes {
        completed: counts.completed,
        suppressed: end
            .suppression_segments
            .iter()
            .cloned()
            .zip(counts.suppressed.iter().copied())
            .collect(),
        exit_trigger: end
            .exit_triggers
            .iter()
            .cloned()
            .zip(counts.exit_trigger.iter().copied())
            .collect(),
        stopped: counts.stopped,
        in_progress: counts.arrivals.entered.saturating_sub(left),
        held_out: counts.delivery.held_out,
    }
}

/// The goal's result (S11).
fn goal(journey: &Journey, counts: &Counts) -> Option<GoalReport> {
    journey.goal.as_ref().map(|goal| {
        // Held-out entries are not the journey's (S23, precise point 1).
        let treated = counts.arrivals.entered - counts.delivery.held_out;
        let r = rate(counts.converted, treated);
        GoalReport {
            trigger: goal.trigger.clone(),
            converted: counts.converted,
            rate: r,
            target_percent: goal.target_percent,
            met: goal.target_percent.map(|p| r >= p / 100.0),
        }
    })
}

/// Per step: its tile analytics, its series over time and its connections' series.
struct Steps {
    reports: Vec<StepReport>,
    series: Vec<StepSeries>,
    connections: Vec<ConnectionSeries>,
}

impl Steps {
    fn new(compiled: &Compiled, counts: &Counts) -> Self {
        let mut steps = Steps {
            reports: Vec::with_capacity(compiled.step_count),
            series: Vec::with_capacity(compiled.step_count),
            connections: Vec::with_capacity(compiled.connection_count),
        };
        for version in &compiled.versions {
            for step in &version.steps {
                let series = step_series(counts, version.number, step);
                let mut report = step_report(&series, &step.name);
                report.messages = counts.delivery.steps[step.index];
                if sends_every_visit(compiled, step) {
                    report.messages.sent = report.reached;
                }
                steps.reports.push(report);
                steps.series.push(series);
                steps
                    .connections
                    .extend(connections(counts, version.number, step));
            }
        }
        steps
    }
}

/// One step's counts over time (in series rows), cumulative.
fn step_series(counts: &Counts, version: u32, step: &compiled::Step) -> StepSeries {
    let rows = counts.resolution.rows;
    let at = |row: usize| &counts.steps[row * counts.step_count + step.index];
    let series = |value: &dyn Fn(&StepCounts) -> u64| {
        let deltas: Vec<u64> = (0..rows).map(|row| value(at(row))).collect();
        cumulative(&deltas)
    };
    let reached = series(&|s| s.reached);
    let completed = series(&|s| s.completed);
    // In `Exit::reason` order.
    let [suppressed, exit_trigger, stopped] =
        std::array::from_fn(|reason| series(&|s| s.exited[reason]));
    let at_step: Vec<u64> = (0..rows)
        .map(|k| {
            reached[k].saturating_sub(completed[k] + suppressed[k] + exit_trigger[k] + stopped[k])
        })
        .collect();
    let conversions: Vec<u64> = (0..rows)
        .map(|row| counts.step_conversions[row * counts.step_count + step.index])
        .collect();
    StepSeries {
        version,
        id: step.id,
        at_step,
        reached,
        completed,
        suppressed,
        exit_trigger,
        stopped,
        converted: cumulative(&conversions),
        converted_total: conversions.iter().sum(),
    }
}

/// A step's tile analytics: the final values of its series.
fn step_report(series: &StepSeries, name: &str) -> StepReport {
    StepReport {
        version: series.version,
        id: series.id,
        name: name.to_owned(),
        reached: last(&series.reached),
        completed: last(&series.completed),
        exited: Exited {
            suppressed: last(&series.suppressed),
            exit_trigger: last(&series.exit_trigger),
            stopped: last(&series.stopped),
        },
        in_progress: last(&series.at_step),
        messages: MessageCounts::default(),
    }
}

/// Passes along each output of `step` over time (in series rows), cumulative.
fn connections(
    counts: &Counts,
    version: u32,
    step: &compiled::Step,
) -> impl Iterator<Item = ConnectionSeries> {
    step.targets
        .iter()
        .enumerate()
        .map(move |(output, target)| {
            let connection = step.first_connection + output;
            let deltas: Vec<u64> = (0..counts.resolution.rows)
                .map(|row| counts.connections[row * counts.connection_count + connection])
                .collect();
            ConnectionSeries {
                version,
                step: step.id,
                output,
                target: *target,
                passes: cumulative(&deltas),
            }
        })
}

/// The A/B tests (S12).
fn ab_tests(compiled: &Compiled, counts: &Counts, results: &[AbResult]) -> Vec<AbReport> {
    compiled
        .ab_tests
        .iter()
        .zip(results)
        .map(|(test, result)| AbReport {
            version: test.version,
            step: test.step,
            variants: variants(test, counts),
            winner: result.verdict.winner.map(|w| test.variants[w].clone()),
            p_value: result.verdict.p_value,
            decided_at: result.decided_at.map(|at| instant(compiled, at)),
        })
        .collect()
}

fn variants(test: &AbTest, counts: &Counts) -> Vec<VariantReport> {
    test.variants
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let credit = test.first_credit + i;
            let (assigned, converted) = (counts.assigned[credit], counts.credits[credit]);
            VariantReport {
                name: name.clone(),
                assigned,
                converted,
                rate: rate(converted, assigned),
                ci95: wilson95(converted, assigned),
            }
        })
        .collect()
}

/// Messages per channel.
fn channels(compiled: &Compiled, counts: &Counts) -> Vec<ChannelReport> {
    compiled
        .channels
        .iter()
        .zip(&counts.channels)
        .enumerate()
        .map(|(i, (channel, n))| ChannelReport {
            channel: channel.id.json_name(),
            sent: n.sent,
            delivered: n.delivered,
            opened: n.opened,
            clicked: n.clicked,
            converted: counts.credits[i],
            skipped: counts.delivery.channels[i].skipped,
            capped: counts.delivery.channels[i].capped,
        })
        .collect()
}

/// A channel-optimization step: its channels and the best of them.
fn channel_optimization(
    compiled: &Compiled,
    counts: &Counts,
    optimization: &ChannelOptimization,
) -> CoReport {
    let list: Vec<CoChannel> = optimization
        .channels
        .iter()
        .enumerate()
        .map(|(i, &channel)| {
            let credit = optimization.first_credit + i;
            CoChannel {
                channel: compiled.channels[channel].id.json_name(),
                sent: counts.assigned[credit],
                clicked: counts.clicked[credit],
                converted: counts.credits[credit],
                rate: rate(counts.credits[credit], counts.assigned[credit]),
            }
        })
        .collect();
    let mut best: Option<usize> = None;
    for (i, channel) in list.iter().enumerate() {
        if channel.sent > 0 && best.is_none_or(|b| channel.rate > list[b].rate) {
            best = Some(i);
        }
    }
    CoReport {
        version: optimization.version,
        step: optimization.step,
        best: best.map(|b| list[b].channel.clone()),
        channels: list,
    }
}

fn versions(compiled: &Compiled, counts: &Counts) -> Vec<VersionReport> {
    compiled
        .versions
        .iter()
        .zip(&counts.versions)
        .map(|(version, n)| VersionReport {
            version: version.number,
            entered: n.entered,
            completed: n.completed,
            stopped: n.stopped,
        })
        .collect()
}

/// One row per hour: entries, departures and those in the journey.
fn timeline(compiled: &Compiled, counts: &Counts) -> Vec<TimelineRow> {
    let entered = cumulative(&counts.entered_per_hour);
    let exited = cumulative(&counts.exited_per_hour);
    let sent = sent_per_hour(compiled, counts);
    (0..counts.rows)
        .map(|k| TimelineRow {
            at: compiled.starts_at + Duration::hours(k as i64),
            in_progress: entered[k].saturating_sub(exited[k]),
            entered: counts.entered_per_hour[k],
            exited: counts.exited_per_hour[k],
            sent: sent[k],
        })
        .collect()
}

/// A message step of a run without delivery rules: every visit sends, at once, so its
/// sends are its visits and the engine does not count them (`DeliveryCounts::sent_plain`).
fn sends_every_visit(compiled: &Compiled, step: &compiled::Step) -> bool {
    compiled.delivery.plain && matches!(step.action, compiled::Action::Message { .. })
}

/// Messages sent per hour. A plain run with an hourly step series counts only those
/// `sent_plain` does not see; every visit of a message step is a send in its hour
/// (`DeliveryCounts::sent_from_visits`).
fn sent_per_hour(compiled: &Compiled, counts: &Counts) -> Vec<u64> {
    let mut sent = counts.delivery.sent_per_hour.clone();
    if counts.delivery.sent_from_visits {
        let messages: Vec<usize> = compiled
            .versions
            .iter()
            .flat_map(|v| &v.steps)
            .filter(|s| sends_every_visit(compiled, s))
            .map(|s| s.index)
            .collect();
        for (k, row) in sent.iter_mut().enumerate() {
            let first = k * counts.step_count;
            *row += messages
                .iter()
                .filter_map(|&s| counts.steps.get(first + s))
                .map(|c| c.reached)
                .sum::<u64>();
        }
    }
    sent
}
