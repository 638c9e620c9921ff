#!/usr/bin/env bash
# Synthesises every component with Yosys (synth_ice40) and prints its cell statistics.
# Usage: rtl/synth_check.sh [top ...]   (default: all). Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")"
declare -A SOURCES=(
  [sc_lfsr]="sc_lfsr.v"
  [sc_bitstream_encoder]="sc_bitstream_encoder.v"
  [sc_sobol]="sc_sobol.v"
  [sc_sobol_encoder]="sc_sobol.v sc_sobol_encoder.v"
  [sc_bitstream_synapse]="sc_bitstream_synapse.v"
  [sc_popcount_acc]="sc_popcount_acc.v"
  [sc_dotproduct_to_current]="sc_dotproduct_to_current.v"
  [sc_lif_neuron]="sc_lif_neuron.v"
  [sc_cuba_lif_neuron]="sc_cuba_lif_neuron.v"
  [sc_dense_layer_core]="sc_bitstream_encoder.v sc_bitstream_synapse.v sc_dotproduct_to_current.v sc_lif_neuron.v sc_dense_layer_core.v"
)
tops=("$@")
[ ${#tops[@]} -eq 0 ] && tops=(sc_lfsr sc_bitstream_encoder sc_sobol sc_sobol_encoder sc_bitstream_synapse \
  sc_popcount_acc sc_dotproduct_to_current sc_lif_neuron sc_cuba_lif_neuron sc_dense_layer_core)
for top in "${tops[@]}"; do
  echo "== $top"
  yosys -q -p "read_verilog ${SOURCES[$top]}; synth_ice40 -top $top; tee -o /dev/stdout stat" \
    | grep -E "Number of cells|SB_LUT4|SB_DFF|SB_CARRY|SB_MAC16" || true
done
