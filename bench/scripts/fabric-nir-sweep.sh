#!/usr/bin/env bash
# Sweep of the general fabric's architecture for one NIR graph: cores K x fan-out ports P, on Poisson input
# spikes. Prints a Markdown table: cycles per step, real-time factor at 48 MHz (iCE40 UP5K) and 100 MHz
# (Artix-7), late steps, utilisation, input-to-output latency, and the area estimate with the fit on the UP5K
# and the Artix-7 35T. Every run's outputs are checked against 'scfabric nir --arith FORMAT' (the header says).
#
# Usage: bench/scripts/fabric-nir-sweep.sh FILE.nir [POISSON_HZ=400] [STEPS=500] [FORMAT=q8.8] [D=64]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NIR="${1:?give a .nir file}"; HZ="${2:-400}"; T="${3:-500}"; FMT="${4:-q8.8}"; D="${5:-64}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for K in 1 2 4 8; do for P in 1 2 4; do
  "$root/scfabric" fabric --network "$NIR" --poisson "$HZ" --steps "$T" --arith "$FMT" --cores "$K" --ports "$P" \
    --fifo-depth "$D" --clock-mhz 100 --json "$work/k$K-p$P.json" >/dev/null 2>"$work/err" \
    || { cat "$work/err" >&2; exit 1; }
done; done
python3 - "$work" "$NIR" "$HZ" "$T" "$FMT" "$D" <<'PY'
import json, sys, glob, os
work, nir, hz, t, fmt, d = sys.argv[1:]
rows = []
for p in glob.glob(os.path.join(work, "*.json")):
    j = json.load(open(p)); a = j["architecture"]
    rows.append((a["ports"], a["cores"], j))
rows.sort(key=lambda r: (r[0], r[1]))
j0 = rows[0][2]; nw = j0["network"]
print(f"{os.path.basename(nir)} in {fmt}: {nw['neurons']} neurons, {nw['synapses']:,} synapses, {nw['phases']} phases"
      f" per step; Poisson {hz} Hz input, {t} steps of {1000*nw['dt']:g} ms; FIFO depth {d}; outputs identical to "
      f"'scfabric nir --arith {fmt}' in every run: " + ("yes" if all(r[2]["matches_unrolled"] for r in rows) else "NO"))
print()
print("| K | P | cycles/step min / median / max | RTF 48 MHz | late @48 | RTF 100 MHz | late @100 | cores busy | ports busy"
      " | in->out p50 / p99 | iCE40 LUT / FF / EBR | fits UP5K | xc7 LUT / DSP / RAMB18 | fits 35T | iCE40 block-RAM bits |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for p, k, j in rows:
    c = j["cycles"]; u = j["utilisation"]; io = j["latency_io_cycles"]; ice = j["area"]["ice40"]; xc = j["area"]["xc7"]
    sc = j["step_cycles"]; dt_ms = j["dt_ms"]
    rtf100 = j["real_time_factor"]; rtf48 = rtf100 * 100 / 48
    late48 = sum(1 for x in sc if x > round(48 * 1000 * dt_ms)); late100 = sum(1 for x in sc if x > round(100 * 1000 * dt_ms))
    lat = f"{io.get('p50', '-')} / {io.get('p99', '-')}"
    print(f"| {k} | {p} | {c['per_step_min']} / {c['per_step_median']} / {c['per_step_max']} | {rtf48:.3f} | {late48} | "
          f"{rtf100:.3f} | {late100} | {100*u['cores_mean']:.1f} % | {100*u['ports']:.1f} % | {lat} | "
          f"{ice['lut']:,} / {ice['ff']:,} / {ice['block_rams']} | {'yes' if ice['fits'] else 'no'} | "
          f"{xc['lut']:,} / {xc['dsp']} / {xc['block_rams']} | {'yes' if xc['fits'] else 'no'} | {ice['memory_bits']:,} |")
PY
