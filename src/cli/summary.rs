//! The readable summary `simulate` prints without `--json`: one writer per
//! section, in the order they appear.

use std::io::{Result, Write};

use crate::sim::Report;

/// Writes the whole summary.
pub fn write(out: &mut impl Write, report: &Report) -> Result<()> {
    arrivals(out, report)?;
    outcomes(out, report)?;
    goal(out, report)?;
    holdout(out, report)?;
    steps(out, report)?;
    messages(out, report)?;
    ab_tests(out, report)?;
    channel_optimization(out, report)?;
    channels(out, report)
}

/// `k` as a percentage of `n`, "-" when `n` is 0.
fn pct(k: u64, n: u64) -> String {
    if n == 0 {
        "-".to_owned()
    } else {
        format!("{:.2}%", 100.0 * k as f64 / n as f64)
    }
}

/// One indented row: label, count and its share of `of`.
fn row(out: &mut impl Write, label: &str, n: u64, of: u64) -> Result<()> {
    writeln!(out, "  {label:<30}{n:>12}  {:>8}", pct(n, of))
}

/// The title line and where the arrivals went.
fn arrivals(out: &mut impl Write, report: &Report) -> Result<()> {
    let a = &report.arrivals;
    writeln!(
        out,
        "{}: {} customers, seed {}",
        report.journey, report.customers, report.seed
    )?;
    writeln!(out, "\nArrivals                        {:>12}", a.arrived)?;
    for (label, n) in [
        ("entered", a.entered),
        ("excluded", a.excluded),
        ("after end date", a.after_end_date),
        ("after stop", a.after_stop),
        ("not re-entered", a.not_reentered),
    ] {
        row(out, label, n, a.arrived)?;
    }
    Ok(())
}

/// How the entries left (or not) the journey.
fn outcomes(out: &mut impl Write, report: &Report) -> Result<()> {
    let entered = report.arrivals.entered;
    let o = &report.outcomes;
    writeln!(out, "\nOutcomes (of {entered} entered)")?;
    row(out, "completed", o.completed, entered)?;
    for (name, n) in &o.suppressed {
        row(out, &format!("suppressed: {name}"), *n, entered)?;
    }
    for (name, n) in &o.exit_trigger {
        row(out, &format!("exit: {name}"), *n, entered)?;
    }
    row(out, "stopped", o.stopped, entered)?;
    if report.holdout.is_some() {
        row(out, "held out", o.held_out, entered)?;
    }
    row(out, "in progress", o.in_progress, entered)
}

/// The holdout's lift, when the journey holds entries out.
fn holdout(out: &mut impl Write, report: &Report) -> Result<()> {
    let Some(h) = &report.holdout else {
        return Ok(());
    };
    writeln!(
        out,
        "
Holdout {}%: treated {} converted {:.2}% of {}, held out {} converted {:.2}% of {}",
        h.percent,
        h.treated_converted,
        100.0 * h.treated_rate,
        h.treated,
        h.held_out_converted,
        100.0 * h.held_out_rate,
        h.held_out
    )?;
    writeln!(
        out,
        "  lift {:+.2} points [{:+.2}, {:+.2}], p = {:.3e}: {:+.1} conversions per 1,000 entries",
        100.0 * h.lift,
        100.0 * h.ci95[0],
        100.0 * h.ci95[1],
        h.p_value,
        1000.0 * h.lift
    )
}

/// Messages that quiet hours held or skipped, or a cap dropped (only steps with any).
fn messages(out: &mut impl Write, report: &Report) -> Result<()> {
    let touched: Vec<_> = report
        .steps
        .iter()
        .filter(|s| s.messages.held + s.messages.skipped + s.messages.capped > 0)
        .collect();
    if touched.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "
{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}",
        "ver", "step", "messages", "sent", "held", "skipped", "capped"
    )?;
    for st in touched {
        let name: String = st.name.chars().take(26).collect();
        let m = &st.messages;
        writeln!(
            out,
            "{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}",
            st.version, st.id.0, name, m.sent, m.held, m.skipped, m.capped
        )?;
    }
    Ok(())
}

/// The goal line, when the journey has a goal.
fn goal(out: &mut impl Write, report: &Report) -> Result<()> {
    let Some(g) = &report.goal else {
        return Ok(());
    };
    let target = match (g.target_percent, g.met) {
        (Some(t), Some(met)) => {
            format!(", target {t}%: {}", if met { "met" } else { "not met" })
        }
        _ => String::new(),
    };
    writeln!(
        out,
        "\nGoal '{}': {} converted, {:.2}%{target}",
        g.trigger,
        g.converted,
        100.0 * g.rate
    )
}

/// The per-step table.
fn steps(out: &mut impl Write, report: &Report) -> Result<()> {
    writeln!(
        out,
        "\n{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}",
        "ver", "step", "name", "reached", "completed", "suppr.", "exit", "stopped", "in prog."
    )?;
    for st in &report.steps {
        let name: String = st.name.chars().take(26).collect();
        writeln!(
            out,
            "{:<4}{:<6}{:<28}{:>10}{:>10}{:>10}{:>10}{:>10}{:>10}",
            st.version,
            st.id.0,
            name,
            st.reached,
            st.completed,
            st.exited.suppressed,
            st.exited.exit_trigger,
            st.exited.stopped,
            st.in_progress
        )?;
    }
    Ok(())
}

/// Each A/B test: its variants with their intervals, then the verdict.
fn ab_tests(out: &mut impl Write, report: &Report) -> Result<()> {
    for ab in &report.ab_tests {
        writeln!(
            out,
            "\nA/B test (version {}, step {}):",
            ab.version, ab.step
        )?;
        for v in &ab.variants {
            writeln!(
                out,
                "  {:<20}{:>10} assigned {:>8} converted  {:>6.2}%  [{:.2}%, {:.2}%]",
                v.name,
                v.assigned,
                v.converted,
                100.0 * v.rate,
                100.0 * v.ci95[0],
                100.0 * v.ci95[1]
            )?;
        }
        let verdict = ab
            .winner
            .as_deref()
            .map_or_else(|| "inconclusive".to_owned(), |w| format!("winner {w}"));
        let when = ab.decided_at.map_or_else(
            || "at the horizon".to_owned(),
            |d| format!("decided {}", d.format("%Y-%m-%dT%H:%M:%SZ")),
        );
        writeln!(out, "  {verdict} (p = {:.3e}, {when})", ab.p_value)?;
    }
    Ok(())
}

/// Each channel-optimization step: its channels, then the best one.
fn channel_optimization(out: &mut impl Write, report: &Report) -> Result<()> {
    for co in &report.channel_optimization {
        writeln!(
            out,
            "\nChannel optimization (version {}, step {}):",
            co.version, co.step
        )?;
        for ch in &co.channels {
            writeln!(
                out,
                "  {:<12}{:>10} sent {:>8} clicked {:>8} converted  {:>6.2}%",
                ch.channel,
                ch.sent,
                ch.clicked,
                ch.converted,
                100.0 * ch.rate
            )?;
        }
        writeln!(out, "  best: {}", co.best.as_deref().unwrap_or("none"))?;
    }
    Ok(())
}

/// The per-channel table of messages.
fn channels(out: &mut impl Write, report: &Report) -> Result<()> {
    writeln!(
        out,
        "\n{:<12}{:>10}{:>10}{:>10}{:>10}{:>10}",
        "channel", "sent", "delivered", "opened", "clicked", "converted"
    )?;
    for ch in &report.channels {
        writeln!(
            out,
            "{:<12}{:>10}{:>10}{:>10}{:>10}{:>10}",
            ch.channel, ch.sent, ch.delivered, ch.opened, ch.clicked, ch.converted
        )?;
    }
    Ok(())
}
