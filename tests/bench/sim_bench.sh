#!/usr/bin/env bash
# Reproducible benchmark of `journey-designer simulate` on the welcome series, with the
# SimPy peer (../shared/bench/welcome_series_simpy.py) measured in the same run.
#
#   tests/bench/sim_bench.sh [RUNS]      (from the crate root; RUNS per size, default 5)
#
# Writes tests/bench/RESULTS.md (tables: wall, events/s, peak memory, ratio to SimPy,
# re-simulation time, and the rate-by-rate comparison with the peer at 100k customers).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RUNS=${1:-5}
JOURNEY=${JOURNEY:-$ROOT/../shared/journeys/welcome-series.journey.ron}
PEER=${PEER:-$ROOT/../shared/bench/welcome_series_simpy.py}
VENV=${VENV:-/tmp/simpy-venv}
OUT=${OUT:-$ROOT/tests/bench/RESULTS.md}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet
BIN=$ROOT/target/release/journey-designer
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import simpy' 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet simpy
fi

# wall seconds (clock around the process), CPU seconds (user + system) and peak RSS (KiB)
# of one command; CPU and memory from /usr/bin/time -v
measure() { # out-prefix cmd...
  local prefix=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v "$@" > "$prefix.stdout" 2> "$prefix.time"
  t1=$(date +%s.%N)
  local cpu rss
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$prefix.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$prefix.time")
  echo "$(echo "$t1 - $t0" | bc -l) $cpu $rss"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "SimPy peer, 100,000 customers ..." >&2
read -r PEER_WALL PEER_CPU PEER_RSS < <(measure "$WORK/peer" "$VENV/bin/python" "$PEER" --customers 100000 --seed 42 --json)
cp "$WORK/peer.stdout" "$WORK/peer100k.json"
PEER_WALL=$(printf '%.2f' "$PEER_WALL")
PEER_WALL_S=$(python3 -c "import json;print(json.load(open('$WORK/peer100k.json'))['wall_s'])")
PEER_EVENTS=$(python3 -c "import json;print(json.load(open('$WORK/peer100k.json'))['events'])")

ROWS=""
: > "$WORK/summary"
for N in 100000 1000000 10000000; do
  echo "journey-designer, $N customers x $RUNS ..." >&2
  : > "$WORK/walls"; : > "$WORK/cpus"; : > "$WORK/rss"
  for _ in $(seq "$RUNS"); do
    read -r W C R < <(measure "$WORK/ours" "$BIN" simulate "$JOURNEY" --customers "$N" --seed 42 --json)
    echo "$W" >> "$WORK/walls"; echo "$C" >> "$WORK/cpus"; echo "$R" >> "$WORK/rss"
  done
  [ "$N" = 100000 ] && cp "$WORK/ours.stdout" "$WORK/ours100k.json"
  echo "$N $(median < "$WORK/walls") $(median < "$WORK/cpus") $(sort -g "$WORK/rss" | tail -1)" >> "$WORK/summary"
  WALL=$(median < "$WORK/walls")
  CPU=$(median < "$WORK/cpus")
  RSS=$(sort -g "$WORK/rss" | tail -1)
  EVENTS=$("$BIN" simulate "$JOURNEY" --customers "$N" --seed 42 --repeat 1 2>&1 | sed -n 's/.*(\([0-9]*\) events).*/\1/p' | head -1)
  ROWS+=$(python3 - "$N" "$WALL" "$RSS" "$EVENTS" "$PEER_WALL_S" "$PEER_EVENTS" "$CPU" "$PEER_CPU" <<'PY'
import sys
n, wall, rss, ev, peer_wall, peer_ev = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
cpu, peer_cpu = float(sys.argv[7]), float(sys.argv[8])
ours_cps = n / wall
peer_cps = 100000 / peer_wall
simpy_eq = peer_ev / 100000 * n / wall
cpu_ratio = (peer_cpu / 100000) / (cpu / n)
print(f"| {n:,} | {wall:.3f} s | {cpu:.2f} s | {ev/wall/1e6:,.1f} M/s | {simpy_eq/1e6:,.1f} M/s | {ours_cps/1e6:,.2f} M/s | {rss/1024:.1f} MiB | {ours_cps/peer_cps:,.0f}x | {cpu_ratio:,.0f}x |")
PY
)$'\n'
done

echo "re-simulating 100,000 customers in-process ..." >&2
RERUN=$("$BIN" simulate "$JOURNEY" --customers 100000 --seed 42 --repeat 21 2>&1 | sed -n 's/^median \(.*\) ms/\1/p')
RERUN1=$("$BIN" simulate "$JOURNEY" --customers 100000 --seed 42 --repeat 21 --threads 1 2>&1 | sed -n 's/^median \(.*\) ms/\1/p')

TARGETS=$(python3 - "$WORK/summary" "$PEER_WALL_S" "$PEER_CPU" "$RERUN" <<'PY'
import sys
rows = {int(l.split()[0]): [float(x) for x in l.split()[1:]] for l in open(sys.argv[1])}
peer_wall, peer_cpu, rerun = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
w10, c10, m10 = rows[10_000_000]
w1, c1, _ = rows[1_000_000]
ratio = (10_000_000 / w10) / (100_000 / peer_wall)
def ok(x):
    return "met" if x else "**not met**"
print("| target | measured | |")
print("|---|---|---|")
print(f"| 10M customers ≤ 0.7 s wall (2 cores) | {w10:.2f} s wall; {c10:.2f} s CPU = {c10/2:.2f} s on 2 idle cores | {ok(w10 <= 0.7)} |")
print(f"| 1M customers ≤ 0.07 s wall | {w1:.3f} s wall; {c1:.3f} s CPU = {c1/2:.3f} s on 2 idle cores | {ok(w1 <= 0.07)} |")
print(f"| memory flat, ≤ 32 MB beyond the report at 10M | {m10/1024:.1f} MiB peak for the whole process at 10M (same at 100k) | {ok(m10/1024 <= 32)} |")
print(f"| ≥ 1,000× SimPy customers/s (peer at 100k, same run) | {ratio:,.0f}× (10M, wall vs the peer's wall_s) | {ok(ratio >= 1000)} |")
print(f"| re-simulate 100k ≤ 20 ms | {rerun} ms | {ok(rerun <= 20)} |")
PY
)
COMPARE=$(python3 "$ROOT/tests/bench/compare_simpy.py" "$WORK/peer100k.json" "$WORK/ours100k.json")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# Hand-written sections after the marker line (other benchmarks' figures) are kept.
MARKER='<!-- The sections below are measured by other scripts and kept by sim_bench.sh. -->'
KEPT=""
if [ -f "$OUT" ]; then
  KEPT=$(awk -v m="$MARKER" 'found || $0 == m {found=1; print}' "$OUT")
fi

cat > "$OUT" <<MD
# Simulator benchmark: the welcome series

Measured by \`tests/bench/sim_bench.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores ($CPU),
load average at the end $LOAD (the machine is shared; figures are medians of $RUNS runs).
Journey: \`welcome-series.journey.ron\`, seed 42, \`simulate --json\` (full report), all cores.
Wall time and peak memory are of the whole process (\`/usr/bin/time -v\`: start-up, loading
the file, simulating, writing the JSON).

- **events/s (engine)**: events the engine processes: per customer, every distinct
  instant at which something happens to them (an arrival, a trigger occurrence, a click,
  a timer, an exit) plus every step visit.
- **events/s (SimPy-equivalent)**: the SimPy peer's event count for the same work
  ($PEER_EVENTS events at 100,000 customers, scaled by the number of customers), divided by
  our wall time.
- **ratio to SimPy**: our customers/s (whole process, wall) over the peer's customers/s at
  100,000 customers in the same run (peer: its \`wall_s\` = $PEER_WALL_S s, Python start-up
  excluded; whole process $PEER_WALL s wall, $PEER_CPU s CPU, peak $(( PEER_RSS / 1024 )) MiB).
- **CPU time** is user + system of the whole process, all threads; **CPU ratio** compares
  CPU seconds per customer (ours vs the peer's whole process). On a shared machine the wall
  times of both depend on what else runs; CPU time much less.

| customers | wall | CPU time | events/s (engine) | events/s (SimPy-equivalent) | customers/s | peak memory | ratio to SimPy | CPU ratio |
|---|---|---|---|---|---|---|---|---|
$ROWS
Re-simulating 100,000 customers after an edit (\`simulate()\` in-process, median of 21,
\`--repeat\`): **$RERUN ms** on all cores, $RERUN1 ms on one thread.

## Targets of issue 3

$TARGETS

"on 2 idle cores" is CPU time / 2: what the wall time would be if both cores were ours
(the engine scales to both workers: customers are independent, chunks of 8,192 are handed
out from an atomic counter, nothing is shared but the read-only compiled journey).
The peer's own README measured \`wall_s\` = 6.7 s at 100,000 customers on a quiet machine
of this kind; in this run it took $PEER_WALL_S s, which shows how loaded the machine was.
Our engine runs two threads, so it loses more to other processes than the single-threaded
peer does. The CPU ratio (CPU seconds per customer, our two threads against the peer's one)
shows the per-core gap; the ratio to SimPy (customers per second, wall) is the issue's measure.

## Agreement with the SimPy peer (100,000 customers, seed 42)

$COMPARE
MD
if [ -n "$KEPT" ]; then
  printf '\n%s\n' "$KEPT" >> "$OUT"
fi
echo "wrote $OUT" >&2
