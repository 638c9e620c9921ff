#!/usr/bin/env bash
# Fault-campaign throughput, V3 (Q8.8 Brunel design on the kernel), N = 1000, 100 ms simulated
# (1000 steps, 2000 cycles) per faulty run, every core. Three campaigns of K faults each (sa0, sa1, flip):
#   v    — the membrane registers only (core0.lif[*].v[*]): every fault must be simulated, the worst case;
#   lif  — every LIF register (v, rc, spike): rc's high bits never leave 0, so some stuck-ats need no run;
#   all  — every fault site of the design, uniformly (the crossbar memory dominates).
# Prints the campaign's own figure (items/s over the fault phase, golden run excluded) and the CPU
# time the JVM used, so a figure from a busy machine can be read against the cores it really had.
# Usage: bench/scripts/faults-bench.sh [K] [OUT_DIR]      (default K = 1000, OUT_DIR = target/faults-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
k="${1:-1000}"
out="${2:-target/faults-bench}"
mkdir -p "$out"
./scfabric --version >/dev/null   # builds the jar if needed, outside the timing
for sites in v lif all; do
  case "$sites" in
    v) glob='core0.lif[*].v[*]' ;;
    lif) glob='core0.lif[*].*' ;;
    *) glob='*' ;;
  esac
  log="$out/$sites.log"
  /usr/bin/time -f "cpu %U user %S sys %e wall (s)" -o "$out/$sites.time" \
    ./scfabric faults --variant V3 --neurons 1000 --duration-ms 100 --sites "$glob" --kinds sa0,sa1,flip \
      --sample "$k" --seed 1 --json "$out/$sites.json" >"$log" 2>&1
  echo "== $sites ($glob), $k faults, load before: $(cut -d' ' -f1 /proc/loadavg)"
  grep -E '^faults: [0-9]+ items in' "$log"
  cat "$out/$sites.time"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
