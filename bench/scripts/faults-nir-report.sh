#!/usr/bin/env bash
# The robustness data behind docs/faults.md §8: braille_noDelay_bias_zero.nir on the general fabric
# (kernel components, K = 1 core so a core memory's word a is neuron a), 200 steps of 0.1 ms driven by
# Poisson input spikes of 400 Hz per channel (seed 42), campaign seed 1, with Q8.8 weights, Q16.12 weights and
# SC synapses (--arith sc, L = 256, encoders seeded by --net-seed 42; Q8.8 cores):
#   all    — 3000 single faults (sa0, sa1, flip) drawn uniformly from every bit of the fabric;
#   state  — every stuck-at-0/1 on every bit of the neuron state memories (core0.vmem, core0.imem);
#   acc    — every stuck-at-0/1 on every bit of the accumulators (core0.acc; with SC they sum popcounts);
#   fanout — 3000 single faults (sa0, sa1, flip) drawn from the synapse memory (router.fanout);
# and for SC only:
#   wrom   — 3000 single faults drawn from the weight-stream ROM (router.sc_wrom);
#   enc    — 3000 single faults drawn from the input encoders' LFSR states and comparator inputs (router.sc_enc)
#            and the routed spike's stream buffer (router.sc_stream);
# then the comparison plots Q8.8 vs SC vs Q16.12 and the tables (bench/scripts/faults-nir-tables.py).
# Usage: bench/scripts/faults-nir-report.sh [OUT_DIR]   (default docs/faults/braille; the JSON reports go to
# OUT_DIR/data, not committed). FORMATS="sc" reruns one format only; THREADS (default 2) per campaign.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/faults/braille}"
data="$out/data"
mkdir -p "$data"
net=network/src/test/resources/nir/braille_noDelay_bias_zero.nir
common=(--network "$net" --poisson 400 --steps 200 --net-seed 42 --cores 1 --seed 1 --threads "${THREADS:-2}")
for fmt in ${FORMATS:-q8.8 q16.12 sc}; do
  echo "== $fmt"
  ./scfabric faults "${common[@]}" --arith "$fmt" --sites '*' --kinds sa0,sa1,flip --sample 3000 \
    --json "$data/$fmt-all.json" --plots "$data/$fmt-all"
  ./scfabric faults "${common[@]}" --arith "$fmt" --sites 'core0.vmem[*][*],core0.imem[*][*]' --kinds sa0,sa1 \
    --json "$data/$fmt-state.json" --plots "$data/$fmt-state"
  ./scfabric faults "${common[@]}" --arith "$fmt" --sites 'core0.acc[*][*]' --kinds sa0,sa1 \
    --json "$data/$fmt-acc.json" --plots "$data/$fmt-acc"
  ./scfabric faults "${common[@]}" --arith "$fmt" --sites 'router.fanout[*][*]' --kinds sa0,sa1,flip --sample 3000 \
    --json "$data/$fmt-fanout.json" --plots "$data/$fmt-fanout"
  if [ "$fmt" = sc ]; then
    ./scfabric faults "${common[@]}" --arith sc --sites 'router.sc_wrom[*][*]' --kinds sa0,sa1,flip --sample 3000 \
      --json "$data/sc-wrom.json" --plots "$data/sc-wrom"
    ./scfabric faults "${common[@]}" --arith sc --sites 'router.sc_enc[*][*],router.sc_stream[*][*]' \
      --kinds sa0,sa1,flip --sample 3000 --json "$data/sc-enc.json" --plots "$data/sc-enc"
  fi
done
cp "$data/q8.8-all/classes-by-group.png" "$out/q8.8-classes-by-group.png"
cp "$data/q8.8-all/argmax-by-group.png" "$out/q8.8-argmax-by-group.png"
cp "$data/q16.12-all/argmax-by-group.png" "$out/q16.12-argmax-by-group.png"
cp "$data/sc-all/classes-by-group.png" "$out/sc-classes-by-group.png"
cp "$data/sc-all/argmax-by-group.png" "$out/sc-argmax-by-group.png"
for kind in all state acc fanout; do
  ./scfabric faults compare --plots "$out/$kind" "$data/q8.8-$kind.json" "$data/sc-$kind.json" "$data/q16.12-$kind.json"
done
/usr/bin/python3 bench/scripts/faults-nir-tables.py "$data" > "$out/tables.md"
echo "tables in $out/tables.md"
