#!/usr/bin/env bash
# The NIR paper's single-neuron comparison (docs/nir.md): lif_norse.nir driven by the paper's input (column 1
# of lif_norse.csv, 1 000 steps of 0.1 ms) in float64, Q8.8, Q16.12 and SC, the probed LIF's membrane in every
# arithmetic. Writes the run to out/nir-paper-lif/ and copies its membrane plot to docs/nir/paper-lif-membrane.png;
# prints scfabric's spike steps per arithmetic (the rows PaperLifTest pins).
#
#   bench/scripts/nir-paper-lif.sh
#
# Exit status 2 on a usage or tool problem.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v python3 >/dev/null || { echo "nir-paper-lif: python3 is needed to read the JSON report" >&2; exit 2; }
res="$root/network/src/test/resources/nir"
out="$root/out/nir-paper-lif"
input="$(mktemp --suffix=.csv)"
trap 'rm -f "$input"' EXIT
cut -d, -f1 "$res/lif_norse.csv" > "$input"
"$root/scfabric" nir "$res/lif_norse.nir" --input "$input" --probe 1:0 --seed 42 --bitstream 256 --out "$out" >&2
mkdir -p "$root/docs/nir"
cp "$out/membrane.png" "$root/docs/nir/paper-lif-membrane.png"
python3 - "$out/results.json" <<'PY'
import json, sys
for run in json.load(open(sys.argv[1]))["runs"]:
    steps = [s for s, _ in run["outputs"]["output"]["spikes"]]
    print("| scfabric %s | %s |" % (run["arith"], " ".join(map(str, steps)) if steps else "none"))
PY
