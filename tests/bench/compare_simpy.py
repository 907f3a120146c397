#!/usr/bin/env python3
"""Compare every rate the SimPy peer and journey-designer both report (welcome series).

    compare_simpy.py PEER.json OURS.json  ->  a markdown table on stdout

Each rate is k/n in both reports; z is the two-sample z statistic with the pooled
proportion, (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)) (for messages sent per entrant,
a count rather than a proportion, Poisson errors). Rates that are 0 (or 1) in
both are listed with z = 0. |z| > 3 is flagged: with ~60 rates, a few |z| above 2
are expected by chance, above 3 rarely (p = 0.0027 each).
"""
import json
import math
import sys


def rates(r):
    """(label, k, n) for every rate the report gives."""
    out = []
    a, o = r["arrivals"], r["outcomes"]
    for key in ("entered", "excluded", "after_end_date", "after_stop", "not_reentered"):
        out.append((f"arrivals: {key} / arrived", a[key], a["arrived"]))
    e = a["entered"]
    out.append(("outcomes: completed / entered", o["completed"], e))
    for name, k in sorted(o["suppressed"].items()):
        out.append((f"outcomes: suppressed ({name}) / entered", k, e))
    for name, k in sorted(o["exit_trigger"].items()):
        out.append((f"outcomes: exit_trigger ({name}) / entered", k, e))
    out.append(("outcomes: stopped / entered", o["stopped"], e))
    out.append(("outcomes: in_progress / entered", o["in_progress"], e))
    out.append(("goal: converted / entered", r["goal"]["converted"], e))
    for s in r["steps"]:
        sid = f"step {s['id']} {s['name']}"
        out.append((f"{sid}: reached / entered", s["reached"], e))
        out.append((f"{sid}: completed / reached", s["completed"], s["reached"]))
        for reason, k in s["exited"].items():
            out.append((f"{sid}: exited {reason} / reached", k, s["reached"]))
    for t in r["ab_tests"]:
        total = sum(v["assigned"] for v in t["variants"])
        for v in t["variants"]:
            out.append((f"A/B step {t['step']} {v['name']}: assigned / all assigned", v["assigned"], total))
            out.append((f"A/B step {t['step']} {v['name']}: converted / assigned", v["converted"], v["assigned"]))
    for c in r["channels"]:
        ch = c["channel"]
        out.append((f"{ch}: sent / entered", c["sent"], e))
        out.append((f"{ch}: delivered / sent", c["delivered"], c["sent"]))
        out.append((f"{ch}: opened / delivered", c["opened"], c["delivered"]))
        out.append((f"{ch}: clicked / opened", c["clicked"], c["opened"]))
        out.append((f"{ch}: converted / entered", c["converted"], e))
    return out


def z(k1, n1, k2, n2):
    if n1 == 0 or n2 == 0:
        return 0.0
    if k1 > n1 or k2 > n2:
        # A count per entrant (messages sent), not a proportion: Poisson standard errors.
        se = math.sqrt(k1 / n1 ** 2 + k2 / n2 ** 2)
        return 0.0 if se == 0 else (k1 / n1 - k2 / n2) / se
    p = (k1 + k2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return 0.0 if se == 0 else (k1 / n1 - k2 / n2) / se


def main():
    peer, ours = (json.load(open(p)) for p in sys.argv[1:3])
    ours_by_label = {label: (k, n) for label, k, n in rates(ours)}
    rows, worst, flagged = [], 0.0, 0
    for label, k1, n1 in rates(peer):
        if label not in ours_by_label:
            continue
        k2, n2 = ours_by_label[label]
        zz = z(k1, n1, k2, n2)
        worst = max(worst, abs(zz))
        flag = " **!**" if abs(zz) > 3 else ""
        flagged += abs(zz) > 3
        r1 = k1 / n1 if n1 else 0.0
        r2 = k2 / n2 if n2 else 0.0
        rows.append(f"| {label} | {k1}/{n1} = {r1:.4%} | {k2}/{n2} = {r2:.4%} | {zz:+.2f}{flag} |")
    print(f"Peer: {peer['customers']:,} customers, seed {peer['seed']}; ours: {ours['customers']:,} customers, seed {ours['seed']}.")
    print(f"{len(rows)} rates compared; largest |z| = {worst:.2f}; |z| > 3: {flagged}.")
    print()
    print("| rate | SimPy peer | journey-designer | z |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    # A/B verdicts, for the record (they are random quantities, not rates).
    for t1, t2 in zip(peer["ab_tests"], ours["ab_tests"]):
        print()
        print(f"A/B step {t1['step']}: peer winner {t1['winner']} (p = {t1['p_value']:.3g}); "
              f"ours winner {t2['winner']} (p = {t2['p_value']:.3g}). A verdict is a random quantity "
              "(near the significance threshold it flips from sample to sample); the rates above are "
              "what must agree.")


if __name__ == "__main__":
    main()
