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
  answer=$(python3 -c '
import json
d = json.load(open("/tmp/plan.json"))
print("; ".join(f"v{t[\"version\"]} step {t[\"step\"]}: power {t[\"power\"]:.2f} at {t[\"customers\"]:,}, 80 % at {t[\"customers_for_power\"] if t[\"customers_for_power\"] is None else format(t[\"customers_for_power\"], \",\")}" for t in d["ab_tests"]) or "none")
print(len(d["ab_tests"]))' | tr '\n' '|')
  tests=${answer##*|}; tests=$(echo "$answer" | awk -F'|' '{print $2}')
  echo "| $(basename "$f") | $tests | $(printf '%.2f' "$median") | $(echo "$answer" | awk -F'|' '{print $1}') |"
done
