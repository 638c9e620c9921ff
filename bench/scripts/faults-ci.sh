#!/usr/bin/env bash
# CI: a small fault campaign end to end through the launcher. Exhaustive over the registers of one LIF
# core (V3, neuron 0: v, rc, spike; stuck-at-0, stuck-at-1, flip) of a 200-neuron Brunel network, with
# plots; then the same campaign in 3 shards, merged, must equal it byte for byte; then bad input must
# give exit code 2. Usage: bench/scripts/faults-ci.sh [OUT_DIR]   (default target/ci-faults)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/ci-faults}"
rm -rf "$out"
mkdir -p "$out"
args=(faults --variant V3 --neurons 200 --duration-ms 50 --sites 'core0.lif[0].*' --kinds sa0,sa1,flip --seed 1)

./scfabric "${args[@]}" --json "$out/core.json" --plots "$out/plots"
for i in 0 1 2; do
  ./scfabric "${args[@]}" --shard "$i/3" --threads 1 --json "$out/shard-$i.json" >/dev/null
done
./scfabric faults merge --json "$out/merged.json" "$out"/shard-*.json
cmp "$out/core.json" "$out/merged.json"
for p in error-by-bit classes-by-component classes-by-group; do
  [ -s "$out/plots/$p.png" ] || { echo "faults-ci: plot $p.png missing" >&2; exit 1; }
done

set +e
./scfabric "${args[@]}" --sites 'lif[*].v[*]' --json "$out/bad.json" 2>"$out/bad.err"; code=$?
set -e
if [ "$code" -ne 2 ] || [ -e "$out/bad.json" ] || [ "$(wc -l <"$out/bad.err")" -ne 1 ]; then
  echo "faults-ci: a bad glob should give one line on stderr and exit 2, got $code: $(cat "$out/bad.err")" >&2
  exit 1
fi
echo "faults-ci: campaign, 3 merged shards byte-identical, plots, bad input: ok ($out)"
