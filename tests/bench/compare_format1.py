#!/usr/bin/env python3
"""Compares `simulate --json` reports with the pre-format-2 baseline, new keys aside.

Usage: compare_format1.py BASELINE_DIR NEW_DIR
Every BASELINE_DIR/*.json must have a NEW_DIR/*.json of the same name that equals it
once the keys format 2 added are removed; the new keys must say "nothing happened"
for a format-1 journey: held_out 0, holdout null, messages with sent only (held,
skipped, capped 0), channels skipped/capped 0, and timeline sent adding up to the
channels' sent. Exit status 1 on any difference.
"""
import json, pathlib, sys

def strip(report):
    problems = []
    o = report["outcomes"]
    if o.pop("held_out") != 0:
        problems.append("held_out is not 0")
    if report.pop("holdout") is not None:
        problems.append("holdout is not null")
    for s in report["steps"]:
        m = s.pop("messages")
        if m["held"] or m["skipped"] or m["capped"]:
            problems.append(f"step {s['id']}: {m}")
    total = 0
    for c in report["channels"]:
        if c.pop("skipped") or c.pop("capped"):
            problems.append(f"channel {c['channel']} skipped or capped")
        total += c["sent"]
    sent = sum(row.pop("sent") for row in report["timeline"])
    if sent != total:
        problems.append(f"timeline sent {sent} != channels sent {total}")
    return problems

def main(old_dir, new_dir):
    bad = 0
    files = sorted(pathlib.Path(old_dir).glob("*.json"))
    for old in files:
        new = pathlib.Path(new_dir) / old.name
        a = json.loads(old.read_text())
        b = json.loads(new.read_text())
        problems = strip(b)
        if a != b:
            problems.append("differs from the baseline")
        status = "ok" if not problems else "; ".join(problems)
        print(f"{old.name}: {status}")
        bad += bool(problems)
    print(f"{len(files) - bad} of {len(files)} reports unchanged (new keys aside)")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
