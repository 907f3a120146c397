#!/usr/bin/env bash
# Speed of format 2 against the release before it, in one run (issue "delivery rules").
#
#   tests/bench/delivery_bench.sh BASELINE_BINARY [RUNS] [CUSTOMERS]
#
# Runs `simulate --json` on 10,000,000 customers (default) of the welcome series,
# RUNS times (default 5) for each of: the baseline binary on the format-1 file, this
# release on the same file, and this release on tests/bench/welcome-series-delivery
# (quiet hours, caps, two time zones). The three are interleaved run by run so that
# the machine's load hits them alike. Prints every CPU time (user + system) and the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=${1:?baseline binary}
RUNS=${2:-5}
CUSTOMERS=${3:-10000000}
NEW=${NEW:-${CARGO_TARGET_DIR:-target}/release/journey-designer}
# The shared corpus's welcome series (set PLAIN when ../shared is elsewhere).
PLAIN=${PLAIN:-../shared/journeys/welcome-series.journey.ron}
RULES=tests/bench/welcome-series-delivery.journey.ron
# CPU seconds (user + system, all threads) of one command: on a shared machine the
# wall time depends on what else runs, CPU time much less.
wall() { # cmd... -> seconds
  /usr/bin/time -f '%U %S' -o /tmp/bench.time "$@" > /dev/null || { echo "failed: $*" >&2; exit 1; }
  awk '{print $1 + $2}' /tmp/bench.time
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > /tmp/bench.base; : > /tmp/bench.new; : > /tmp/bench.rules
for r in $(seq "$RUNS"); do
  b=$(wall "$BASE" simulate "$PLAIN" --json --customers "$CUSTOMERS")
  n=$(wall "$NEW" simulate "$PLAIN" --json --customers "$CUSTOMERS")
  d=$(wall "$NEW" simulate "$RULES" --json --customers "$CUSTOMERS")
  printf 'run %s: baseline %.3f s, format 2 without rules %.3f s, with rules %.3f s\n' "$r" "$b" "$n" "$d"
  echo "$b" >> /tmp/bench.base; echo "$n" >> /tmp/bench.new; echo "$d" >> /tmp/bench.rules
done
mb=$(median < /tmp/bench.base); mn=$(median < /tmp/bench.new); md=$(median < /tmp/bench.rules)
printf 'medians: baseline %.3f s, without rules %.3f s (%.3fx), with rules %.3f s (%.3fx)\n' \
  "$mb" "$mn" "$(echo "$mn / $mb" | bc -l)" "$md" "$(echo "$md / $mb" | bc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
