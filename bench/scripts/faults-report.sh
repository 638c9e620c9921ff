#!/usr/bin/env bash
# The robustness data behind docs/faults.md: for each variant (default V3 V11 V4 V14), N = 1000,
# 100 ms simulated, network seed 42, campaign seed 1:
#   bits   — single stuck-at-0/1 on every bit of the membranes of 10 neurons (core0.lif[1?].v[*]), exhaustive;
#   sites  — single faults (sa0, sa1, flip) on 2000 sites drawn uniformly from all of the design's bits;
#   rates  — 10 trials per rate of random stuck-ats on a fraction 1e-6 .. 1e-2 of all bits (RATES=...);
# then the comparison plots of every variant with data into OUT_DIR/bits, OUT_DIR/sites, OUT_DIR/rates.
# Usage: [RATES=...] bench/scripts/faults-report.sh [OUT_DIR] [VARIANT...]   (default OUT_DIR docs/faults,
# where docs/faults.md expects the plots; the JSON reports stay in OUT_DIR/data, not committed).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/faults}"
shift || true
variants=("$@")
[ "${#variants[@]}" -gt 0 ] || variants=(V3 V11 V4 V14)
data="$out/data"
mkdir -p "$data"
common=(--neurons 1000 --duration-ms 100 --net-seed 42 --seed 1)
rates="${RATES:-1e-6,1e-5,1e-4,1e-3,1e-2}"
for v in "${variants[@]}"; do
  echo "== $v"
  ./scfabric faults --variant "$v" "${common[@]}" --sites 'core0.lif[1?].v[*]' --kinds sa0,sa1 \
    --json "$data/$v-bits.json" --plots "$data/$v-bits"
  ./scfabric faults --variant "$v" "${common[@]}" --sites '*' --kinds sa0,sa1,flip --sample 2000 \
    --json "$data/$v-sites.json" --plots "$data/$v-sites"
  ./scfabric faults --variant "$v" "${common[@]}" --sites '*' --kinds sa0,sa1 --rates "$rates" \
    --trials 10 --json "$data/$v-rates.json" --plots "$data/$v-rates"
  cp "$data/$v-sites/classes-by-group.png" "$out/$(echo "$v" | tr '[:upper:]' '[:lower:]')-classes-by-group.png"
done
# compare every variant with data in OUT_DIR/data (a later run of one variant keeps the others)
for kind in bits sites rates; do
  reports=()
  for v in V3 V11 V4 V14; do
    [ -f "$data/$v-$kind.json" ] && reports+=("$data/$v-$kind.json")
  done
  [ "${#reports[@]}" -gt 0 ] && ./scfabric faults compare --plots "$out/$kind" "${reports[@]}"
done
