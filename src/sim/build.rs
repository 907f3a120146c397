//! Turns the merged counts of a run into a [`Report`].

use chrono::Duration;

use super::acc::{
    AFTER_END_DATE, AFTER_STOP, ARRIVED, Acc, ENTERED, EXCLUDED, F_COMPLETED, F_EXITED, F_REACHED,
    NOT_REENTERED, STEP_FIELDS,
};
use super::compiled::Compiled;
use super::report::{
    AbReport, Arrivals, ChannelReport, CoChannel, CoReport, ConnectionSeries, Exited, GoalReport,
    Occupancy, Outcomes, Report, StepReport, StepSeries, TimelineRow, VariantReport, VersionReport,
};
use super::run::Verdict;
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

fn instant(c: &Compiled, secs: f64) -> Instant {
    c.starts_at + Duration::milliseconds((secs * 1000.0).round() as i64)
}

/// Builds the report of a finished run.
pub fn build(
    journey: &Journey,
    c: &Compiled,
    seed: u64,
    customers: u64,
    acc: &Acc,
    verdicts: &[(Verdict, Option<f64>)],
) -> Report {
    let rows = acc.rows;
    let a = &acc.arrivals;
    let arrivals = Arrivals {
        arrived: a[ARRIVED],
        entered: a[ENTERED],
        excluded: a[EXCLUDED],
        after_end_date: a[AFTER_END_DATE],
        after_stop: a[AFTER_STOP],
        not_reentered: a[NOT_REENTERED],
    };
    let left = acc.completed
        + acc.suppressed.iter().sum::<u64>()
        + acc.exit_trigger.iter().sum::<u64>()
        + acc.stopped;
    let outcomes = Outcomes {
        completed: acc.completed,
        suppressed: journey
            .end
            .suppression_segments
            .iter()
            .cloned()
            .zip(acc.suppressed.iter().copied())
            .collect(),
        exit_trigger: journey
            .end
            .exit_triggers
            .iter()
            .cloned()
            .zip(acc.exit_trigger.iter().copied())
            .collect(),
        stopped: acc.stopped,
        in_progress: a[ENTERED].saturating_sub(left),
    };
    let goal = journey.goal.as_ref().map(|g| {
        let r = rate(acc.converted, a[ENTERED]);
        GoalReport {
            trigger: g.trigger.clone(),
            converted: acc.converted,
            rate: r,
            target_percent: g.target_percent,
            met: g.target_percent.map(|p| r >= p / 100.0),
        }
    });
    let mut steps = Vec::with_capacity(c.n_steps);
    let mut series = Vec::with_capacity(c.n_steps);
    let mut connections = Vec::with_capacity(c.n_conns);
    for v in &c.versions {
        for st in &v.steps {
            let field = |f: usize| {
                let deltas: Vec<u64> = (0..rows)
                    .map(|k| acc.steps[(k * acc.n_steps + st.global) * STEP_FIELDS + f])
                    .collect();
                cumulative(&deltas)
            };
            let reached = field(F_REACHED);
            let completed = field(F_COMPLETED);
            let suppressed = field(F_EXITED);
            let exit_trigger = field(F_EXITED + 1);
            let stopped = field(F_EXITED + 2);
            let at_step: Vec<u64> = (0..rows)
                .map(|k| {
                    reached[k]
                        .saturating_sub(completed[k] + suppressed[k] + exit_trigger[k] + stopped[k])
                })
                .collect();
            let conv_deltas: Vec<u64> = (0..rows)
                .map(|k| acc.step_conv[k * acc.n_steps + st.global])
                .collect();
            let converted_total = conv_deltas.iter().sum();
            let converted = cumulative(&conv_deltas);
            let last = |s: &Vec<u64>| s.last().copied().unwrap_or(0);
            steps.push(StepReport {
                version: v.number,
                id: st.id,
                name: st.name.clone(),
                reached: last(&reached),
                completed: last(&completed),
                exited: Exited {
                    suppressed: last(&suppressed),
                    exit_trigger: last(&exit_trigger),
                    stopped: last(&stopped),
                },
                in_progress: last(&at_step),
            });
            series.push(StepSeries {
                version: v.number,
                id: st.id,
                at_step,
                reached,
                completed,
                suppressed,
                exit_trigger,
                stopped,
                converted,
                converted_total,
            });
            for (out, target) in st.targets.iter().enumerate() {
                let deltas: Vec<u64> = (0..rows)
                    .map(|k| acc.conns[k * acc.n_conns + st.conn + out])
                    .collect();
                connections.push(ConnectionSeries {
                    version: v.number,
                    step: st.id,
                    output: out,
                    target: *target,
                    passes: cumulative(&deltas),
                });
            }
        }
    }
    let ab_tests = c
        .abs
        .iter()
        .zip(verdicts)
        .map(|(ab, (verdict, decided))| AbReport {
            version: ab.version,
            step: ab.step,
            variants: ab
                .names
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let (n, k) = (acc.assigned[ab.credit + i], acc.credits[ab.credit + i]);
                    VariantReport {
                        name: name.clone(),
                        assigned: n,
                        converted: k,
                        rate: rate(k, n),
                        ci95: wilson95(k, n),
                    }
                })
                .collect(),
            winner: verdict.winner.map(|w| ab.names[w].clone()),
            p_value: verdict.p_value,
            decided_at: decided.map(|d| instant(c, d)),
        })
        .collect();
    let channels = c
        .channels
        .iter()
        .enumerate()
        .map(|(i, ch)| {
            let [sent, delivered, opened, clicked] = acc.channels[i];
            ChannelReport {
                channel: ch.channel.json_name(),
                sent,
                delivered,
                opened,
                clicked,
                converted: acc.credits[i],
            }
        })
        .collect();
    let channel_optimization = c
        .cos
        .iter()
        .map(|co| {
            let list: Vec<CoChannel> = co
                .channels
                .iter()
                .enumerate()
                .map(|(i, &ch)| {
                    let credit = co.credit + i;
                    CoChannel {
                        channel: c.channels[ch].channel.json_name(),
                        sent: acc.assigned[credit],
                        clicked: acc.clicked[credit],
                        converted: acc.credits[credit],
                        rate: rate(acc.credits[credit], acc.assigned[credit]),
                    }
                })
                .collect();
            let mut best: Option<usize> = None;
            for (i, ch) in list.iter().enumerate() {
                if ch.sent > 0 && best.is_none_or(|b| ch.rate > list[b].rate) {
                    best = Some(i);
                }
            }
            CoReport {
                version: co.version,
                step: co.step,
                best: best.map(|b| list[b].channel.clone()),
                channels: list,
            }
        })
        .collect();
    let versions = c
        .versions
        .iter()
        .zip(&acc.versions)
        .map(|(v, &[entered, completed, stopped])| VersionReport {
            version: v.number,
            entered,
            completed,
            stopped,
        })
        .collect();
    let entered = cumulative(&acc.entered_h);
    let exited = cumulative(&acc.exited_h);
    let timeline = (0..rows)
        .map(|k| TimelineRow {
            at: c.starts_at + Duration::hours(k as i64),
            in_progress: entered[k].saturating_sub(exited[k]),
            entered: acc.entered_h[k],
            exited: acc.exited_h[k],
        })
        .collect();
    Report {
        journey: c.name.clone(),
        seed,
        customers,
        arrivals,
        outcomes,
        goal,
        steps,
        ab_tests,
        channels,
        channel_optimization,
        versions,
        timeline,
        occupancy: Occupancy {
            steps: series,
            connections,
            conversions: cumulative(&acc.converted_h),
        },
        events: acc.events,
    }
}
