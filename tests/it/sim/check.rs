//! S10 conservation and count bounds, checked on any report.

use journey_designer::sim::Report;

/// Asserts S10 at every timeline instant and at the horizon, plus the bounds every count obeys.
pub fn assert_conserved(r: &Report) {
    let a = &r.arrivals;
    assert_eq!(
        a.arrived,
        a.entered + a.excluded + a.after_end_date + a.after_stop + a.not_reentered,
        "arrivals add up"
    );
    let o = &r.outcomes;
    let suppressed: u64 = o.suppressed.iter().map(|(_, n)| n).sum();
    let exit_trigger: u64 = o.exit_trigger.iter().map(|(_, n)| n).sum();
    assert_eq!(
        a.entered,
        o.completed + suppressed + exit_trigger + o.stopped + o.held_out + o.in_progress,
        "outcomes add up (S10 with held_out, S23)"
    );
    let mut step_exits = [0u64; 3];
    for s in &r.steps {
        let e = &s.exited;
        assert_eq!(
            s.reached,
            s.completed + e.suppressed + e.exit_trigger + e.stopped + s.in_progress,
            "step {} of version {} adds up",
            s.id,
            s.version
        );
        step_exits[0] += e.suppressed;
        step_exits[1] += e.exit_trigger;
        step_exits[2] += e.stopped;
    }
    // Customers suppressed at entry exit at no step; every other exit is at a step.
    assert!(step_exits[0] <= suppressed);
    assert_eq!(
        step_exits[1], exit_trigger,
        "exit-trigger exits happen at steps"
    );
    assert_eq!(step_exits[2], o.stopped, "stops happen at steps");
    let in_progress_steps: u64 = r.steps.iter().map(|s| s.in_progress).sum();
    assert_eq!(
        in_progress_steps, o.in_progress,
        "in progress = at some step"
    );
    // Every timeline instant.
    let (mut entered, mut left) = (0u64, 0u64);
    for (k, row) in r.timeline.iter().enumerate() {
        entered += row.entered;
        left += row.exited;
        assert_eq!(row.in_progress, entered - left, "timeline row {k}");
        let at_steps: u64 = r.occupancy.steps.iter().map(|s| s.at_step[k]).sum();
        assert_eq!(
            at_steps, row.in_progress,
            "row {k}: in progress = customers at steps"
        );
        for s in &r.occupancy.steps {
            assert_eq!(
                s.reached[k],
                s.completed[k] + s.suppressed[k] + s.exit_trigger[k] + s.stopped[k] + s.at_step[k],
                "row {k}: step {} of version {}",
                s.id,
                s.version
            );
            if k > 0 {
                assert!(s.reached[k] >= s.reached[k - 1] && s.completed[k] >= s.completed[k - 1]);
            }
        }
    }
    assert_eq!(entered, a.entered, "timeline entries = entered");
    assert_eq!(
        r.occupancy.held_out.last().copied().unwrap_or(0),
        o.held_out,
        "held out over time"
    );
    assert_eq!(
        r.timeline.last().map(|t| t.in_progress),
        Some(o.in_progress)
    );
    // Versions and bounds.
    let v_entered: u64 = r.versions.iter().map(|v| v.entered).sum();
    assert_eq!(v_entered, a.entered, "versions add up");
    assert_eq!(
        r.versions.iter().map(|v| v.completed).sum::<u64>(),
        o.completed
    );
    assert_eq!(r.versions.iter().map(|v| v.stopped).sum::<u64>(), o.stopped);
    if let Some(g) = &r.goal {
        assert!(g.converted <= a.entered);
        assert!((0.0..=1.0).contains(&g.rate));
        assert_eq!(r.occupancy.conversions.last().copied(), Some(g.converted));
    }
    for ch in &r.channels {
        assert!(ch.sent >= ch.delivered && ch.delivered >= ch.opened && ch.opened >= ch.clicked);
        assert!(ch.converted <= a.entered);
    }
    for t in &r.ab_tests {
        let assigned: u64 = t.variants.iter().map(|v| v.assigned).sum();
        let s = r
            .steps
            .iter()
            .find(|s| s.version == t.version && s.id == t.step)
            .expect("ab step");
        assert_eq!(
            assigned, s.completed,
            "A/B assignments = the step's completions"
        );
        for v in &t.variants {
            assert!(v.converted <= v.assigned);
            assert!(v.ci95[0] <= v.rate && v.rate <= v.ci95[1]);
        }
        assert!((0.0..=1.0).contains(&t.p_value));
    }
    for co in &r.channel_optimization {
        let sent: u64 = co.channels.iter().map(|c| c.sent).sum();
        let s = r
            .steps
            .iter()
            .find(|s| s.version == co.version && s.id == co.step)
            .expect("co step");
        assert_eq!(sent, s.messages.sent, "optimized sends = the step's sends");
        assert_eq!(
            s.messages.sent + s.messages.skipped + s.messages.capped,
            s.completed,
            "sent, skipped and capped = the step's completions"
        );
    }
    assert_messages(r, suppressed - step_exits[0]);
    for c in &r.occupancy.connections {
        let s = r
            .steps
            .iter()
            .find(|s| s.version == c.version && s.id == c.step)
            .expect("step");
        assert!(c.passes.last().copied().unwrap_or(0) <= s.completed);
    }
}

/// Messages (format 2): every send is counted once per step, channel and timeline row;
/// the holdout's groups add up (S23, precise point 1).
fn assert_messages(r: &Report, suppressed_at_entry: u64) {
    let steps_sent: u64 = r.steps.iter().map(|s| s.messages.sent).sum();
    let channels_sent: u64 = r.channels.iter().map(|c| c.sent).sum();
    assert_eq!(steps_sent, channels_sent, "step sends = channel sends");
    let timeline_sent: u64 = r.timeline.iter().map(|t| t.sent).sum();
    assert_eq!(
        timeline_sent, channels_sent,
        "timeline sends = channel sends"
    );
    let skipped: u64 = r.steps.iter().map(|s| s.messages.skipped).sum();
    let capped: u64 = r.steps.iter().map(|s| s.messages.capped).sum();
    assert_eq!(skipped, r.channels.iter().map(|c| c.skipped).sum::<u64>());
    assert_eq!(capped, r.channels.iter().map(|c| c.capped).sum::<u64>());
    for s in &r.steps {
        let m = &s.messages;
        assert!(
            m.sent + m.skipped + m.capped <= s.completed,
            "step {}",
            s.id
        );
        assert!(m.held <= s.reached, "step {}", s.id);
    }
    let grid: u64 = r.send_volume.utc.iter().flatten().sum();
    let local: u64 = r.send_volume.local.iter().flatten().sum();
    assert_eq!((grid, local), (channels_sent, channels_sent), "send volume");
    match &r.holdout {
        None => assert_eq!(r.outcomes.held_out, 0),
        Some(h) => {
            assert_eq!(h.held_out, r.outcomes.held_out);
            assert_eq!(
                h.treated + h.held_out + suppressed_at_entry,
                r.arrivals.entered,
                "treated + held out + suppressed at entry = entered"
            );
            assert!(h.treated_converted <= h.treated && h.held_out_converted <= h.held_out);
            assert!(h.ci95[0] <= h.ci95[1] && (0.0..=1.0).contains(&h.p_value));
        }
    }
}
