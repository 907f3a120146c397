#!/usr/bin/env bash
# `journey-designer plan` on every template (assets/) and corpus journey
# (../shared/journeys/, when present): wall seconds, median of RUNS (default 3),
# and the answer. Prints a Markdown table for tests/bench/RESULTS.md.
#
#   tests/bench/plan_bench.sh [RUNS]      (from the crate root)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
BIN=${BIN:-target/release/journey-designer}
[ -x "$BIN" ] || cargo build --release --quiet
echo "| journey | A/B tests | plan, median of $RUNS (s) | answer |"
echo "|---|---|---|---|"
for f in assets/*.journey.ron ../shared/journeys/*.journey.ron; do
  [ -f "$f" ] || continue
  times=()
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s.%N)
    "$BIN" plan "$f" --json > /tmp/plan.json
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  answer=$(python3 - <<'PY'
import json
d = json.load(open("/tmp/plan.json"))
def one(t):
    need = t["customers_for_power"]
    need = "none up to 100,000,000" if need is None else f"{need:,}"
    return f"v{t['version']} step {t['step']}: power {t['power']:.3f} at {t['customers']:,}; 80 % at {need}"
print("; ".join(one(t) for t in d["ab_tests"]) or "no A/B test")
PY
)
  tests=$(python3 -c 'import json; print(len(json.load(open("/tmp/plan.json"))["ab_tests"]))')
  echo "| $(basename "$f") | $tests | $(printf '%.2f' "$median") | $answer |"
done
