#!/usr/bin/env bash
# Sweep of the fabric's architecture for the Brunel network: cores K x FIFO depth D (and fan-out ports P
# at K = 4), N neurons, T ms, on the fast engine (equal to the kernel model on every figure). Prints a
# Markdown table: cycles per step, real-time factor at the clock, utilisation, FIFO, overflow, latency.
#
# Usage: bench/scripts/fabric-sweep.sh [N=1000] [DURATION_MS=1000] [CLOCK_MHZ=100] [OVERFLOW=stall]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000}"; T="${2:-1000}"; F="${3:-100}"; OV="${4:-stall}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
runs=()
for K in 1 2 4 8 16; do for D in 2 8 64; do runs+=("$K $D 1"); done; done
for P in 2 4; do runs+=("4 64 $P"); done
for r in "${runs[@]}"; do
  set -- $r
  "$root/scfabric" fabric --neurons "$N" --cores "$1" --fifo-depth "$2" --ports "$3" --duration-ms "$T" \
    --clock-mhz "$F" --overflow "$OV" --engine fast --json "$work/k$1-d$2-p$3.json" --hgrm "$work/l.hgrm" \
    >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
done
python3 - "$work" "$N" "$T" "$F" "$OV" <<'PY'
import json, sys, glob, os
work, n, t, f, ov = sys.argv[1:]
rows = []
for p in glob.glob(os.path.join(work, "*.json")):
    d = json.load(open(p)); a = d["architecture"]; c = d["cycles"]; l = d["latency_cycles"]; o = d["overflow"]
    rows.append((a["cores"], a["ports"], a["fifo_depth"], d))
rows.sort(key=lambda r: (r[1], r[0], r[2]))
print(f"Brunel V3, N {n}, {t} ms, {f} MHz, overflow {ov}; spikes identical to the unrolled network in every run: "
      + ("yes" if all(r[3]["matches_unrolled"] for r in rows) else "NO"))
print()
print("| K | P | FIFO D | cycles/step min / median / max | total cycles | real-time factor | cores busy | ports busy | FIFO max | core stall cycles | latency first p50 / p99 | latency last p50 / p99 / max |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for k, pp, dd, d in rows:
    c = d["cycles"]; l = d["latency_cycles"]; u = d["utilisation"]; o = d["overflow"]
    print(f"| {k} | {pp} | {dd} | {c['per_step_min']} / {c['per_step_median']} / {c['per_step_max']} | {c['total']:,} | "
          f"{d['real_time_factor']:.4f} | {100*u['cores_mean']:.1f} % | {100*u['ports']:.1f} % | "
          f"{d['fifo_occupancy']['max']} | {o['stall_cycles']:,} | {l['first']['p50']} / {l['first']['p99']} | "
          f"{l['last']['p50']} / {l['last']['p99']} / {l['last']['max']} |")
PY
